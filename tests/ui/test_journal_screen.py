"""The Journal screen by keyboard: quick check-in, validation, edit, delete, weekly check, trends."""

from __future__ import annotations

import json
from datetime import timedelta, timezone

from textual.widgets import DataTable, Input, Static, TextArea

from tests.conftest import FIXED_NOW
from trainer.journal.models import CheckIn, SessionRecord, WeeklyCheck
from trainer.journal.store import JournalStore
from trainer.screens.dialogs import ConfirmScreen, HelpNoticeScreen
from trainer.screens.help import HelpScreen
from trainer.screens.home import HomeScreen
from trainer.screens.journal import JournalScreen
from trainer.screens.journal_entries import EntryScreen
from trainer.screens.journal_form import FieldLabel
from trainer.screens.weekly_check import WeeklyCheckScreen
from trainer.services.core import Timings
from trainer.widgets.pain_scale import NumberScale
from trainer.widgets.toggle_row import ToggleRow
from trainer.widgets.trend_chart import TrendChart


def text_of(widget) -> str:
    return str(widget.render())


def errors(screen) -> dict[str, str]:
    """Field -> the validation message shown beside it."""
    return {str(label.id).removeprefix("label-"): label.error for label in screen.query(FieldLabel) if label.error}


async def test_quick_check_in_is_three_keys_from_home(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, JournalScreen)
        assert app.focused is app.screen.query_one("#pain")
        await pilot.press("4", "enter")
        await pilot.pause()
        (entry,) = JournalStore(paths.journal_dir).entries()
        assert isinstance(entry, CheckIn) and entry.pain_now == 4
        assert entry.at == FIXED_NOW
        assert any("Saved: pain 4/10" in n.message for n in app._notifications)
        assert app.screen.query_one("#pain", NumberScale).value is None  # the form is ready for the next one


async def test_one_then_zero_means_ten_and_arrows_step(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "1", "0")
        scale = app.screen.query_one("#pain", NumberScale)
        assert scale.value == 10
        await pilot.press("left", "left")
        assert scale.value == 8
        await pilot.press("end")
        assert scale.value == 10


async def test_nothing_is_saved_until_the_form_is_valid(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "enter")
        assert errors(app.screen) == {"pain": "Choose how bad the pain is now, from 0 to 10."}
        screen = app.screen
        screen.query_one("#walked", Input).value = "2000"
        screen.query_one("#when", Input).value = "tomorrow"
        screen.query_one("#triggers", Input).value = "x" * 41
        screen.query_one("#notes", TextArea).text = "n" * 2001
        screen.query_one("#pain", NumberScale).value = 3
        await pilot.press("ctrl+s")
        found = errors(screen)
        assert set(found) == {"walked", "when", "triggers", "notes"}
        assert "0 to 1440" in found["walked"]
        assert "tomorrow" in found["when"]
        assert "2001 now" in found["notes"]
        assert "over" in screen.query_one("#notes-count").classes
        assert JournalStore(paths.journal_dir).entries() == []


async def test_every_field_is_saved(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 40)) as pilot:
        await pilot.press("c", "6")
        screen = app.screen
        screen.query_one("#average", NumberScale).value = 5
        screen.query_one("#sleep", NumberScale).value = 7
        screen.query_one("#where-lower-back", ToggleRow).set_values(["lower-back-left"])
        screen.query_one("#where-buttock", ToggleRow).set_values(["buttock-left"])
        screen.query_one("#leg", ToggleRow).set_values(["tingling"])
        helped = screen.query_one("#helped", ToggleRow)
        helped.focus()
        await pilot.press("space", "right", "right", "right", "x")  # heat, then walk
        screen.query_one("#walked", Input).value = "25"
        screen.query_one("#when", Input).value = "yesterday 21:00"
        screen.query_one("#triggers", Input).value = "long meeting, gardening"
        screen.query_one("#notes", TextArea).text = "Stiff after the [bold]drive[/bold]."
        await pilot.press("ctrl+s")
        await pilot.pause()
    (entry,) = JournalStore(paths.journal_dir).entries()
    assert isinstance(entry, CheckIn)
    assert (entry.pain_now, entry.pain_average, entry.sleep_quality, entry.walked_minutes) == (6, 5, 7, 25)
    assert entry.where == ["lower-back-left", "buttock-left"]
    assert entry.leg_symptoms == ["tingling"] and entry.helped == ["heat", "walk"]
    assert entry.triggers == ["long meeting", "gardening"]
    assert entry.at == (FIXED_NOW - timedelta(days=1)).replace(hour=21, minute=0)
    assert entry.notes == "Stiff after the [bold]drive[/bold]."


