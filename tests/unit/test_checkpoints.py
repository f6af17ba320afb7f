"""A checkpoint per running session: live ones are never offered, finished ones never doubled.

Locks here are taken by separate lock objects in one process; ``flock`` locks
belong to an open file, so they conflict exactly as two processes' locks do
(tests/reliability/test_sessions.py does it with real processes and SIGKILL).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.journal.checkpoints import LEGACY_CHECKPOINT, SESSIONS_DIR
from trainer.journal.export import read_json_export, to_json
from trainer.journal.models import ExerciseDone, SessionRecord
from trainer.journal.store import JournalError, JournalStore

STARTED = datetime(2026, 11, 24, 18, 0, tzinfo=UTC)


def record(session_id: str, sets_done: int = 1, *, finished: bool = False, title: str = "Desk break") -> SessionRecord:
    return SessionRecord(
        id=session_id,
        at=STARTED,
        ended=STARTED + timedelta(minutes=4 + sets_done),
        title=title,
        exercises=[ExerciseDone(exercise_id="bird-dog", name="Bird dog", sets_planned=3, sets_done=sets_done)],
        completion=1.0 if finished else sets_done / 3,
        ended_how="finished" if finished else "stopped-choice",
        recorded=STARTED + timedelta(minutes=sets_done),
    )


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    return tmp_path / "journal"


def sessions_in(journal: Path) -> list[SessionRecord]:
    return [entry for entry in JournalStore(journal).entries() if isinstance(entry, SessionRecord)]


def files_in(journal: Path) -> list[str]:
    folder = journal / SESSIONS_DIR
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


def test_a_running_session_keeps_its_own_checkpoint_and_lock(journal: Path) -> None:
    running = JournalStore(journal).open_session()
    assert files_in(journal) == []  # nothing until the first checkpoint
    running.save(record(running.id))
    assert files_in(journal) == [f"{running.id}.json", f"{running.id}.lock"]
    saved = json.loads((journal / SESSIONS_DIR / f"{running.id}.json").read_bytes())
    assert saved["session"]["id"] == running.id


def test_a_live_session_is_never_offered(journal: Path) -> None:
    first_app = JournalStore(journal)
    running = first_app.open_session()
    running.save(record(running.id))
    assert JournalStore(journal).unfinished_sessions() == []  # a second app on the same profile
    running.finish(record(running.id, 3, finished=True))
    assert [session.id for session in sessions_in(journal)] == [running.id]
    assert files_in(journal) == []


def test_a_session_whose_app_is_gone_is_offered_with_its_id(journal: Path) -> None:
    running = JournalStore(journal).open_session()
    running.save(record(running.id, 2))
    running.close()  # what the OS does when the app's process ends
    (orphan,) = JournalStore(journal).unfinished_sessions()
    assert orphan.record == record(running.id, 2)
    orphan.save()
    assert sessions_in(journal) == [record(running.id, 2)]
    assert files_in(journal) == []
    assert JournalStore(journal).unfinished_sessions() == []


def test_two_new_apps_never_offer_the_same_session(journal: Path) -> None:
    running = JournalStore(journal).open_session()
    running.save(record(running.id))
    running.close()
    (offered,) = JournalStore(journal).unfinished_sessions()
    assert JournalStore(journal).unfinished_sessions() == []  # the first new app holds it while asking
    offered.release()  # decided later: the next start offers it again
    (again,) = JournalStore(journal).unfinished_sessions()
    again.discard()
    assert files_in(journal) == [] and sessions_in(journal) == []


def test_finishing_removes_only_its_own_checkpoint(journal: Path) -> None:
    store = JournalStore(journal)
    first, second = store.open_session(), store.open_session()
    first.save(record(first.id))
    second.save(record(second.id, title="Back basics"))
    first.finish(record(first.id, 3, finished=True))
    assert files_in(journal) == [f"{second.id}.json", f"{second.id}.lock"]
    second.close()
    (orphan,) = JournalStore(journal).unfinished_sessions()
    assert orphan.record.id == second.id


def test_two_unfinished_sessions_are_both_offered_oldest_first(journal: Path) -> None:
    store = JournalStore(journal)
    late, early = store.open_session(), store.open_session()
    hour = timedelta(hours=1)
    late.save(record(late.id).model_copy(update={"at": STARTED + hour, "ended": STARTED + 2 * hour}))
    early.save(record(early.id))
    late.close()
    early.close()
    offered = JournalStore(journal).unfinished_sessions()
    assert [orphan.record.id for orphan in offered] == [early.id, late.id]
    for orphan in offered:
        orphan.save()
    assert sorted(session.id for session in sessions_in(journal)) == sorted([early.id, late.id])


def test_the_same_session_is_never_added_twice(journal: Path, tmp_path: Path) -> None:
    """The checkpoint and the final record share the id: whichever is saved, and however often, it is one entry."""
    store = JournalStore(journal)
    running = store.open_session()
    running.save(record(running.id, 1))
    running.close()
    (orphan,) = JournalStore(journal).unfinished_sessions()
    orphan.save()
    store.add(record(running.id, 3, finished=True))  # the session's own final record, had its app lived on
    assert sessions_in(journal) == [record(running.id, 1)]
    export = tmp_path / "export.json"
    export.write_text(to_json(store.entries(), STARTED), encoding="utf-8")
    assert store.import_entries(read_json_export(export)) == (0, 1)  # import skips known ids too
    assert len(sessions_in(journal)) == 1


def test_a_record_of_another_session_is_refused(journal: Path) -> None:
    running = JournalStore(journal).open_session("a" * 32)
    with pytest.raises(ValueError, match="not of the running session"):
        running.save(record("b" * 32))


def test_a_record_the_journal_refuses_is_kept_as_the_checkpoint(journal: Path) -> None:
    store = JournalStore(journal)
    running = store.open_session()
    running.save(record(running.id, 1))
    store.month_file(STARTED).write_text("damaged")  # the session's month cannot be written
    with pytest.raises(JournalError, match="cannot be read"):
        running.finish(record(running.id, 3, finished=True))
    running.close()
    store.month_file(STARTED).unlink()
    (orphan,) = JournalStore(journal).unfinished_sessions()
    assert orphan.record == record(running.id, 3, finished=True)  # the final record, not the last checkpoint


def test_a_checkpoint_already_in_the_journal_is_not_offered_and_is_cleaned_up(journal: Path) -> None:
    """An app killed between adding the record and removing the checkpoint."""
    store = JournalStore(journal)
    running = store.open_session()
    running.save(record(running.id, 3, finished=True))
    store.add(record(running.id, 3, finished=True))
    running.close()
    assert JournalStore(journal).unfinished_sessions() == []
    assert files_in(journal) == []


def test_an_unreadable_checkpoint_is_reported_not_offered(journal: Path) -> None:
    (journal / SESSIONS_DIR).mkdir(parents=True)
    damaged = journal / SESSIONS_DIR / f"{'c' * 32}.json"
    damaged.write_text("{not json")
    store = JournalStore(journal)
    assert store.unfinished_sessions() == []
    (problem,) = store.problems
    assert problem.path == damaged and "cannot be read" in problem.reason
    kept = store.set_aside(damaged)  # the Journal screen's button
    assert kept.parent == damaged.parent and not damaged.exists()
    assert JournalStore(journal).unfinished_sessions() == [] and JournalStore(journal).problems == []


def test_an_old_single_checkpoint_is_offered_once(journal: Path) -> None:
    journal.mkdir(parents=True)
    old = record("d" * 32, 2)
    legacy = journal / LEGACY_CHECKPOINT
    legacy.write_text(json.dumps({"schema_version": 1, "session": old.model_dump(mode="json")}))
    (orphan,) = JournalStore(journal).unfinished_sessions()
    assert orphan.record == old and not legacy.exists()
    orphan.save()
    assert JournalStore(journal).unfinished_sessions() == []
    assert sessions_in(journal) == [old]
