"""Whether the person is at the keyboard: the time since their last input, from tmux or from the terminal.

- inside tmux: ``tmux display -p '#{client_activity}'``, the last key or mouse event of any client;
- otherwise the terminal's input time: a terminal's access time moves when it is read, which is when the
  person types (``w`` and ``who -u`` show idle time the same way);
- neither: unknown (None), and the schedule takes the person to be there.

Standard library only (``status`` uses it); the command runner and the terminal are arguments, so a test
passes a fake ``tmux`` on ``PATH`` and a file for the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

TMUX_TIMEOUT = 2.0


class Runner(Protocol):
    def __call__(self, args: Sequence[str], timeout: float | None) -> tuple[int, str]: ...


def run_command(args: Sequence[str], timeout: float | None) -> tuple[int, str]:
    """Run ``args`` and return its exit status and standard output (127 when it cannot be run; no
    ``timeout``: as long as it takes)."""
    import subprocess  # (only inside tmux: status stays quick elsewhere)

    try:
        done = subprocess.run(
            list(args), capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return 127, ""
    return done.returncode, done.stdout


def _since(moment: datetime, now: datetime) -> timedelta:
    return max(timedelta(0), now - moment)


def idle_from_tmux(now: datetime, run: Runner = run_command) -> timedelta | None:
    status, output = run(["tmux", "display", "-p", "#{client_activity}"], TMUX_TIMEOUT)
    text = output.strip()
    if status != 0 or not text.isdigit():
        return None
    try:
        return _since(datetime.fromtimestamp(int(text), UTC), now)
    except (OverflowError, OSError, ValueError):
        return None


def idle_from_terminal(terminal: Path, now: datetime) -> timedelta | None:
    try:
        read_at = os.stat(terminal).st_atime
    except OSError:
        return None
    return _since(datetime.fromtimestamp(read_at, UTC), now)


def own_terminal() -> Path | None:
    """The terminal this command runs in (its standard input, output or error), if it has one."""
    for descriptor in (0, 1, 2):
        try:
            if os.isatty(descriptor):
                return Path(os.ttyname(descriptor))
        except OSError:
            continue
    return None


def in_tmux(environ: Mapping[str, str]) -> bool:
    return bool(environ.get("TMUX"))


def idle_time(
    now: datetime,
    environ: Mapping[str, str],
    terminal: Path | None,
    *,
    ask_tmux: bool = False,
    run: Runner = run_command,
) -> timedelta | None:
    """Time since the person's last input: tmux's when inside tmux (or ``ask_tmux``), else the terminal's."""
    if in_tmux(environ) or ask_tmux:
        idle = idle_from_tmux(now, run)
        if idle is not None:
            return idle
    return idle_from_terminal(terminal, now) if terminal is not None else None
