"""CPU a session uses during a hold and during paced reps, at 80x24 and 120x40, against a plain 10 Hz ProgressBar.

The same programs and windows as ``session_traffic.py`` (see ``bench/session_window.py``): the child's
utime + stime from ``/proc/PID/stat`` over each window, as a share of one core; in each run, at each size,
the hold, the reps and the reference one after the other. No new dependency (no psutil).

Target (issue 11): backtrainer under 3% of one core.

    python bench/session_cpu.py [--runs 3] [--colors truecolor|256] [--sizes 80x24,120x40]
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import record  # noqa: E402
from session_window import LABELS, PROGRAMS, Size, Window, load_note, median, size_name, watch_programs  # noqa: E402

TARGET_PERCENT = 3.0


def main() -> None:
    load_before = os.getloadavg()[0]
    args, windows = watch_programs(
        __doc__.split("\n\n")[0],
        "the terminal's colours (as in session_traffic.py)",
        lambda window: f"{window.cpu_percent:.2f}% of a core ({window.cpu:.2f} s CPU, {window.writes} writes)",
    )
    load_after = os.getloadavg()[0]
    sizes: list[Size] = args.sizes
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")

    def median_window(program: str, size: Size) -> Window:
        return median(windows[program, size], key=lambda window: window.cpu)

    table = (
        "| size | program | window | CPU, share of a core | CPU time | frames written | CPU per frame | "
        "vs reference | each run |\n|---|---|---|---|---|---|---|---|---|\n"
    )
    verdicts = []
    for size in sizes:
        for program in PROGRAMS:
            window = median_window(program, size)
            runs = windows[program, size]
            shares = [
                app.cpu_percent / ref.cpu_percent
                for app, ref in zip(runs, windows["reference", size], strict=True)
                if ref.cpu > 0
            ]
            ratio = "1" if program == "reference" else f"{statistics.median(shares):.2f}x" if shares else "-"
            table += (
                f"| {size_name(size)} | {LABELS[program]} | {window.seconds:.0f} s | {window.cpu_percent:.2f}% | "
                f"{window.cpu:.2f} s | {window.writes} | {1000 * window.cpu / max(1, window.writes):.1f} ms | "
                f"{ratio} | " + ", ".join(f"{run.cpu_percent:.2f}%" for run in runs) + " |\n"
            )
        for program in ("hold", "reps"):
            percent = median_window(program, size).cpu_percent
            met = percent < TARGET_PERCENT
            verdicts.append(
                f"- {size_name(size)}, {program}: {percent:.2f}% of a core "
                f"(target under {TARGET_PERCENT:g}%: {'met' if met else '**missed**'})."
            )
    body = (
        f"CPU time (user + system, all threads, from `/proc/PID/stat`, {tick_ms:.0f} ms ticks) of the program "
        "over each window, as a share of one core: the same programs and windows as the terminal traffic "
        "(*hold*: `backtrainer start bench-long-hold`, 30 s of a 60 s hold of bundled `double-knee-to-chest`, "
        "the figure still; *reps*: `backtrainer start bench-paced-reps`, four 7 s reps of bundled "
        "`glute-bridge`, the figure moving; the reference `ProgressBar(total=300)` over its 30 s at 10 Hz), in "
        "a pseudo-terminal at each size. In each run, at each size, the three one after the other; *vs "
        "reference* is the median over the runs of each run's share over the reference's in the same run. "
        f"Median of {args.runs} run{'s' if args.runs != 1 else ''}.\n\n"
        f"{table}\n" + "\n".join(verdicts)
    )
    body = body.rstrip() + "\n\n" + load_note(load_before, load_after, windows)
    record("Session CPU", body)


if __name__ == "__main__":
    main()
