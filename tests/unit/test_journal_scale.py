"""Reading and writing that follow what is asked, not the length of the history: the newest few
entries, a summary's period, and months split into parts (``journal.layout``)."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from trainer.engine.insights import summarize
from trainer.journal import layout
from trainer.journal.glance import read_facts, read_rules
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord, WeeklyCheck
from trainer.journal.store import JournalReadOnlyError, JournalStore
from trainer.reports.summary import summary_entries

SMALL_PART = 4 * 1024
"""A part bound small enough that a few entries fill it."""
ZONES = [UTC, timezone(timedelta(hours=14)), timezone(timedelta(hours=-12)), timezone(timedelta(hours=5, minutes=30))]


def check_in(when: datetime, pain: int = 4, notes: str = "") -> CheckIn:
    return CheckIn(at=when, pain_now=pain, notes=notes)


def session(when: datetime) -> SessionRecord:
    return SessionRecord(
        at=when, ended=when + timedelta(minutes=15), title="Desk break", completion=1.0, ended_how="finished"
    )


def weekly(when: datetime) -> WeeklyCheck:
    return WeeklyCheck(at=when, activity_interference=3, enjoyment_interference=2, global_change="better")


def history(seed: int, count: int, first: datetime, days: int) -> list[AnyEntry]:
    """``count`` entries of mixed kinds and time zones spread over ``days`` days from ``first``."""
    rng = random.Random(seed)
    made: list[AnyEntry] = []
    for _ in range(count):
        when = (first + timedelta(minutes=rng.randrange(days * 24 * 60))).astimezone(rng.choice(ZONES))
        make = rng.choice([check_in, check_in, check_in, session, weekly])
        made.append(check_in(when, rng.randrange(11)) if make is check_in else make(when))
    return made


def parts_on_disk(store: JournalStore) -> list[str]:
    """This device's month files (its folder: ``devices/<id>/``), in order."""
    return [path.name for path in layout.month_parts(store.own_directory.iterdir())]


# --- the newest few -------------------------------------------------------------------------------


@settings(max_examples=25, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    count=st.integers(0, 60),
    limit=st.integers(1, 25),
    kinds=st.sampled_from([None, ["check-in"], ["session", "weekly-check"]]),
    since_days=st.sampled_from([None, 0, 40, 200]),
)
def test_the_newest_entries_are_those_of_reading_everything(
    tmp_path_factory: pytest.TempPathFactory, seed: int, count: int, limit: int, kinds: list, since_days: int | None
) -> None:
    store = JournalStore(tmp_path_factory.mktemp("journal"))
    first = datetime(2025, 1, 1, tzinfo=UTC)
    store.import_entries(history(seed, count, first, 400))
    since = None if since_days is None else first + timedelta(days=since_days)
    everything = store.entries(since=since, kinds=kinds)
    newest, total = JournalStore(store.directory).newest(limit, since=since, kinds=kinds)
    assert [entry.id for entry in newest] == [entry.id for entry in everything[:limit]]
    assert total == len(everything)


