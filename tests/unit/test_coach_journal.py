"""The coach's journal records: the answers and progress in the settings, decisions and reviews as entries,
the morning answer on a check-in; how they read, export and come back in; old files load unchanged."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from pydantic import ValidationError

from tests.unit.coach_builders import decision, review
from trainer.journal.coach_models import Goal, ProgrammeProgress, StartAnswers
from trainer.journal.describe import KIND_LABELS, entry_details, entry_pain, entry_summary
from trainer.journal.export import read_json_export, to_csv, to_json
from trainer.journal.limits import MINUTES_A_DAY, SettingsError
from trainer.journal.models import CheckIn, Settings
from trainer.journal.store import JournalStore

AT = datetime(2026, 11, 10, 8, 0, tzinfo=UTC)


def test_old_settings_load_with_no_programme() -> None:
    old = {"schema_version": 1, "disclaimer_seen": True, "bell": False, "dose_changes": {}}
    assert Settings.model_validate(old).programme is None


def test_progress_round_trips_through_json_and_ignores_unknown_keys() -> None:
    progress = ProgrammeProgress(
        programme_id="twelve-weeks",
        started=date(2026, 11, 2),
        answers=StartAnswers(worse_with=["bending-back"], goals=[Goal(text="Sit through a film", target=None)]),
        rungs={"bird-dog": 3},
    )
    document = Settings(programme=progress).model_dump(mode="json")
    assert Settings.model_validate(document).programme == progress
    document["programme"]["answers"]["asked_later"] = True  # a newer app's question
    document["programme"]["pace"] = "slow"
    assert Settings.model_validate(document).programme == progress


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"minutes_a_day": 2}, "greater than or equal to 5"),
        ({"worse_with": ["sitting", "sitting"]}, "listed twice"),
        ({"goals": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}, "at most 2"),
        ({"goals": [{"text": "   "}]}, "visible character"),
        ({"goals": [{"text": "walk\x1b[31m"}]}, "control character"),
        ({"worse_with": ["lifting"]}, "bending-forward"),
    ],
)
def test_answers_are_checked(answers: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        StartAnswers.model_validate(answers)


def test_rungs_stay_inside_the_journal_limits() -> None:
    with pytest.raises(ValidationError):
        ProgrammeProgress(programme_id="x", started=date(2026, 11, 2), rungs={"bird-dog": 20})
    with pytest.raises(ValidationError):
        ProgrammeProgress(programme_id="x", started=date(2026, 11, 2), rungs={"bird-dog": -1})


def test_limits_come_from_the_models() -> None:
    assert (MINUTES_A_DAY.minimum, MINUTES_A_DAY.maximum) == (5, 120)


def test_the_store_refuses_a_programme_out_of_range_and_keeps_the_file(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    store.update_settings(disclaimer_seen=True)
    bad = {"programme_id": "twelve-weeks", "started": "2026-11-02", "rungs": {"bird-dog": 99}}
    with pytest.raises(SettingsError, match="the coach's programme"):
        store.update_settings(programme=bad)
    assert store.load_settings().disclaimer_seen is True and store.load_settings().programme is None


# --- entries -----------------------------------------------------------------------------------------------


def test_a_decision_matches_its_choice() -> None:
    assert decision(AT).changed
    with pytest.raises(ValidationError, match="accepted decision moves to the proposed rung"):
        decision(AT, to_rung=3)
    with pytest.raises(ValidationError, match="kept dose stays"):
        decision(AT, choice="kept")
    with pytest.raises(ValidationError, match="never moves up"):
        decision(AT, choice="easier")
    kept = decision(AT, choice="kept", to_rung=3, to_dose="1x6 each side, 3 s hold")
    assert not kept.changed


def test_the_morning_answer_is_optional_and_names_its_session() -> None:
    assert CheckIn(at=AT, pain_now=3).session_worse is None
    answered = CheckIn(at=AT, pain_now=3, session_worse=False, about_session="a" * 32)
    assert answered.about_session == "a" * 32
    with pytest.raises(ValidationError, match="which has no answer"):
        CheckIn(at=AT, pain_now=3, about_session="a" * 32)


def test_entries_list_decisions_and_reviews_in_plain_words() -> None:
    accepted = decision(AT)
    assert KIND_LABELS[accepted.kind] == "dose decision"
    assert entry_summary(accepted) == "Bird-dog: 1x6 each side, 3 s hold → 1x8 each side, 3 s hold (green, accepted)"
    kept = decision(AT, choice="kept", to_rung=3, to_dose="1x6 each side, 3 s hold")
    assert entry_summary(kept) == (
        "Bird-dog: kept 1x6 each side, 3 s hold, not 1x8 each side, 3 s hold (green, kept the dose)"
    )
    assert entry_pain(accepted) == ""
    details = dict(entry_details(accepted))
    assert details["Why"].startswith("Your last two sessions were green")
    assert details["When decided"] == "the next morning"
    weekly_review = review(AT)
    assert entry_summary(weekly_review) == "Week 2 review: keep going; goals: Carry the shopping home 4/10"
    rows = dict(entry_details(weekly_review))
    assert rows["Carry the shopping home"] == "4 / 10" and rows["Chosen"] == "keep going"


def test_a_check_in_shows_its_morning_answer() -> None:
    answered = CheckIn(at=AT, pain_now=3, session_worse=True, about_session="b" * 32)
    assert "worse than before the session" in entry_summary(answered)
    assert ("Worse than before the session", "yes") in entry_details(answered)


def test_csv_carries_decisions_reviews_and_the_morning_answer() -> None:
    answered = CheckIn(at=AT, pain_now=3, session_worse=False, about_session="b" * 32)
    text = to_csv([decision(AT), review(AT + timedelta(days=1)), answered])
    found = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [row["kind"] for row in found] == ["decision", "review", "check-in"]
    assert found[0]["title"] == "Bird-dog" and found[0]["exercise_id"] == "bird-dog"
    assert (found[0]["from_dose"], found[0]["to_dose"], found[0]["choice"]) == (
        "1x6 each side, 3 s hold",
        "1x8 each side, 3 s hold",
        "accepted",
    )
    assert found[1]["week"] == "2" and found[1]["goals"] == "Carry the shopping home: 4/10"
    assert found[1]["outcome"] == "keep-going"
    assert (found[2]["session_worse"], found[2]["session_id"]) == ("no", "b" * 32)


def test_csv_neutralises_a_goal_that_looks_like_a_formula() -> None:
    hostile = review(AT, goals=[{"goal": "=HYPERLINK(1)", "rating": 3}])
    row = next(csv.DictReader(io.StringIO(to_csv([hostile]), newline="")))
    assert row["goals"].startswith("'=")


def test_json_export_and_import_restore_every_field(tmp_path: Path) -> None:
    entries = [decision(AT), review(AT + timedelta(days=1)), CheckIn(at=AT, pain_now=2, session_worse=True)]
    path = tmp_path / "export.json"
    path.write_text(to_json(entries, AT + timedelta(days=2)), encoding="utf-8")
    assert read_json_export(path, now=AT + timedelta(days=2)) == entries


def test_an_import_with_a_bad_decision_is_refused_whole(tmp_path: Path) -> None:
    document = json.loads(to_json([decision(AT)], AT))
    document["entries"][0]["to_rung"] = 40
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(Exception, match=r"entries\[0\]\.decision\.to_rung|entries\[0\]\.to_rung"):
        read_json_export(path, now=AT + timedelta(days=1))


def test_the_store_keeps_decisions_and_reviews_beside_other_entries(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    store.add(CheckIn(at=AT, pain_now=4))
    store.add(decision(AT + timedelta(hours=1)))
    store.add(review(AT + timedelta(hours=2)))
    again = JournalStore(tmp_path / "journal")
    assert [entry.kind for entry in again.entries()] == ["review", "decision", "check-in"]
    assert [entry.kind for entry in again.entries(kinds=["decision"])] == ["decision"]
    assert again.problems == []
