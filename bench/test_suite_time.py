"""How long the test suite takes, and where its time goes, for several ``-n`` (pytest-xdist workers).

Runs ``python -m pytest -n N -q -p no:cacheprovider --durations=K`` (plus any paths given: a subset) once for
each N in ``--workers``, one after the other, and records for each: the wall time, the CPU time of the run
and all its processes (user + system of the waited-for children, ``getrusage(RUSAGE_CHILDREN)``), that CPU as
a share of the machine's cores, the outcome line, and the load average before and after. The slowest tests of
the last run are listed (pytest's ``--durations``). The suite is CPU-bound when CPU / wall is close to the
number of cores: then more workers cannot help, only less work.

The README's command (``python -m pytest -n auto``) is what CI runs (``.ci/run``); ``auto`` is two workers
per core (``tests/conftest.py``, chosen from these runs), 4 on a 2-core machine. Target (issue 13): under
90 s on 2 cores.

    python bench/test_suite_time.py [--workers 2,3,4] [--durations 25] [-x] [tests/ui ...]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import record  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
TARGET_SECONDS = 90
DURATION = re.compile(r"^(\d+\.\d+)s (call|setup|teardown)\s+(\S+)$")
OUTCOME = re.compile(r"^=*\s*(.*(?:passed|failed|error).* in [\d.]+s.*?)\s*=*$")


@dataclass
class SuiteRun:
    workers: str
    wall: float
    cpu: float
    outcome: str
    load_before: float
    load_after: float
    slowest: list[tuple[float, str, str]]

    @property
    def cores_busy(self) -> float:
        return self.cpu / self.wall


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_suite(workers: str, paths: list[str], durations: int, stop_first: bool) -> SuiteRun:
    command = [sys.executable, "-m", "pytest", "-n", workers, "-q", "-p", "no:cacheprovider"]
    command += [f"--durations={durations}", *(["-x"] if stop_first else []), *paths]
    load_before = os.getloadavg()[0]
    cpu_before = children_cpu()
    started = time.perf_counter()
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - started
    cpu = children_cpu() - cpu_before
    lines = result.stdout.splitlines()
    outcome = next((m.group(1) for line in reversed(lines) if (m := OUTCOME.match(line.strip()))), "")
    slowest = [(float(m.group(1)), m.group(2), m.group(3)) for line in lines if (m := DURATION.match(line.strip()))]
    if result.returncode != 0:
        outcome = outcome or f"exit status {result.returncode}"
        failed = [line for line in lines if line.startswith(("FAILED", "ERROR"))]
        print("\n".join(failed[:20]) or result.stdout[-2000:] + result.stderr[-2000:], flush=True)
    return SuiteRun(workers, wall, cpu, outcome, load_before, os.getloadavg()[0], slowest)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", default="2,3,4", help="-n values, comma-separated (default 2,3,4; auto works)")
    parser.add_argument("--durations", type=int, default=25, help="slowest tests to list (default 25)")
    parser.add_argument("-x", action="store_true", help="stop at the first failure")
    parser.add_argument("--name", default="Test suite time", help="the section of bench/RESULTS.md to write")
    parser.add_argument("--note", default="", help="a paragraph to add to the section (what changed, caveats)")
    parser.add_argument("paths", nargs="*", help="a subset of the suite (default: all of it)")
    args = parser.parse_args()
    runs = []
    for workers in args.workers.split(","):
        print(f"pytest -n {workers} {' '.join(args.paths)} (load {os.getloadavg()[0]:.2f}) ...", flush=True)
        run = run_suite(workers.strip(), args.paths, args.durations, args.x)
        runs.append(run)
        print(f"  {run.wall:.0f} s wall, {run.cpu:.0f} s CPU ({run.cores_busy:.2f} cores busy): {run.outcome}")
    what = f"`{' '.join(args.paths)}`" if args.paths else "The whole suite"
    body = (
        f"{what} with `python -m pytest -n N -q -p no:cacheprovider` (`bench/test_suite_time.py`), once per N, "
        "one after the other. CPU = user + system time of pytest and every process it waited for (workers, "
        "the apps and tools the tests start), from `getrusage(RUSAGE_CHILDREN)`; *cores busy* = CPU / wall. "
        f"Target: the README's command (`-n auto`: 4 workers on 2 cores) under {TARGET_SECONDS} s on 2 cores.\n\n"
        "| -n | wall | CPU | cores busy | outcome | load before / after |\n|---|---|---|---|---|---|\n"
    )
    for run in runs:
        body += (
            f"| {run.workers} | {run.wall:.0f} s | {run.cpu:.0f} s | {run.cores_busy:.2f} | {run.outcome} | "
            f"{run.load_before:.2f} / {run.load_after:.2f} |\n"
        )
    if runs[-1].slowest:
        body += f"\nSlowest tests of the run with -n {runs[-1].workers} (wall, under that run's load):\n\n"
        body += "| seconds | phase | test |\n|---|---|---|\n"
        body += "".join(f"| {seconds:.2f} | {phase} | `{test}` |\n" for seconds, phase, test in runs[-1].slowest)
    if args.note:
        body += f"\n{args.note}\n"
    body += f"\n{os.cpu_count()} CPUs; other programs on the machine skew these figures (see the load)."
    record(args.name, body)


if __name__ == "__main__":
    main()
