"""``backtrainer status`` and ``backtrainer remind``: reminders without a daemon, locally or over SSH.

``status`` says what is due and what comes next, for a person or a status bar (tmux refreshes it every
15 s): it imports only the standard library, click and the light modules (``journal.glance``,
``engine.schedule``, ``services.presence``), never the journal store, pydantic or Textual.
``remind`` shows one prompt through the best channel there is (``services.prompts``) and records it.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import click

from trainer.cli.context import Context
from trainer.cli.output import output_symbols, say
from trainer.engine.schedule import Agenda, Due, agenda
from trainer.journal.glance import Glance, glance
from trainer.journal.reminders import CHANNELS, REMINDER_LABELS, WEEKDAYS, ReminderKind, ReminderRules
from trainer.services.presence import idle_time, own_terminal

SHORT_LABELS = {"desk-break": "desk break", "session": "session", "morning-check": "check-in"}
"""For a status bar."""
SETTINGS_HINT = "Turn them on in the app: Settings (o on Home)."


# --- words ---------------------------------------------------------------------------------------


def the(kind: ReminderKind) -> str:
    """``the desk break``, ``today's session``, ``the morning check-in``."""
    label = REMINDER_LABELS[kind]
    return label if label.startswith("today") else f"the {label}"


def when_text(moment: datetime, now: datetime) -> str:
    """``14:30`` today, ``Wed 09:00`` on another day."""
    return f"{moment:%H:%M}" if moment.date() == now.date() else f"{moment:%a %H:%M}"


def days_text(rules: ReminderRules) -> str:
    """``Mon-Fri``, ``every day``, or ``Mon, Wed, Sat``."""
    days = sorted(rules.days)
    names = [WEEKDAYS[day].capitalize() for day in days]
    if len(days) == 7:
        return "every day"
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return f"{names[0]}-{names[-1]}"
    return ", ".join(names)


def hours_text(rules: ReminderRules) -> str:
    return f"{days_text(rules)} {rules.start:%H:%M}-{rules.end:%H:%M}"


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def due_text(due: Due, now: datetime) -> str:
    text = f"{REMINDER_LABELS[due.reminder]} (since {when_text(due.at, now)}"
    if due.prompt is not None and due.prompt.postpones:
        text += f", put off {_times(due.prompt.postpones)}"
    return text + ")"


def next_text(result: Agenda) -> str:
    if result.next is None:
        return "Nothing else is coming in the next week."
    at = when_text(result.next.at, result.now)
    today = result.next.at.date() == result.now.date()
    return f"Next: {REMINDER_LABELS[result.next.reminder]} {'at ' if today else ''}{at}."