def _seed(paths, *entries) -> JournalStore:
    store = JournalStore(paths.journal_dir)
    for entry in entries:
        store.add(entry)
    return store


async def test_entries_list_shows_user_text_literally_and_opens_detail(make_app, paths) -> None:
    note = "[red]not markup[/red] [@click=app.quit]x[/]"
    _seed(paths, CheckIn(at=FIXED_NOW - timedelta(hours=2), pain_now=3, notes=note))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "e")
        table = app.screen.query_one("#entry-table", DataTable)
        assert table.row_count == 1
        assert str(table.get_row_at(0)[3]) == note
        await pilot.press("enter")
        assert isinstance(app.screen, EntryScreen)
        values = [text_of(widget) for widget in app.screen.query(".detail-value")]
        assert note in values
        await pilot.press("q")
        assert isinstance(app.screen, JournalScreen)


async def test_edit_a_check_in_keeps_its_id(make_app, paths) -> None:
    # logged in summer time somewhere else, to the second: an edit that leaves "When" alone keeps all of it
    logged = (FIXED_NOW - timedelta(hours=2)).astimezone(timezone(timedelta(hours=-7))).replace(second=42)
    original = CheckIn(at=logged, pain_now=3, notes="first")
    _seed(paths, original)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e", "enter", "e")
        assert app.screen.query_one("#pain", NumberScale).value == 3
        assert "Editing the check-in" in text_of(app.screen.query_one("#form-title"))
        await pilot.press("5", "enter")
        await pilot.pause()
    (entry,) = JournalStore(paths.journal_dir).entries()
    assert entry.id == original.id and entry.pain_now == 5 and entry.notes == "first"
    assert entry.at == original.at and entry.at.utcoffset() == timedelta(hours=-7)


async def test_delete_asks_first(make_app, paths) -> None:
    _seed(paths, CheckIn(at=FIXED_NOW - timedelta(hours=1), pain_now=2))
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "e", "enter", "d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert len(JournalStore(paths.journal_dir).entries()) == 1
        await pilot.press("enter", "d", "y")
        await pilot.pause()
        assert JournalStore(paths.journal_dir).entries() == []
        assert app.screen.query_one("#entry-table", DataTable).row_count == 0


async def test_weekly_check_is_saved_and_needs_all_answers(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "w")
        assert isinstance(app.screen, WeeklyCheckScreen)
        await pilot.press("4", "ctrl+s")
        assert "second and third" in text_of(app.screen.query_one("#weekly-error"))
        await pilot.press("tab", "2", "tab", "enter", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
    (check,) = JournalStore(paths.journal_dir).entries()
    assert isinstance(check, WeeklyCheck)
    assert (check.activity_interference, check.enjoyment_interference) == (4, 2)
    assert check.global_change == "much-better"


async def test_logging_leg_numbness_points_to_help(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "5")
        app.screen.query_one("#leg", ToggleRow).set_values(["numbness"])
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HelpNoticeScreen)
        assert app.services.catalog.safety.leg_symptom_check in " ".join(text_of(w) for w in app.screen.query(Static))
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_unreadable_file_is_reported_and_can_be_set_aside(make_app, paths) -> None:
    store = _seed(paths, CheckIn(at=FIXED_NOW - timedelta(days=40), pain_now=4))
    broken = store.month_file(FIXED_NOW)
    broken.write_text('{"entries": {"1": {"kind": "check-in", "pai')
    before = broken.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        problems = app.screen.query_one("#journal-problems")
        assert problems.display
        message = " ".join(text_of(widget) for widget in problems.query(".problem"))
        assert broken.name in message and "cut short" in message
        await pilot.press("4", "enter")
        await pilot.pause()
        assert broken.read_bytes() == before
        assert any("Could not save" in n.message for n in app._notifications)
        await pilot.click("#journal-problems Button")
        await pilot.press("y")
        await pilot.pause()
        assert not broken.exists()
        kept = [path for path in broken.parent.iterdir() if ".unreadable-" in path.name]
        assert len(kept) == 1 and kept[0].read_bytes() == before
        await pilot.press("c", "4", "enter")
        await pilot.pause()
    assert [entry.pain_now for entry in JournalStore(paths.journal_dir).entries()] == [4, 4]


