"""The writer processes of test_kill9: each writes to a journal until it is killed.

    python kill9_writer.py JOURNAL_DIR

So that 60 kills do not pay 60 interpreter start-ups, this process imports
the store once, then forks a fresh writer process for each ``run SEED`` line
on its stdin. The writer is a separate process running the real store code on
the real disk; the test SIGKILLs it by pid. When it is gone this process
prints ``dead <pid> <wait status>``; lines from one writer all come before it.

Each iteration adds a check-in; every 5th also changes the pain of an earlier
entry (in place, same month), every 7th deletes one. Around every call it
prints a line and flushes, so the parent knows what was acknowledged:

    ready <pid> <entries>       the store is open (the kill delay starts now)
    begin add <id> <pain>       about to call add       -> added <id> <pain> once it returned
    begin update <id> <pain>    about to call update    -> updated <id> <pain>
    begin delete <id>           about to call delete    -> deleted <id>

A write is acknowledged only after the store call returned: from then on it
must survive a kill. A "begin" without its answer was in flight when the kill
came: either outcome is allowed.
"""

from __future__ import annotations

import os
import random
import sys
import traceback
from datetime import datetime, timedelta, timezone
from pathlib import Path

from trainer.journal.models import AnyEntry, CheckIn
from trainer.journal.store import JournalStore

ZONE = timezone(timedelta(hours=-5))
FIRST = datetime(2026, 1, 1, tzinfo=ZONE)
SPREAD_MINUTES = 181 * 24 * 60  # January to June: six month files


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def write_forever(directory: Path, seed: int) -> None:
    rng = random.Random(seed)
    store = JournalStore(directory)
    live: dict[str, AnyEntry] = {entry.id: entry for entry in store.entries()}
    ids = sorted(live)  # a list to pick from; kept in step with ``live``
    say(f"ready {os.getpid()} {len(live)}")
    step = 0
    while True:
        step += 1
        entry = CheckIn(
            at=FIRST + timedelta(minutes=rng.randrange(SPREAD_MINUTES)),
            pain_now=rng.randint(0, 10),
            notes=f"writer {seed} step {step}",
        )
        say(f"begin add {entry.id} {entry.pain_now}")
        store.add(entry)
        say(f"added {entry.id} {entry.pain_now}")
        live[entry.id] = entry
        ids.append(entry.id)

        if step % 5 == 0:
            old = live[rng.choice(ids)]
            assert isinstance(old, CheckIn)
            pain = (old.pain_now + rng.randint(1, 10)) % 11  # always a different pain
            say(f"begin update {old.id} {pain}")
            live[old.id] = store.update(old, old.model_copy(update={"pain_now": pain}))
            say(f"updated {old.id} {pain}")

        if step % 7 == 0:
            position = rng.randrange(len(ids))
            victim = live.pop(ids[position])
            ids[position] = ids[-1]
            ids.pop()
            say(f"begin delete {victim.id}")
            store.delete(victim)
            say(f"deleted {victim.id}")


def main() -> None:
    directory = Path(sys.argv[1])
    for command in sys.stdin:
        seed = int(command.split()[1])
        sys.stdout.flush()
        pid = os.fork()
        if pid == 0:
            try:
                write_forever(directory, seed)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(1)  # only a kill should end a writer
        _, status = os.waitpid(pid, 0)
        say(f"dead {pid} {status}")


if __name__ == "__main__":
    main()
