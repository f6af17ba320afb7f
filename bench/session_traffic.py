"""Bytes per second a session writes to the terminal, during a hold and during paced reps, against a 10 Hz ProgressBar.

At 80x24 and 120x40, in a pseudo-terminal (TERM=xterm-256color, truecolor unless ``--colors 256``):
``hold`` is ``backtrainer start bench-long-hold`` (bundled double-knee-to-chest, a 60 s hold, the figure
still), watched for 30 s; ``reps`` is ``backtrainer start bench-paced-reps`` (bundled glute-bridge, paced
7 s reps, the figure moving), watched for four reps (28 s); the reference is
``bench/progress_reference.py``, a ``ProgressBar(total=300)`` advanced every 0.1 s, watched for its 30 s.
In each run, at each size, the three are watched one after the other, so each ratio compares with the
reference of the same run. See ``bench/session_window.py`` for how bytes, writes and redrawn widgets
are counted.

Targets (issue 11): a hold at most 2 KB/s and at most half the reference; reps with the figure moving
under 6 KB/s.

    python bench/session_traffic.py [--runs 3] [--colors truecolor|256] [--sizes 80x24,120x40]
"""

from __future__ import annotations

import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from results import record  # noqa: E402
from session_window import (  # noqa: E402
    LABELS,
    PROGRAMS,
    Size,
    Window,
    bytes_by_widget,
    figure_check,
    frames_by_rows,
    load_note,
    median,
    screen_map,
    size_name,
    watch_programs,
    window_seconds,
)

HOLD_TARGET = 2048
HOLD_SHARE = 0.5
REPS_TARGET = 6144
WIDGETS = {
    "#cue": "the cue in block letters",
    "#countdown": "the countdown in block letters",
    "#figure": "the figure (braille)",
    "#step-bar": "step bar",
    "#session-bar": "session bar",
    "#step-left": "step's time left",
    "#session-left": "session's time left",
    "#counts": "set and rep",
    "#next": "what comes next",
}


