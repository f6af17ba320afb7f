"""The Entries tab: honest session lines, details cut with an ellipsis, undo after delete, editing a session."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable

from tests.conftest import FIXED_NOW
from trainer.journal.models import ExerciseDone, SessionRecord
from trainer.journal.store import JournalStore
from trainer.screens.journal_entries import EntryScreen

STARTED = FIXED_NOW - timedelta(hours=3)


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
        assert details == "Gentle start, stopped for pain after 1 min: 3 reps of Bird-dog"
        await pilot.press("enter")
        assert isinstance(app.screen, EntryScreen)
        labels = [str(widget.render()) for widget in app.screen.query(".detail-label")]
        values = [str(widget.render()) for widget in app.screen.query(".detail-value")]
        rows = dict(zip(labels, values, strict=True))
        assert rows["Done"] == "3 reps of Bird-dog (7% of the planned work)"
        assert rows["Bird-dog"] == "3 reps, not a whole set" and rows["Cat-cow"] == "not started"
