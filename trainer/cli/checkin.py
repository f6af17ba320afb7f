"""``backtrainer log``: a check-in from the shell, saved only when every value is valid (exit status 2)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

import click
from pydantic import ValidationError

from trainer.cli.common import WHEN_HELP, When, journal_errors, unique, when_label
from trainer.cli.context import Context
from trainer.cli.output import fit, say
from trainer.engine.leg_symptoms import LegNotice, leg_notice
from trainer.journal.describe import leg_text, places_text
from trainer.journal.limits import explain, field_limits
from trainer.journal.models import HELPERS, LEG_SIDES, LEG_SYMPTOMS, LOCATIONS, CheckIn
from trainer.text_rules import one_line

BOTH_LEGS_POINTER = (
    "Symptoms in both legs are on the emergency list of 'When to get help' (open backtrainer, press h): read it now."
)
NOTE_ECHO_WIDTH = 60  # the confirmation after `log` shows the start of a long note


# Model field -> (option as the person typed it, what a good value looks like), in the order of the options
LOG_FIELDS: dict[str, tuple[str, str]] = {
    "pain_now": ("PAIN", "a whole number from {minimum} (no pain) to {maximum} (worst pain you can imagine)"),
    "pain_average": ("--average", "a whole number from {minimum} (no pain) to {maximum} (worst pain you can imagine)"),
    "where": ("--where", "one of " + ", ".join(LOCATIONS)),
    "leg_symptoms": ("--leg", "one of " + ", ".join(LEG_SYMPTOMS)),
    "leg_side": ("--leg-side", "left, right or both, with --leg"),
    "helped": ("--helped", "one of " + ", ".join(HELPERS)),
    "triggers": ("--tag", "up to {max_items} tags of 1 to {max_length} characters"),
    "walked_minutes": ("--walked", "whole minutes from {minimum} to {maximum}"),
    "sleep_quality": ("--sleep", "a whole number from {minimum} (very poor) to {maximum} (very good)"),
    "notes": ("--note", "at most {max_length:,} characters"),
    "at": ("--at", WHEN_HELP),
}
WHOLE_NUMBER = re.compile(r"^\s*[+-]?\d+\s*$")


def _wanted(field: str) -> str:
    wanted = LOG_FIELDS[field][1]
    if "{" not in wanted:
        return wanted
    limits = field_limits(CheckIn, field)
    return wanted.format(
        minimum=limits.minimum, maximum=limits.maximum, max_length=limits.max_length, max_items=limits.max_items
    )


def _invalid(field: str, reason: str) -> str:
    option = LOG_FIELDS[field][0]
    return f"Invalid value for '{option}': {reason}; give {_wanted(field)}."


def _number(field: str, value: str | None, bad: dict[str, str]) -> int | None:
    """A whole number; ``None`` (and a note in ``bad``) when ``value`` is not one."""
    if value is None:
        return None
    if WHOLE_NUMBER.match(value):
        return int(value)
    bad[field] = _invalid(field, f"{value!r} is not a whole number")
    return None


def _explain(detail: Any) -> str:
    """A pydantic error on a CheckIn field in plain words (the note and the tags say what they hold)."""
    if detail["type"] in ("string_too_long", "too_long") and detail["loc"] == ("notes",):
        return f"the note is {len(detail['input']):,} characters long"
    if detail["type"] == "too_long" and detail["loc"] == ("triggers",):
        return f"{len(detail['input'])} tags were given"
    return explain(detail)


class LogCommand(click.Command):
    """``log -1`` would read as an unknown option "-1": say what is wrong with PAIN instead."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            if re.fullmatch(r"-\d+(?:\.\d*)?", error.option_name):
                raise click.UsageError(_invalid("pain_now", f"{error.option_name} is below 0"), ctx) from None
            raise


def _saved_line(entry: CheckIn, current: datetime) -> str:
    parts = [f"pain {entry.pain_now}/10"]
    if entry.pain_average is not None:
        parts.append(f"average {entry.pain_average}/10")
    if entry.where:
        parts.append(places_text(entry.where))
    if entry.leg_symptoms:
        parts.append("leg " + leg_text(entry, " + "))
    if entry.helped:
        parts.append("helped by " + " + ".join(entry.helped))
    if entry.triggers:
        parts.append("tags " + " + ".join(entry.triggers))
    if entry.walked_minutes is not None:
        parts.append(f"walked {entry.walked_minutes} min")
    if entry.sleep_quality is not None:
        parts.append(f"sleep {entry.sleep_quality}/10")
    if entry.notes:
        parts.append(f"note: {fit(one_line(entry.notes), NOTE_ECHO_WIDTH)}")
    return one_line(f"Saved check-in for {when_label(entry.at, current)}: {', '.join(parts)}.")


