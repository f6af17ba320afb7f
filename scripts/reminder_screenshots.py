"""Screenshots of the reminders in tmux for the README: the status line, and the desk break in a popup.

tmux runs inside the pane of another tmux (a pseudo-terminal with nobody attached), so `capture-pane -e -p`
of the outer pane sees everything the inner client draws: its status line fed by `backtrainer status
--format tmux`, and the popup `backtrainer remind` opens. Rich turns the captured text and colours into SVG.

    python scripts/reminder_screenshots.py [--size 100x30]

Needs tmux 3.2 or newer and `backtrainer` installed in this Python's folder. The journal is a temporary one
(a month of demo history, reminders on all day every day), so a desk break is due whenever this runs.
"""

from __future__ import annotations

import argparse
import os
import shlex
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from rich.console import Console
from rich.text import Text

ROOT = Path(__file__).resolve().parents[1]
OUT_DIR = ROOT / "screenshots"
sys.path.insert(0, str(Path(__file__).resolve().parent))

INNER_CONF = """\
set -g status-interval 1
set -g status-style "bg=colour24,fg=colour255"
set -g status-left " work "
set -g status-right-length 60
set -g status-right "#[fg=colour229]#(backtrainer status --format tmux)#[default]  %H:%M "
bind-key B display-popup -E -w 82 -h 26 "backtrainer start desk-break"
"""


def tmux(socket: str, *args: str) -> str:
    done = subprocess.run(["tmux", "-L", socket, *args], capture_output=True, text=True, check=True)
    return done.stdout


def capture(socket: str, name: str, width: int, title: str) -> Path:
    text = tmux(socket, "capture-pane", "-e", "-p", "-t", "shot")
    console = Console(record=True, width=width, file=open(os.devnull, "w"), force_terminal=True)  # noqa: SIM115
    console.print(Text.from_ansi(text.rstrip("\n"), no_wrap=True), crop=True, soft_wrap=True)
    target = OUT_DIR / f"{name}.svg"
    target.write_text(console.export_svg(title=title), encoding="utf-8")
    return target


def wait_for(socket: str, marker: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if marker in tmux(socket, "capture-pane", "-p", "-t", "shot"):
            return
        time.sleep(0.2)
    screen = tmux(socket, "capture-pane", "-p", "-t", "shot")
    raise SystemExit(f"timed out waiting for {marker!r} on the screen:\n{screen}")


def journal(home: Path) -> None:
    from demo_journal import generate

    from trainer.catalog.loader import load_catalog
    from trainer.journal.store import JournalStore

    now = datetime.now().astimezone()
    store = JournalStore(home / "journal")
    # a month of history up to yesterday: nothing yet today, so a desk break is due from 00:30
    yesterday = now.date() - timedelta(days=1)
    store.import_entries(generate(1, seed=7, today=yesterday, catalog=load_catalog(), zone=now.tzinfo))
    every_day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    store.update_settings(
        disclaimer_seen=True,
        reminders={
            "enabled": True,
            "days": every_day,
            "start": "00:00",
            "end": "23:59",
            "break_minutes": 30,
            "session": False,
            "morning_check": False,
        },
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100x30")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    home = Path(tempfile.mkdtemp())
    journal(home)
    conf = home / "inner.conf"
    conf.write_text(INNER_CONF)
    rc = home / "bashrc"
    rc.write_text("PS1='$ '\n")
    outer, inner = f"bt-shots-outer-{os.getpid()}", f"bt-shots-inner-{os.getpid()}"
    bin_dir = str(Path(sys.executable).parent)
    inner_command = (
        f"env -u TMUX BACKTRAINER_HOME={shlex.quote(str(home))} PATH={shlex.quote(bin_dir)}:$PATH "
        f"TERM=xterm-256color tmux -L {inner} -f {shlex.quote(str(conf))} new-session -s work "
        + shlex.quote(f"bash --rcfile {shlex.quote(str(rc))}")
    )
    OUT_DIR.mkdir(exist_ok=True)
    try:
        size = ("-x", str(width), "-y", str(height))
        tmux(outer, "-f", "/dev/null", "new-session", "-d", "-s", "shot", *size, inner_command)
        tmux(outer, "set", "-g", "status", "off")
        wait_for(outer, "desk break due")
        tmux(outer, "send-keys", "-t", "shot", "backtrainer status", "Enter")  # the same facts, in words
        wait_for(outer, "Next:")
        print(capture(outer, "tmux-status", width, "tmux: backtrainer status in the status line"))
        tmux(outer, "send-keys", "-t", "shot", "clear", "Enter")
        tmux(outer, "send-keys", "-t", "shot", "backtrainer remind", "Enter")
        wait_for(outer, "How bad is your back pain")
        tmux(outer, "send-keys", "-t", "shot", "4", "Enter")  # pain before the desk break
        wait_for(outer, "Exercise 1 of")
        time.sleep(2.5)
        print(capture(outer, "tmux-popup", width, "tmux: backtrainer remind opens the desk break in a popup"))
    finally:
        for socket in (inner, outer):
            subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True, check=False)


if __name__ == "__main__":
    main()
