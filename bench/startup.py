"""Time from launching `backtrainer` in an 80x24 pseudo-terminal to the Home screen.

Compared with a minimal Textual app measured the same way. Median of N runs.

    python bench/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_launch import PtyProcess  # noqa: E402
from results import record  # noqa: E402
from session_pack import home_store  # noqa: E402

HOME_MARKER = "step by step"  # in the Home menu
MINIMAL_MARKER = "minimal app ready"


def time_launch(argv: list[str], marker: str, env: dict[str, str]) -> float:
    child = PtyProcess(argv, env)
    try:
        return child.wait_for(marker)
    finally:
        child.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    executable = shutil.which("backtrainer") or str(Path(sys.executable).with_name("backtrainer"))
    home = tempfile.mkdtemp()
    home_store(Path(home)).update_settings(disclaimer_seen=True)
    env = {**os.environ, "TERM": "xterm-256color", "BACKTRAINER_HOME": home, "COLUMNS": "80", "LINES": "24"}
    minimal = Path(__file__).with_name("minimal_app.py")
    # one warm-up run each so both read from a warm file cache
    time_launch([executable], HOME_MARKER, env)
    time_launch([sys.executable, str(minimal)], MINIMAL_MARKER, env)
    app_times, minimal_times = [], []
    for _ in range(args.runs):
        app_times.append(time_launch([executable], HOME_MARKER, env))
        minimal_times.append(time_launch([sys.executable, str(minimal)], MINIMAL_MARKER, env))
    app_median = statistics.median(app_times)
    minimal_median = statistics.median(minimal_times)
    body = (
        f"Launch to first screen in an 80x24 pseudo-terminal, median of {args.runs} (after one warm-up run):\n\n"
        "| program | median | runs |\n|---|---|---|\n"
        f"| `backtrainer` (Home screen) | {app_median * 1000:.0f} ms | "
        + ", ".join(f"{t * 1000:.0f}" for t in app_times)
        + " |\n"
        f"| minimal Textual app | {minimal_median * 1000:.0f} ms | "
        + ", ".join(f"{t * 1000:.0f}" for t in minimal_times)
        + " |\n\n"
        f"backtrainer takes {app_median / minimal_median:.2f}x the minimal app "
        f"(+{(app_median - minimal_median) * 1000:.0f} ms: loading and validating the content, more widgets)."
    )
    record("Startup time", body)


if __name__ == "__main__":
    main()
