"""Reminder prompts: the channel that can reach the person, showing the prompt, and keeping its record.

Channels, best first (``channels``):

1. **tmux** (``$TMUX`` set): ``tmux display-popup -E`` running ``backtrainer start desk-break`` (or the
   app, for today's session and the check-in). tmux waits until the popup closes, so the record is
   finished then: taken if a session (or a check-in) was saved meanwhile, otherwise skipped ("not now");
2. **notify-send** when a desktop session bus exists (``DBUS_SESSION_BUS_ADDRESS``) and this is not an
   SSH login (over SSH it would show on the remote machine's screen, not the person's);
3. **osc9**: an OSC 9 notification written to the terminal, wrapped in tmux's or screen's DCS
   passthrough when inside one, for terminals known to show it (iTerm2, WezTerm, kitty, foot, Ghostty);
4. **bell**: the terminal bell.

The terminal is the command's own (or ``--tty``); the sequences written are this module's own constant
text, never text from the journal or the content. The journal record (``models.ReminderPrompt``) is kept
through ``PromptBook``.
"""

from __future__ import annotations

import os
import shlex
import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from trainer.engine.schedule import Due
from trainer.journal.models import EntryKind, ReminderPrompt
from trainer.journal.reminders import Channel, Outcome, ReminderKind, ReminderRules
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV
from trainer.services.presence import Runner, in_tmux, run_command

NOTIFY_TIMEOUT = 10.0
POPUP_SIZE = (82, 26)
"""Room for the app (76 x 22 at least) and the popup's border; no more than the screen (tmux refuses a
popup larger than its client)."""
OSC9_PROGRAMS = {"iTerm.app", "WezTerm", "ghostty"}
OSC9_TERMS = ("xterm-kitty", "foot", "xterm-ghostty", "wezterm")
MESSAGES: dict[ReminderKind, str] = {
    "desk-break": "Time for a desk break: stand up and move for a few minutes (backtrainer start desk-break).",
    "session": "Time for today's session (backtrainer, then s).",
    "morning-check": "How is your back this morning? Check in (backtrainer, then c; or backtrainer log PAIN).",
}


@dataclass(frozen=True)
class Surroundings:
    """What ``remind`` finds around it: the environment, a terminal to write to, the programs on PATH."""

    environ: Mapping[str, str]
    terminal: Path | None = None
    which: Callable[[str], str | None] = shutil.which

    @property
    def over_ssh(self) -> bool:
        return bool(self.environ.get("SSH_CONNECTION") or self.environ.get("SSH_TTY"))

    @property
    def in_screen(self) -> bool:
        return not in_tmux(self.environ) and (
            bool(self.environ.get("STY")) or self.environ.get("TERM", "").startswith("screen")
        )

    def shows_osc9(self) -> bool:
        env = self.environ
        return (
            env.get("TERM_PROGRAM") in OSC9_PROGRAMS
            or env.get("LC_TERMINAL") == "iTerm2"
            or env.get("TERM", "").startswith(OSC9_TERMS)
            or bool(env.get("KITTY_WINDOW_ID") or env.get("WEZTERM_PANE"))
        )


def channels(around: Surroundings, forced: Channel | None = None) -> list[Channel]:
    """The channels that can reach the person here, best first (only ``forced`` if given and usable)."""
    usable: list[Channel] = []
    if (forced == "tmux" or in_tmux(around.environ)) and around.which("tmux"):
        usable.append("tmux")
    if (
        forced == "notify-send" or (around.environ.get("DBUS_SESSION_BUS_ADDRESS") and not around.over_ssh)
    ) and around.which("notify-send"):
        usable.append("notify-send")
    if around.terminal is not None and (forced == "osc9" or around.shows_osc9()):
        usable.append("osc9")
    if around.terminal is not None:
        usable.append("bell")
    return [channel for channel in usable if channel == forced] if forced else usable


def why_no_channel(around: Surroundings) -> str:
    parts = ["not inside tmux" if not in_tmux(around.environ) else "tmux is not on PATH"]
    if not around.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        parts.append("no desktop session bus")
    elif around.over_ssh:
        parts.append("an SSH login (a desktop notification would show on this machine's screen)")
    else:
        parts.append("notify-send is not on PATH")
    parts.append("no terminal to write to (give one with --tty)")
    return "; ".join(parts)


def osc9(text: str, around: Surroundings) -> bytes:
    """The OSC 9 notification for ``text`` (the module's own words), wrapped for tmux or screen."""
    sequence = f"\x1b]9;{text}\x07"
    if in_tmux(around.environ):
        sequence = "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    elif around.in_screen:
        sequence = "\x1bP" + sequence + "\x1b\\"
    return sequence.encode("ascii", "replace")


def popup_command(kind: ReminderKind, profile: str | None, environ: Mapping[str, str], program: str) -> str:
    """The shell command the tmux popup runs: the desk break, or the app for a session or a check-in."""
    words = [program, *(["--profile", profile] if profile else [])]
    words += ["start", "desk-break"] if kind == "desk-break" else []
    command = shlex.join(words)
    home = environ.get(HOME_ENV)
    return f"env {HOME_ENV}={shlex.quote(home)} {command}" if home else command


def program_name(argv0: str) -> str:
    """How to run backtrainer again: the script that is running, when it is backtrainer."""
    path = Path(argv0)
    return str(path.resolve()) if path.name == "backtrainer" and path.exists() else "backtrainer"


def popup_size(run: Runner) -> tuple[int, int]:
    """``POPUP_SIZE``, or the client's size when that is smaller."""
    width, height = POPUP_SIZE
    status, output = run(["tmux", "display", "-p", "#{client_width} #{client_height}"], 2.0)
    parts = output.split()
    if status == 0 and len(parts) == 2 and all(part.isdigit() for part in parts):
        width, height = min(width, int(parts[0])), min(height, int(parts[1]))
    return width, height


