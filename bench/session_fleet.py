"""Many sessions at once on one small host: do they all keep time, what CPU and memory do they take together?

For each N (1, 10, 25, 50 unless ``--counts``) it starts N ``backtrainer start bench-fleet`` at once
(``bench/session_pack.py``: bundled-pose exercises, 6 steps, 81 s: a get-ready, two sets of paced reps with a
rest between, a second get-ready and a hold), each in its own pseudo-terminal at 80x24 (``bench/pty_launch.py``)
with its own data folder, all spawned back to back, ``WATCHED_NICER`` nicer than the loop that reads every
terminal (so the loop is never the one waiting for a core); each instance gets ``s``
(skip the pain question) as soon as it asks, and then no key.

Steps are seen in the output stream by the footer: each step's kind has its own skip label (``Start now``,
``Skip set``, ``Skip rest``, ``Skip hold``: ``SKIP_LABELS`` of ``trainer.engine.session_view``), the routine
is made so that no two steps in a row share one, and Textual rewrites the footer only when it changes. The
*first frame* is the first read holding the session screen's exercise line (``Exercise 1 of 2``, near its
top: the footer of the first frame comes a few hundred ms later, more in a launch storm, so ``Start now`` would
not do); each later step's moment is the read that brought its label (the next one after the previous
step's), the end is the read that brought ``Well done: that is`` (the DONE view). Lateness = that moment minus
(first frame + the step's planned start, ``trainer.engine.plan.plan_routine``): the plan counted from the
moment the person first sees the session. The bell the app rings as each step's view changes (``\a``, written
at once, ahead of the frame) is timed too: the last one before the step's label.

CPU: utime + stime (``/proc/PID/stat``, all threads) of every instance over the steady window (from 1 s after
the last first frame to 2 s before the first instance's planned end), summed, as a share of one core.
Memory: ``VmRSS`` and ``VmHWM`` (``/proc/PID/status``) of each instance at the end of that window.

Each data folder has been opened before, as a returning person's has: its content cache is filled first
(``trainer.catalog.cache``). With ``--first-launch`` it is new: each instance validates the content and
writes its cache as it starts, as on the first launch after installing or upgrading (about 1.5 MiB more
resident for the session: the loader, its rules and the validators that cached content never needs).

Targets (issue 13): 50 sessions all within 100 ms of plan from their first frame, all of them together under
one core, at most 50 MiB resident each.

    python bench/session_fleet.py [--counts 1,10,25,50] [--first-launch]
"""

from __future__ import annotations

import argparse
import bisect
import os
import select
import shutil
import statistics
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pty_launch import PtyProcess  # noqa: E402
from results import record  # noqa: E402
from session_pack import FLEET_ROUTINE, GET_READY_SECONDS, make_home  # noqa: E402
from session_window import environment, proc_cpu  # noqa: E402

SIZE = (80, 24)
LATE_TARGET_MS = 100
WATCHED_NICER = 5
"""The sessions run this much nicer than the loop that reads their terminals: in a launch storm of fifty
instances on two cores the loop would otherwise wait its turn, and every moment it notes (a first frame, a
step) would be late by that wait, which is not the app's."""
CPU_TARGET_PERCENT = 100.0
RSS_TARGET_MIB = 50.0
ASKS = b"Before you start"
FIRST = b"Start now"
BELL = b"\x07"
DONE = b"Well done: that is"
MIB = 1024 * 1024


def plan_of(routine: str) -> tuple[list[float], float, list[str], bytes]:
    """(planned starts, total seconds, each step's skip label, what the first frame shows) of ``routine``."""
    from trainer.catalog.loader import load_catalog
    from trainer.catalog.validated import pack_files
    from trainer.engine.plan import StepKind, plan_routine
    from trainer.engine.session_view import SKIP_LABELS

    home = make_home()
    try:
        catalog = load_catalog(packs=pack_files(home / "content"))
        plan = plan_routine(catalog.routines[routine], catalog.exercises, get_ready_seconds=GET_READY_SECONDS)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    labels = [
        "Skip side" if step.side is not None and step.kind in (StepKind.REPS, StepKind.HOLD) else SKIP_LABELS[step.kind]
        for step in plan.steps
    ]
    assert labels[0] == FIRST.decode(), "the first step must be a get-ready"
    assert all(a != b for a, b in zip(labels, labels[1:], strict=False)), f"two steps in a row share a label: {labels}"
    exercises = len(plan.exercises)
    first = f"Exercise 1 of {exercises}" if exercises > 1 else plan.steps[0].exercise.name
    return list(plan.starts), plan.total_seconds, labels, first.encode()


