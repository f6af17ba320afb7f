"""Watch a program in a pseudo-terminal for a window: bytes it writes, its writes, its CPU time, what it redraws.

Shared by ``session_traffic.py`` and ``session_cpu.py``. Three programs, each at 80x24 and 120x40:

- ``hold``: ``backtrainer start bench-long-hold`` (``bench/session_pack.py``: bundled
  ``double-knee-to-chest``, one 60 s hold). ``s`` skips the pain question, ``n`` the get-ready
  ("Start now"); the window starts 1 s after the footer says "Skip hold" and lasts 30 s: only the
  countdown of the hold, the figure still in its end pose.
- ``reps``: ``backtrainer start bench-paced-reps`` (bundled ``glute-bridge``, 10 paced reps of 7 s:
  Lift 2 s, Hold 3 s, Lower 2 s), the same keys; the window starts 1 s after the footer says "Skip set"
  and lasts 28 s, four whole reps: a new cue and countdown each phase, the figure moving 8 frames in each
  lift and each lower.
- ``reference``: ``bench/progress_reference.py``, a plain ``ProgressBar(total=300)`` advanced every
  0.1 s for 30 s from ``s``; the window is those 30 s.

Figures, all over the window:

- bytes: what arrived on the pseudo-terminal's master side;
- writes: the child's write system calls (``syscw`` in ``/proc/PID/io``; the app writes each frame with
  one ``write``), with ``wchar`` as a cross-check;
- frames: begin-synchronized-update sequences (``ESC[?2026h``) in the output, when the terminal answered
  Textual's query for them (our pseudo-terminal does not answer, so this is usually 0 and writes are the
  frame count);
- CPU: utime + stime of the child (``/proc/PID/stat``, all its threads);
- the figure: braille characters (U+2800-U+28FF) in what the app wrote from its start to the window
  (the figure drawn) and in the window (the figure redrawn, as it moves);
- what is redrawn: ``frames_by_rows`` groups the frames by the screen rows they touch; ``bytes_by_widget``
  gives each widget its bytes, by the cell each cursor move lands on, from a map of the same screen at
  the same size taken headless (``screen_map``).
"""

from __future__ import annotations

import asyncio
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
from session_pack import HOLD_ROUTINE, HOLD_SECONDS, REPS, REPS_ROUTINE, make_home, rep_seconds  # noqa: E402

Size = tuple[int, int]
SIZES: tuple[Size, ...] = ((80, 24), (120, 40))
PROGRAMS = ("hold", "reps", "reference")
SKIP_SECONDS = 1.0
REFERENCE_SECONDS = 30.0
HOLD_WINDOW = 30.0
REPS_IN_WINDOW = 4
ROUTINES = {"hold": HOLD_ROUTINE, "reps": REPS_ROUTINE}
MARKERS = {"hold": "Skip hold", "reps": "Skip set"}
"""What the footer says once the step to watch is on screen (what ``n`` would skip)."""
FRAME_END = b"\x1b[1;1H"
"""Textual ends each frame by moving the cursor back to where the app keeps it: the top left here."""
MOVE = re.compile(rb"\x1b\[(\d+);(\d+)H")
BRAILLE = re.compile("[\u2800-\u28ff]")
INNER_IDS = frozenset({"bar", "percentage", "eta"})
"""Ids of the parts inside Textual's own widgets (a ProgressBar's bar): their widget is named instead."""
LABELS = {
    "hold": "`backtrainer`, hold (figure still)",
    "reps": "`backtrainer`, paced reps (figure moving)",
    "reference": "reference: `ProgressBar(total=300)` at 10 Hz",
}


def window_seconds(program: str) -> float:
    if program == "hold":
        return HOLD_WINDOW
    if program == "reps":
        return REPS_IN_WINDOW * rep_seconds()
    return REFERENCE_SECONDS


def size_name(size: Size) -> str:
    return f"{size[0]}x{size[1]}"


@dataclass
class Window:
    program: str
    size: Size
    seconds: float
    output: bytes
    before: bytes = b""
    """What the program wrote from its start up to the window."""
    reads: list[tuple[float, int]] = field(default_factory=list)
    """(seconds into the window, bytes) for each read from the master side."""
    writes: int = 0
    written: int = 0
    cpu: float = 0.0
    frames: int = 0
    load: float = 0.0
    """Load average (1 min) when the window started."""

    @property
    def bytes_per_second(self) -> float:
        return len(self.output) / self.seconds

    @property
    def writes_per_second(self) -> float:
        return self.writes / self.seconds

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu / self.seconds

    @property
    def braille_before(self) -> int:
        return len(BRAILLE.findall(self.before.decode("utf-8", "replace")))

    @property
    def braille_in_window(self) -> int:
        return len(BRAILLE.findall(self.output.decode("utf-8", "replace")))


