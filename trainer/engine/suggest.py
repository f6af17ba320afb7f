"""Which routine Home suggests today, and why (plain rules, shown to the person).

The routines come from content (``routines.json`` ``suggestions``), never from code:

1. on a bad day (a check-in of 7 or more in the last 24 hours), the flare-up routine;
2. until the gentle start has been done a few times without a flare, the gentle start;
3. then the rotation, the one done least recently first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from trainer.catalog.models import Routine, Suggestions
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord

HIGH_PAIN = 7
"""From this 'pain now' on, the gentle flare-up routine is suggested instead."""
FLARE_POINTS = 2
"""Pain during or after a session more than this many points above the pain before it is a flare
(the one pain rule: about 2 points above usual is fine)."""
LOOK_BACK_DAYS = 28
"""How far back Home looks at sessions when it suggests (pass at least this much of the journal)."""


@dataclass(frozen=True)
class Suggestion:
    routine: Routine
    reason: str


def flared(record: SessionRecord) -> bool:
    """Stopped for pain, or pain rose more than about 2 points above where it started."""
    if record.ended_how == "stopped-pain":
        return True
    worst = max((pain for pain in (record.pain_peak, record.pain_after) if pain is not None), default=None)
    return record.pain_before is not None and worst is not None and worst > record.pain_before + FLARE_POINTS


def done_without_flare(record: SessionRecord) -> bool:
    """A session that counts towards moving on from the gentle start: most of it done, and no flare."""
    return record.completion >= 0.5 and not flared(record)


def suggest(
    routines: Mapping[str, Routine], suggestions: Suggestions, recent: Sequence[AnyEntry], now: datetime
) -> Suggestion | None:
    """``recent``: the last ``LOOK_BACK_DAYS`` days of entries, newest first."""
    latest_pain = next((entry for entry in recent if isinstance(entry, CheckIn)), None)
    flare_up = routines.get(suggestions.flare_up)
    if (
        latest_pain is not None
        and latest_pain.pain_now >= HIGH_PAIN
        and now - latest_pain.at < timedelta(hours=24)
        and flare_up is not None
    ):
        return Suggestion(flare_up, f"your pain was {latest_pain.pain_now}/10 at your last check-in")
    sessions = [entry for entry in recent if isinstance(entry, SessionRecord)]
    start = routines.get(suggestions.start_with)
    if start is not None:
        done = sum(1 for record in sessions if record.routine_id == start.id and done_without_flare(record))
        if done < suggestions.start_sessions:
            progress = f" ({done} of {suggestions.start_sessions} done)" if done else ""
            return Suggestion(start, f"a gentle, safe way to begin{progress}")
    last_done = {record.routine_id: record.at for record in reversed(sessions)}
    candidates = [routine_id for routine_id in suggestions.rotation if routine_id in routines]
    if not candidates:
        return Suggestion(start, "a place to start") if start is not None else None
    never = [routine_id for routine_id in candidates if routine_id not in last_done]
    if never:
        reason = "a good next step" if len(never) == len(candidates) else "you have not done it recently"
        return Suggestion(routines[never[0]], reason)
    oldest = min(candidates, key=lambda routine_id: last_done[routine_id])
    return Suggestion(routines[oldest], "the one you have done least recently")