@dataclass
class Instance:
    child: PtyProcess
    home: Path
    first_marker: bytes
    """Text in the session screen's first frame (its exercise line, near the top, in the frame's first read)."""
    reads: list[tuple[float, int]] = field(default_factory=list)
    """(perf_counter when read, length of the output after that read)."""
    asked_at: int | None = None
    """Offset in the output when ``s`` was sent."""
    done: bool = False
    closed: bool = False
    first: float | None = None
    scanned: int = 0

    @property
    def pid(self) -> int:
        return self.child.process.pid

    def moment(self, offset: int) -> float:
        """When the byte at ``offset`` arrived."""
        ends = [end for _, end in self.reads]
        return self.reads[bisect.bisect_right(ends, offset)][0]

    def first_frame(self) -> float | None:
        if self.first is None and self.asked_at is not None:
            found = self.child.output.find(self.first_marker, self.asked_at)
            if found >= 0:
                self.first = self.moment(found + len(self.first_marker) - 1)
        return self.first

    def scan(self) -> None:
        """Answer the pain question once it is asked; note the end once it is shown (searching new output only)."""
        output = self.child.output
        if self.asked_at is None and output.find(ASKS) >= 0:
            self.child.send(b"s")
            self.asked_at = len(output)
        if self.asked_at is not None and not self.done:
            self.done = output.find(DONE, max(self.asked_at, self.scanned - len(DONE))) >= 0
            self.scanned = len(output)

    def moments(self, labels: list[str]) -> list[tuple[float, float | None] | None]:
        """For each step (then the end): when its label first arrived, each searched after the one before, and
        when the last bell before it did (the app rings it as the view changes, ahead of the frame)."""
        output = bytes(self.child.output)
        found: list[tuple[float, float | None] | None] = []
        offset = self.asked_at or 0
        for needle in [label.encode() for label in labels] + [DONE]:
            at = output.find(needle, offset) if offset >= 0 else -1
            if at < 0:
                found.append(None)
            else:
                bell = output.rfind(BELL, offset, at)
                found.append((self.moment(at + len(needle) - 1), self.moment(bell) if bell >= 0 else None))
            offset = at + len(needle) if at >= 0 else -1
        return found


