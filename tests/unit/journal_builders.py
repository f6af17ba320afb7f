"""Small builders for journal entries in tests (a plain module: import it).

Days are given as ``nov(n)``: day ``n`` counted from 1 November 2026 (a
Sunday; 2 November is a Monday), so ``nov(31)`` is 1 December. All times are
timezone-aware UTC unless a test passes its own ``at``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from trainer.journal.models import CheckIn, GlobalChange, SessionRecord, WeeklyCheck

RECORDED = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)


def nov(n: int) -> date:
    return date(2026, 11, 1) + timedelta(days=n - 1)


def at(day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def check_in(day: date, pain: int, *, hour: int = 9, **fields: Any) -> CheckIn:
    fields.setdefault("at", at(day, hour))
    return CheckIn(pain_now=pain, recorded=RECORDED, **fields)


def check_ins(first: date, pains: list[int]) -> list[CheckIn]:
    """One check-in a day from ``first``, with these pains."""
    return [check_in(first + timedelta(days=offset), pain) for offset, pain in enumerate(pains)]


def session(day: date, minutes: int = 10, *, hour: int = 18, **fields: Any) -> SessionRecord:
    start = fields.pop("at", at(day, hour))
    fields.setdefault("title", "Gentle start")
    fields.setdefault("completion", 1.0)
    fields.setdefault("ended_how", "finished")
    return SessionRecord(at=start, ended=start + timedelta(minutes=minutes), recorded=RECORDED, **fields)


def weekly(
    day: date, activity: int = 4, enjoyment: int = 3, change: GlobalChange = "a-little-better", **fields: Any
) -> WeeklyCheck:
    fields.setdefault("at", at(day, 20))
    return WeeklyCheck(
        activity_interference=activity,
        enjoyment_interference=enjoyment,
        global_change=change,
        recorded=RECORDED,
        **fields,
    )
