"""Start-up against its floors, and the app's peak memory (issue 13).

- First frame of Home (a returning user) and of the first-run screen, launched in an 80x24
  pseudo-terminal, against the smallest Textual app (``bench/minimal_app.py``) measured the same way.
- ``backtrainer --version`` and ``--help`` against ``python -c "import click"``; ``backtrainer log 3``
  against ``python -c "import click, pydantic, tinydb"`` (wall time of the whole process).
- Peak resident memory (VmHWM in ``/proc/<pid>/status``) of the app process on Home and after a
  few seconds of a session.

The programs alternate within each round (so a busy moment of the shared machine hits all of them), after
one warm-up run each; the figures are medians of the rounds.

    python bench/startup_ratio.py [--rounds 15]
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
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_launch import PtyProcess  # noqa: E402
from results import record  # noqa: E402

HOME_MARKER = "step by step"  # in the Home menu (the launch frame has it: ``trainer/screens/launch.py``)
HOME_COMPLETE_MARKER = "Your week"  # the title of Home's box about the week: the journal has been read
FIRST_RUN_MARKER = "I understand, continue"  # the first-run screen's button
MINIMAL_MARKER = "minimal app ready"
TARGETS: dict[str, float | None] = {
    "home": 1.3,
    "home, complete": None,
    "first-run": 1.6,
    "--version": 1.5,
    "--help": 1.5,
    "log 3": 1.5,
}
RSS_TARGET_MIB = 50


def executable() -> str:
    return shutil.which("backtrainer") or str(Path(sys.executable).with_name("backtrainer"))


def returning_home() -> Path:
    """A data folder whose person has accepted the first-run notice (so the app opens on Home)."""
    from session_pack import home_store

    home = Path(tempfile.mkdtemp(prefix="bt-bench-"))
    home_store(home).update_settings(disclaimer_seen=True)
    return home


def environment(home: Path) -> dict[str, str]:
    return {**os.environ, "TERM": "xterm-256color", "BACKTRAINER_HOME": str(home), "COLUMNS": "80", "LINES": "24"}


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmHWM")


def first_frame(argv: list[str], marker: str, env: dict[str, str]) -> float:
    child = PtyProcess(argv, env)
    try:
        return child.wait_for(marker)
    finally:
        child.stop()


def home_rss(env: dict[str, str]) -> float:
    """Peak RSS once Home has painted and settled (the journal read, the suggestion shown)."""
    child = PtyProcess([executable()], env)
    try:
        child.wait_for(HOME_MARKER)
        child.read_for(1.0)
        return peak_rss_mib(child.process.pid)
    finally:
        child.stop()


def session_rss(env: dict[str, str]) -> float:
    """Peak RSS after a few seconds of a session (the get-ready step, then the first exercise)."""
    child = PtyProcess([executable(), "start", "gentle-start"], env)
    try:
        child.wait_for("Before you start")
        child.send(b"s")
        child.wait_for("Start now")
        child.read_for(2.0)
        child.send(b"n")
        child.read_for(3.0)
        return peak_rss_mib(child.process.pid)
    finally:
        child.stop()


def wall_time(argv: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    app = executable()
    returning = returning_home()
    fresh_homes: list[Path] = []

    def fresh_env() -> dict[str, str]:
        fresh_homes.append(Path(tempfile.mkdtemp(prefix="bt-bench-")))
        return environment(fresh_homes[-1])

    env = environment(returning)
    minimal = [sys.executable, str(Path(__file__).with_name("minimal_app.py"))]
    programs: dict[str, Callable[[], float]] = {
        "floor": lambda: first_frame(minimal, MINIMAL_MARKER, env),
        "home": lambda: first_frame([app], HOME_MARKER, env),
        "home, complete": lambda: first_frame([app], HOME_COMPLETE_MARKER, env),
        "first-run": lambda: first_frame([app], FIRST_RUN_MARKER, fresh_env()),
        "click": lambda: wall_time([sys.executable, "-c", "import click"], env),
        "--version": lambda: wall_time([app, "--version"], env),
        "--help": lambda: wall_time([app, "--help"], env),
        "click+pydantic+tinydb": lambda: wall_time([sys.executable, "-c", "import click, pydantic, tinydb"], env),
        "log 3": lambda: wall_time([app, "log", "3"], env),
    }
    load_before = os.getloadavg()[0]
    try:
        for measure in programs.values():  # warm-up: every program once, so all read from a warm file cache
            measure()
        times: dict[str, list[float]] = {name: [] for name in programs}
        for _ in range(args.rounds):
            for name, measure in programs.items():
                times[name].append(measure())
        rss_home = [home_rss(env) for _ in range(3)]
        rss_session = [session_rss(environment(returning)) for _ in range(3)]
    finally:
        load_after = os.getloadavg()[0]
        for folder in [returning, *fresh_homes]:
            shutil.rmtree(folder, ignore_errors=True)
    median = {name: statistics.median(values) for name, values in times.items()}
    floors = {
        "home": "floor",
        "home, complete": "floor",
        "first-run": "floor",
        "--version": "click",
        "--help": "click",
        "log 3": "click+pydantic+tinydb",
    }
    rows = []
    for name, floor in floors.items():
        ratio = median[name] / median[floor]
        target = TARGETS[name]
        goal = (
            "none (shown for what it is)" if target is None else f"{target}x ({'met' if ratio <= target else 'missed'})"
        )
        rows.append(
            f"| `{name}` | {median[name] * 1000:.0f} ms | {floor} {median[floor] * 1000:.0f} ms | "
            f"**{ratio:.2f}x** | {goal} |"
        )
    rss = [
        ("Home (settled)", statistics.median(rss_home), rss_home),
        ("a session (5 s in)", statistics.median(rss_session), rss_session),
    ]
    rss_rows = [
        f"| {what} | **{value:.1f} MiB** | {', '.join(f'{v:.1f}' for v in values)} | "
        f"{'met' if value <= RSS_TARGET_MIB else 'missed'} |"
        for what, value, values in rss
    ]
    runs = "\n".join(f"- {name}: " + ", ".join(f"{t * 1000:.0f}" for t in values) for name, values in times.items())
    body = (
        f"Method: each round runs every program once, in turn ({', '.join(programs)}); {args.rounds} rounds after "
        "one warm-up run each; medians. First frames are timed from the launch in an 80x24 pseudo-terminal until "
        "a marker text of the screen is in the output (`bench/pty_launch.py`); Home is a returning user's (the "
        "first-run notice accepted; an empty journal), the first-run screen a new data folder's. `home` is its "
        "first frame: Home's introduction and menu, painted before the content and the journal load "
        "(`trainer/screens/launch.py`); `home, complete` is Home with the journal read (its box 'Your week'). "
        "Command times "
        "are the wall time of the whole process (`log 3` writes a check-in each time). Peak RSS is VmHWM of the "
        "app process (3 launches each, median). "
        f"Load average {load_before:.2f} before, {load_after:.2f} after, on a 2-CPU machine shared with "
        "other work: single runs vary by tens of milliseconds, the ratios less.\n\n"
        "| program | median | floor (median) | ratio | target |\n|---|---|---|---|---|\n"
        + "\n".join(rows)
        + "\n\n| peak RSS | median | runs (MiB) | target 50 MiB |\n|---|---|---|---|\n"
        + "\n".join(rss_rows)
        + "\n\nEvery run (ms):\n\n"
        + runs
    )
    record("Start-up against its floors", body)


if __name__ == "__main__":
    main()
