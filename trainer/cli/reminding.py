"""What ``backtrainer remind`` does with the journal: show one prompt and record it, or record an answer.

Kept apart from ``reminders`` so that ``status`` never imports the journal store.
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import click

from trainer.cli.common import journal_errors
from trainer.cli.context import Context
from trainer.cli.output import say
from trainer.cli.reminders import look, next_text, status_lines, the, when_text
from trainer.engine.schedule import Agenda
from trainer.journal.reminders import CHANNEL_LABELS, REMINDER_LABELS, Channel, Outcome
from trainer.journal.store import JournalStore
from trainer.services.prompts import (
    PromptBook,
    Surroundings,
    channels,
    deliver,
    popup_command,
    program_name,
    why_no_channel,
)


def _capital(text: str) -> str:
    return text[0].upper() + text[1:]


def prompt_once(
    context: Context, result: Agenda, terminal: Path | None, forced: Channel | None, verbose: bool, argv0: str
) -> None:
    """Show the most important thing due, if anything is, and record it."""
    store = context.store()
    if result.state == "away" and any(due.reminder == "desk-break" for due in result.waiting):
        with journal_errors(store):
            PromptBook(store, result.now).away()
        if verbose:
            say(status_lines(result)[0])
            say("The desk break that was due counts as taken: being away is a break.")
        return
    due = result.first
    if result.state != "due" or due is None:
        if verbose:
            for line in status_lines(result):
                say(line)
        return
    around = Surroundings(os.environ, terminal)
    usable = channels(around, forced)
    what = REMINDER_LABELS[due.reminder]
    if not usable:
        raise click.ClickException(f"cannot reach you here ({why_no_channel(around)}): {the(due.reminder)} stays due")
    popup = popup_command(due.reminder, context.paths.profile, os.environ, program_name(argv0))
    with journal_errors(store):
        book = PromptBook(store, result.now)
        shown, before = book.show(due, usable[0])
    for channel in usable:
        if channel != shown.channel:
            with journal_errors(store):
                shown = book.on_channel(shown, channel)
        if deliver(channel, due.reminder, around, popup):
            break
    else:
        with journal_errors(store):
            book.undo(shown, before)
        raise click.ClickException(
            f"could not show the prompt ({', '.join(usable)} failed): {the(due.reminder)} stays due"
        )
    if channel == "tmux":  # the popup has closed: what happened in it?
        with journal_errors(store):
            closed = PromptBook(store, context.now()).close(shown.id, since=shown.outcome_at)
        if verbose and closed is not None:
            say(f"{_capital(what)}: {'taken' if closed.outcome == 'taken' else 'skipped (closed without it)'}.")
        return
    if verbose:
        again = f", put off {shown.postpones} so far" if shown.postpones else ""
        say(f"Shown: {what} ({CHANNEL_LABELS[channel]}{again}). Answer with: backtrainer remind --taken|--skip|--later")


def _next_after(context: Context) -> str:
    result, _ = look(context, None)
    return next_text(result) if result.state != "off" else ""


def answer_prompt(context: Context, outcome: Outcome) -> None:
    """``remind --taken|--skip|--later``: answer the prompt that is waiting."""
    now = context.now()
    store: JournalStore = context.store()
    with journal_errors(store):
        settings = store.load_settings()
        answered = PromptBook(store, now).answer(outcome, settings.reminders.rules(settings.sessions_per_week_goal))
    if answered is None:
        raise click.ClickException("no reminder is waiting for an answer today")
    prompt, capped = answered
    what = REMINDER_LABELS[prompt.reminder]
    if capped:
        times = {1: "once", 2: "twice"}.get(prompt.postpones, f"{prompt.postpones} times")
        said = f"{_capital(the(prompt.reminder))} was put off {times} already, as often as it may be: skipped."
        say(f"{said} {_next_after(context)}".rstrip())
    elif prompt.outcome == "postponed":
        back = now + timedelta(minutes=settings.reminders.postpone_minutes)
        say(f"{_capital(what)} put off: it comes back at {when_text(back, now)}.")
    else:
        say(f"{_capital(what)}: {prompt.outcome}. {_next_after(context)}".rstrip())
