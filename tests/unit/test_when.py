"""``parse_when``: every accepted form of --at / --since, and every refusal."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from trainer.journal.when import parse_when

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 18, 30, 15, tzinfo=ZONE)  # a Tuesday evening


def at(day: int, hour: int, minute: int = 0, second: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, second, tzinfo=ZONE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("NOW", NOW),
        ("today", NOW),
        ("today 08:15", at(24, 8, 15)),
        ("  Today    8:15 ", at(24, 8, 15)),
        ("yesterday", at(23, 18, 30, 15)),
        ("yesterday 21:00", at(23, 21)),
        ("YESTERDAY 21:00:30", at(23, 21, 0, 30)),
        ("0 days ago", NOW),
        ("1 day ago", at(23, 18, 30, 15)),
        ("3 days ago", at(21, 18, 30, 15)),
        ("3 days ago 07:05", at(21, 7, 5)),
        ("monday", at(23, 18, 30, 15)),
        ("tuesday", at(17, 18, 30, 15)),  # today is excluded: a week ago
        ("wednesday 09:00", at(18, 9)),
        ("sun 10:00", at(22, 10)),
        ("last fri", at(20, 18, 30, 15)),
        ("Last Thursday 23:59", at(19, 23, 59)),
        ("09:30", at(24, 9, 30)),
        ("9:05", at(24, 9, 5)),
        ("0:00", at(24, 0, 0)),
        ("2026-11-20", at(20, 18, 30, 15)),
        ("2026-11-20 21:00", at(20, 21)),
        ("2026-11-20T21:00", at(20, 21)),
        ("2026-11-20t21:00", at(20, 21)),
        ("2026-11-20 21:00:45", at(20, 21, 0, 45)),
        ("2026-11-20T21:00Z", at(20, 22)),
        ("2026-11-20 21:00+03:00", at(20, 19)),
        ("2026-11-20T21:00-0500", at(21, 3)),
        ("2025-12-31 23:00", datetime(2025, 12, 31, 23, 0, tzinfo=ZONE)),
    ],
)
def test_accepted_forms_for_at(text: str, expected: datetime) -> None:
    moment = parse_when(text, NOW)
    assert moment == expected
    assert moment.utcoffset() == timedelta(hours=1), "results are in now's zone"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", NOW),
        ("today", at(24, 0)),
        ("today 08:15", at(24, 8, 15)),
        ("yesterday", at(23, 0)),
        ("2 days ago", at(22, 0)),
        ("0 days ago", at(24, 0)),
        ("monday", at(23, 0)),
        ("tuesday", at(17, 0)),
        ("2026-11-01", at(1, 0)),
        ("2026-11-01 12:00", at(1, 12)),
        ("10:00", at(24, 10)),
    ],
)
def test_start_of_day_for_since(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW, start_of_day=True) == expected


def test_every_weekday_is_one_to_seven_days_back() -> None:
    names = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    for name in names:
        moment = parse_when(name, NOW)
        assert 1 <= (NOW.date() - moment.date()).days <= 7
        assert moment.strftime("%A").lower() == name


def test_naive_values_use_nows_zone_whatever_it_is() -> None:
    other = NOW.astimezone(timezone(timedelta(hours=-7)))
    moment = parse_when("2026-11-20 21:00", other)
    assert moment.utcoffset() == timedelta(hours=-7)
    assert (moment.hour, moment.minute) == (21, 0)


def test_future_is_refused_unless_allowed() -> None:
    with pytest.raises(ValueError, match=r"'23:00' is in the future .*yesterday 23:00"):
        parse_when("23:00", NOW)
    assert parse_when("23:00", NOW, allow_future=True) == at(24, 23)
    with pytest.raises(ValueError, match="in the future"):
        parse_when("tomorrow", NOW)
    with pytest.raises(ValueError, match="in the future"):
        parse_when("2026-11-25", NOW, start_of_day=True)
    with pytest.raises(ValueError, match="in the future"):
        parse_when("2026-11-24 18:00Z", NOW)  # 19:00 here


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "it is empty"),
        ("   ", "it is empty"),
        ("next week", "not one of the accepted forms"),
        ("yesterday 7", "not one of the accepted forms"),
        ("3 days", "not one of the accepted forms"),
        ("24:00", "hour 24 is not between 0 and 23"),
        ("today 25:10", "hour 25 is not between 0 and 23"),
        ("12:60", "minute 60 is not between 0 and 59"),
        ("12:30:61", "second 61 is not between 0 and 59"),
        ("2026-13-01", "there is no such date"),
        ("2026-02-30", "there is no such date"),
        ("2026-11-20 24:00", "hour 24"),
        ("2026-11-20Z", "not one of the accepted forms"),
        ("2026-11-20 21:00+25:00", "not a real offset"),
        ("20261120", "not one of the accepted forms"),
        ("1850-01-01", "before 1900"),
        ("99999999 days ago", "before 1900"),
        ("now 21:00", "'now' takes no time"),
        ("mo", "not one of the accepted forms"),
        ("funday", "not one of the accepted forms"),
    ],
)
def test_refusals_name_the_input_and_list_the_forms(text: str, reason: str) -> None:
    with pytest.raises(ValueError) as raised:
        parse_when(text, NOW, allow_future=True)
    message = str(raised.value)
    assert repr(text) in message
    assert reason in message
    assert "Accepted forms: now, today, yesterday, 3 days ago" in message
    assert "2026-11-20 21:00" in message


def test_a_naive_now_is_a_programming_error() -> None:
    with pytest.raises(TypeError):
        parse_when("now", NOW.replace(tzinfo=None))
