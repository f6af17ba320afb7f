"""Small wording helpers every part shares: counts, days, durations and fitting text to a width.

Pure standard library, so the engine, the reports, the command line and the screens all say
"1 entry, 2 entries", "24 Nov 2026" and "1 min 30 s" the same way.
"""

from __future__ import annotations

import unicodedata
from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 entry``, ``2 entries`` (``many`` when adding an s is wrong)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def format_day(day: date) -> str:
    """``24 Nov 2026``: unambiguous and independent of the locale."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def format_seconds(seconds: float) -> str:
    """``45`` -> ``45 s``; ``90`` -> ``1 min 30 s``; ``600`` -> ``10 min``."""
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")


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
