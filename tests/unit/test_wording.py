"""The shared wording helpers: one date style everywhere, counts, widths."""

from __future__ import annotations

import locale
from datetime import date, datetime, timedelta, timezone

import pytest

from trainer.wording import day_month, fit, format_date, format_moment, format_span

TODAY = date(2026, 11, 24)


def test_a_date_this_year_has_no_year_and_no_leading_zero() -> None:
    assert format_date(date(2026, 12, 1), TODAY) == "Tue 1 Dec"
    assert format_date(date(2025, 12, 1), TODAY) == "Mon 1 Dec 2025"
    assert format_date(date(2026, 12, 1)) == "Tue 1 Dec 2026"  # a report, read later, always has the year


def test_a_moment_has_the_date_style_and_the_time() -> None:
    moment = datetime(2026, 11, 3, 7, 5, tzinfo=timezone(timedelta(hours=1)))
    assert format_moment(moment, TODAY) == "Tue 3 Nov 07:05"
    assert format_moment(moment.replace(year=2025), TODAY) == "Mon 3 Nov 2025 07:05"


def test_a_span_across_a_year_names_both_years() -> None:
    assert format_span(date(2026, 10, 26), TODAY, TODAY) == "Mon 26 Oct to Tue 24 Nov"
    assert format_span(date(2025, 11, 25), TODAY, TODAY) == "Tue 25 Nov 2025 to Tue 24 Nov 2026"
    assert day_month(date(2026, 12, 1)) == "1 Dec"


def test_dates_do_not_follow_the_locale() -> None:
    for name in ("de_DE.UTF-8", "fr_FR.UTF-8"):
        try:
            locale.setlocale(locale.LC_TIME, name)
        except locale.Error:
            continue
        try:
            assert format_date(date(2026, 12, 1), TODAY) == "Tue 1 Dec"
        finally:
            locale.setlocale(locale.LC_TIME, "C")


@pytest.mark.parametrize(
    ("text", "width", "cut"),
    [("lower back centre", 10, "lower bac…"), ("short", 10, "short"), ("日本語のメモ", 7, "日本語…")],
)
def test_fit_cuts_with_an_ellipsis(text: str, width: int, cut: str) -> None:
    assert fit(text, width) == cut
