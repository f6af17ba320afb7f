"""Read the day a person types as a goal's target: ``20 Feb``, ``20 February 2027``, ``Sat 20 Feb`` or
``2027-02-20`` (case does not matter, extra spaces and commas are fine).

A day without a year is the next one from today on (on 24 Nov, ``20 Feb`` is next February's). A target
is a day still to come: today or later, and at most ``FARTHEST_YEARS`` years away. A weekday, when given,
must be that day's. ``typed_day`` writes a day the way it is read back, for a form filled to be changed.

Pure standard library: the getting-started screen and any command can share it.
"""

from __future__ import annotations

import re
from datetime import date

FARTHEST_YEARS = 5
"""A target further away than this is most likely a typo in the year."""

EXAMPLES = "20 Feb, 20 Feb 2027 or 2027-02-20"

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ISO = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<mday>\d{1,2})$")
_DAY_MONTH = re.compile(r"^(?:(?P<weekday>[a-z]+) )?(?P<mday>\d{1,2}) (?P<month>[a-z]+)\.?(?: (?P<year>\d{4}))?$")


def _month(word: str) -> int | None:
    """1-12 for ``feb``, ``february`` (``sept`` too), or None."""
    if word in _MONTH_NAMES:
        return _MONTH_NAMES.index(word) + 1
    if word[:3] in _MONTHS and _MONTH_NAMES[_MONTHS.index(word[:3])].startswith(word):
        return _MONTHS.index(word[:3]) + 1
    return None


def _weekday(word: str) -> int | None:
    found = [index for index, name in enumerate(_WEEKDAYS) if len(word) >= 3 and name.startswith(word)]
    return found[0] if len(found) == 1 else None


def _day(year: int, month: int, mday: int, text: str) -> date:
    try:
        return date(year, month, mday)
    except ValueError:
        raise ValueError(f"there is no day {text.strip()!r}") from None


def parse_target_day(text: str, today: date) -> date:
    """The day ``text`` names, today or later. Raises ``ValueError`` with what is wrong, in words that can
    follow a field's name ("Goal 1, by when: ...")."""
    cleaned = " ".join(text.replace(",", " ").split()).lower()
    if match := _ISO.match(cleaned):
        day = _day(int(match["year"]), int(match["month"]), int(match["mday"]), text)
    elif match := _DAY_MONTH.match(cleaned):
        month = _month(match["month"])
        if month is None:
            raise ValueError(f"{match['month']!r} is not a month: write a date like {EXAMPLES}")
        mday = int(match["mday"])
        if match["year"] is not None:
            day = _day(int(match["year"]), month, mday, text)
        else:
            day = _next_day(month, mday, today, text)
        if match["weekday"] is not None:
            weekday = _weekday(match["weekday"])
            if weekday is None:
                raise ValueError(f"{match['weekday']!r} is not a day of the week: write a date like {EXAMPLES}")
            if weekday != day.weekday():
                raise ValueError(
                    f"{typed_day(day)} is a {_WEEKDAYS[day.weekday()].capitalize()}, "
                    f"not a {_WEEKDAYS[weekday].capitalize()}"
                )
    else:
        shown = text.strip()
        raise ValueError(f"{shown!r} is not a date that can be read: write it like {EXAMPLES}")
    if day < today:
        raise ValueError(f"{typed_day(day)} has passed: choose today or a day to come")
    if day.year > today.year + FARTHEST_YEARS or (day - today).days > 366 * FARTHEST_YEARS:
        raise ValueError(f"{typed_day(day)} is more than {FARTHEST_YEARS} years away: is the year right?")
    return day


def _next_day(month: int, mday: int, today: date, text: str) -> date:
    """The next ``mday`` of ``month`` from today on (29 Feb: the next leap year's)."""
    for year in range(today.year, today.year + 9):
        try:
            day = date(year, month, mday)
        except ValueError:
            continue
        if day >= today:
            return day
    raise ValueError(f"there is no day {text.strip()!r}")


def typed_day(day: date) -> str:
    """``20 Feb 2027``: how a day is written in a field, so it reads back as the same day."""
    return f"{day.day} {_MONTHS[day.month - 1].capitalize()} {day.year}"
