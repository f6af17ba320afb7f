"""CPU used by the app during a 30 s hold, in an 80x24 pseudo-terminal, against a plain 10 Hz ProgressBar.

The same two programs and windows as ``session_traffic.py`` (see
``bench/hold_window.py``): the child's utime + stime from ``/proc/PID/stat``
over the 30 s window, as a percentage of one core. No new dependency (no psutil).

Target: backtrainer under 3% of one core.

    python bench/session_cpu.py [--runs 1]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hold_window import WINDOW_SECONDS, Window, median, watch_programs  # noqa: E402
from results import record  # noqa: E402

TARGET_PERCENT = 3.0


def main() -> None:
    load_before = os.getloadavg()[0]
    args, windows = watch_programs(
        __doc__.split("\n\n")[0],
        "the terminal's colours (as in session_traffic.py)",
        lambda window: f"{window.cpu_percent:.2f}% of a core ({window.cpu:.2f} s CPU)",
    )

    def median_window(program: str) -> Window:
        return median(windows[program], key=lambda window: window.cpu)

    app, reference = median_window("backtrainer"), median_window("reference")
    tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
    rows = ""
    for label, window in (
        ("`backtrainer`, 30 s hold", app),
        ("reference: `ProgressBar(total=300)` at 10 Hz", reference),
    ):
        rows += (
            f"| {label} | {window.cpu_percent:.2f}% | {window.cpu:.2f} s | {window.writes} | "
            + ", ".join(f"{w.cpu_percent:.2f}%" for w in windows[window.program])
            + " |\n"
        )
    met = app.cpu_percent < TARGET_PERCENT
    body = (
        f"CPU time (user + system, all threads, from `/proc/PID/stat`, {tick_ms:.0f} ms ticks) of the program over "
        f"{WINDOW_SECONDS:.0f} s in an 80x24 pseudo-terminal, as a share of one core: the same windows as the "
        "terminal traffic (`backtrainer start bench-long-hold` from 1 s into its 45 s hold; the reference "
        "`ProgressBar(total=300)` over its 30 s at 10 Hz). "
        f"Median of {args.runs} run{'s' if args.runs != 1 else ''}.\n\n"
        "| program | CPU, share of a core | CPU time | frames written | runs |\n|---|---|---|---|---|\n"
        f"{rows}\n"
        f"backtrainer: {app.cpu_percent:.2f}% of a core "
        f"(target under {TARGET_PERCENT:g}%: {'met' if met else 'missed'}), "
        f"{app.cpu / reference.cpu:.2f}x the reference; about {1000 * app.cpu / max(1, app.writes):.0f} ms of CPU per "
        "frame written."
    )
    body = body.rstrip() + (
        f"\n\nLoad average (1 min) when the benchmark started: {load_before:.2f}; other programs skew these figures."
    )
    record("Session CPU", body)


if __name__ == "__main__":
    main()
