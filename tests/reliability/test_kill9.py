"""kill -9 at any moment loses no acknowledged write and never leaves a journal the store refuses.

Two parts:

- a writer process (kill9_writer.py) adds, edits and deletes entries in a loop
  and is SIGKILLed at a random moment, many times in a row on the same journal;
  after every kill a fresh store must show every acknowledged write;
- crash_writer.py kills itself at each chosen point of one operation's file
  writes (temporary file half written, complete but not renamed, renamed but
  the folder not synced), for every kind of write the store does.

    BACKTRAINER_KILL_ROUNDS=200 pytest -s tests/reliability/test_kill9.py

prints ``KILL9 SUMMARY kills=.. acked=.. lost=..``.
"""

from __future__ import annotations

import json
import os
import random
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.reliability.journal_files import check_in, day, duplicates, raw_ids, temporaries
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX"),
]

HERE = Path(__file__).resolve().parent
ROUNDS = int(os.environ.get("BACKTRAINER_KILL_ROUNDS", "60"))
SEED = int(os.environ.get("BACKTRAINER_KILL_SEED", "20261124"))
DELAY_SECONDS = (0.020, 0.400)

ENTRY_ID = r"[0-9a-f]{32}"
WHOLE_LINE = re.compile(
    rf"(begin (add|update) {ENTRY_ID} \d+|begin delete {ENTRY_ID}|(added|updated) {ENTRY_ID} \d+"
    rf"|deleted {ENTRY_ID}|dead \d+ -?\d+)\n"
)
"""Every line kill9_writer.py prints after ``ready``. A writer line cut by the kill runs into the
``dead`` line that follows it and no longer matches (an id may itself contain "dead")."""
DEAD_AT_END = re.compile(r"dead \d+ -?\d+\n$")
"""How the ``dead <pid> <status>`` line ends: no writer line ends with two numbers."""


@dataclass
class Acknowledged:
    """What the writer has acknowledged so far: the state a fresh store must show."""

    pain: dict[str, int] = field(default_factory=dict)  # acknowledged, not deleted -> last acknowledged pain
    deleted: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=lambda: {"added": 0, "updated": 0, "deleted": 0})

    def read(self, lines: list[str]) -> tuple[str, str, int | None] | None:
        """Apply the acknowledgements; return the operation in flight at the kill, if any."""
        pending: tuple[str, str, int | None] | None = None
        for line in lines:
            if not line.endswith("\n"):
                break  # cut off by the kill: never acknowledged
            words = line.split()
            if words[0] == "begin":
                pending = (words[1], words[2], int(words[3]) if len(words) > 3 else None)
                continue
            verb, entry_id = words[0], words[1]
            assert verb in self.counts, f"unexpected line from the writer: {line!r}"
            assert pending is not None and pending[1] == entry_id, f"answer without a begin: {line!r}"
            pending = None
            self.counts[verb] += 1
            if verb == "deleted":
                self.pain.pop(entry_id)
                self.deleted.add(entry_id)
            else:
                self.pain[entry_id] = int(words[2])
        return pending

    def settle(self, pending: tuple[str, str, int | None] | None, found: dict[str, int]) -> None:
        """Take the in-flight operation's outcome, whichever it was, as the new truth."""
        if pending is None:
            return
        op, entry_id, _ = pending
        if entry_id in found:
            self.pain[entry_id] = found[entry_id]
        elif op == "delete":
            self.pain.pop(entry_id, None)
            self.deleted.add(entry_id)


def check_after_kill(
    journal: Path, truth: Acknowledged, pending: tuple[str, str, int | None] | None
) -> tuple[list[str], dict[str, int]]:
    """Compare a fresh store with the acknowledged writes; return (failures, what the store shows)."""
    store = JournalStore(journal)
    entries = store.entries()
    failures = [f"problem: {problem}" for problem in store.problems]
    found = {entry.id: entry.pain_now for entry in entries if isinstance(entry, CheckIn)}
    failures += [f"id {entry_id} appears more than once on disk" for entry_id in duplicates(journal)]
    in_flight = pending[1] if pending else None
    for entry_id, pain in truth.pain.items():
        allowed: set[int | None] = {pain}
        if entry_id == in_flight and pending is not None:
            allowed.add(pending[2] if pending[0] == "update" else None)
        if found.get(entry_id) not in allowed:
            failures.append(f"lost: {entry_id} shows {found.get(entry_id)}, acknowledged {pain}")
    failures += [f"deleted {entry_id} is back" for entry_id in truth.deleted if entry_id in found]
    unexpected = set(found) - set(truth.pain) - truth.deleted - {in_flight}
    failures += [f"never acknowledged: {entry_id}" for entry_id in sorted(unexpected)]
    if len(temporaries(journal)) > 1:
        failures.append(f"temporary files pile up: {temporaries(journal)}")
    return failures, found