def frames(output: bytes) -> list[bytes]:
    return [frame for frame in output.split(FRAME_END) if frame]


def frames_by_rows(output: bytes) -> list[tuple[tuple[int, ...], int, int]]:
    """Group the frames in ``output`` by the screen rows they redraw: (rows, frames, bytes), most bytes first."""
    counts: dict[tuple[int, ...], list[int]] = {}
    for frame in frames(output):
        rows = tuple(sorted({int(row) for row, _ in MOVE.findall(frame)}))
        counts.setdefault(rows, [0, 0])
        counts[rows][0] += 1
        counts[rows][1] += len(frame) + len(FRAME_END)
    return sorted(((rows, n, size) for rows, (n, size) in counts.items()), key=lambda item: -item[2])


ScreenMap = dict[tuple[int, int], str]
"""The widget drawn at each cell (0-based x, y) of a screen."""


def bytes_by_widget(output: bytes, screen: ScreenMap) -> dict[str, tuple[int, set[int]]]:
    """Bytes of ``output`` per widget (each cursor move and what follows it, up to the next move, go to the
    widget at the cell it moves to; Textual moves once to each widget's piece of a row), with the 1-based
    rows it was drawn on. The moves that end the frames (and the bells after them) count for no widget."""
    found: dict[str, tuple[int, set[int]]] = {}
    moves = list(MOVE.finditer(output))
    for number, move in enumerate(moves):
        end = moves[number + 1].start() if number + 1 < len(moves) else len(output)
        row, column = int(move.group(1)), int(move.group(2))
        if move.group(0) == FRAME_END and not output[move.end() : end].strip(b"\x07"):
            label = "(end of frame, the bell)"
        else:
            label = screen.get((column - 1, row - 1), "(outside the map)")
        size, rows = found.get(label, (0, set()))
        rows.add(row)
        found[label] = (size + end - move.start(), rows)
    return found


def screen_map(program: str, size: Size) -> ScreenMap:
    """Which widget of the session screen is at each cell, during ``program``'s window, at ``size``: the same
    pack and keys as in the pseudo-terminal, headless (``run_test``)."""
    from trainer.app import make_app
    from trainer.paths import resolve_paths
    from trainer.screens.session import SessionScreen
    from trainer.screens.session_dialogs import PainBeforeScreen

    home = make_home()
    saved = os.environ.get("BACKTRAINER_HOME")
    os.environ["BACKTRAINER_HOME"] = str(home)
    cells: ScreenMap = {}

    async def map_it() -> None:
        app = make_app(resolve_paths(), start=ROUTINES[program])
        async with app.run_test(size=size) as pilot:
            while not isinstance(app.screen, PainBeforeScreen):
                await pilot.pause(0.05)
            await pilot.press("s")
            while not isinstance(app.screen, SessionScreen):
                await pilot.pause(0.05)
            await pilot.pause(0.5)
            await pilot.press("n")
            await pilot.pause(1.5)
            screen = app.screen
            for y in range(size[1]):
                for x in range(size[0]):
                    widget, _ = screen.get_widget_at(x, y)
                    node = widget
                    while node is not None and node is not screen and (not node.id or node.id in INNER_IDS):
                        node = node.parent
                    if node is None or node is screen:
                        cells[x, y] = type(widget).__name__
                    else:
                        cells[x, y] = f"#{node.id}"

    try:
        asyncio.run(map_it())
    finally:
        if saved is None:
            os.environ.pop("BACKTRAINER_HOME", None)
        else:
            os.environ["BACKTRAINER_HOME"] = saved
        shutil.rmtree(home, ignore_errors=True)
    return cells