def share_of_reference(windows: list[Window], references: list[Window]) -> list[float]:
    """Each run's bytes/s over the reference's of the same run."""
    return [app.bytes_per_second / ref.bytes_per_second for app, ref in zip(windows, references, strict=True)]


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def main() -> None:
    load_before = os.getloadavg()[0]
    args, windows = watch_programs(
        __doc__.split("\n\n")[0],
        "the terminal's colours: truecolor (COLORTERM=truecolor, as most terminals today) or 256",
        lambda window: (
            f"{window.bytes_per_second:,.0f} B/s, {window.writes_per_second:.1f} writes/s; " + figure_check(window)
        ),
    )
    load_after = os.getloadavg()[0]
    sizes: list[Size] = args.sizes

    def median_window(program: str, size: Size) -> Window:
        return median(windows[program, size], key=lambda window: window.bytes_per_second)

    table = (
        "| size | program | window | bytes/s | writes/s | bytes per write | vs reference | each run (B/s) | figure |\n"
        "|---|---|---|---|---|---|---|---|---|\n"
    )
    verdicts = []
    for size in sizes:
        reference = windows["reference", size]
        for program in PROGRAMS:
            window = median_window(program, size)
            runs = windows[program, size]
            if program == "reference":
                ratio = "1"
            else:
                shares = share_of_reference(runs, reference)
                ratio = f"{statistics.median(shares):.2f}x"
            table += (
                f"| {size_name(size)} | {LABELS[program]} | {window.seconds:.0f} s | {window.bytes_per_second:,.0f} | "
                f"{window.writes_per_second:.1f} | {len(window.output) / max(1, window.writes):,.0f} | {ratio} | "
                + ", ".join(f"{run.bytes_per_second:,.0f}" for run in runs)
                + f" | {figure_check(window)} |\n"
            )
        hold = median_window("hold", size).bytes_per_second
        hold_share = statistics.median(share_of_reference(windows["hold", size], reference))
        reps = median_window("reps", size).bytes_per_second
        verdicts.append(
            f"- {size_name(size)}: hold {hold:,.0f} B/s "
            f"(target at most {HOLD_TARGET:,}: {verdict(hold <= HOLD_TARGET)}), "
            f"{hold_share:.2f}x the reference (target at most {HOLD_SHARE}x: {verdict(hold_share <= HOLD_SHARE)}); "
            f"reps {reps:,.0f} B/s (target under {REPS_TARGET:,}: {verdict(reps < REPS_TARGET)})."
        )

    body = (
        "Bytes the program wrote to a pseudo-terminal (TERM=xterm-256color, "
        f"{'COLORTERM=truecolor' if args.colors == 'truecolor' else 'no COLORTERM: 256 colours'}), at each size. "
        "*Hold*: `backtrainer start bench-long-hold` (`bench/session_pack.py`: bundled `double-knee-to-chest`, "
        "one 60 s hold), watched for 30 s from 1 s after the footer says 'Skip hold'. *Reps*: `backtrainer "
        "start bench-paced-reps` (bundled `glute-bridge`, 10 paced reps of 7 s: Lift 2 s, Hold 3 s, Lower 2 s), "
        "watched for four whole reps (28 s) from 1 s after the footer says 'Skip set'. Both: `s` skips the pain "
        "question, `n` the get-ready. *Reference*: `bench/progress_reference.py`, a plain "
        "`ProgressBar(total=300)` advanced every 0.1 s, watched over its 30 s (its bar does not grow with the "
        "terminal). In each run, at each size, the three are watched one after the other; *vs reference* is the "
        "median over the runs of each run's bytes/s over the reference's in the same run. Writes: the child's "
        "`write` system calls (`/proc/PID/io`), one per frame. Figure: braille characters (U+2800-U+28FF) the "
        f"app wrote before the window (the figure on screen) and in it (redrawn as it moves). Median of "
        f"{args.runs} run{'s' if args.runs != 1 else ''}.\n\n"
        f"{table}\n" + "\n".join(verdicts)
    )

    body += (
        "\n\nWhat backtrainer redraws, bytes/s per widget (each cursor move and what follows it count for the "
        "widget at that cell, from a map of the same screen taken headless at the same size; Textual moves once "
        "to each widget's piece of a row and writes it from the widget's left edge), in the median runs:\n\n"
    )
    apps = [(program, size) for size in sizes for program in PROGRAMS if program != "reference"]
    shares = {key: bytes_by_widget(median_window(*key).output, screen_map(*key)) for key in apps}
    labels = sorted(
        {label for found in shares.values() for label in found},
        key=lambda label: -sum(shares[key].get(label, (0, set()))[0] / median_window(*key).seconds for key in apps),
    )
    body += (
        "| widget | "
        + " | ".join(f"{program} {size_name(size)}" for program, size in apps)
        + " |\n|---|"
        + "---|" * len(apps)
        + "\n"
    )
    for label in labels:
        cells = []
        for key in apps:
            size_bytes, rows = shares[key].get(label, (0, set()))
            window = median_window(*key)
            if size_bytes:
                first, last = min(rows), max(rows)
                where = f"row {first}" if first == last else f"rows {first}-{last}"
                cells.append(f"{size_bytes / window.seconds:,.0f} ({where})")
            else:
                cells.append("-")
        name = f"`{label}`" + (f" {WIDGETS[label]}" if label in WIDGETS else "")
        body += f"| {name} | " + " | ".join(cells) + " |\n"
    body += "\nFrames grouped by the rows they redraw (`frames_by_rows`), the three largest groups of each:\n\n"
    for key in apps:
        window = median_window(*key)
        groups = frames_by_rows(window.output)
        biggest = "; ".join(
            f"rows {', '.join(map(str, rows))}: {count} frames, {size:,} B ({size / len(window.output):.0%})"
            for rows, count, size in groups[:3]
        )
        body += f"- {key[0]} {size_name(key[1])} ({window_seconds(key[0]):.0f} s, {len(groups)} groups): {biggest}\n"
    body = body.rstrip() + "\n\n" + load_note(load_before, load_after, windows)
    record("Session terminal traffic", body)


if __name__ == "__main__":
    main()
