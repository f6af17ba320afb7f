"""The coach in the clinician report: the dose history and the goals with their ratings; the journal command and
the Markdown export with the coach's entries."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.unit.coach_builders import decision, review
from tests.unit.journal_builders import check_in, nov
from trainer.cli import main
from trainer.journal.coach_models import Goal, GoalRating, ProgrammeProgress, StartAnswers
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV
from trainer.reports.coach import dose_history, goals_and_reviews
from trainer.reports.markdown import markdown_report

GENERATED = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)
AT = datetime(2026, 11, 10, 8, 0, tzinfo=UTC)
GOAL = Goal(text="Carry the shopping home", target=date(2027, 1, 31))


def report(entries, goals=()) -> str:
    return markdown_report(entries, nov(24), None, 3, GENERATED, goals)


def test_the_dose_history_lists_each_change_with_its_date_and_reason() -> None:
    up = decision(AT)
    kept = decision(AT + timedelta(days=3), choice="kept", to_rung=3, to_dose="1x6 each side, 3 s hold")
    down = decision(
        AT + timedelta(days=5),
        verdict="red",
        source="session",
        from_rung=4,
        from_dose="1x8 each side, 3 s hold",
        proposed_rung=3,
        proposed_dose="1x6 each side, 3 s hold",
        to_rung=3,
        to_dose="1x6 each side, 3 s hold",
        reason="Red: you stopped the session for pain. Step down one rung.",
    )
    text = dose_history([down, kept, up])
    assert text is not None and text.startswith("## Dose history (the coach's programme)")
    rows = [line for line in text.splitlines() if line.startswith(("| Tue", "| Sun"))]
    assert rows[0].startswith(
        "| Tue 10 Nov 2026 | Bird-dog | 1x6 each side, 3 s hold | 1x8 each side, 3 s hold | accepted |"
    )
    assert "Your last two sessions were green" in rows[0]
    assert rows[1].startswith("| Sun 15 Nov 2026 | Bird-dog | 1x8 each side, 3 s hold | 1x6 each side, 3 s hold |")
    assert "Doses kept as they were when the coach proposed a change or a hold: 1." in text


def test_the_goals_show_each_reviews_rating() -> None:
    first = review(AT, week=2, goals=[GoalRating(goal=GOAL.text, target=GOAL.target, rating=3)])
    second = review(AT + timedelta(weeks=4), week=6, goals=[GoalRating(goal=GOAL.text, rating=6)], outcome="ease-off")
    text = goals_and_reviews([GOAL, Goal(text="Sit through a film")], [second, first])
    assert text is not None
    assert "- **Carry the shopping home** (by Sun 31 Jan 2027): week 2 3/10; week 6 6/10" in text
    assert "- **Sit through a film**: not rated yet" in text
    assert "- Week 6, Tue 8 Dec 2026: ease off (the coach suggested keep going)." in text
    assert "  - Most sessions were green." in text


def test_the_report_carries_both_sections_only_when_there_is_something_to_show() -> None:
    plain = report([check_in(nov(20), 4)])
    assert "Dose history" not in plain and "Goals and reviews" not in plain
    full = report([check_in(nov(20), 4), decision(AT), review(AT + timedelta(days=1))], goals=[GOAL])
    assert full.index("## Dose history") < full.index("## Goals and reviews") < full.index("## Check-ins with leg")


def test_a_goal_typed_by_the_person_is_shown_literally() -> None:
    hostile = Goal(text="<script>x</script> [link](https://evil.example) *bold*")
    text = goals_and_reviews([hostile], [])
    assert text is not None
    assert "**\\<script>x\\</script> \\[link\\](https\\://evil\\.example) \\*bold\\***" in text


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv(HOME_ENV, str(folder))
    return folder


def run(*args: str):
    return CliRunner().invoke(main, list(args), obj=lambda: GENERATED)


def test_the_export_names_the_goals_from_the_settings(home: Path) -> None:
    store = JournalStore(home / "journal")
    store.add(check_in(nov(20), 4))
    store.add(decision(AT))
    progress = ProgrammeProgress(programme_id="twelve-weeks", started=nov(2), answers=StartAnswers(goals=[GOAL]))
    store.update_settings(programme=progress.model_dump())
    result = run("export", "--format", "md")
    assert result.exit_code == 0, result.output
    assert "- **Carry the shopping home** (by Sun 31 Jan 2027): not rated yet" in result.stdout
    assert "| Tue 10 Nov 2026 | Bird-dog |" in result.stdout


def test_the_journal_command_lists_decisions_and_reviews(home: Path) -> None:
    store = JournalStore(home / "journal")
    store.add(decision(AT))
    store.add(review(AT + timedelta(days=1)))
    result = run("journal", "--limit", "0")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert any(" review " in line and "Week 2 review: keep going" in line for line in lines)
    assert any(" decision " in line and "Bird-dog: 1x6 each side" in line for line in lines)
    only = run("journal", "--kind", "decision")
    assert only.exit_code == 0 and "review" not in only.stdout.split("\n", 1)[1]
