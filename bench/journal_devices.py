"""A journal kept in device files (a journal a sync tool shares): a merged read of 4 devices x 5k entries
against one device holding all 20k, and a write into this device's month of 5k against one at 1k.

The 20k entries are one history (``journal_write.spread``: about 4 a day, ``scripts/demo_journal.py``),
written in bulk through the store (``JournalStore.import_entries``) into two journals in device files:

- *one device*: every entry in one device's folder;
- *four devices*: the same entries dealt out in turn to four devices' folders (as four devices that each
  wrote every fourth entry), so every month has four devices' files to merge.

Each round, in alternating order, a fresh store (nothing cached) reads every entry (``entries()``: what an
export or a full check reads, the merge of every file by ``journal/versions.py``) and the ``journal``
command's newest 20 with its count (``newest(20)``). Writes: ``JournalStore.add`` of a check-in dated now
by this device, into a month where it already holds 5k entries (in parts, ``journal/layout.py``) against a
journal of 1k spread, alternating. Ratios are of the same run. Targets: a merged read of four devices
within 1.2x of one device with the same entries (issue 14); the write within 2x (issue 13's bound).

    python bench/journal_devices.py [--rounds 5] [--writes 20] [--dir /var/tmp]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journal_write import crammed, spread, time_writes  # noqa: E402
from results import record  # noqa: E402

from trainer.journal.models import AnyEntry  # noqa: E402
from trainer.journal.store import JournalStore  # noqa: E402

DEVICES = ("aaaa00000001", "bbbb00000002", "cccc00000003", "dddd00000004")
READ_TARGET = 1.2
WRITE_TARGET = 2.0


def build(folder: Path, shares: dict[str, list[AnyEntry]]) -> Path:
    for device, entries in shares.items():
        JournalStore(folder, device=device).import_entries(entries)
    return folder


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--dir", default=tempfile.gettempdir())
    args = parser.parse_args()
    parent = Path(tempfile.mkdtemp(prefix="journal-devices-", dir=args.dir))
    try:
        history = spread(20_000, date.today())
        journals = {
            "one device, 20k": build(parent / "one" / "journal", {DEVICES[0]: history}),
            "four devices, 5k each": build(
                parent / "four" / "journal", {device: history[index::4] for index, device in enumerate(DEVICES)}
            ),
        }
        reads: dict[str, dict[str, list[float]]] = {label: {"entries()": [], "newest(20)": []} for label in journals}
        for round_number in range(args.rounds):
            order = list(journals.items())
            for label, folder in order if round_number % 2 == 0 else reversed(order):
                count = len(JournalStore(folder, device=DEVICES[0]).entries())
                assert count == len(history), (label, count)
                reads[label]["entries()"].append(timed(JournalStore(folder, device=DEVICES[0]).entries))
                newest = JournalStore(folder, device=DEVICES[0]).newest
                reads[label]["newest(20)"].append(timed(lambda: newest(20)))  # noqa: B023 (called at once)
        writers = {
            "1k entries spread": build(parent / "write-1k" / "journal", {DEVICES[0]: history[-1000:]}),
            "a month of 5k of this device's": build(
                parent / "write-5k" / "journal", {DEVICES[0]: crammed(history[-5000:], datetime.now().astimezone())}
            ),
        }
        writes: dict[str, list[float]] = {label: [] for label in writers}
        for round_number in range(args.rounds):
            order = list(writers.items())
            for label, folder in order if round_number % 2 == 0 else reversed(order):
                writes[label] += time_writes(folder, args.writes, DEVICES[0])  # the device of the month of 5k
    finally:
        shutil.rmtree(parent, ignore_errors=True)
    base = {read: statistics.median(reads["one device, 20k"][read]) for read in ("entries()", "newest(20)")}
    lines = ["| journal | read | median | ratio to one device |", "|---|---|---|---|"]
    verdicts = []
    for label, measured in reads.items():
        for read, times in measured.items():
            median = statistics.median(times)
            lines.append(f"| {label} | `{read}` | {median * 1000:.0f} ms | {median / base[read]:.2f}x |")
            if label != "one device, 20k":
                ratio = median / base[read]
                verdicts.append(f"`{read}` {ratio:.2f}x ({'met' if ratio <= READ_TARGET else 'MISSED'})")
    base_write = statistics.median(writes["1k entries spread"])
    write_lines = ["| journal | median | p90 | ratio to 1k |", "|---|---|---|---|"]
    for label, times in writes.items():
        median, p90 = statistics.median(times), statistics.quantiles(times, n=10)[-1]
        write_lines.append(f"| {label} | {median * 1000:.1f} ms | {p90 * 1000:.1f} ms | {median / base_write:.2f}x |")
        if label != "1k entries spread":
            verdicts.append(
                f"the write {median / base_write:.2f}x ({'met' if median / base_write <= WRITE_TARGET else 'MISSED'})"
            )
    body = "\n".join(
        [
            "A journal in device files (`devices/<id>/`, `journal/layout.py`): 20k entries of one history (about 4 "
            "a day, `scripts/demo_journal.py`) written through `JournalStore.import_entries` into one device's "
            "folder, and the same entries dealt out in turn to four devices' folders (every month then has four "
            "devices' files to merge by `journal/versions.py`). Each read on a fresh store, the median of "
            f"{args.rounds} rounds with the journals alternating; ratios of the same run. The machine has 2 cores "
            "shared with other work, so single figures move by 10-20%.",
            "",
            *lines,
            "",
            f"Writes: `JournalStore.add` of a check-in dated now by the device, {args.writes} per journal per round "
            f"(alternating), fsync included, on {args.dir}: into a month where this device holds 5k entries (in "
            "parts) against a journal of 1k spread.",
            "",
            *write_lines,
            "",
            f"Targets: a merged read of four devices within {READ_TARGET}x of one device holding the same entries; "
            f"a write within {WRITE_TARGET}x of one at 1k. " + "; ".join(verdicts) + ".",
        ]
    )
    record("Journal in device files", body)


if __name__ == "__main__":
    main()
