"""``parse_target_day``: the forms a goal's date may take, and every refusal in words."""

from __future__ import annotations

from datetime import date

import pytest

from trainer.journal.goal_dates import parse_target_day, typed_day

TODAY = date(2026, 11, 24)  # a Tuesday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2027-02-20", date(2027, 2, 20)),
        ("20 Feb", date(2027, 2, 20)),  # without a year: the next one
        ("20 February 2027", date(2027, 2, 20)),
        ("Sat 20 Feb", date(2027, 2, 20)),
        ("  sat,  20 feb 2027 ", date(2027, 2, 20)),
        ("3 Sept", date(2027, 9, 3)),
        ("24 Nov", TODAY),  # today is a day to come
        ("30 Dec", date(2026, 12, 30)),
        ("29 Feb", date(2028, 2, 29)),  # the next leap year's
        ("Sat 20 Feb 2027", date(2027, 2, 20)),
    ],
)
def test_the_accepted_forms(text: str, expected: date) -> None:
    assert parse_target_day(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("30 Feb", "there is no day '30 Feb'"),
        ("2027-13-01", "there is no day '2027-13-01'"),
        ("soon", "'soon' is not a date that can be read: write it like 20 Feb, 20 Feb 2027 or 2027-02-20"),
        ("20 Fbr", "'fbr' is not a month"),
        ("Mon 20 Feb", "20 Feb 2027 is a Saturday, not a Monday"),
        ("Xyz 20 Feb", "'xyz' is not a day of the week"),
        ("2026-11-23", "23 Nov 2026 has passed: choose today or a day to come"),
        ("2040-01-01", "1 Jan 2040 is more than 5 years away: is the year right?"),
        ("", "'' is not a date that can be read"),
    ],
)
def test_refusals_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ValueError, match="^" + message.replace("?", r"\?")):
        parse_target_day(text, TODAY)


def test_a_day_as_typed_reads_back_as_the_same_day() -> None:
    for day, typed in (
        (date(2027, 2, 20), "20 Feb 2027"),
        (date(2026, 12, 1), "1 Dec 2026"),
        (date(2031, 1, 9), "9 Jan 2031"),
    ):
        assert typed_day(day) == typed
        assert parse_target_day(typed, TODAY) == day
