"""Several backtrainer processes writing one journal at once lose nothing and duplicate nothing.

Four processes start together (they wait on a line from the test) and each
makes 100 writes: ``backtrainer log`` through the CLI's entry point, or
``JournalStore.add`` mixed with ``update_settings``. Every entry must be there
exactly once, and every worker's last setting must survive the others' writes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from tests.reliability.concurrent_worker import setting_change
from tests.reliability.journal_files import duplicates, raw_ids
from trainer.journal.models import CheckIn, Settings
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
WORKERS = 4
COUNT = 100


def run_workers(home: Path, mode: str) -> None:
    """Start the workers, let them all go at once, wait for each to finish cleanly."""
    env = {**os.environ, HOME_ENV: str(home)}
    workers = [
        subprocess.Popen(
            [sys.executable, str(HERE / "concurrent_worker.py"), mode, str(worker), str(COUNT)],
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for worker in range(WORKERS)
    ]
    try:
        for process in workers:
            assert process.stdout is not None
            first = process.stdout.readline()
            assert first == "ready\n", first + (process.stderr.read() if process.stderr else "")
        for process in workers:
            assert process.stdin is not None
            process.stdin.write("go\n")
            process.stdin.flush()
        results = [process.communicate(timeout=120) for process in workers]
    finally:
        for process in workers:
            if process.poll() is None:
                process.kill()
                process.wait()
    for worker, (process, (out, err)) in enumerate(zip(workers, results, strict=True)):
        assert (process.returncode, out) == (0, "done\n"), f"worker {worker} failed:\n{err}"


def check_every_entry_once(home: Path) -> list[CheckIn]:
    store = JournalStore(home / "journal")
    entries = [entry for entry in store.entries() if isinstance(entry, CheckIn)]
    assert store.problems == []
    notes = Counter(entry.notes for entry in entries)
    expected = {f"w{worker}-{index}" for worker in range(WORKERS) for index in range(COUNT)}
    assert set(notes) == expected, f"missing: {sorted(expected - set(notes))[:10]}"
    assert [note for note, count in notes.items() if count > 1] == []
    assert len(entries) == WORKERS * COUNT
    assert duplicates(store.directory) == []
    assert sum(raw_ids(store.directory).values()) == WORKERS * COUNT
    for entry in entries:
        worker, index = (int(part) for part in entry.notes[1:].split("-"))
        assert entry.pain_now == index % 11
    return entries


def assert_workers_overlapped(entries: list[CheckIn]) -> None:
    """The test proves something only if the writes really interleaved."""
    spans = {}
    for worker in range(WORKERS):
        times = [entry.recorded for entry in entries if entry.notes.startswith(f"w{worker}-")]
        spans[worker] = (min(times), max(times))
    latest_start = max(start for start, _ in spans.values())
    earliest_end = min(end for _, end in spans.values())
    assert latest_start < earliest_end, f"the workers ran one after another: {spans}"


def test_four_processes_logging_at_once_keep_every_entry_once(tmp_path: Path) -> None:
    run_workers(tmp_path, "cli")
    entries = check_every_entry_once(tmp_path)
    assert {tag for entry in entries for tag in entry.triggers} == {f"worker-{w}" for w in range(WORKERS)}
    for entry in entries:
        assert entry.triggers == [f"worker-{entry.notes[1:].split('-')[0]}"]
    assert_workers_overlapped(entries)


def test_entries_and_settings_written_at_once_do_not_clobber_each_other(tmp_path: Path) -> None:
    JournalStore(tmp_path / "journal").save_settings(Settings(disclaimer_seen=True))
    run_workers(tmp_path, "mixed")
    entries = check_every_entry_once(tmp_path)
    assert_workers_overlapped(entries)
    settings = JournalStore(tmp_path / "journal").load_settings()
    expected = Settings(disclaimer_seen=True)
    for worker in range(WORKERS):
        expected = expected.model_copy(update=setting_change(worker, COUNT - 1))
    assert settings == expected
