"""A running session in a process of its own, for test_sessions.

    python session_worker.py JOURNAL_DIR TITLE

Opens a session through the store exactly as the session screen does
(``open_session``, a checkpoint per finished exercise), prints
``ready <session-id>`` after its first checkpoint, then takes one command a
line: ``step`` saves the next checkpoint (``saved <n>``), ``finish`` saves the
final record (``finished``) and ends. The test may SIGKILL it at any point.
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from trainer.journal.models import ExerciseDone, SessionRecord
from trainer.journal.store import JournalStore

STARTED = datetime(2026, 11, 24, 17, 0, tzinfo=UTC)


def record(session_id: str, title: str, done: int, finished: bool = False) -> SessionRecord:
    return SessionRecord(
        id=session_id,
        at=STARTED,
        ended=STARTED + timedelta(minutes=2 * done),
        title=title,
        exercises=[ExerciseDone(exercise_id="bird-dog", name="Bird dog", sets_planned=5, sets_done=done)],
        completion=1.0 if finished else done / 5,
        ended_how="finished" if finished else "stopped-choice",
    )


def main() -> None:
    journal, title = Path(sys.argv[1]), sys.argv[2]
    running = JournalStore(journal).open_session()
    done = 1
    running.save(record(running.id, title, done))
    print(f"ready {running.id}", flush=True)
    for line in sys.stdin:
        if line.strip() == "step":
            done += 1
            running.save(record(running.id, title, done))
            print(f"saved {done}", flush=True)
        elif line.strip() == "finish":
            running.finish(record(running.id, title, 5, finished=True))
            print("finished", flush=True)
            return


if __name__ == "__main__":
    main()