def _write(terminal: Path, payload: bytes) -> bool:
    try:
        descriptor = os.open(terminal, os.O_WRONLY | os.O_APPEND | os.O_NOCTTY)
    except OSError:
        return False
    try:
        os.write(descriptor, payload)
    except OSError:
        return False
    finally:
        os.close(descriptor)
    return True


def deliver(channel: Channel, kind: ReminderKind, around: Surroundings, popup: str, run: Runner = run_command) -> bool:
    """Show the prompt on ``channel``; False when it could not be shown. A tmux popup returns when closed."""
    if channel == "tmux":
        width, height = popup_size(run)
        status, _ = run(["tmux", "display-popup", "-E", "-w", str(width), "-h", str(height), popup], None)
        return status == 0
    if channel == "notify-send":
        status, _ = run(["notify-send", "-a", "backtrainer", "backtrainer", MESSAGES[kind]], NOTIFY_TIMEOUT)
        return status == 0
    assert around.terminal is not None
    if channel == "osc9":
        return _write(around.terminal, osc9(MESSAGES[kind], around))
    return _write(around.terminal, b"\x07")


# --- the record ------------------------------------------------------------------------------------


def day_start(now: datetime) -> datetime:
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


@dataclass
class PromptBook:
    """The reminder prompts of today in the journal: shown, answered, closed by a session."""

    store: JournalStore
    now: datetime

    def today(self) -> list[ReminderPrompt]:
        """Today's prompts, newest first."""
        entries = self.store.entries(since=day_start(self.now), kinds=["reminder"])
        return [entry for entry in entries if isinstance(entry, ReminderPrompt)]

    def latest_open(self, kinds: Sequence[ReminderKind] | None = None) -> ReminderPrompt | None:
        return next(
            (prompt for prompt in self.today() if prompt.open and (kinds is None or prompt.reminder in kinds)), None
        )

    def _change(self, prompt: ReminderPrompt, **changes: object) -> ReminderPrompt:
        changed = ReminderPrompt.model_validate({**prompt.model_dump(), "outcome_at": self.now, **changes})
        return self.store.update(prompt, changed)  # type: ignore[return-value]

    def show(self, due: Due, channel: Channel) -> tuple[ReminderPrompt, ReminderPrompt | None]:
        """Record ``due`` as shown on ``channel``: a new prompt, or the open one it brings back (one more
        put-off when it had no answer). Returns the record and what it was before (None: new)."""
        if due.prompt is not None:
            before = next((prompt for prompt in self.today() if prompt.id == due.prompt.id), None)
            if before is not None:
                postpones = before.postpones + (1 if before.outcome == "shown" else 0)
                return self._change(before, outcome="shown", channel=channel, postpones=postpones), before
        prompt = ReminderPrompt(at=self.now, outcome_at=self.now, reminder=due.reminder, channel=channel)
        return self.store.add(prompt), None  # type: ignore[return-value]

    def on_channel(self, prompt: ReminderPrompt, channel: Channel) -> ReminderPrompt:
        """The first channel could not show it: record the one that is tried next."""
        return self._change(prompt, channel=channel)

    def undo(self, shown: ReminderPrompt, before: ReminderPrompt | None) -> None:
        """Take back a prompt that no channel could show."""
        if before is None:
            self.store.delete(shown)
        else:
            self.store.update(shown, before)

    def away(self) -> ReminderPrompt:
        """A desk break fell due while the person was away: it counts as one."""
        prompt = ReminderPrompt(at=self.now, outcome_at=self.now, reminder="desk-break", outcome="away")
        return self.store.add(prompt)  # type: ignore[return-value]

    def answer(self, outcome: Outcome, rules: ReminderRules) -> tuple[ReminderPrompt, bool] | None:
        """Answer the latest open prompt: taken, skipped, or postponed (skipped instead when it was put off
        as often as it may be: the second value says so). None when no prompt is waiting."""
        prompt = self.latest_open()
        if prompt is None:
            return None
        capped = outcome == "postponed" and prompt.postpones >= rules.max_postpones
        if outcome == "postponed" and not capped:
            return self._change(prompt, outcome="postponed", postpones=prompt.postpones + 1), False
        return self._change(prompt, outcome="skipped" if capped else outcome), capped

    def close(self, prompt_id: str, since: datetime) -> ReminderPrompt | None:
        """After a popup closed: taken if what it asked for was saved since ``since``, else skipped."""
        prompt = next((found for found in self.today() if found.id == prompt_id), None)
        if prompt is None or not prompt.open:
            return prompt
        wanted: EntryKind = "check-in" if prompt.reminder == "morning-check" else "session"
        done = self.store.entries(since=since - timedelta(seconds=1), kinds=[wanted])
        return self._change(prompt, outcome="taken" if done else "skipped")

    def taken_by_session(self) -> list[ReminderPrompt]:
        """A session was just saved: the open desk-break and session prompts of today are taken."""
        return [
            self._change(prompt, outcome="taken")
            for prompt in self.today()
            if prompt.open and prompt.reminder in ("desk-break", "session")
        ]


def close_after_session(store: JournalStore, started: datetime, now: datetime) -> None:
    """After ``backtrainer start``: a session saved since ``started`` takes the prompts waiting for one.
    Never fails the command: the session is what matters."""
    try:
        if store.entries(since=started - timedelta(seconds=1), kinds=["session"]):
            PromptBook(store, now).taken_by_session()
    except Exception:  # noqa: BLE001  # a journal problem was already shown by the app
        return
