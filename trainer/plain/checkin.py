"""A check-in in lines (``backtrainer --plain``, then c): the check-in form's questions, one at a time.

Each question takes a line; Enter skips every question but the first (the pain now). A list question takes
numbers separated by spaces. The entry is validated by the journal's model, the one place limits live, and
saved by the same store as the form's; a new leg symptom gets the same safety words as after the form.
"""

from __future__ import annotations

from pydantic import ValidationError

from trainer.engine.leg_symptoms import LegNotice, leg_notice
from trainer.journal.errors import JournalError
from trainer.journal.limits import explain
from trainer.journal.models import (
    HELPERS,
    LEG_SIDE_LABELS,
    LEG_SIDES,
    LEG_SYMPTOMS,
    LOCATION_LABELS,
    LOCATIONS,
    PAIN_AVERAGE_QUESTION,
    PAIN_NOW_QUESTION,
    CheckIn,
)
from trainer.plain.questions import LineKeys, Say, ask_choices, ask_minutes, ask_note, ask_number
from trainer.plain.run import PAIN_SCALE
from trainer.plain.session import SafetyLines
from trainer.services.core import Services


def check_in(services: Services, keys: LineKeys, say: Say) -> CheckIn | None:
    """Ask, validate and save one check-in; None when it was not saved (say says why)."""
    say("Check-in. Enter skips a question.")
    pain = ask_number(keys, say, f"{PAIN_NOW_QUESTION} {PAIN_SCALE}.")
    if pain is None:
        say("A check-in needs the pain now: nothing saved.")
        return None
    values: dict[str, object] = {"pain_now": pain, "at": services.now()}
    values["pain_average"] = ask_number(keys, say, f"{PAIN_AVERAGE_QUESTION} {PAIN_SCALE}.")
    values["where"] = ask_choices(
        keys, say, "Where is the pain?", LOCATIONS, [LOCATION_LABELS[place] for place in LOCATIONS]
    )
    legs = ask_choices(keys, say, "Anything in a leg?", LEG_SYMPTOMS, list(LEG_SYMPTOMS))
    values["leg_symptoms"] = legs
    if legs:
        sides = ask_choices(keys, say, "Which leg?", LEG_SIDES, [LEG_SIDE_LABELS[side] for side in LEG_SIDES])
        values["leg_side"] = sides[0] if len(sides) == 1 else "both" if sides else None
    values["helped"] = ask_choices(keys, say, "What helped?", HELPERS, list(HELPERS))
    values["walked_minutes"] = ask_minutes(keys, say, "Minutes walked today?")
    values["sleep_quality"] = ask_number(keys, say, "How well did you sleep? 0 is very poor, 10 very good.")
    values["notes"] = ask_note(keys, say)
    try:
        entry = CheckIn.model_validate(values)
        services.journal.add(entry)
    except ValidationError as error:
        say(f"Not saved: {'; '.join(explain(detail) for detail in error.errors())}.")
        return None
    except JournalError as error:
        say(f"Not saved: {error}")
        return None
    say(f"Saved: pain {entry.pain_now} of 10.")
    _leg_words(services, entry, say)
    return entry


def _leg_words(services: Services, entry: CheckIn, say: Say) -> None:
    """The words the form shows after a new leg symptom: when to get it checked, or the emergency list."""
    notice = leg_notice(entry)
    safety = services.catalog.safety
    if notice is LegNotice.CHECK:
        say(safety.leg_symptom_check)
    elif notice is LegNotice.EMERGENCY:
        say("Symptoms in both legs are on the emergency list:")
        for line in SafetyLines.from_safety(safety).get_help:
            say(line)