def memory(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of ``pid`` in MiB."""
    values = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if ":" in line)
    return int(values["VmRSS"].split()[0]) / 1024, int(values["VmHWM"].split()[0]) / 1024


@dataclass
class Fleet:
    count: int
    spawned: float = 0.0
    first_frames: list[float] = field(default_factory=list)
    """Seconds from the spawning of all to each instance's first frame."""
    late: list[float] = field(default_factory=list)
    """Every step's (after the first) and every end's lateness, seconds, all instances."""
    by_step: dict[int, list[float]] = field(default_factory=dict)
    """Lateness of each step (1 = the second step; the last key is the end), all instances."""
    bells: list[float] = field(default_factory=list)
    """The same for the bell rung as each step's view changed (it reaches the terminal ahead of the frame)."""
    by_step_bell: dict[int, list[float]] = field(default_factory=dict)
    worst_per_instance: list[float] = field(default_factory=list)
    missing: int = 0
    """Steps not seen at all (counted as failures, not in ``late``)."""
    window: float = 0.0
    cpu: float = 0.0
    launch_cpu: float = 0.0
    launch_seconds: float = 0.0
    rss: list[float] = field(default_factory=list)
    hwm: list[float] = field(default_factory=list)
    load: float = 0.0

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu / self.window if self.window else 0.0


def read_all(instances: list[Instance], timeout: float) -> None:
    open_ones = {instance.child.master: instance for instance in instances if not instance.closed}
    if not open_ones:
        time.sleep(timeout)
        return
    ready, _, _ = select.select(list(open_ones), [], [], timeout)
    now = time.perf_counter()
    for master in ready:
        instance = open_ones[master]
        try:
            chunk = os.read(master, 65536)
        except OSError:
            chunk = b""
        if not chunk:
            instance.closed = True
            continue
        instance.child.output += chunk
        instance.reads.append((now, len(instance.child.output)))


def opened_before(home: Path) -> Path:
    """``home`` with its content cache filled, as the app's first launch there leaves it."""
    from trainer import __version__
    from trainer.catalog.cache import load_catalog_cached
    from trainer.paths import HOME_ENV, resolve_paths

    paths = resolve_paths(environ={HOME_ENV: str(home)})
    load_catalog_cached(paths.cache_dir, __version__, packs_dir=paths.content_packs_dir)
    return home


def run_fleet(
    count: int,
    routine: str,
    starts: list[float],
    total: float,
    labels: list[str],
    first_marker: bytes,
    *,
    first_launch: bool,
) -> Fleet:
    fleet = Fleet(count, load=os.getloadavg()[0])
    executable = shutil.which("backtrainer") or str(Path(sys.executable).with_name("backtrainer"))
    homes = [make_home() if first_launch else opened_before(make_home()) for _ in range(count)]
    instances: list[Instance] = []
    try:
        started = time.perf_counter()
        for home in homes:
            env = environment("truecolor", SIZE)
            env["BACKTRAINER_HOME"] = str(home)
            child = PtyProcess([executable, "start", routine], env, SIZE, nicer=WATCHED_NICER)
            instances.append(Instance(child, home, first_marker))
        fleet.spawned = time.perf_counter() - started
        cpu_at_start = {instance.pid: 0.0 for instance in instances}
        window: tuple[float, float] | None = None
        cpu_before: dict[int, float] = {}
        deadline = started + 120 + total + count
        while time.perf_counter() < deadline:
            read_all(instances, 0.02)
            now = time.perf_counter()
            for instance in instances:
                instance.scan()
            firsts = [instance.first_frame() for instance in instances]
            if window is None and all(first is not None for first in firsts):
                known = [first for first in firsts if first is not None]
                window = (max(known) + 1.0, min(known) + total - 2.0)
                fleet.launch_seconds = max(known) - started
                fleet.launch_cpu = sum(proc_cpu(pid) - cpu for pid, cpu in cpu_at_start.items())
            if window is not None and not cpu_before and now >= window[0]:
                cpu_before = {instance.pid: proc_cpu(instance.pid) for instance in instances}
                window = (now, window[1])
            if window is not None and cpu_before and not fleet.window and now >= window[1]:
                fleet.cpu = sum(proc_cpu(pid) - cpu for pid, cpu in cpu_before.items())
                fleet.window = now - window[0]
                for instance in instances:
                    rss, hwm = memory(instance.pid)
                    fleet.rss.append(rss)
                    fleet.hwm.append(hwm)
            if all(instance.done or instance.closed for instance in instances):
                read_all(instances, 0.2)
                break
        for instance in instances:
            first = instance.first_frame()
            if first is None:
                fleet.missing += len(labels)
                continue
            fleet.first_frames.append(first - started)
            planned = [first + start for start in starts[1:]] + [first + total]
            seen = instance.moments(labels)[1:]
            lateness = []
            for index, (moment, plan) in enumerate(zip(seen, planned, strict=True), start=1):
                if moment is not None:
                    shown, bell = moment
                    lateness.append(shown - plan)
                    fleet.by_step.setdefault(index, []).append(shown - plan)
                    if bell is not None:
                        fleet.bells.append(bell - plan)
                        fleet.by_step_bell.setdefault(index, []).append(bell - plan)
            fleet.missing += sum(1 for moment in seen if moment is None)
            fleet.late.extend(lateness)
            if lateness:
                fleet.worst_per_instance.append(max(lateness))
    finally:
        for instance in instances:
            if instance.child.process.poll() is None:
                try:
                    os.killpg(instance.pid, 15)
                except ProcessLookupError:
                    pass
        for instance in instances:
            instance.child.stop()
            shutil.rmtree(instance.home, ignore_errors=True)
    return fleet


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20, method="inclusive")[18] if len(values) > 1 else values[0]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--counts", default="1,10,25,50", help="sessions at once, comma-separated (default 1,10,25,50)")
    parser.add_argument("--routine", default=FLEET_ROUTINE, help=f"routine of the bench pack (default {FLEET_ROUTINE})")
    parser.add_argument(
        "--first-launch", action="store_true", help="new data folders: the content validated as each starts"
    )
    args = parser.parse_args()
    counts = [int(count) for count in args.counts.split(",")]
    starts, total, labels, first_marker = plan_of(args.routine)
    load_before = os.getloadavg()[0]
    fleets = []
    for count in counts:
        print(
            f"{count} sessions of {args.routine} ({total:g} s) at once (load {os.getloadavg()[0]:.2f}) ...", flush=True
        )
        fleet = run_fleet(count, args.routine, starts, total, labels, first_marker, first_launch=args.first_launch)
        fleets.append(fleet)
        if fleet.late:
            print(
                f"  late: median {ms(statistics.median(fleet.late))} ms, max {ms(max(fleet.late))} ms, "
                f"{fleet.missing} steps not seen; CPU {fleet.cpu_percent:.0f}% of a core; "
                f"RSS median {statistics.median(fleet.rss or [0]):.1f} MiB",
                flush=True,
            )
    load_after = os.getloadavg()[0]
    folders = (
        "new: each validates the content and writes its cache as it starts, as at a first launch"
        if args.first_launch
        else "opened before: its content cache filled, as a returning person's"
    )
    steps = " → ".join(f"{label} at {start:g} s" for label, start in zip(labels, starts, strict=True))
    body = (
        f"N sessions of `{args.routine}` (`bench/session_pack.py`, {total:g} s: {steps}, DONE at {total:g} s) "
        f"started at once, each `backtrainer start {args.routine}` in its own pseudo-terminal at "
        f"{SIZE[0]}x{SIZE[1]} with its own data folder ({folders}), spawned back to back and {WATCHED_NICER} "
        "nicer than the loop that reads all the terminals (so the loop's own wait for a core in the launch storm "
        "does not count as the app's lateness); the loop sends each `s` when it asks about pain, then no key. "
        "A step is seen when its footer label arrives "
        "in the output stream (each step's kind has its own, no two in a row share one); the first frame is "
        f"the first read after `s` with the session screen's exercise line (`{first_marker.decode()}`; the "
        "first frame's footer arrives later). *Late* = when a step (every step after the first, and the DONE "
        "view) arrived minus (that instance's first frame + its planned start from `plan_routine`), over all "
        "instances. *CPU* = utime + stime of all the instances over the steady window (1 s after the last "
        "first frame to 2 s before the first planned end), as a share of one core; *launch* = from spawning "
        "to the last first frame, with the CPU all the instances used by then. RSS = `VmRSS` / `VmHWM` of "
        "each at the end of the window.\n\n"
        "| sessions | first frames after spawn (median / max) | launch: s, CPU s | late: median | p95 | max | "
        f"bell late: median / max | instances all within {LATE_TARGET_MS} ms | steps not seen | steady window | "
        "CPU, share of one core | RSS median / max | VmHWM median / max | load at start |\n"
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    )
    verdicts = []
    for fleet in fleets:
        within = sum(1 for worst in fleet.worst_per_instance if worst <= LATE_TARGET_MS / 1000)
        late = fleet.late or [float("nan")]
        bells = fleet.bells or [float("nan")]
        body += (
            f"| {fleet.count} | {statistics.median(fleet.first_frames or [0]):.2f} / "
            f"{max(fleet.first_frames or [0]):.2f} s | {fleet.launch_seconds:.1f} s, {fleet.launch_cpu:.0f} s | "
            f"{ms(statistics.median(late))} ms | {ms(p95(late))} ms | {ms(max(late))} ms | "
            f"{ms(statistics.median(bells))} / {ms(max(bells))} ms | {within} of {fleet.count} | {fleet.missing} | "
            f"{fleet.window:.0f} s | {fleet.cpu_percent:.0f}% | "
            f"{statistics.median(fleet.rss or [0]):.1f} / {max(fleet.rss or [0]):.1f} MiB | "
            f"{statistics.median(fleet.hwm or [0]):.1f} / {max(fleet.hwm or [0]):.1f} MiB | {fleet.load:.2f} |\n"
        )
        if fleet.count == max(counts):
            on_time = within == fleet.count and not fleet.missing
            verdicts += [
                f"- {fleet.count} sessions all within {LATE_TARGET_MS} ms of plan from their first frame: "
                f"{'met' if on_time else '**missed**'} (worst {ms(max(late))} ms).",
                f"- all together under one core: {'met' if fleet.cpu_percent < CPU_TARGET_PERCENT else '**missed**'} "
                f"({fleet.cpu_percent:.0f}%).",
                f"- at most {RSS_TARGET_MIB:g} MiB resident each: "
                f"{'met' if fleet.rss and max(fleet.rss) <= RSS_TARGET_MIB else '**missed**'} "
                f"(max VmRSS {max(fleet.rss or [0]):.1f} MiB, VmHWM {max(fleet.hwm or [0]):.1f} MiB).",
            ]
    body += (
        "\nPer step, ms late when shown, median / max over the instances (the bell in brackets):\n\n| step | planned | "
    )
    body += " | ".join(f"{fleet.count} sessions" for fleet in fleets) + " |\n|---|---|" + "---|" * len(fleets) + "\n"
    for index, (label, start) in enumerate([*zip(labels, starts, strict=True), ("DONE", total)][1:], start=1):
        cells = " | ".join(
            f"{ms(statistics.median(late))} / {ms(max(late))} ({ms(statistics.median(bells))} / {ms(max(bells))})"
            if (late := fleet.by_step.get(index)) and (bells := fleet.by_step_bell.get(index))
            else "-"
            for fleet in fleets
        )
        body += f"| {index + 1}: {label} | {start:g} s | {cells} |\n"
    body += "\n" + "\n".join(verdicts)
    body += (
        f"\n\nLoad average (1 min): {load_before:.2f} when the benchmark started, {load_after:.2f} when it ended "
        f"({os.cpu_count()} CPUs); other programs skew these figures."
    )
    record("Session fleet, first launches" if args.first_launch else "Session fleet", body)


if __name__ == "__main__":
    main()
