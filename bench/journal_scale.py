"""The journal's commands and screen as the history grows: 0, 1k, 20k and 100k entries (about 4 a day).

Each journal is generated once per run (``scripts/demo_journal.py`` through ``journal_write.spread``: the
newest N entries of one 100k history) and written in bulk through the store's own write path
(``JournalStore.import_entries``) into a temporary folder. Then, with the sizes alternating in every round:

- ``backtrainer journal``, ``stats``, ``export --format md|csv|json`` as subprocesses (start-up included:
  what a person waits for), the median of the rounds;
- the Journal screen opened headless, time to its first paint (``journal_open.time_opens``);
- one write (``JournalStore.add`` of a check-in, fsync included) with 1k entries spread, against one into a
  month holding 5k entries (written in parts), and into a month whose one old-layout file holds 5k.

Ratios are to the 1k figure of the same run. Targets (issue 13): every journal command and the screen at
20k and 100k within 1.2x of 1k; a write into a 5k-entry month within 2x of one at 1k. An export of all
entries has to grow with them: those figures are reported as measured.

    python bench/journal_scale.py [--rounds 3] [--sizes 0,1000,20000,100000] [--dir /var/tmp]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journal_open import time_opens  # noqa: E402
from journal_write import BENCH_DEVICE, crammed, spread, time_writes  # noqa: E402
from results import record  # noqa: E402

from trainer.journal.layout import PART_BYTES, month_parts  # noqa: E402
from trainer.journal.store import JournalStore  # noqa: E402

COMMANDS = (
    ("journal",),
    ("stats",),
    ("export", "--format", "md"),
    ("export", "--format", "csv"),
    ("export", "--format", "json"),
)
COMMAND_TARGET = 1.2
WRITE_TARGET = 2.0
BASE = 1000


def build(parent: Path, name: str, entries: list, *, part_bytes: int | None = None) -> Path:
    """A journal home holding ``entries``, written in bulk by the store."""
    home = parent / name
    store = JournalStore(home / "journal", device=BENCH_DEVICE, part_bytes=part_bytes or PART_BYTES)
    store.update_settings(disclaimer_seen=True)
    store.import_entries(entries)
    return home


def run_command(home: Path, command: tuple[str, ...]) -> float:
    environment = {**os.environ, "BACKTRAINER_HOME": str(home)}
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "trainer", *command],
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - started


def screen_paint(home: Path, now: datetime) -> float:
    painted, _ = asyncio.run(time_opens(home, 3, now, "trends"))
    return statistics.median(painted)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sizes", default="0,1000,20000,100000")
    parser.add_argument("--writes", type=int, default=10, help="writes per journal per round")
    default_dir = "/var/tmp" if Path("/var/tmp").is_dir() else tempfile.gettempdir()
    parser.add_argument("--dir", type=Path, default=Path(default_dir), help="a folder on the disk to measure")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    if BASE not in sizes:
        sizes.insert(0, BASE)
    today, now = date.today(), datetime.now().astimezone()
    parent = Path(tempfile.mkdtemp(prefix="journal-scale-", dir=args.dir))
    try:
        started = time.perf_counter()
        history = spread(max(sizes), today) if max(sizes) else []
        homes = {
            size: build(parent, f"spread-{size}", history[len(history) - size :] if size else []) for size in sizes
        }
        dense = crammed(history[-5000:] if len(history) >= 5000 else spread(5000, today), now)
        writes = {
            "1k entries spread": homes[BASE],
            "5k entries in this month (parts)": build(parent, "dense-parts", dense),
            "5k entries in this month's one old file": build(parent, "dense-old", dense, part_bytes=10**12),
        }
        del history, dense
        gc.collect()
        print(f"generated and written in {time.perf_counter() - started:.0f} s", file=sys.stderr)

        times: dict[tuple[str, int], list[float]] = {}
        write_times: dict[str, list[float]] = {label: [] for label in writes}
        for round_number in range(args.rounds):
            order = sizes if round_number % 2 == 0 else list(reversed(sizes))
            for size in order:
                for command in COMMANDS:
                    times.setdefault((" ".join(command), size), []).append(run_command(homes[size], command))
                times.setdefault(("Journal screen (first paint)", size), []).append(screen_paint(homes[size], now))
            for label in writes if round_number % 2 == 0 else reversed(list(writes)):
                write_times[label] += time_writes(writes[label] / "journal", args.writes)
            print(f"round {round_number + 1} of {args.rounds} done", file=sys.stderr)
        dense_store = JournalStore(writes["5k entries in this month (parts)"] / "journal", device=BENCH_DEVICE)
        parts = len(month_parts(dense_store.own_directory.iterdir()))
    finally:
        shutil.rmtree(parent, ignore_errors=True)

    names = [" ".join(command) for command in COMMANDS] + ["Journal screen (first paint)"]
    header = (
        "| what | "
        + " | ".join(f"{size:,}" for size in sizes)
        + " | "
        + " | ".join(f"{size:,} vs 1k" for size in sizes if size > BASE)
    )
    lines = [header + " |", "|---" * (1 + len(sizes) + len([s for s in sizes if s > BASE])) + "|"]
    verdicts = []
    for name in names:
        medians = {size: statistics.median(times[(name, size)]) * 1000 for size in sizes}
        ratios = {size: medians[size] / medians[BASE] for size in sizes if size > BASE}
        lines.append(
            f"| `{name}` | "
            + " | ".join(f"{medians[size]:,.0f} ms" for size in sizes)
            + " | "
            + " | ".join(f"{ratio:.2f}x" for ratio in ratios.values())
            + " |"
        )
        everything = name.startswith("export")
        if not everything:
            worst = max(ratios.values(), default=1.0)
            verdicts.append(f"`{name}`: {worst:.2f}x at worst ({'met' if worst <= COMMAND_TARGET else 'MISSED'})")
        print(f"{name}: " + ", ".join(f"{size}: {medians[size]:.0f} ms" for size in sizes), file=sys.stderr)
    base_write = statistics.median(write_times["1k entries spread"]) * 1000
    write_lines = ["| journal | median write | p90 | vs 1k |", "|---|---|---|---|"]
    for label, measured in write_times.items():
        median = statistics.median(measured) * 1000
        p90 = statistics.quantiles(measured, n=10)[-1] * 1000
        write_lines.append(f"| {label} | {median:.1f} ms | {p90:.1f} ms | {median / base_write:.2f}x |")
        if label != "1k entries spread":
            ratio = median / base_write
            verdicts.append(f"a write, {label}: {ratio:.2f}x ({'met' if ratio <= WRITE_TARGET else 'MISSED'})")
    body = "\n".join(
        [
            f"Journals of {', '.join(f'{size:,}' for size in sizes)} entries (the newest N of one history of about 4 "
            "entries a day from `scripts/demo_journal.py`; 100k is about 68 years, 823 month files), written in bulk "
            "through `JournalStore.import_entries`. Commands run as subprocesses (`python -m trainer ...`, start-up "
            f"included), the median of {args.rounds} rounds with the sizes alternating (forwards, then backwards); "
            "the Journal screen opened headless at 100x32 on Trends, median time to first paint of 3 opens after "
            "a warm-up, each round. Ratios are to the 1k figure of the same run. The machine has 2 cores shared "
            "with other work, so single figures move by 10-20%.",
            "",
            *lines,
            "",
            f"Writes: `JournalStore.add` of a check-in dated now, {args.writes} per journal per round "
            f"(alternating), fsync included, on {args.dir}. The month of 5k in parts was written as "
            f"{parts} parts of about {PART_BYTES // 1024} KB (`journal/layout.py`); in the journal of one old"
            " file (as an older version's big month file is after it moved into device files) the writes go to a"
            " new part beside its one 2.4 MB file.",
            "",
            *write_lines,
            "",
            "Targets (issue 13): within 1.2x of 1k at 20k and 100k for `journal`, `stats` and the Journal screen; "
            "within 2x of a write at 1k for a write into a month of 5k. " + "; ".join(verdicts) + ".",
            "",
            "`export` of every entry necessarily grows with the entries (it prints them all; there is no default "
            "period): its cost is linear, and the figures above are what it costs. `journal` reads month files "
            "newest first until its 20 newest are certain and counts the rest from their bytes; `stats` reads its "
            "30 days, the first week of the journal and its first day (`reports.summary.summary_entries`).",
        ]
    )
    record("Journal at scale", body)


if __name__ == "__main__":
    main()