def proc_cpu(pid: int) -> float:
    """utime + stime of the whole process, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def proc_io(pid: int) -> tuple[int, int]:
    """(write system calls, bytes written) of the whole process."""
    values = dict(line.split(": ") for line in Path(f"/proc/{pid}/io").read_text().splitlines())
    return int(values["syscw"]), int(values["wchar"])


def environment(colors: str, size: Size) -> dict[str, str]:
    env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(size[0]), "LINES": str(size[1])}
    env.pop("COLORTERM", None)
    env.pop("NO_COLOR", None)
    if colors == "truecolor":
        env["COLORTERM"] = "truecolor"
    return env


def watch(child: PtyProcess, program: str, size: Size, seconds: float) -> Window:
    """Read everything ``child`` writes for ``seconds``, with its CPU time and writes over that time."""
    pid = child.process.pid
    load = os.getloadavg()[0]
    before = bytes(child.output)
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
        size,
        elapsed,
        bytes(output),
        before,
        reads,
        writes=writes_after - writes_before,
        written=written_after - written_before,
        cpu=cpu,
        frames=output.count(b"\x1b[?2026h"),
        load=load,
    )


def run(program: str, size: Size, colors: str = "truecolor") -> Window:
    """Launch ``program`` (one of PROGRAMS) at ``size``, bring it to its window and watch it."""
    env = environment(colors, size)
    seconds = window_seconds(program)
    if program in ROUTINES:
        step = HOLD_SECONDS if program == "hold" else REPS * rep_seconds()
        assert seconds + SKIP_SECONDS + 1 < step, "the window must end before the step does"
        home = make_home()
        env["BACKTRAINER_HOME"] = str(home)
        executable = shutil.which("backtrainer") or str(Path(sys.executable).with_name("backtrainer"))
        child = PtyProcess([executable, "start", ROUTINES[program]], env, size)
        try:
            child.wait_for("Before you start")
            child.send(b"s")
            child.wait_for("Start now")
            child.read_for(0.5)  # the clock starts with the session's first frame
            child.send(b"n")
            child.wait_for(MARKERS[program])
            child.read_for(SKIP_SECONDS)
            return watch(child, program, size, seconds)
        finally:
            child.stop()
            shutil.rmtree(home, ignore_errors=True)
    reference = Path(__file__).with_name("progress_reference.py")
    child = PtyProcess([sys.executable, str(reference)], env, size)
    try:
        child.wait_for("reference ready")
        child.send(b"s")
        child.wait_for("advancing")
        return watch(child, program, size, seconds)
    finally:
        child.stop()


Windows = dict[tuple[str, Size], list[Window]]


def watch_programs(description: str, colors_help: str, summary: Callable[[Window], str]) -> tuple[Namespace, Windows]:
    """The command line shared by the session benchmarks: ``--runs``, ``--colors`` and ``--sizes``; in each run,
    at each size, each program watched once, one after the other (so the reference is measured in the same
    run, under the same load); ``summary`` of each window printed. Returns the arguments and the windows."""
    parser = ArgumentParser(description=description)
    parser.add_argument("--runs", type=int, default=3, help="runs of each program; the median is kept (default 3)")
    parser.add_argument("--colors", choices=("truecolor", "256"), default="truecolor", help=colors_help)
    parser.add_argument(
        "--sizes",
        default=",".join(size_name(size) for size in SIZES),
        help="terminal sizes, comma-separated (default: 80x24,120x40)",
    )
    args = parser.parse_args()
    try:
        args.sizes = [tuple(int(n) for n in name.split("x")) for name in args.sizes.split(",")]
    except ValueError:
        parser.error("--sizes takes sizes such as 80x24,120x40")
    windows: Windows = {(program, size): [] for size in args.sizes for program in PROGRAMS}
    for number in range(args.runs):
        for size in args.sizes:
            for program in PROGRAMS:
                print(
                    f"run {number + 1}/{args.runs}: watching {program} at {size_name(size)} for "
                    f"{window_seconds(program):.0f} s (load {os.getloadavg()[0]:.2f}) ...",
                    flush=True,
                )
                window = run(program, size, args.colors)
                windows[program, size].append(window)
                print(f"  {summary(window)}", flush=True)
    return args, windows


def median(windows: list[Window], key: Callable[[Window], float]) -> Window:
    return sorted(windows, key=key)[len(windows) // 2]


def figure_check(window: Window) -> str:
    """Whether the figure was on screen (braille drawn before the window) and redrawn in it."""
    if window.program == "reference":
        return "-"
    return f"{window.braille_before:,} braille cells drawn before, {window.braille_in_window:,} in the window"


def load_note(load_before: float, load_after: float, windows: Windows) -> str:
    loads = [window.load for runs in windows.values() for window in runs]
    return (
        f"Load average (1 min): {load_before:.2f} when the benchmark started, {load_after:.2f} when it ended, "
        f"{min(loads):.2f} to {max(loads):.2f} as the windows started ({os.cpu_count()} CPUs); other programs "
        "skew these figures."
    )