async def test_a_damaged_file_from_long_ago_is_found_in_the_background(make_app, paths) -> None:
    store = _seed(paths, CheckIn(at=FIXED_NOW - timedelta(days=500), pain_now=5))  # the first week: read at once
    _seed(paths, CheckIn(at=FIXED_NOW - timedelta(days=400), pain_now=4), CheckIn(at=FIXED_NOW, pain_now=3))
    old = store.month_file(FIXED_NOW - timedelta(days=400))
    old.write_text("not json")
    app = make_app(timings=Timings(session_end_pause=0.0, journal_scan_delay=3600))  # the test starts the scan
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("j")
        assert not app.screen.query_one("#journal-problems").display  # the months shown are fine
        await app.screen._scan_every_file().wait()
        await pilot.pause()
        message = text_of(app.screen.query_one("#journal-problems .problem"))
        assert old.name in message and "not valid JSON" in message
        await pilot.press("q")
        assert "cannot be read" in text_of(app.screen.query_one("#week"))
    assert old.read_text() == "not json"


async def test_newer_journal_is_read_only(make_app, paths) -> None:
    store = _seed(paths, CheckIn(at=FIXED_NOW - timedelta(hours=3), pain_now=4))
    month = store.month_file(FIXED_NOW)
    data = json.loads(month.read_text())
    next(iter(data["entries"].values()))["schema_version"] = 2
    month.write_text(json.dumps(data))
    before = month.read_bytes()
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("c")
        assert "newer backtrainer" in text_of(app.screen.query_one("#journal-problems .problem"))
        assert app.screen.query_one("#form").disabled
        await pilot.press("w")
        assert not isinstance(app.screen, WeeklyCheckScreen)
    assert month.read_bytes() == before


async def test_trends_show_chart_and_words(make_app, paths) -> None:
    entries = []
    for day in range(28):
        pain = 7 if day < 7 else (3 if day >= 21 else 5)
        entries.append(CheckIn(at=FIXED_NOW - timedelta(days=27 - day, hours=1), pain_now=pain))
    start = FIXED_NOW - timedelta(days=2, hours=5)
    entries.append(
        SessionRecord(
            at=start, ended=start + timedelta(minutes=12), title="Desk break", completion=1.0, ended_how="finished"
        )
    )
    store = JournalStore(paths.journal_dir)
    store.import_entries(entries)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("j")
        chart = app.screen.query_one("#chart", TrendChart)
        assert len(chart.points) == 30 and chart.points[-1].day == FIXED_NOW.date()
        words = text_of(app.screen.query_one("#trend-text"))
        assert "The chart shows daily pain" in words
        assert "meaningful" in words.lower()
        assert "1 day with a session" in words


async def test_the_sessions_goal_is_set_from_the_trends_tab(make_app, paths) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("j", "g")
        await pilot.pause()
        assert "goal 4" in text_of(app.screen.query_one("#weeks"))
        await pilot.press("g", "g", "g", "g")  # 8 would be more than one a day: back to 1
        await pilot.pause()
        assert "goal 1" in text_of(app.screen.query_one("#weeks"))
    assert JournalStore(paths.journal_dir).load_settings().sessions_per_week_goal == 1


async def test_home_summarises_the_week(make_app, paths) -> None:
    _seed(
        paths,
        CheckIn(at=FIXED_NOW - timedelta(days=1), pain_now=4),
        CheckIn(at=FIXED_NOW - timedelta(hours=1), pain_now=2),
    )
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        week = text_of(app.screen.query_one("#week"))
        assert "average pain 3.0 from 2 check-ins" in week and "latest 2/10" in week
        await pilot.press("c", "8", "enter", "q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert "from 3 check-ins" in text_of(app.screen.query_one("#week"))


async def test_longer_periods_and_ranges_read_older_entries(make_app, paths) -> None:
    first = CheckIn(at=FIXED_NOW - timedelta(days=300), pain_now=6)  # always read: the baseline week
    old = CheckIn(at=FIXED_NOW - timedelta(days=200), pain_now=8)
    _seed(paths, first, old, CheckIn(at=FIXED_NOW - timedelta(days=2), pain_now=3))
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.press("j")
        assert [entry.id for entry in app.screen.entries if entry.id == old.id] == []  # not read yet
        await pilot.press("p", "p")  # 90 days, then 1 year
        await pilot.pause()
        chart = app.screen.query_one("#chart", TrendChart)
        assert len(chart.points) == 365
        assert [point.pain for point in chart.points if point.day == old.at.date()] == [8]
        await pilot.press("e", "r", "r", "r")  # range: all
        await pilot.pause()
        assert app.screen.query_one("#entry-table", DataTable).row_count == 3
