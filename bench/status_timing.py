"""How long `backtrainer status --format tmux` takes, as a tmux status line runs it every 15 s.

Each run is a new process, timed from start to exit, alternating with `python -c "import click"` in the
same loop (the floor any click command pays), after one warm-up run of each. The journal has a year of
demo history (scripts/demo_journal.py) and the reminders on, every day, all day, so status reads this
week's month files and works out what is due. Target: under 100 ms.

    python bench/status_timing.py [--runs 30]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "scripts"))

from demo_journal import generate  # noqa: E402
from results import record  # noqa: E402
from session_pack import home_store  # noqa: E402

from trainer.catalog.loader import load_catalog  # noqa: E402

TARGET_MS = 100.0


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout.strip()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    executable = shutil.which("backtrainer") or str(Path(sys.executable).with_name("backtrainer"))
    home = Path(tempfile.mkdtemp())
    store = home_store(home)
    now = datetime.now().astimezone()
    entries = generate(12, seed=7, today=now.date(), catalog=load_catalog(), zone=now.tzinfo)
    store.import_entries(entries)
    every_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    store.update_settings(
        disclaimer_seen=True, reminders={"enabled": True, "days": every_day, "start": "00:00", "end": "23:59"}
    )
    months = len(store.month_files())
    env = {**os.environ, "BACKTRAINER_HOME": str(home)}
    env.pop("TMUX", None)  # no tmux to ask: the time of status itself
    status_argv = [executable, "status", "--format", "tmux"]
    click_argv = [sys.executable, "-c", "import click"]
    _, shown = timed(status_argv, env)
    timed(click_argv, env)
    status_times, click_times = [], []
    for _ in range(args.runs):
        status_times.append(timed(status_argv, env)[0])
        click_times.append(timed(click_argv, env)[0])
    status_ms = statistics.median(status_times) * 1000
    click_ms = statistics.median(click_times) * 1000
    p90 = statistics.quantiles(status_times, n=10)[-1] * 1000
    verdict = "met" if status_ms < TARGET_MS else "not met"
    body = (
        f"`backtrainer status --format tmux` (printed `{shown}`), a new process each time, alternating with "
        f'`python -c "import click"`; median of {args.runs} runs after one warm-up each. The journal: '
        f"{len(entries):,} entries over 12 months ({months} month files), reminders on all day every day.\n\n"
        "| program | median | p90 | min | max |\n|---|---|---|---|---|\n"
        f"| `backtrainer status --format tmux` | {status_ms:.0f} ms | {p90:.0f} ms | "
        f"{min(status_times) * 1000:.0f} ms | {max(status_times) * 1000:.0f} ms |\n"
        f'| `python -c "import click"` | {click_ms:.0f} ms | '
        f"{statistics.quantiles(click_times, n=10)[-1] * 1000:.0f} ms | {min(click_times) * 1000:.0f} ms | "
        f"{max(click_times) * 1000:.0f} ms |\n\n"
        f"status takes {status_ms / click_ms:.2f}x `import click` (+{status_ms - click_ms:.0f} ms: the rest of the "
        f"command line, reading settings.json and this week's month files, the schedule). "
        f"Target under {TARGET_MS:.0f} ms: {verdict}."
    )
    record("Status line", body)
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
