"""Time to open the Journal screen (first paint, headless) as the journal grows.

Journals of 1k, 5k and 20k entries spread as a real person's would be (about
4 a day: 20k is about 13-14 years), plus the worst case of all of them within
the last year. Each figure is the median of N opens of the screen (Trends tab,
which reads the entries, computes the trends and draws the chart), from the
push until the screen has been painted.

Target (issue 3): under 300 ms with 20k entries.

    python bench/journal_open.py [--runs 5] [--sizes 1000,5000,20000]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from journal_write import spread, squeezed  # noqa: E402
from results import record  # noqa: E402
from session_pack import home_store  # noqa: E402

from trainer.catalog.loader import load_catalog  # noqa: E402
from trainer.journal.models import AnyEntry  # noqa: E402

TARGET_MS = 300


def within_last_year(entries: list[AnyEntry], now: datetime) -> list[AnyEntry]:
    """The same entries squeezed, in order, into the last 360 days (the worst case for the screen)."""
    return squeezed(entries, now - timedelta(days=360), now)


async def time_opens(home: Path, runs: int, now: datetime, tab: str) -> tuple[list[float], list[float]]:
    from trainer.app import make_app
    from trainer.paths import resolve_paths
    from trainer.screens.journal import JournalScreen

    os.environ["BACKTRAINER_HOME"] = str(home)
    app = make_app(resolve_paths(), catalog=load_catalog(), now=lambda: now)
    painted: list[float] = []
    ready: list[float] = []
    show = app._display

    def display(screen: object, renderable: object) -> None:
        # the first frame of the Journal screen written to the (headless) terminal
        if isinstance(screen, JournalScreen) and renderable is not None and len(painted) < len(ready) + 1:
            painted.append(time.perf_counter())
        show(screen, renderable)  # type: ignore[arg-type]

    app._display = display  # type: ignore[method-assign]
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        for _ in range(runs + 1):
            started = time.perf_counter()
            await app.push_screen(JournalScreen(tab))
            await pilot.pause()
            ready.append(time.perf_counter() - started)
            painted[-1] -= started
            await app.pop_screen()
            await pilot.pause()
    return painted[1:], ready[1:]  # the first open also imports the screen modules


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sizes", default="1000,5000,20000")
    args = parser.parse_args()
    now = datetime.now().astimezone()
    rows = []
    for count in (int(size) for size in args.sizes.split(",")):
        for label in ("spread, about 4 a day", "all within the last year"):
            entries = spread(count, now.date())
            batch = entries if label.startswith("spread") else within_last_year(entries, now)
            del entries
            with tempfile.TemporaryDirectory() as home:
                store = home_store(Path(home))  # (this device's id in the home's state folder, as the app's)
                store.update_settings(disclaimer_seen=True)
                store.import_entries(batch)
                del batch, store
                gc.collect()  # the generated entries are not the app's: keep them out of its garbage collections
                for tab in ("trends", "check-in"):
                    painted, ready = asyncio.run(time_opens(Path(home), args.runs, now, tab))
                    paint_ms = statistics.median(painted) * 1000
                    ready_ms = statistics.median(ready) * 1000
                    rows.append((count, label, tab, paint_ms, ready_ms))
                    print(f"{count:>6} {label:<26} {tab:<9} first paint {paint_ms:5.0f} ms  idle {ready_ms:5.0f} ms")
    body = (
        f"Open the Journal screen headless at 100x32 (`j` opens it on Trends, `c` on Check in). First paint: from "
        "pushing the screen to its first frame written to the terminal. Idle: until Textual has nothing left to do "
        f"(the footer and late layout passes). Medians of {args.runs} opens after one warm-up. The screen reads the "
        "last 45 days plus the first two weeks of the journal (the baseline for change); longer views read more "
        "when chosen.\n\n"
        "| entries | history | tab | first paint | idle | target (first paint) |\n|---|---|---|---|---|---|\n"
    )
    for count, label, tab, paint_ms, ready_ms in rows:
        verdict = "met" if paint_ms < TARGET_MS else "missed"
        body += (
            f"| {count:,} | {label} | {tab} | {paint_ms:.0f} ms | {ready_ms:.0f} ms | < {TARGET_MS} ms: {verdict} |\n"
        )
    record("Journal screen open", body)


if __name__ == "__main__":
    main()
