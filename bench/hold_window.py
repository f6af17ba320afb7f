"""Watch a program in an 80x24 pseudo-terminal for a window: bytes it writes, its writes, its CPU time.

Shared by ``session_traffic.py`` and ``session_cpu.py``. Two programs:

- ``backtrainer``: ``backtrainer start bench-long-hold`` (``bench/session_pack.py``),
  ``s`` skips the pain question; 5 s get-ready, then a 45 s hold. The window
  starts 1 s after the hold's cue (``H O L D``) is on screen and lasts 30 s,
  so it holds only the countdown of the hold.
- ``reference``: ``bench/progress_reference.py``, a plain ``ProgressBar(total=300)``
  advanced every 0.1 s for 30 s from ``s``; the window is those 30 s.

Figures, all over the window:

- bytes: what arrived on the pseudo-terminal's master side;
- writes: the child's write system calls (``syscw`` in ``/proc/PID/io``; the app
  writes each frame with one ``write``), with ``wchar`` as a cross-check;
- frames: begin-synchronized-update sequences (``ESC[?2026h``) in the output,
  when the terminal answered Textual's query for them (our pseudo-terminal does
  not answer, so this is usually 0 and writes are the frame count);
- CPU: utime + stime of the child (``/proc/PID/stat``, all its threads).
"""

from __future__ import annotations

import os
import re
import select
import shutil
import sys
import time
from argparse import ArgumentParser, Namespace
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_launch import PtyProcess  # noqa: E402
from session_pack import HOLD_ROUTINE, HOLD_SECONDS, make_home  # noqa: E402

WINDOW_SECONDS = 30.0
SKIP_SECONDS = 1.0
HOLD_MARKER = "H O L D"
FRAME_END = b"\x1b[1;1H"
"""Textual ends each frame by moving the cursor back to where the app keeps it: the top left here."""
MOVE = re.compile(rb"\x1b\[(\d+);\d+H")
PROGRAMS = ("backtrainer", "reference")


@dataclass
class Window:
    program: str
    seconds: float
    output: bytes
    reads: list[tuple[float, int]] = field(default_factory=list)
    """(seconds into the window, bytes) for each read from the master side."""
    writes: int = 0
    written: int = 0
    cpu: float = 0.0
    frames: int = 0

    @property
    def bytes_per_second(self) -> float:
        return len(self.output) / self.seconds

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu / self.seconds


def frames_by_rows(output: bytes) -> list[tuple[tuple[int, ...], int, int]]:
    """Group the frames in ``output`` by the screen rows they redraw: (rows, frames, bytes), most bytes first."""
    counts: dict[tuple[int, ...], list[int]] = {}
    for frame in output.split(FRAME_END):
        if frame:
            rows = tuple(sorted({int(row) for row in MOVE.findall(frame)}))
            counts.setdefault(rows, [0, 0])
            counts[rows][0] += 1
            counts[rows][1] += len(frame) + len(FRAME_END)
    return sorted(((rows, n, size) for rows, (n, size) in counts.items()), key=lambda item: -item[2])


def proc_cpu(pid: int) -> float:
    """utime + stime of the whole process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_io(pid: int) -> tuple[int, int]:
    """(write system calls, bytes written) of the whole process."""
    values = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    return int(values["syscw"]), int(values["wchar"])


def environment(colors: str) -> dict[str, str]:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    env.pop("COLORTERM", None)
    if colors == "truecolor":
        env["COLORTERM"] = "truecolor"
    return env


def watch(child: PtyProcess, program: str, seconds: float) -> Window:
    """Read everything ``child`` writes for ``seconds``, with its CPU time and writes over that time."""
    pid = child.process.pid
    cpu_before = proc_cpu(pid)
    writes_before, written_before = proc_io(pid)
    started = time.perf_counter()
    end = started + seconds
    output = bytearray()
    reads = []
    while (left := end - time.perf_counter()) > 0:
        ready, _, _ = select.select([child.master], [], [], left)
        if ready:
            chunk = os.read(child.master, 65536)
            if not chunk:
                break
            reads.append((time.perf_counter() - started, len(chunk)))
            output += chunk
    elapsed = time.perf_counter() - started
    cpu = proc_cpu(pid) - cpu_before
    writes_after, written_after = proc_io(pid)
    child.output += output
    return Window(
        program,
        elapsed,
        bytes(output),
        reads,
        writes=writes_after - writes_before,
        written=written_after - written_before,
        cpu=cpu,
        frames=output.count(b"\x1b[?2026h"),
    )


def run(program: str, colors: str = "truecolor", seconds: float = WINDOW_SECONDS) -> Window:
    """Launch ``program`` (one of PROGRAMS), bring it to its window and watch it."""
    env = environment(colors)
    if program == "backtrainer":
        assert seconds + SKIP_SECONDS + 1 < HOLD_SECONDS, "the window must end before the hold does"
        home = make_home()
        env["BACKTRAINER_HOME"] = str(home)
        executable = shutil.which("backtrainer") or str(Path(sys.executable).with_name("backtrainer"))
        child = PtyProcess([executable, "start", HOLD_ROUTINE], env)
        try:
            child.wait_for("Before you start")
            child.send(b"s")
            child.wait_for(HOLD_MARKER)
            child.read_for(SKIP_SECONDS)
            return watch(child, program, seconds)
        finally:
            child.stop()
            shutil.rmtree(home, ignore_errors=True)
    reference = Path(__file__).with_name("progress_reference.py")
    child = PtyProcess([sys.executable, str(reference)], env)
    try:
        child.wait_for("reference ready")
        child.send(b"s")
        child.wait_for("advancing")
        return watch(child, program, seconds)
    finally:
        child.stop()


def watch_programs(
    description: str, colors_help: str, summary: Callable[[Window], str]
) -> tuple[Namespace, dict[str, list[Window]]]:
    """The command line shared by the hold benchmarks: ``--runs`` and ``--colors``; each program watched
    ``--runs`` times, ``summary`` of each window printed. Returns the arguments and the windows per program."""
    parser = ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=1, help="runs of each program; the median is kept (default 1)")
    parser.add_argument("--colors", choices=("truecolor", "256"), default="truecolor", help=colors_help)
    args = parser.parse_args()
    windows: dict[str, list[Window]] = {program: [] for program in PROGRAMS}
    for _ in range(args.runs):
        for program in PROGRAMS:
            print(f"watching {program} for {WINDOW_SECONDS:.0f} s ...", flush=True)
            window = run(program, args.colors)
            windows[program].append(window)
            print(f"  {summary(window)}", flush=True)
    return args, windows


def median(windows: list[Window], key: Callable[[Window], float]) -> Window:
    return sorted(windows, key=key)[len(windows) // 2]