class Writers:
    """kill9_writer.py: forks a writer process on request (one interpreter start-up for all rounds)."""

    def __init__(self, journal: Path, errors: Path) -> None:
        self.errors = errors
        with errors.open("wb") as stderr:
            self.server = subprocess.Popen(
                [sys.executable, str(HERE / "kill9_writer.py"), str(journal)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=stderr,
                text=True,
            )

    def run_and_kill(self, seed: int, delay: float) -> list[str]:
        """Start a writer, SIGKILL it ``delay`` seconds after it is ready; return its lines."""
        assert self.server.stdin is not None and self.server.stdout is not None
        self.server.stdin.write(f"run {seed}\n")
        self.server.stdin.flush()
        first = self.server.stdout.readline()
        if not first.startswith("ready "):
            pytest.fail(f"writer did not start: {first!r}\n{self.errors.read_text()}")
        pid = int(first.split()[1])
        lines: list[str] = []
        reader = threading.Thread(target=self._read_until_dead, args=(lines,))
        reader.start()
        try:
            time.sleep(delay)  # the only sleep: the random moment of the kill
        finally:
            os.kill(pid, signal.SIGKILL)  # even when the test is interrupted: no writer outlives it
            reader.join()
        cut = [line for line in lines if not WHOLE_LINE.fullmatch(line)]
        assert not cut, f"lines were cut or garbled: {cut!r}"
        dead = lines.pop()
        assert dead.split()[:2] == ["dead", str(pid)], dead
        status = int(dead.split()[2])
        assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL, (
            f"writer ended by itself ({status}):\n{self.errors.read_text()}"
        )
        return lines

    def _read_until_dead(self, lines: list[str]) -> None:
        assert self.server.stdout is not None
        while line := self.server.stdout.readline():
            lines.append(line)
            if DEAD_AT_END.search(line):  # also when a cut line ran into it
                return
        lines.append("dead ? (the writer server stopped)")

    def close(self) -> None:
        try:
            self.server.communicate(timeout=30)  # closes stdin: the server ends
        finally:
            if self.server.poll() is None:
                self.server.kill()
                self.server.wait()


def test_kill9_at_random_moments_loses_no_acknowledged_write(tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    rng = random.Random(SEED)
    truth = Acknowledged()
    failures: list[str] = []
    in_flight = applied = 0
    writers = Writers(journal, tmp_path / "writers.err")
    try:
        for kill in range(1, ROUNDS + 1):
            lines = writers.run_and_kill(SEED + kill, rng.uniform(*DELAY_SECONDS))
            pending = truth.read(lines)
            found_failures, found = check_after_kill(journal, truth, pending)
            failures += [f"kill {kill}: {failure}" for failure in found_failures]
            if pending is not None:
                op, entry_id, pain = pending
                in_flight += 1
                applied += (entry_id not in found) if op == "delete" else found.get(entry_id) == pain
            truth.settle(pending, found)
            if failures:
                break
    finally:
        writers.close()
    acked = sum(truth.counts.values())
    lost = sum(1 for failure in failures if "lost:" in failure or "is back" in failure)
    print(
        f"\nKILL9 SUMMARY kills={kill} acked={acked} (added={truth.counts['added']} "
        f"updated={truth.counts['updated']} deleted={truth.counts['deleted']}) entries={len(truth.pain)} "
        f"lost={lost} problems={len(failures)} in_flight_at_kill={in_flight} (applied={applied}) seed={SEED}"
    )
    assert not failures, "\n".join(failures[:20])
    assert truth.counts["added"] >= ROUNDS, "the writer hardly wrote anything: the test proves little"
    assert truth.counts["updated"] and truth.counts["deleted"]


# --- a kill at each point of each kind of write ----------------------------------------------

MARCH_10 = check_in("2026-03-10", 3)
MARCH_12 = check_in("2026-03-12", 5)
APRIL_3 = check_in("2026-04-03", 6)
NEW = check_in("2026-03-20", 7)
IMPORTED = [check_in("2026-03-25", 2), check_in("2026-05-02", 1)]
APRIL_20 = datetime(2026, 4, 20, 9, tzinfo=UTC).isoformat()

Seen = tuple[frozenset[tuple[str, str, int]], int]
"""(id, day, pain) of every entry, and the settings' weekly goal."""


def seen(store: JournalStore) -> Seen:
    entries = store.entries()
    return frozenset(
        (e.id, day(e), e.pain_now) for e in entries if isinstance(e, CheckIn)
    ), store.load_settings().sessions_per_week_goal


def with_changes(states: Seen, *, drop: str | None = None, add: tuple[str, str, int] | None = None) -> Seen:
    entries, goal = states
    kept = {entry for entry in entries if entry[0] != drop}
    return frozenset(kept | ({add} if add else set())), goal


OPERATIONS: dict[str, tuple[dict[str, Any], int]] = {
    # name -> (spec for crash_writer, number of file writes it makes)
    "add": ({"op": "add", "entry": NEW.model_dump(mode="json")}, 1),
    "update": ({"op": "update", "id": MARCH_10.id, "changes": {"pain_now": 8}}, 1),
    "move": ({"op": "move", "id": MARCH_10.id, "changes": {"pain_now": 8, "at": APRIL_20}}, 2),
    "delete": ({"op": "delete", "id": MARCH_10.id}, 1),
    "import": ({"op": "import", "entries": [entry.model_dump(mode="json") for entry in IMPORTED]}, 2),
    "settings": ({"op": "settings", "changes": {"sessions_per_week_goal": 5}}, 1),
}
STAGES = ("half-written", "before-rename", "after-rename")


def outcomes(op: str, before: Seen) -> list[Seen]:
    """Every state the journal may be in after ``op`` was killed part-way: before, after, or (import) between."""
    a = MARCH_10.id
    if op == "add":
        return [before, with_changes(before, add=(NEW.id, day(NEW), 7))]
    if op == "update":
        return [before, with_changes(before, drop=a, add=(a, "2026-03-10", 8))]
    if op == "move":
        return [before, with_changes(before, drop=a, add=(a, "2026-04-20", 8))]
    if op == "delete":
        return [before, with_changes(before, drop=a)]
    if op == "import":
        first = with_changes(before, add=(IMPORTED[0].id, day(IMPORTED[0]), 2))
        return [before, first, with_changes(first, add=(IMPORTED[1].id, day(IMPORTED[1]), 1))]
    return [before, (before[0], 5)]


CASES = [
    pytest.param(op, write, stage, id=f"{op}-write{write}-{stage}")
    for op, (_, writes) in OPERATIONS.items()
    for write in range(1, writes + 1)
    for stage in STAGES
]


@pytest.mark.parametrize(("op", "write", "stage"), CASES)
def test_a_kill_at_any_point_of_a_write_loses_nothing(tmp_path: Path, op: str, write: int, stage: str) -> None:
    journal = tmp_path / "journal"
    store = JournalStore(journal)
    store.import_entries([MARCH_10, MARCH_12, APRIL_3])
    store.update_settings(sessions_per_week_goal=2)
    before = seen(store)
    spec, _ = OPERATIONS[op]
    crash = json.dumps({**spec, "write": write, "stage": stage})
    child = subprocess.run(
        [sys.executable, str(HERE / "crash_writer.py"), str(journal), crash],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert child.returncode == -signal.SIGKILL, f"not killed where planned:\n{child.stdout}{child.stderr}"

    fresh = JournalStore(journal)
    assert seen(fresh) in outcomes(op, before)
    assert fresh.problems == []
    leftovers = temporaries(journal)
    assert len(leftovers) == (0 if stage == "after-rename" else 1), leftovers
    stale_copy = op == "move" and (write, stage) in {(1, "after-rename"), (2, "half-written"), (2, "before-rename")}
    assert duplicates(journal) == ([MARCH_10.id] if stale_copy else [])  # a move inserts first: a copy, not a loss

    # the next write works, cleans up the leftover, and keeps what is there
    shown = seen(fresh)
    later = fresh.add(check_in("2026-03-28", 0))
    assert seen(fresh) == with_changes(shown, add=(later.id, day(later), 0))
    assert temporaries(journal) == []
    if op == "import":  # importing again completes it
        added, skipped = fresh.import_entries(IMPORTED)
        assert (added + skipped, all(raw_ids(journal)[entry.id] == 1 for entry in IMPORTED)) == (2, True)