def status_lines(result: Agenda) -> list[str]:
    """The text of ``status``: what is due (or why nothing is), then what comes next."""
    now, rules = result.now, result.rules
    if result.state == "off":
        return [f"Reminders are off. {SETTINGS_HINT}"]
    lines = {
        "day-off": f"Not a working day ({days_text(rules)}).",
        "before-hours": f"Before working hours ({hours_text(rules)}).",
        "after-hours": f"After working hours ({hours_text(rules)}).",
        "clear": "Nothing due now.",
        "due": "Due now: " + ", ".join(due_text(due, now) for due in result.due) + ".",
        "quiet": f"Quiet time until {when_text(result.until, now)}." if result.until else "Quiet time.",
        "away": "",
    }
    first = lines[result.state]
    if result.state == "away":
        minutes = int(result.idle.total_seconds() // 60) if result.idle else 0
        first = f"You seem to be away (no input for {minutes} min): nothing is shown until you are back."
    shown = [first]
    if result.waiting:
        shown.append("Waiting: " + ", ".join(due_text(due, now) for due in result.waiting) + ".")
    shown.append(next_text(result))
    return shown


def tmux_line(result: Agenda, ascii_only: bool) -> str:
    """A few words for a status bar: ``⏵ desk break due``, ``next: desk break 14:30``, or nothing when off."""
    now = result.now
    if result.state == "off":
        return ""
    if result.state == "due" and result.first is not None:
        return f"{'>' if ascii_only else '⏵'} {SHORT_LABELS[result.first.reminder]} due"
    if result.state == "away":
        return "away" if ascii_only else "⏸ away"
    if result.state == "quiet" and result.until is not None:
        return f"quiet until {when_text(result.until, now)}"
    if result.next is None:
        return ""
    return f"next: {SHORT_LABELS[result.next.reminder]} {when_text(result.next.at, now)}"


def _due_data(due: Due) -> dict[str, Any]:
    return {
        "reminder": due.reminder,
        "label": REMINDER_LABELS[due.reminder],
        "since": due.at.isoformat(),
        "postpones": due.prompt.postpones if due.prompt else 0,
    }


def status_data(result: Agenda, view: Glance) -> dict[str, Any]:
    return {
        "reminders": result.state != "off",
        "state": result.state,
        "now": result.now.isoformat(timespec="seconds"),
        "due": [_due_data(due) for due in result.due],
        "waiting": [_due_data(due) for due in result.waiting],
        "next": None
        if result.next is None
        else {
            "reminder": result.next.reminder,
            "label": REMINDER_LABELS[result.next.reminder],
            "at": result.next.at.isoformat(),
        },
        "quiet_until": result.until.isoformat() if result.until else None,
        "idle_seconds": int(result.idle.total_seconds()) if result.idle is not None else None,
        "unreadable_files": view.facts.unreadable + (1 if view.settings_unreadable else 0),
    }


def look(context: Context, terminal: Path | None, ask_tmux: bool = False) -> tuple[Agenda, Glance]:
    """Read the journal and the person's presence, and ask the schedule."""
    now = context.now()
    view = glance(context.paths.journal_dir, now)
    idle = idle_time(now, os.environ, terminal, ask_tmux=ask_tmux) if view.rules.enabled else None
    return agenda(view.rules, view.facts, now, idle), view


# --- status ----------------------------------------------------------------------------------------

STATUS_EPILOG = """\b
For a tmux status line (refreshed every 15 s):
  set -g status-right '#(backtrainer status --format tmux) %H:%M'
"""


@click.command("status", epilog=STATUS_EPILOG)
@click.option(
    "--format",
    "shape",
    type=click.Choice(["text", "json", "tmux"]),
    default="text",
    show_default=True,
    help="text for people, json for scripts, tmux for a status line (a few words, nothing when off).",
)
@click.option("--ascii", "ascii_only", is_flag=True, help="Plain ASCII (with --format tmux: '>' for the arrow).")
@click.option("--tty", type=click.Path(path_type=Path), help="The terminal whose input time tells if you are away.")
@click.pass_obj
def status(context: Context, shape: str, ascii_only: bool, tty: Path | None) -> None:
    """What is due now (a desk break, today's session, the morning check-in) and when the next thing is."""
    result, view = look(context, tty or own_terminal())
    ascii_only = ascii_only or not output_symbols().unicode
    if shape == "json":
        say(json.dumps(status_data(result, view), ensure_ascii=ascii_only))
    elif shape == "tmux":
        say(tmux_line(result, ascii_only))
    else:
        for line in status_lines(result):
            say(line)
        unreadable = view.facts.unreadable + (1 if view.settings_unreadable else 0)
        if unreadable:
            say("Note: some journal files could not be read; open the Journal in the app to see which.", err=True)


# --- remind ----------------------------------------------------------------------------------------

REMIND_EPILOG = """\b
Run it from cron, a systemd timer or a tmux hook; it shows at most one
prompt and does nothing when nothing is due (--verbose says why).
  */10 * * * *  backtrainer remind
Answer a prompt from the shell or a tmux key:
  backtrainer remind --taken | --skip | --later
"""


@click.command("remind", epilog=REMIND_EPILOG)
@click.option("--taken", "answer", flag_value="taken", help="You took the prompt waiting (a break, the check-in).")
@click.option("--skip", "answer", flag_value="skipped", help="Not now: skip the prompt waiting.")
@click.option("--later", "answer", flag_value="postponed", help="Put the prompt waiting off (it comes back).")
@click.option(
    "--channel",
    type=click.Choice(["auto", *CHANNELS]),
    default="auto",
    show_default=True,
    help="How to reach you; auto takes the best there is (tmux, notify-send, osc9, bell).",
)
@click.option("--tty", type=click.Path(path_type=Path), help="The terminal to notify (default: this one).")
@click.option("-v", "--verbose", is_flag=True, help="Say what was done, or why nothing was.")
@click.pass_obj
def remind(context: Context, answer: str | None, channel: str, tty: Path | None, verbose: bool) -> None:
    """Show one reminder prompt if something is due, through the best channel there is, and record it.

    Never outside working hours or days, in a quiet time, or while you are away."""
    from trainer.cli.reminding import answer_prompt, prompt_once

    if answer is not None:
        answer_prompt(context, answer)  # type: ignore[arg-type]
        return
    terminal = tty or own_terminal()
    forced = None if channel == "auto" else channel
    result, view = look(context, terminal, ask_tmux=forced == "tmux")
    prompt_once(context, result, terminal, forced, verbose, argv0=sys.argv[0])  # type: ignore[arg-type]
