"""Small wording helpers every part shares: counts, days, durations and fitting text to a width.

Pure standard library, so the engine, the reports, the command line and the screens all say
"1 entry, 2 entries", "Tue 24 Nov 2026" and "1 min 30 s" the same way.

Dates have one style everywhere: the weekday, the day without a leading zero, the month, and the year
unless it is this year (``Tue 1 Dec``, ``Mon 30 Nov 2025``); a report, read later, always has the year.
Names are the app's own, never the locale's (``%a`` and ``%b`` follow ``LC_TIME``).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

THIS_WEEK = "This week (Mon–Sun)"
"""The one meaning of "this week" (Home, Trends, stats, the report): Monday to Sunday, named wherever it shows."""


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 entry``, ``2 entries`` (``many`` when adding an s is wrong)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def month_name(month: int) -> str:
    """``Nov`` for 11."""
    return _MONTHS[month - 1]


def day_month(day: date) -> str:
    """``24 Nov``: for a chart's axis, where the weekday has no room."""
    return f"{day.day} {month_name(day.month)}"


def format_date(day: date, today: date | None = None) -> str:
    """``Tue 24 Nov 2026``; ``Tue 24 Nov`` when ``today`` is given and in the same year."""
    text = f"{_WEEKDAYS[day.weekday()]} {day_month(day)}"
    return text if today is not None and today.year == day.year else f"{text} {day.year}"


def format_moment(moment: datetime, now: date | None = None) -> str:
    """``Tue 24 Nov 21:00``, with the year when it is not ``now``'s (or when ``now`` is not given)."""
    day = moment.date()
    return f"{format_date(day, now)} {moment:%H:%M}"


def format_span(first: date, last: date, today: date | None = None) -> str:
    """``Mon 26 Oct to Tue 24 Nov``: the years on both ends when the span crosses one, or is not this year."""
    crosses = first.year != last.year
    return f"{format_date(first, None if crosses else today)} to {format_date(last, None if crosses else today)}"


def format_seconds(seconds: float) -> str:
    """``45`` -> ``45 s``; ``90`` -> ``1 min 30 s``; ``600`` -> ``10 min``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


def spoken_seconds(seconds: float) -> str:
    """``format_seconds`` in words a screen reader says well: ``3 seconds``, ``1 minute 30 seconds``."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    parts = [plural(minutes, "minute")] if minutes else []
    if rest or not minutes:
        parts.append(plural(rest, "second"))
    return " ".join(parts)


def format_minutes(seconds: float) -> str:
    """A duration for lists, to the nearest minute (halves round up; never ``0 min``)."""
    return f"{max(1, int(seconds / 60 + 0.5))} min"


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (East Asian) characters take two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text
    )


def fit(text: str, width: int, ellipsis: str = "…") -> str:
    """``text`` cut to ``width`` terminal columns, ending in ``ellipsis`` when cut."""
    if display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        size = display_width(char)
        if used + size > width - display_width(ellipsis):
            break
        kept.append(char)
        used += size
    return "".join(kept) + ellipsis


def lower_first(text: str) -> str:
    """``Bird-dog`` -> ``bird-dog``, for a name in the middle of a sentence (``NHS`` stays as it is)."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def short_dose(sets: int, reps: int | None, hold_seconds: int | None, per_side: bool = False) -> str:
    """``2x6 each side, 3 s hold`` for reps (with the pause in each), ``3x20 s`` for holds."""
    return _dose_core(sets, reps, hold_seconds) + _dose_tail(reps, hold_seconds, per_side)


def _dose_core(sets: int, reps: int | None, hold_seconds: int | None) -> str:
    return f"{sets}x{reps}" if reps is not None else f"{sets}x{format_seconds(hold_seconds or 0)}"


def _dose_tail(reps: int | None, hold_seconds: int | None, per_side: bool) -> str:
    tail = " each side" if per_side else ""
    return tail + (f", {hold_seconds} s hold" if reps is not None and hold_seconds else "")


DoseParts = tuple[int, int | None, int | None, bool]
"""sets, reps, hold_seconds, per_side."""


def dose_change(before_name: str, before: DoseParts, after_name: str, after: DoseParts) -> str:
    """``bird-dog 1x6 -> 1x8 each side, 3 s hold``: what the two doses share is said once, at the end; a change
    of exercise names both (``glute bridge 3x15, 5 s hold -> single-leg glute bridge 2x5 each side, 2 s hold``)."""
    if before_name != after_name:
        return f"{before_name} {short_dose(*before)} -> {after_name} {short_dose(*after)}"
    tail_before, tail_after = _dose_tail(before[1], before[2], before[3]), _dose_tail(after[1], after[2], after[3])
    if tail_before == tail_after:
        return f"{before_name} {_dose_core(*before[:3])} -> {_dose_core(*after[:3])}{tail_after}"
    return f"{before_name} {short_dose(*before)} -> {short_dose(*after)}"
