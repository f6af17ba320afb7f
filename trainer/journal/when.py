"""Read the times people type on the command line: ``--at`` and ``--since``.

Accepted forms (case does not matter, extra spaces are fine)::

    now
    today | yesterday [HH:MM]
    N days ago [HH:MM]              (also "1 day ago")
    monday ... sunday [HH:MM]       (also mon ... sun, optionally after "last")
    HH:MM                           (today at that time)
    YYYY-MM-DD [HH:MM[:SS]]         (a space or "T" between; optional "Z" or "+01:00" after the time)

A weekday name means the most recent *past* one: today is excluded, so on a
Tuesday "tuesday" means a week ago and "monday" yesterday (say "today" for
today). A day without a time means, for ``--at``, the same clock time as now
on that day and, with ``start_of_day=True`` (``--since``), its midnight.

Values without an offset are local: they are read in ``now``'s time zone, and
every result is returned in that zone. When ``now`` carries a fixed UTC offset
(as ``datetime.now().astimezone()`` does), that offset is used for other days
too, so a back-dated time across a daylight-saving change is an hour off in
UTC terms (its clock time is still what was typed).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

EARLIEST_YEAR = 1900
"""No date before this year is read at all (``--since``)."""

EARLIEST_ENTRY = datetime(2000, 1, 1, tzinfo=UTC)
"""An entry (``log --at``, the form's When, an imported entry) cannot be dated before this: 1926 is a typo."""
FUTURE_ALLOWANCE = timedelta(hours=1)
"""How far past this machine's clock an imported entry may be (another device's clock may run a little fast)."""

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

ACCEPTED_FORMS = (
    "now, today, yesterday, 3 days ago, monday (the last Monday before today), 21:00, today 21:00, "
    "yesterday 08:30, 2 days ago 07:15, 2026-11-20, 2026-11-20 21:00, 2026-11-20T21:00+01:00"
)

_TIME = r"(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
_RELATIVE = re.compile(r"^(?P<day>now|today|yesterday|tomorrow|(?P<count>\d+) days? ago)(?: " + _TIME + r")?$")
_WEEKDAY = re.compile(r"^(?:last )?(?P<weekday>[a-z]+)(?: " + _TIME + r")?$")
_CLOCK = re.compile(r"^" + _TIME + r"$")
_ISO = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{2})-(?P<mday>\d{2})"
    r"(?:[ t]" + _TIME + r"(?P<offset>z|[+-]\d{2}:?\d{2})?)?$"
)


def _fail(text: str, reason: str) -> ValueError:
    return ValueError(f"cannot read {text!r} as a date or time: {reason}. Accepted forms: {ACCEPTED_FORMS}")


def _clock(text: str, match: re.Match[str]) -> time | None:
    if match.group("hour") is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    second = int(match.group("second") or 0)
    if hour > 23:
        raise _fail(text, f"hour {hour} is not between 0 and 23")
    if minute > 59:
        raise _fail(text, f"minute {minute} is not between 0 and 59")
    if second > 59:
        raise _fail(text, f"second {second} is not between 0 and 59")
    return time(hour, minute, second)


def _offset(text: str, raw: str) -> tzinfo:
    if raw == "z":
        return UTC
    digits = raw[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:])
    if hours > 23 or minutes > 59:
        raise _fail(text, f"the UTC offset {raw} is not a real offset")
    delta = timedelta(hours=hours, minutes=minutes)
    return timezone(-delta if raw[0] == "-" else delta)


def _weekday(name: str) -> int | None:
    """0 for Monday ... 6 for Sunday; accepts full names and 3-letter (or longer) prefixes."""
    if len(name) < 3:
        return None
    for index, weekday in enumerate(WEEKDAYS):
        if weekday.startswith(name):
            return index
    return None


def _on_day(day: date, clock: time | None, now: datetime, start_of_day: bool) -> datetime:
    if clock is None:
        clock = time(0, 0) if start_of_day else now.timetz().replace(tzinfo=None)
    return datetime.combine(day, clock, tzinfo=now.tzinfo)


