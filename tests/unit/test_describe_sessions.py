"""A session record in words: what was done, in reps, holds and sets, never a bare share of the plan."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from click.testing import CliRunner

from tests.conftest import FIXED_NOW
from trainer.cli import main
from trainer.journal.describe import entry_details, entry_summary, exercise_progress, work_done
from trainer.journal.models import ExerciseDone, SessionRecord
from trainer.journal.store import JournalStore
from trainer.reports.markdown import markdown_report

START = datetime(2026, 11, 23, 18, 0, tzinfo=UTC)


def done(name: str, planned: int, sets: int = 0, reps: int = 0, holds: int = 0, seconds: float = 0) -> ExerciseDone:
    return ExerciseDone(
        exercise_id=name.lower().replace(" ", "-"),
        name=name,
        sets_planned=planned,
        sets_done=sets,
        reps_done=reps,
        holds_done=holds,
        seconds=seconds,
    )


def stopped(*exercises: ExerciseDone, seconds: float = 70, how: str = "stopped-pain") -> SessionRecord:
    return SessionRecord(
        at=START,
        ended=START + timedelta(seconds=seconds),
        title="Gentle start",
        exercises=list(exercises),
        completion=0.07,
        ended_how=how,  # type: ignore[arg-type]
        stop_reason="pain" if how == "stopped-pain" else "tired",
        pain_before=3,
    )


FIRST_SET = stopped(done("Bird-dog", 1, reps=3, seconds=21), done("Cat-cow", 1), done("Dead bug", 1))


def test_a_session_stopped_in_its_first_set_says_the_reps_done() -> None:
    assert entry_summary(FIRST_SET) == (
        "Gentle start, stopped for pain after 1 min: 3 reps of Bird-dog (only started: not counted)"
    )
    rows = dict(entry_details(FIRST_SET))
    assert rows["Done"] == "3 reps of Bird-dog (7% of the planned work)"
    assert rows["Bird-dog"] == "3 reps, not a whole set"
    assert rows["Cat-cow"] == "not started"
    assert "0 of 1 sets" not in " ".join(rows.values())


def test_whole_exercises_and_a_partial_one() -> None:
    record = stopped(
        done("Pelvic tilt", 1, sets=1, reps=8, seconds=40),
        done("Knee rolls", 2, sets=2, reps=16, seconds=60),
        done("Side plank", 2, holds=1, seconds=20),
        done("Walking", 1),
        seconds=30,
        how="stopped-choice",
    )
    assert work_done(record) == "2 of 4 exercises done, then 1 hold of Side plank"
    assert (
        entry_summary(record)
        == "Gentle start, stopped early after 30 s: 2 of 4 exercises done, then 1 hold of Side plank"
        " (only started: not counted)"
    )
    assert exercise_progress(record.exercises[1]) == "2 of 2 sets, 16 reps"
    assert exercise_progress(done("Knee rolls", 2, sets=1, reps=8)) == "1 of 2 sets, 8 reps"
    assert work_done(stopped(done("Walking", 1))) == "nothing done yet"


def test_the_journal_command_and_the_report_say_the_same(paths) -> None:
    record = FIRST_SET.model_copy(
        update={"at": FIXED_NOW - timedelta(hours=2), "ended": FIXED_NOW - timedelta(hours=2) + timedelta(seconds=70)}
    )
    JournalStore(paths.journal_dir).add(record)
    result = CliRunner().invoke(main, ["journal"], obj=lambda: FIXED_NOW)
    row = result.stdout.splitlines()[1]
    assert "Gentle start, stopped for pain after 1 min" in row and "%" not in row  # (cut to fit 80 columns)
    report = markdown_report([record], FIXED_NOW.date(), None, 3, FIXED_NOW)
    section = report.split("## Sessions stopped before the end\n\n", 1)[1].split("\n\n", 1)[0]
    assert section == (
        "- **Tue 24 Nov 2026 16:30**, Gentle start: stopped for pain after 1 min; done: 3 reps of Bird-dog; "
        "pain before 3/10"
    )


def test_the_unfinished_session_offer_says_what_was_done() -> None:
    from trainer.journal.describe import describe_unfinished

    text = describe_unfinished(FIRST_SET, today=START.date())
    assert "Done in 1 min: 3 reps of Bird-dog." in text and "%" not in text
