"""The quick read of the journal (journal/glance.py, for status) says what the store says, and never acts on
what the models would refuse."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.journal.glance import glance, month_file, read_facts, read_rules
from trainer.journal.models import CheckIn, ExerciseDone, ReminderPrompt, SessionRecord, WeeklyCheck
from trainer.journal.reminders import JournalFacts, PromptFact, ReminderRules, SessionFact, fact_of
from trainer.journal.store import JournalStore

ZONE = timezone(timedelta(hours=-5))
NOW = datetime(2026, 12, 2, 11, 0, tzinfo=ZONE)  # a Wednesday early in a month: the week began in November


def facts_of_store(store: JournalStore, since: datetime, until: datetime) -> JournalFacts:
    entries = store.entries(since=since, until=until)
    check_ins, sessions, prompts = [], [], []
    for entry in entries:
        if isinstance(entry, CheckIn):
            check_ins.append(entry.at)
        elif isinstance(entry, SessionRecord):
            sessions.append(SessionFact(entry.at, entry.ended, entry.counts))
        elif isinstance(entry, ReminderPrompt):
            prompts.append(
                PromptFact(entry.id, entry.reminder, entry.outcome, entry.at, entry.outcome_at, entry.postpones)
            )
    return JournalFacts(tuple(check_ins), tuple(sessions), tuple(prompts))


def same(left: JournalFacts, right: JournalFacts) -> bool:
    return (
        sorted(left.check_ins) == sorted(right.check_ins)
        and sorted(left.sessions, key=repr) == sorted(right.sessions, key=repr)
        and sorted(left.prompts, key=repr) == sorted(right.prompts, key=repr)
    )


def random_journal(seed: int) -> list:
    rng = random.Random(seed)
    entries = []
    for _ in range(40):
        at = NOW - timedelta(minutes=rng.randrange(0, 60 * 24 * 20))
        at = at.astimezone(rng.choice([ZONE, UTC, timezone(timedelta(hours=9))]))
        kind = rng.randrange(4)
        if kind == 0:
            entries.append(CheckIn(at=at, pain_now=rng.randrange(11)))
        elif kind == 1:
            seconds = rng.choice([0.0, 30.0, 700.0])
            entries.append(
                SessionRecord(
                    at=at,
                    ended=at + timedelta(minutes=rng.randrange(1, 30)),
                    title="Desk break",
                    exercises=[ExerciseDone(exercise_id="x", name="X", sets_planned=1, sets_done=1, seconds=seconds)],
                    completion=rng.choice([0.1, 0.5, 1.0]),
                    ended_how="finished",
                )
            )
        elif kind == 2:
            outcome = rng.choice(["shown", "taken", "skipped", "postponed", "away"])
            entries.append(
                ReminderPrompt(
                    at=at,
                    outcome_at=at + timedelta(minutes=rng.randrange(30)),
                    reminder=rng.choice(["desk-break", "session", "morning-check"]),
                    outcome=outcome,
                    channel=None if outcome == "away" else "bell",
                    postpones=rng.randrange(3),
                )
            )
        else:
            entries.append(WeeklyCheck(at=at, activity_interference=3, enjoyment_interference=2, global_change="worse"))
    return entries


@pytest.mark.parametrize("seed", range(8))
def test_the_quick_read_gives_the_stores_facts(tmp_path: Path, seed: int) -> None:
    store = JournalStore(tmp_path / "journal")
    store.import_entries(random_journal(seed))
    since, until = NOW - timedelta(days=9), NOW + timedelta(days=1)
    assert same(read_facts(store.directory, since, until), facts_of_store(store, since, until))


def test_an_edited_prompt_is_read_once_as_last_recorded(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    shown = store.add(ReminderPrompt(at=NOW, outcome_at=NOW, reminder="desk-break", channel="tmux"))
    store.update(shown, shown.model_copy(update={"outcome": "taken"}))
    (prompt,) = read_facts(store.directory, NOW - timedelta(days=1), NOW + timedelta(days=1)).prompts
    assert prompt.outcome == "taken"


def test_the_month_files_are_named_as_the_store_names_them(tmp_path: Path) -> None:
    store = JournalStore(tmp_path)
    assert month_file(store.own_directory, 2026, 11) == store.month_file(datetime(2026, 11, 30, tzinfo=UTC))


def test_settings_read_quickly_are_the_stores(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    assert read_rules(store.directory) == (ReminderRules(), False)
    store.update_settings(sessions_per_week_goal=5, reminders={"enabled": True, "break_minutes": 30})
    saved = store.load_settings()
    assert read_rules(store.directory) == (saved.reminders.rules(5), False)
    assert glance(store.directory, NOW).rules.weekly_goal == 5


@pytest.mark.parametrize(
    "damage",
    [
        b"not json",
        b'{"settings": {"1": {"schema_version": 2, "reminders": {"enabled": true}}}}',
        b'{"settings": {"1": {"reminders": {"enabled": true, "break_minutes": 600}}}}',
        b'{"settings": {"1": {"reminders": {"enabled": "yes"}}}}',
        b"[" * 100 + b"]" * 100,
    ],
)
def test_settings_that_the_store_would_not_use_read_as_reminders_off(tmp_path: Path, damage: bytes) -> None:
    store = JournalStore(tmp_path / "journal")
    store.update_settings(bell=True)
    store.settings_file.write_bytes(damage)
    assert not JournalStore(store.directory).load_settings().reminders.enabled
    rules, unusable = read_rules(store.directory)
    assert (rules.enabled, unusable) == (False, True)


def test_a_damaged_month_file_is_counted_and_left_out(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    store.add(CheckIn(at=NOW, pain_now=3))
    store.month_file(NOW - timedelta(days=5)).write_bytes(b"{broken")
    facts = read_facts(store.directory, NOW - timedelta(days=9), NOW + timedelta(days=1))
    assert (len(facts.check_ins), facts.unreadable) == (1, 1)


def test_a_link_in_place_of_a_month_file_is_not_followed(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    store.add(CheckIn(at=NOW, pain_now=3))
    real = store.month_file(NOW)
    elsewhere = tmp_path / "elsewhere.json"
    real.rename(elsewhere)
    real.symlink_to(elsewhere)
    facts = read_facts(store.directory, NOW - timedelta(days=1), NOW + timedelta(days=1))
    assert (facts.check_ins, facts.unreadable) == ((), 1)


documents = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 5) | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=12,
)
entry_like = st.fixed_dictionaries(
    {"kind": st.sampled_from(["check-in", "session", "reminder", "weekly-check", "other"])},
    optional={
        "at": st.sampled_from([NOW.isoformat(), "2026-12-02T11:00:00", "yesterday", "2026-12-02T11:00:00Z"]),
        "outcome_at": st.sampled_from([NOW.isoformat(), (NOW - timedelta(hours=1)).isoformat(), 3]),
        "ended": st.sampled_from([NOW.isoformat(), (NOW + timedelta(minutes=5)).isoformat(), None]),
        "completion": st.sampled_from([0.5, 1, True, "1", 2.0, -1]),
        "reminder": st.sampled_from(["desk-break", "nap", 1]),
        "outcome": st.sampled_from(["shown", "taken", "done", None]),
        "postpones": st.sampled_from([0, 2, 9, True, "1"]),
        "id": st.sampled_from(["0" * 32, 7]),
        "schema_version": st.sampled_from([1, 2, "1"]),
        "exercises": documents,
        "extra": documents,
    },
)


@settings(max_examples=300, deadline=None)
@given(entry_like)
def test_a_hand_made_document_never_breaks_the_quick_read_nor_gives_a_bad_time(document: dict) -> None:
    fact = fact_of(json.loads(json.dumps(document)))
    if fact is None:
        return
    moment = fact if isinstance(fact, datetime) else fact.at
    assert moment.tzinfo is not None
    if isinstance(fact, PromptFact):
        assert fact.outcome_at >= fact.at and 0 <= fact.postpones <= 5
    if isinstance(fact, SessionFact):
        assert fact.ended >= fact.at