def _parse(text: str, cleaned: str, now: datetime, start_of_day: bool) -> datetime:
    today = now.date()
    if match := _RELATIVE.match(cleaned):
        word, clock = match.group("day"), _clock(text, match)
        if word == "now":
            if clock is not None:
                raise _fail(text, "'now' takes no time")
            return now
        if word == "today":
            return now if clock is None and not start_of_day else _on_day(today, clock, now, start_of_day)
        if word == "tomorrow":  # not advertised: only --since/--at with allow_future can use it
            return _on_day(today + timedelta(days=1), clock, now, start_of_day)
        days = 1 if word == "yesterday" else int(match.group("count"))
        if days > (today - date(EARLIEST_YEAR, 1, 1)).days:
            raise _fail(text, f"that is before {EARLIEST_YEAR}")
        if days == 0 and clock is None and not start_of_day:
            return now
        return _on_day(today - timedelta(days=days), clock, now, start_of_day)
    if match := _CLOCK.match(cleaned):
        return _on_day(today, _clock(text, match), now, start_of_day)
    if match := _ISO.match(cleaned):
        try:
            day = date(int(match.group("year")), int(match.group("month")), int(match.group("mday")))
        except ValueError as error:
            raise _fail(text, f"there is no such date ({error})") from None
        if day.year < EARLIEST_YEAR:
            raise _fail(text, f"dates before {EARLIEST_YEAR} are not accepted")
        clock = _clock(text, match)
        if clock is None:
            return _on_day(day, None, now, start_of_day)
        raw_offset = match.group("offset")
        if raw_offset is None:
            return datetime.combine(day, clock, tzinfo=now.tzinfo)
        return datetime.combine(day, clock, tzinfo=_offset(text, raw_offset)).astimezone(now.tzinfo)
    if match := _WEEKDAY.match(cleaned):
        weekday = _weekday(match.group("weekday"))
        if weekday is not None:
            back = (today.weekday() - weekday - 1) % 7 + 1  # 1..7: today itself is excluded
            return _on_day(today - timedelta(days=back), _clock(text, match), now, start_of_day)
    raise _fail(text, "this is not one of the accepted forms")


def parse_when(text: str, now: datetime, *, start_of_day: bool = False, allow_future: bool = False) -> datetime:
    """The moment ``text`` names, as an aware datetime in ``now``'s time zone.

    ``start_of_day``: a day without a time means its midnight (for ``--since``)
    rather than the current clock time on that day (for ``--at``).
    ``allow_future``: unless true, a moment after ``now`` is refused.
    Raises ``ValueError`` naming what was given and listing the accepted forms.
    """
    if now.tzinfo is None or now.utcoffset() is None:
        raise TypeError("parse_when needs an aware 'now'")
    cleaned = " ".join(text.split()).lower()
    if not cleaned:
        raise _fail(text, "it is empty")
    moment = _parse(text, cleaned, now, start_of_day)
    if not allow_future and moment > now:
        hint = ""
        if _CLOCK.match(cleaned) or cleaned.startswith("today "):
            hint = f" (for yesterday, say 'yesterday {cleaned.removeprefix('today ')}')"
        raise ValueError(
            f"{text.strip()!r} is in the future ({moment:%Y-%m-%d %H:%M}; it is now {now:%Y-%m-%d %H:%M}){hint}"
        )
    return moment


def entry_time_problem(moment: datetime, now: datetime, *, allowance: timedelta = FUTURE_ALLOWANCE) -> str | None:
    """Why an entry cannot be dated ``moment``, or None: from 1 January 2000 up to ``now`` (plus ``allowance``)."""
    if moment < EARLIEST_ENTRY:
        return (
            f"{moment:%Y-%m-%d} is before 1 January {EARLIEST_ENTRY.year}, the earliest date an entry can have "
            "(is the year a typo?)"
        )
    if moment > now + allowance:
        return f"{moment:%Y-%m-%d %H:%M} is in the future (it is now {now:%Y-%m-%d %H:%M})"
    return None
