"""The Entries tab: honest session lines, details cut with an ellipsis, undo after delete, editing a session, the
entries kept as they happened (reminders, the coach's decisions and reviews)."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from tests.conftest import FIXED_NOW
from tests.unit.coach_builders import decision, review
from trainer.journal.models import CheckIn, ExerciseDone, ReminderPrompt, SessionRecord
from trainer.journal.store import JournalStore
from trainer.screens.journal_entries import EntryScreen
from trainer.screens.session_edit import SessionEditScreen

STARTED = FIXED_NOW - timedelta(hours=3)


def footer_actions(app) -> set[str]:
    """The actions the footer offers now."""
    return {binding.action for _, binding, enabled, _ in app.active_bindings.values() if enabled and binding.show}


def stopped_in_first_set() -> SessionRecord:
    return SessionRecord(
        at=STARTED,
        ended=STARTED + timedelta(seconds=75),
        title="Gentle start",
        exercises=[
            ExerciseDone(exercise_id="bird-dog", name="Bird-dog", sets_planned=1, sets_done=0, reps_done=3, seconds=21),
            ExerciseDone(exercise_id="cat-cow", name="Cat-cow", sets_planned=1, sets_done=0),
        ],
        completion=0.07,
        ended_how="stopped-pain",
        stop_reason="pain",
        pain_before=4,
    )


async def test_a_stopped_session_says_what_was_done_in_the_list_and_the_dialog(make_app, paths) -> None:
    JournalStore(paths.journal_dir).add(stopped_in_first_set())
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "e")
        table = app.screen.query_one("#entry-table", DataTable)
        details = str(table.get_row_at(0)[3])
        assert details.startswith("Gentle start, stopped for pain after 1 min: 3 reps of Bird-dog (only started")
        await pilot.press("enter")
        assert isinstance(app.screen, EntryScreen)
        labels = [str(widget.render()) for widget in app.screen.query(".detail-label")]
        values = [str(widget.render()) for widget in app.screen.query(".detail-value")]
        rows = dict(zip(labels, values, strict=True))
        assert rows["Done"] == "3 reps of Bird-dog (7% of the planned work)"
        assert rows["Bird-dog"] == "3 reps, not a whole set" and rows["Cat-cow"] == "not started"


async def test_a_deleted_entry_comes_back_with_u(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    kept = CheckIn(at=FIXED_NOW - timedelta(hours=1), pain_now=2, notes="keep me")
    store.add(kept)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e")
        assert "undo_delete" not in footer_actions(app)  # nothing to undo yet
        await pilot.press("enter", "d", "y")
        await pilot.pause()
        assert store.entries() == []
        assert any("Entry deleted. Press u to undo" in n.message for n in app._notifications)
        assert "undo_delete" in footer_actions(app)
        await pilot.press("u")
        await pilot.pause()
        assert store.entries() == [kept]  # exactly as it was, same id
        assert app.screen.query_one("#entry-table", DataTable).row_count == 1
        assert "undo_delete" not in footer_actions(app)


async def test_pain_after_a_session_is_added_later(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    record = stopped_in_first_set()
    store.add(record)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e", "enter", "e")
        assert isinstance(app.screen, SessionEditScreen)
        await pilot.press("2", "tab", "6", "tab", "4", "tab", *"Better by the evening", "ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, SessionEditScreen)
    (saved,) = store.entries()
    assert (saved.pain_after, saved.pain_peak, saved.effort, saved.note) == (2, 6, 4, "Better by the evening")
    assert saved.model_dump(exclude={"pain_after", "pain_peak", "effort", "note", "recorded"}) == record.model_dump(
        exclude={"pain_after", "pain_peak", "effort", "note", "recorded"}
    )


async def test_the_session_edit_dialog_fits_80x24(make_app, paths) -> None:
    JournalStore(paths.journal_dir).add(stopped_in_first_set())
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e", "enter", "e")
        save = app.screen.query_one("#save")
        await pilot.press("tab", "tab", "tab", "tab")  # to the buttons: they come into view
        assert save.region.bottom <= 24 and save.region.height > 0


async def test_details_are_cut_with_an_ellipsis_at_the_table_edge(make_app, paths) -> None:
    note = "Stiff after the long drive to the coast and back, then better after a short walk by the sea"
    JournalStore(paths.journal_dir).add(CheckIn(at=FIXED_NOW - timedelta(hours=1), pain_now=3, notes=note))
    app = make_app()
    for width in (80, 120):
        async with app.run_test(size=(width, 24)) as pilot:
            await pilot.press("j", "e")
            await pilot.pause()
            table = app.screen.query_one("#entry-table", DataTable)
            details = str(table.get_row_at(0)[3])
            columns = sum(column.get_render_width(table) for column in table.columns.values())
            assert columns <= table.size.width  # nothing runs past the edge of the table
            assert details.endswith("…") and note.startswith(details[:-1])
            assert len(details) == table.columns["details"].width
        app = make_app()


async def test_an_open_filter_list_is_set_apart_from_the_table(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", "tab", "tab", "enter")
        overlay = app.screen.query_one("#body_area SelectOverlay")
        assert overlay.display and overlay.styles.border_top[0] != ""
        assert overlay.styles.background != app.screen.query_one("#exercise-table").styles.background


async def test_reminders_have_their_own_filter_and_are_kept_as_they_happened(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    store.add(CheckIn(at=FIXED_NOW - timedelta(hours=2), pain_now=3))
    shown = FIXED_NOW - timedelta(hours=1)
    store.add(ReminderPrompt(at=shown, outcome_at=shown, reminder="desk-break", channel="tmux", outcome="taken"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "e")
        table = app.screen.query_one("#entry-table", DataTable)
        assert [str(table.get_row_at(row)[1]) for row in range(table.row_count)] == ["check-in"]  # 'all': the diary
        await pilot.press("k", "k", "k", "k")
        assert [str(table.get_row_at(row)[1]) for row in range(table.row_count)] == ["reminder"]
        assert str(table.get_row_at(0)[3]).startswith("Desk break: taken at")
        await pilot.press("enter")
        assert isinstance(app.screen, EntryScreen)
        assert footer_actions(app) == {"choose('delete')", "choose('close')"}  # no Edit
        hint = str(app.screen.query_one(".dialog-buttons").render())
        assert hint == "d delete · q close"
        await pilot.press("e")
        assert isinstance(app.screen, EntryScreen)  # nothing to edit: the dialog stays


async def test_the_coachs_decisions_and_reviews_have_their_own_filter_and_open_with_the_reason(make_app, paths) -> None:
    store = JournalStore(paths.journal_dir)
    store.add(CheckIn(at=FIXED_NOW - timedelta(hours=3), pain_now=3))
    store.add(decision(FIXED_NOW - timedelta(hours=2)))
    store.add(review(FIXED_NOW - timedelta(hours=1)))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "e")
        table = app.screen.query_one("#entry-table", DataTable)
        kinds = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert kinds == ["review", "check-in"]  # 'all': the diary, the review in it; a dose decision is not
        await pilot.press("k", "k", "k", "k", "k")
        kinds = [str(table.get_row_at(row)[1]) for row in range(table.row_count)]
        assert kinds == ["review", "dose decision"]
        assert str(table.get_row_at(1)[3]).startswith("Bird-dog: 1x6 each side, 3 s hold → 1x8 each side")
        await pilot.press("down", "enter")
        assert isinstance(app.screen, EntryScreen)
        labels = [str(widget.render()) for widget in app.screen.query(".detail-label")]
        values = [str(widget.render()) for widget in app.screen.query(".detail-value")]
        rows = dict(zip(labels, values, strict=True))
        assert rows["Why"] == "Your last two sessions were green: bird-dog 1x6 -> 1x8 each side, 3 s hold."
        assert rows["Chosen"] == "accepted" and rows["Dose now"] == "1x8 each side, 3 s hold"
        assert footer_actions(app) == {"choose('delete')", "choose('close')"}  # no Edit
        await pilot.press("e")
        assert isinstance(app.screen, EntryScreen)  # kept as it was decided
        await pilot.press("q", "up", "enter")
        assert isinstance(app.screen, EntryScreen)
        values = [str(widget.render()) for widget in app.screen.query(".detail-value")]
        assert "keep going" in values and "Most sessions were green." in values
        assert str(app.screen.query_one(".dialog-buttons").render()) == "d delete · q close"