def test_the_newest_read_only_the_months_they_need(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    store.import_entries(check_in(datetime(2025, month, 10, 9, tzinfo=UTC), month % 11) for month in range(1, 13))
    store.import_entries([check_in(datetime(2025, 12, day, 9, tzinfo=UTC)) for day in range(11, 20)])
    store.month_file(datetime(2025, 3, 10, tzinfo=UTC)).write_text("damaged", encoding="utf-8")
    reader = JournalStore(store.directory)
    newest, total = reader.newest(5)
    assert [entry.at.day for entry in newest] == [19, 18, 17, 16, 15]
    assert total == 20  # the damaged month counts none, and was never read
    assert reader.problems == []
    assert JournalStore(store.directory).newest(5, since=datetime(2025, 2, 1, tzinfo=UTC))[1] == 19  # not January


def test_a_month_edge_in_another_time_zone_is_not_missed(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    late = check_in(datetime(2025, 1, 31, 23, 30, tzinfo=timezone(timedelta(hours=-12))))  # 1 Feb 11:30 UTC
    early = check_in(datetime(2025, 2, 1, 8, 0, tzinfo=timezone(timedelta(hours=14))))  # 31 Jan 18:00 UTC
    store.import_entries([late, early])
    assert [entry.id for entry in JournalStore(store.directory).newest(1)[0]] == [late.id]


def test_the_first_entry_may_be_in_the_next_month_s_file(tmp_path: Path) -> None:
    """Files go by the local month: 31 May 18:48 at -12:00 (1 June UTC) is in May's file, 1 June 11:56 at
    +14:00 (31 May UTC) in June's, and is the earlier (a case Hypothesis found for the summary's period)."""
    store = JournalStore(tmp_path / "journal")
    may = check_in(datetime(2026, 5, 31, 18, 48, tzinfo=timezone(timedelta(hours=-12))))
    june = check_in(datetime(2026, 6, 1, 11, 56, tzinfo=timezone(timedelta(hours=14))))
    store.import_entries([may, june])
    assert [entry.id for entry in JournalStore(store.directory).first_entries(0)] == [june.id]
    assert [entry.id for entry in JournalStore(store.directory).first_entries(1, "check-in")] == [may.id, june.id]


def test_counting_a_file_ignores_kinds_in_what_was_typed(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    store.add(check_in(datetime(2025, 1, 2, tzinfo=UTC), notes='"kind":"session" and "kind": "check-in"'))
    store.add(session(datetime(2025, 1, 3, tzinfo=UTC)))
    path = store.month_file(datetime(2025, 1, 2, tzinfo=UTC))
    assert store.counts.count(path) == 2
    assert store.counts.count(path, ["session"]) == 1
    assert store.counts.count(tmp_path / "missing.json") == 0


# --- a summary's period -------------------------------------------------------------------------------


@settings(max_examples=30, deadline=None)
@given(
    seed=st.integers(0, 10_000),
    count=st.integers(0, 80),
    days=st.sampled_from([1, 3, 7, 30, 90, 400]),
    span=st.sampled_from([20, 200, 700]),
    goal=st.integers(1, 5),
)
def test_a_summary_from_its_period_is_the_summary_from_every_entry(
    tmp_path_factory: pytest.TempPathFactory, seed: int, count: int, days: int, span: int, goal: int
) -> None:
    store = JournalStore(tmp_path_factory.mktemp("journal"))
    today = date(2026, 6, 15)
    first = datetime(2026, 6, 20, tzinfo=UTC) - timedelta(days=span)  # a few entries after today too
    store.import_entries(history(seed, count, first, span))
    everything = store.entries()
    needed = summary_entries(JournalStore(store.directory), today, days)
    assert summarize(needed, today, days=days, goal=goal) == summarize(everything, today, days=days, goal=goal)
    assert {entry.id for entry in needed} <= {entry.id for entry in everything}


def test_a_summary_of_a_week_reads_only_its_months_and_the_first(tmp_path: Path) -> None:
    store = JournalStore(tmp_path / "journal")
    store.import_entries(check_in(datetime(2020 + year, 3, 1, tzinfo=UTC)) for year in range(6))
    needed = summary_entries(store, date(2025, 3, 3), 7)
    assert sorted(entry.at.year for entry in needed) == [2020, 2025]


# --- month parts ---------------------------------------------------------------------------------


def small_store(tmp_path: Path) -> JournalStore:
    return JournalStore(tmp_path / "journal", part_bytes=SMALL_PART)


def fill(store: JournalStore, count: int, day: int = 1) -> list[CheckIn]:
    added = [check_in(datetime(2026, 11, day, 8, tzinfo=UTC) + timedelta(minutes=index)) for index in range(count)]
    for entry in added:
        store.add(entry)
    return added


def test_a_write_past_the_bound_starts_a_new_part_and_reads_merge_them(tmp_path: Path) -> None:
    store = small_store(tmp_path)
    added = fill(store, 40)
    names = parts_on_disk(store)
    assert names[:3] == ["entries-2026-11.json", "entries-2026-11.2.json", "entries-2026-11.3.json"]
    sizes = [store.own_directory.joinpath(name).stat().st_size for name in names]
    assert all(size < SMALL_PART + 1024 for size in sizes)  # over the bound by one entry at most
    read = JournalStore(store.directory).entries()
    assert sorted(entry.id for entry in read) == sorted(entry.id for entry in added)
    assert JournalStore(store.directory).newest(3)[1] == 40
    assert json.loads(store.settings_file.read_bytes())["settings"][layout.LAYOUT_DOCUMENT] == layout.DEVICES_MARK


def test_ids_stay_unique_across_parts(tmp_path: Path) -> None:
    store = small_store(tmp_path)
    added = fill(store, 30)
    store.add(added[0])  # in the first part, while writes go to the last
    store.import_entries(added)
    ids = [
        document["id"]
        for name in parts_on_disk(store)
        for document in json.loads(store.own_directory.joinpath(name).read_bytes())["entries"].values()
    ]
    assert sorted(ids) == sorted(entry.id for entry in added)


def test_an_entry_in_an_older_part_can_be_edited_moved_and_deleted(tmp_path: Path) -> None:
    store = small_store(tmp_path)
    added = fill(store, 30)
    first, second = added[0], added[1]
    edited = store.update(first, first.model_copy(update={"pain_now": 9}))
    moved = store.update(second, second.model_copy(update={"at": datetime(2026, 10, 5, tzinfo=UTC)}))
    store.delete(added[2])
    read = {entry.id: entry for entry in JournalStore(store.directory).entries()}
    assert read[edited.id].pain_now == 9
    assert read[moved.id].at.month == 10
    assert added[2].id not in read
    assert len(read) == 29
    first_part = json.loads(store.month_file(first.at).read_bytes())["entries"]
    assert edited.id in {document["id"] for document in first_part.values()}  # edited where it was


def test_an_import_fills_parts_of_the_bound(tmp_path: Path) -> None:
    store = small_store(tmp_path)
    entries = [check_in(datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=index)) for index in range(50)]
    assert store.import_entries(entries) == (50, 0)
    assert len(parts_on_disk(store)) > 3
    assert store.import_entries(entries) == (0, 50)
    assert len(JournalStore(store.directory).entries()) == 50


def test_an_existing_big_month_file_stays_readable_and_new_writes_go_beside_it(tmp_path: Path) -> None:
    big = JournalStore(tmp_path / "journal", part_bytes=10**9)  # the one-file-a-month layout, as before
    old = [check_in(datetime(2026, 11, 1, tzinfo=UTC) + timedelta(minutes=index)) for index in range(60)]
    big.import_entries(old)
    before = big.month_file(old[0].at).read_bytes()
    assert parts_on_disk(big) == ["entries-2026-11.json"]
    assert big.load_settings().schema_version == 1
    store = small_store(tmp_path)
    new = store.add(check_in(datetime(2026, 11, 20, tzinfo=UTC)))
    assert parts_on_disk(store) == ["entries-2026-11.json", "entries-2026-11.2.json"]
    assert store.month_file(old[0].at).read_bytes() == before
    assert len(JournalStore(store.directory).entries()) == 61
    store.delete(old[5])
    assert {entry.id for entry in JournalStore(store.directory).entries()} == {e.id for e in old if e != old[5]} | {
        new.id
    }


def test_a_journal_with_parts_is_read_only_for_an_older_app(tmp_path: Path) -> None:
    store = small_store(tmp_path)
    fill(store, 30)
    store.update_settings(bell=False)
    data = json.loads(store.settings_file.read_bytes())["settings"]
    assert data[layout.LAYOUT_DOCUMENT] == layout.DEVICES_MARK  # the mark survives a settings change
    assert layout.DEVICES_VERSION > layout.PARTS_VERSION  # (an app that knows parts but not device files refuses)
    assert data["1"]["schema_version"] == 1 and data["1"]["bell"] is False
    assert JournalStore(store.directory).load_settings().bell is False
    assert read_rules(store.directory) == (store.load_settings().reminders.rules(3), False)
    # an app meets a layout version newer than it knows in settings.json and refuses to write
    older = JournalStore(store.directory)
    older_known = {**layout.LAYOUT_MARK, "schema_version": layout.DEVICES_VERSION + 1}  # this app knows up to 3
    store.settings_file.write_text(json.dumps({"settings": {"1": data["1"], "2": older_known}}), encoding="utf-8")
    with pytest.raises(JournalReadOnlyError):
        older.add(check_in(datetime(2026, 11, 3, tzinfo=UTC)))


def test_the_layout_mark_before_any_settings_leaves_the_settings_readable(tmp_path: Path) -> None:
    store = small_store(tmp_path)
    fill(store, 30)  # no settings saved yet: the mark is the first document
    store.update_settings(reminders={"enabled": True})
    assert JournalStore(store.directory).load_settings().reminders.enabled
    rules, unusable = read_rules(store.directory)
    assert rules.enabled and not unusable


def test_the_quick_glance_reads_every_part(tmp_path: Path) -> None:
    store = small_store(tmp_path)
    fill(store, 30)
    facts = read_facts(store.directory, datetime(2026, 11, 1, tzinfo=UTC), datetime(2026, 11, 2, tzinfo=UTC))
    assert len(parts_on_disk(store)) > 1
    assert len(facts.check_ins) == 30


def test_part_names() -> None:
    folder = Path("journal")
    assert layout.part_key(Path("entries-2026-11.json")) == (2026, 11, 1)
    assert layout.part_key(Path("entries-2026-11.12.json")) == (2026, 11, 12)
    for other in ("entries-2026-11.1.json", "entries-2026-11.0.json", "entries-2026-11.x.json", "settings.json"):
        assert layout.part_key(Path(other)) is None
    names = [folder / name for name in ("entries-2026-11.10.json", "entries-2026-11.2.json", "entries-2026-11.json")]
    assert [path.name for path in layout.month_parts(names)] == [
        "entries-2026-11.json",
        "entries-2026-11.2.json",
        "entries-2026-11.10.json",
    ]