LOG_EPILOG = """\b
Examples:
  backtrainer log 4
  backtrainer log 4 --average 3 --where lower-back-centre --walked 20
  backtrainer log 6 --where buttock-left --leg tingling --leg-side left --helped heat
  backtrainer log 3 --at "yesterday 21:00" --note "Stiff after the drive"

\b
WHEN is one of: now, today, yesterday, N days ago, a weekday (the last one
before today), each optionally followed by HH:MM; HH:MM alone (today); or
YYYY-MM-DD [HH:MM]. A day without a time means the same time of day as now.
It cannot be in the future.
"""


@click.command("log", cls=LogCommand, epilog=LOG_EPILOG)
@click.argument("pain", metavar="PAIN")
@click.option("--average", metavar="N", help="Average pain over the last 24 hours, 0-10.")
@click.option(
    "--where",
    "where",
    multiple=True,
    metavar="PLACE",
    type=click.Choice(LOCATIONS, case_sensitive=False),
    help="Where it hurts (repeat for several): " + ", ".join(LOCATIONS) + ".",
)
@click.option(
    "--leg",
    multiple=True,
    metavar="SYMPTOM",
    type=click.Choice(LEG_SYMPTOMS, case_sensitive=False),
    help="A leg symptom (repeat for several): " + ", ".join(LEG_SYMPTOMS) + ".",
)
@click.option(
    "--leg-side",
    metavar="SIDE",
    type=click.Choice(LEG_SIDES, case_sensitive=False),
    help="Which leg the symptoms are in: left, right or both.",
)
@click.option(
    "--helped",
    multiple=True,
    metavar="WHAT",
    type=click.Choice(HELPERS, case_sensitive=False),
    help="What helped (repeat for several): " + ", ".join(HELPERS) + ".",
)
@click.option("--tag", multiple=True, metavar="TEXT", help="A word for what set it off, e.g. sitting (repeatable).")
@click.option("--walked", metavar="MIN", help="Minutes walked today.")
@click.option("--sleep", metavar="N", help="How well you slept, 0 (very poor) to 10 (very good).")
@click.option("--note", metavar="TEXT", default="", help="A note in your own words (up to 2,000 characters).")
@click.option(
    "--at",
    "at",
    type=When(start_of_day=False, for_entry=True),
    metavar="WHEN",
    help="When it was, if not now (see below).",
)
@click.pass_obj
def log(
    context: Context,
    pain: str,
    average: str | None,
    where: tuple[str, ...],
    leg: tuple[str, ...],
    leg_side: str | None,
    helped: tuple[str, ...],
    tag: tuple[str, ...],
    walked: str | None,
    sleep: str | None,
    note: str,
    at: datetime | None,
) -> None:
    """Save a check-in: PAIN is how bad your back pain is right now, 0 (no pain)
    to 10 (worst pain you can imagine).

    Nothing is saved if any value is wrong (exit status 2).
    """
    current = context.now()
    bad: dict[str, str] = {}  # field -> message, for values that are not even numbers
    data = {
        "at": at or current,
        "pain_now": _number("pain_now", pain, bad),
        "pain_average": _number("pain_average", average, bad),
        "where": unique(where),
        "leg_symptoms": unique(leg),
        "leg_side": leg_side.lower() if leg_side else None,
        "helped": unique(helped),
        "triggers": unique(tag),
        "walked_minutes": _number("walked_minutes", walked, bad),
        "sleep_quality": _number("sleep_quality", sleep, bad),
        "notes": note,
    }
    if any(not value.strip() for value in tag):
        bad["triggers"] = _invalid("triggers", "a tag cannot be empty")
    problems = list(bad.items())
    try:
        entry = CheckIn.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = str(detail["loc"][0]) if detail["loc"] else ""
            if field in bad:
                continue  # already explained
            if field not in LOG_FIELDS:
                message = f"Invalid check-in: {detail['msg']}"
            elif detail["type"] == "value_error":  # a control character: nothing to suggest but leaving it out
                message = f"Invalid value for '{LOG_FIELDS[field][0]}': {_explain(detail)}."
            else:
                message = _invalid(field, _explain(detail))
            if (field, message) not in problems:
                problems.append((field, message))
    if problems:
        order = list(LOG_FIELDS)
        problems.sort(key=lambda problem: order.index(problem[0]) if problem[0] in order else len(order))
        raise click.UsageError("\n".join(message for _, message in problems))
    store = context.store()
    with journal_errors(store):
        store.add(entry)
    say(_saved_line(entry, current))
    if leg_notice(entry) is LegNotice.EMERGENCY:
        say(BOTH_LEGS_POINTER)
