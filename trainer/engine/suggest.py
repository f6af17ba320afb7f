"""Which routine Home suggests today, and why (plain rules, shown to the person)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from trainer.catalog.models import Routine
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord

FLARE_UP_ROUTINE = "flare-up-gentle"
HIGH_PAIN = 7
"""From this 'pain now' on, the gentle flare-up routine is suggested instead."""
ROTATION = ("back-basics", "mobility-and-stretching", "core-and-back-strength")


@dataclass(frozen=True)
class Suggestion:
    routine: Routine
    reason: str


def suggest(routines: Mapping[str, Routine], recent: Sequence[AnyEntry], now: datetime) -> Suggestion | None:
    """``recent``: the last couple of weeks of entries, newest first."""
    latest_pain = next((entry for entry in recent if isinstance(entry, CheckIn)), None)
    if (
        latest_pain is not None
        and latest_pain.pain_now >= HIGH_PAIN
        and now - latest_pain.at < timedelta(hours=24)
        and FLARE_UP_ROUTINE in routines
    ):
        return Suggestion(routines[FLARE_UP_ROUTINE], f"your pain was {latest_pain.pain_now}/10 at your last check-in")
    done = {entry.routine_id: entry.at for entry in reversed(recent) if isinstance(entry, SessionRecord)}
    candidates = [routine_id for routine_id in ROTATION if routine_id in routines]
    if not candidates:
        return next((Suggestion(routine, "a place to start") for routine in routines.values()), None)
    never = [routine_id for routine_id in candidates if routine_id not in done]
    if never:
        reason = "a good place to start" if len(never) == len(candidates) else "you have not done it recently"
        return Suggestion(routines[never[0]], reason)
    oldest = min(candidates, key=lambda routine_id: done[routine_id])
    return Suggestion(routines[oldest], "the one you have done least recently")
