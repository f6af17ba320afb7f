"""Bytes per second written to an 80x24 pseudo-terminal during a 30 s hold, against a plain 10 Hz ProgressBar.

backtrainer: ``backtrainer start bench-long-hold`` (``bench/session_pack.py``;
the pain question skipped with ``s``; 5 s get-ready then a 45 s hold), watched
for 30 s from 1 s after the hold appears. Reference: ``bench/progress_reference.py``,
a ``ProgressBar(total=300)`` advanced every 0.1 s, watched for its 30 s.
See ``bench/hold_window.py`` for how bytes and writes are counted.

Targets: backtrainer at most 2 KB/s, and at most half the reference.

    python bench/session_traffic.py [--runs 1] [--colors truecolor|256]
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from hold_window import PROGRAMS, WINDOW_SECONDS, Window, frames_by_rows, median, watch_programs  # noqa: E402
from results import record  # noqa: E402

TARGET_BYTES_PER_SECOND = 2048
TARGET_SHARE = 0.5


def per_second(window: Window) -> tuple[float, float]:
    """(bytes, writes) per second of the window."""
    return window.bytes_per_second, window.writes / window.seconds


def main() -> None:
    load_before = os.getloadavg()[0]
    args, windows = watch_programs(
        __doc__.split("\n\n")[0],
        "the terminal's colours: truecolor (COLORTERM=truecolor, as most terminals today) or 256",
        lambda window: "{:.0f} B/s, {:.1f} writes/s".format(*per_second(window)),
    )

    def median_window(program: str) -> Window:
        return median(windows[program], key=lambda window: window.bytes_per_second)

    app, reference = median_window("backtrainer"), median_window("reference")
    share = app.bytes_per_second / reference.bytes_per_second
    rows = ""
    for label, window in (
        ("`backtrainer`, 30 s hold", app),
        ("reference: `ProgressBar(total=300)` at 10 Hz", reference),
    ):
        rate, writes = per_second(window)
        rows += (
            f"| {label} | {rate:,.0f} B/s | {len(window.output):,} B | {window.writes} ({writes:.1f}/s) | "
            f"{len(window.output) / max(1, window.writes):,.0f} B |\n"
        )
    all_rates = ", ".join(
        f"{program}: " + ", ".join(f"{window.bytes_per_second:,.0f}" for window in windows[program])
        for program in PROGRAMS
    )
    rate_ok = app.bytes_per_second <= TARGET_BYTES_PER_SECOND
    share_ok = share <= TARGET_SHARE
    body = (
        f"Bytes the program wrote to an 80x24 pseudo-terminal over {WINDOW_SECONDS:.0f} s (TERM=xterm-256color, "
        f"{'COLORTERM=truecolor' if args.colors == 'truecolor' else 'no COLORTERM: 256 colours'}). backtrainer: "
        "`backtrainer start bench-long-hold` (`bench/session_pack.py`), `s` skips the pain question, watched from "
        "1 s after the 45 s hold appears. Reference: `bench/progress_reference.py`, a plain `ProgressBar(total=300)` "
        "advanced every 0.1 s, watched over its 30 s. Writes: the child's `write` system calls (`/proc/PID/io`), "
        f"one per frame. Median of {args.runs} run{'s' if args.runs != 1 else ''} ({all_rates} B/s).\n\n"
        "| program | bytes/s | bytes | writes | bytes per write |\n|---|---|---|---|---|\n"
        f"{rows}\n"
        f"backtrainer: {app.bytes_per_second:,.0f} B/s (target at most {TARGET_BYTES_PER_SECOND:,} B/s: "
        f"{'met' if rate_ok else 'missed'}), {share:.2f}x the reference (target at most {TARGET_SHARE}x: "
        f"{'met' if share_ok else 'missed'})."
    )
    body += (
        "\n\nWhat backtrainer redraws: its frames split at the cursor move that ends each one, grouped by the "
        "screen rows they touch (80x24 session screen: rows 9-11 the countdown digits, 16 the step bar and "
        "'left', 17 the session bar and 'left'):\n\n"
        "| rows redrawn | frames | bytes | share of bytes |\n|---|---|---|---|\n"
    )
    for rows, count, size in frames_by_rows(app.output):
        body += f"| {', '.join(map(str, rows)) or '(none)'} | {count} | {size:,} | {size / len(app.output):.0%} |\n"
    body = body.rstrip() + (
        f"\n\nLoad average (1 min) when the benchmark started: {load_before:.2f}; other programs skew these figures."
    )
    record("Session terminal traffic", body)


if __name__ == "__main__":
    main()
