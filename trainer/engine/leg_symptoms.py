"""When a check-in's leg symptoms call for a word about getting help, and which word.

Numbness or weakness in a leg needs the leg-symptom check (an appointment today when new); any
symptom in both legs is on the emergency list. The notice is shown when the save brings it in:
an edit that only changes the pain does not ask again.
"""

from __future__ import annotations

from enum import Enum

from trainer.journal.models import CheckIn, LegSymptom

WORRYING: frozenset[LegSymptom] = frozenset({"numbness", "weakness"})


class LegNotice(Enum):
    CHECK = "check"
    """Numbness or weakness in a leg: the leg-symptom check."""
    EMERGENCY = "emergency"
    """Symptoms in both legs: the emergency list first."""


def both_legs(check_in: CheckIn | None) -> bool:
    return check_in is not None and check_in.leg_side == "both" and bool(check_in.leg_symptoms)


def leg_notice(new: CheckIn, old: CheckIn | None = None) -> LegNotice | None:
    """The notice a save of ``new`` (replacing ``old``, when an edit) calls for, or None."""
    added = (WORRYING & set(new.leg_symptoms)) - (set(old.leg_symptoms) if old is not None else set())
    if both_legs(new) and (not both_legs(old) or added):
        return LegNotice.EMERGENCY
    if added:
        return LegNotice.CHECK
    return None
