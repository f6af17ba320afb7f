"""The check-in form as a new user meets it: saving moves off the fields, the leg notice asks only when
something new is logged (Enter is OK), leg symptoms per side, and nothing half-filled is lost silently."""

from __future__ import annotations

from datetime import timedelta

from click.testing import CliRunner
from textual.widgets import DataTable, Input, Static, Tabs

from tests.conftest import FIXED_NOW
from trainer.cli import main
from trainer.journal.export import to_csv
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore
from trainer.reports.markdown import markdown_report
from trainer.screens.dialogs import ConfirmScreen, HelpNoticeScreen
from trainer.screens.help import HelpScreen
from trainer.screens.home import HomeScreen
from trainer.screens.journal import JournalScreen
from trainer.widgets.pain_scale import NumberScale
from trainer.widgets.toggle_row import ToggleRow


def text_in(screen) -> str:
    return " ".join(str(widget.render()) for widget in screen.query(Static))


async def test_after_saving_the_tab_keys_switch_tabs(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "4", "enter")
        await pilot.pause()
        assert isinstance(app.focused, Tabs)  # off the form's fields
        await pilot.press("e")
        await pilot.pause()
        assert app.screen.query_one("#journal-tabs").active == "entries"
        assert app.screen.query_one("#when", Input).value == ""  # no stray "e" typed into "When"


async def test_enter_on_the_leg_notice_is_ok(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "5")
        app.screen.query_one("#leg", ToggleRow).set_values(["numbness"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HelpNoticeScreen)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)


async def test_an_edit_that_only_changes_the_pain_does_not_ask_again_and_returns_to_the_entry(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    other = CheckIn(at=FIXED_NOW - timedelta(hours=1), pain_now=2)
    edited = CheckIn(at=FIXED_NOW - timedelta(days=1), pain_now=5, leg_symptoms=["numbness"], leg_side="left")
    store.add(other)
    store.add(edited)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e", "down", "enter", "e")
        assert "Editing" in str(app.screen.query_one("#form-title").render())
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)  # no leg notice: nothing new about the legs
        assert app.screen.query_one("#journal-tabs").active == "entries"
        table = app.screen.query_one("#entry-table", DataTable)
        assert app.focused is table and table.cursor_row == 1  # the edited entry, selected
    assert store.get(edited.id).pain_now == 3


async def test_symptoms_in_both_legs_lead_to_the_emergency_list(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "4")
        app.screen.query_one("#leg", ToggleRow).set_values(["tingling"])
        app.screen.query_one("#leg-side", ToggleRow).set_values(["left", "right"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HelpNoticeScreen)
        emergency = app.services.catalog.safety.help_list("emergency")
        shown = text_in(app.screen)
        assert shown.index(emergency.action) < shown.index("You noted numbness")  # the emergency list first
        assert emergency.items[6] in shown  # "Pain, numbness, pins and needles or weakness in both legs."
        body = app.screen.query_one(".notice-body")
        await pilot.press("pagedown")  # a long notice reads by keyboard at 80x24; the buttons stay in view
        assert body.scroll_y > 0 and app.screen.query_one("#ok").region.bottom <= 24
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    (entry,) = JournalStore(paths.journal_dir).entries()
    assert entry.leg_side == "both" and entry.leg_symptoms == ["tingling"]


async def test_a_side_without_a_symptom_is_explained_beside_the_field(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "4")
        app.screen.query_one("#leg-side", ToggleRow).set_values(["right"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Tick the leg symptom too" in app.screen.query_one("#label-leg").error
    assert JournalStore(paths.journal_dir).entries() == []


def test_the_side_is_logged_from_the_shell_and_shown_in_every_export(paths) -> None:
    result = CliRunner().invoke(
        main, ["log", "5", "--leg", "numbness", "--leg-side", "right", "--at", "17:00"], obj=lambda: FIXED_NOW
    )
    assert result.exit_code == 0, result.output
    assert "leg numbness (right leg)" in result.stdout
    both = CliRunner().invoke(main, ["log", "5", "--leg", "weakness", "--leg-side", "both"], obj=lambda: FIXED_NOW)
    assert "emergency list" in both.stdout
    alone = CliRunner().invoke(main, ["log", "5", "--leg-side", "left"], obj=lambda: FIXED_NOW)
    assert alone.exit_code == 2 and "--leg-side" in alone.output and "give the symptom too" in alone.output
    entries = JournalStore(paths.journal_dir).entries()
    assert [entry.leg_side for entry in entries] == ["both", "right"]
    csv = to_csv(entries)
    assert csv.splitlines()[0].split(",").index("leg_side") and ",both," in csv
    report = markdown_report(entries, FIXED_NOW.date(), None, 3, FIXED_NOW)
    assert "symptoms: numbness (right leg)" in report and "symptoms: weakness (both legs)" in report
    listed = CliRunner().invoke(main, ["journal"], obj=lambda: FIXED_NOW)
    assert "leg: weakness (both legs)" in listed.stdout


def test_old_check_ins_without_a_side_still_load() -> None:
    old = '{"kind": "check-in", "id": "' + "a" * 32 + '", "at": "2026-11-01T09:00:00+00:00", "pain_now": 3, '
    old += '"leg_symptoms": ["tingling"], "schema_version": 1}'
    assert CheckIn.model_validate_json(old).leg_side is None


async def test_leaving_with_a_half_filled_check_in_asks_first(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "6", "tab", "5", "q")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Discard this check-in?" in text_in(app.screen)
        await pilot.press("n")  # back to the form, everything kept
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
        assert app.screen.query_one("#pain", NumberScale).value == 6
        assert app.screen.query_one("#average", NumberScale).value == 5
        assert app.focused is app.screen.query_one("#average")
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert JournalStore(paths.journal_dir).entries() == []


async def test_esc_in_a_text_field_with_unsaved_text_asks_and_a_clean_form_just_leaves(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        app.screen.query_one("#triggers", Input).focus()
        await pilot.press(*"sofa", "escape")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen.query_one("#triggers", Input).value == "sofa"
        await pilot.press("ctrl+s", "1", "enter")  # saved: nothing is left unsaved
        await pilot.pause()
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_leaving_an_edit_with_changes_asks_too(make_app, paths) -> None:
    JournalStore(paths.journal_dir).add(CheckIn(at=FIXED_NOW - timedelta(hours=2), pain_now=3))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e", "enter", "e", "q")  # an edit opened, nothing changed: leaves
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("j", "e", "enter", "e", "7", "q")
        assert isinstance(app.screen, ConfirmScreen) and "changes" in text_in(app.screen)
