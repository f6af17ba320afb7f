"""One of several processes writing to the same journal at once (test_concurrency).

    BACKTRAINER_HOME=... python concurrent_worker.py MODE WORKER COUNT

Prints ``ready`` once imported, waits for a line on stdin (so all workers
start together), makes COUNT writes, prints ``done``. MODE:

- ``cli``: ``backtrainer log PAIN --note w<W>-<I> --tag worker-<W>`` through
  ``trainer.cli.main`` (one interpreter, COUNT commands);
- ``mixed``: ``JournalStore.add`` of the same check-in, then
  ``update_settings`` of one setting that only this worker changes.

Any exception ends the process with status 1 and a traceback on stderr.
"""

from __future__ import annotations

import contextlib
import io
import sys
from datetime import datetime

from trainer.cli import main as cli
from trainer.journal.models import CheckIn, PersonalDose
from trainer.journal.store import JournalStore
from trainer.paths import resolve_paths


def setting_change(worker: int, index: int) -> dict[str, object]:
    """Worker w's own setting at step i; the last value (i = COUNT - 1) must survive the others' writes."""
    changes: list[dict[str, object]] = [
        {"bell": index % 2 == 0},
        {"disclaimer_seen": index % 2 == 1},
        {"sessions_per_week_goal": index % 14 + 1},
        {"dose_changes": {"bird-dog": PersonalDose(sets=index % 10 + 1)}},
    ]
    return changes[worker % len(changes)]


def main() -> None:
    mode, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    store = JournalStore(resolve_paths().journal_dir)
    print("ready", flush=True)
    sys.stdin.readline()
    for index in range(count):
        note = f"w{worker}-{index}"
        if mode == "cli":
            with contextlib.redirect_stdout(io.StringIO()):
                cli(["log", str(index % 11), "--note", note, "--tag", f"worker-{worker}"], standalone_mode=False)
        elif mode == "mixed":
            store.add(CheckIn(at=datetime.now().astimezone(), pain_now=index % 11, notes=note))
            store.update_settings(**setting_change(worker, index))
        else:
            raise SystemExit(f"unknown mode {mode!r}")
    print("done", flush=True)


if __name__ == "__main__":
    main()
