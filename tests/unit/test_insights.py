"""Trends from hand-built journals: daily series, meaningful change, weeks, streaks, summaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tests.unit.journal_builders import check_in, check_ins, nov, session, weekly
from trainer.engine.insights import (
    DayGroup,
    DayPoint,
    PainChange,
    Streaks,
    WeekCount,
    daily_series,
    pain_change,
    pain_on_session_days,
    sessions_by_week,
    streaks,
    summarize,
    week_start,
    window_average,
)
from trainer.reports.summary import summary_lines

TODAY = nov(20)  # a Friday; the last 7 days are nov(14)..nov(20)


def compare(baseline: list[int], current: list[int], first: date | None = None) -> PainChange:
    """The first week's check-ins from ``first`` (default nov(1)), the current ones ending TODAY."""
    first = first or nov(1)
    latest = check_ins(TODAY - timedelta(days=len(current) - 1), current)
    return pain_change(check_ins(first, baseline) + latest, TODAY)


# --- daily series ----------------------------------------------------------------


def test_daily_pain_is_the_mean_of_that_days_check_ins() -> None:
    entries = [check_in(nov(3), 4, hour=8), check_in(nov(3), 7, hour=20), check_in(nov(5), 2)]
    points = daily_series(entries, nov(3), nov(5))
    assert [(p.day, p.pain, p.check_ins) for p in points] == [(nov(3), 5.5, 2), (nov(4), None, 0), (nov(5), 2.0, 1)]


def test_rolling_average_needs_three_days_with_a_value_in_the_last_seven() -> None:
    entries = [check_in(nov(1), 2), check_in(nov(3), 4), check_in(nov(5), 6)]
    rolling = {p.day: p.rolling for p in daily_series(entries, nov(1), nov(9))}
    assert rolling[nov(3)] is None  # two days so far
    assert rolling[nov(4)] is None
    assert rolling[nov(5)] == 4.0
    assert rolling[nov(7)] == 4.0  # nov(1)..nov(7)
    assert rolling[nov(8)] is None  # nov(1) has left the window: two days remain


def test_rolling_average_weights_days_not_check_ins_and_looks_before_start() -> None:
    entries = [check_in(nov(1), 0, hour=8), check_in(nov(1), 10, hour=20), check_in(nov(2), 2), check_in(nov(3), 2)]
    [point] = daily_series(entries, nov(3), nov(3))
    assert point.rolling == 3.0  # (5 + 2 + 2) / 3, not (0 + 10 + 2 + 2) / 4


def test_session_days_are_marked_even_without_a_check_in() -> None:
    entries = [session(nov(2)), check_in(nov(3), 5)]
    points = daily_series(entries, nov(1), nov(3))
    assert [(p.session, p.pain) for p in points] == [(False, None), (True, None), (False, 5.0)]


def test_the_day_is_the_local_calendar_day_of_the_entry() -> None:
    late_evening = datetime(2026, 11, 3, 23, 30, tzinfo=timezone(timedelta(hours=-5)))  # 04:30 UTC on nov(4)
    points = daily_series([check_in(nov(3), 6, at=late_evening)], nov(3), nov(4))
    assert [p.pain for p in points] == [6.0, None]


def test_daily_series_of_an_empty_journal() -> None:
    assert daily_series([], nov(1), nov(2)) == [
        DayPoint(nov(1), None, None, False, 0),
        DayPoint(nov(2), None, None, False, 0),
    ]
    assert daily_series([], nov(2), nov(1)) == []


def test_window_average_counts_check_ins_in_the_window_only() -> None:
    entries = [check_in(nov(1), 9), check_in(nov(2), 3), check_in(nov(2), 4), session(nov(2)), check_in(nov(3), 9)]
    window = window_average(entries, nov(2), nov(2))
    assert (window.average, window.entries) == (3.5, 2)


# --- meaningful change -----------------------------------------------------------------


def test_two_points_and_more_than_thirty_percent_is_meaningful() -> None:
    change = compare([6, 6, 6, 6], [4, 4, 4, 4])
    assert change.baseline.start == nov(1) and change.baseline.end == nov(7)
    assert change.current.start == nov(14) and change.current.end == nov(20)
    assert (change.points, round(change.percent or 0, 2)) == (2.0, 33.33)
    assert change.enough_data and change.meaningful and not change.low_baseline
    assert change.describe() == (
        "Your average pain over the last 7 days is 4.0, down 2.0 points (33%) from your first week (6.0). "
        "That is a meaningful improvement."
    )


def test_exactly_thirty_percent_with_more_than_two_points_is_meaningful() -> None:
    change = compare([10, 10, 10, 10], [7, 7, 7, 7])
    assert (change.points, change.percent) == (3.0, 30.0)
    assert change.meaningful


def test_exactly_both_thresholds_is_meaningful_despite_float_error() -> None:
    change = compare([7, 7, 7, 6, 6, 7], [5, 5, 5, 4, 4, 5])  # 6.67 -> 4.67
    assert change.points == pytest.approx(2.0) and change.percent == pytest.approx(30.0)
    assert change.meaningful
    assert change.change_text() == "down 2.0 points (30%)"


def test_two_points_but_only_25_percent_is_a_real_fall_but_not_meaningful() -> None:
    change = compare([8, 8, 8, 8], [6, 6, 6, 6])
    assert (change.points, change.percent) == (2.0, 25.0)
    assert change.enough_data and not change.meaningful
    assert change.describe() == (
        "Your average pain over the last 7 days is 6.0, down 2.0 points (25%) from your first week (8.0). "
        "A real fall, but under 30% of where you started, so not yet what counts as a meaningful improvement "
        "(at least 2 points and 30%)."
    )


def test_over_thirty_percent_but_only_one_and_a_half_points_is_not_meaningful() -> None:
    change = compare([4, 4, 4, 4], [2, 3, 2, 3])
    assert (change.points, change.percent) == (1.5, 37.5)
    assert not change.meaningful and not change.low_baseline


def test_a_change_just_under_a_threshold_is_never_shown_as_reaching_it() -> None:
    under_points = compare([6, 6, 6, 6, 7], [4, 4, 4, 5])  # 6.2 -> 4.25: 1.95 points, 31.5%
    assert under_points.points == pytest.approx(1.95)
    assert not under_points.meaningful
    assert under_points.change_text() == "down 1.9 points (31%)"
    under_share = compare([7, 7, 7, 6], [5, 5, 5, 4])  # 6.75 -> 4.75: 2 points, 29.6%
    assert not under_share.meaningful
    assert under_share.change_text() == "down 2.0 points (29%)"
    elsewhere = compare([6, 6, 6, 6], [4, 4, 4, 5])  # 1.75 points, 29.2%: ordinary rounding
    assert elsewhere.change_text() == "down 1.8 points (29%)"


def test_one_point_is_described_as_a_small_change() -> None:
    change = compare([6, 6, 6, 6], [5, 5, 5, 5])
    assert change.change_text() == "down 1.0 point (17%)"
    assert "That is a small change" in change.describe()


def test_three_check_ins_in_a_window_is_not_enough() -> None:
    change = compare([8, 8, 8, 8], [2, 2, 2])
    assert change.points == 6.0
    assert not change.enough_data and not change.meaningful
    assert change.describe() == (
        "Not enough check-ins yet: log at least 4 in a week to compare (first week: 4, last 7 days: 3)."
    )
    assert not compare([8, 8, 8], [2, 2, 2, 2]).enough_data


def test_windows_overlap_until_the_first_check_in_is_13_days_back() -> None:
    overlapping = compare([8, 8, 8, 8], [2, 2, 2, 2], first=TODAY - timedelta(days=12))
    assert overlapping.baseline.end == nov(14) == overlapping.current.start
    assert not overlapping.enough_data and not overlapping.meaningful
    assert overlapping.describe().startswith("Not enough check-ins yet to compare: your first week is compared")
    separate = compare([8, 8, 8, 8], [2, 2, 2, 2], first=TODAY - timedelta(days=13))
    assert separate.enough_data and separate.meaningful


def test_low_baseline_is_flagged_and_explained() -> None:
    change = compare([3, 3, 3, 3], [2, 2, 2, 2])
    assert change.low_baseline and not change.meaningful
    assert change.describe() == (
        "Your average pain over the last 7 days is 2.0, down 1.0 point (33%) from your first week (3.0). "
        "That is a small change in points, but your first week was already low, so a 2-point fall may be out "
        "of reach: the percentage shows your progress."
    )
    assert not compare([4, 3, 3, 3], [2, 2, 2, 2]).low_baseline  # 3.25


def test_rising_pain_is_described_calmly_with_a_pointer_to_help() -> None:
    change = compare([3, 3, 3, 3], [5, 5, 4, 4])
    assert (change.points, change.percent) == (-1.5, -50.0)
    assert not change.meaningful
    assert change.describe() == (
        "Your average pain over the last 7 days is 4.5, up 1.5 points (50%) from your first week (3.0). "
        "Pain often goes up and down; if it keeps rising, look at 'When to get help'."
    )


def test_a_zero_baseline_has_no_percentage() -> None:
    change = compare([0, 0, 0, 0], [1, 1, 1, 1])
    assert (change.points, change.percent) == (-1.0, None)
    assert change.change_text() == "up 1.0 point"


def test_no_change_is_about_the_same() -> None:
    change = compare([5, 5, 5, 5], [5, 5, 5, 5])
    assert change.describe() == (
        "Your average pain over the last 7 days is 5.0, about the same as your first week (5.0). "
        "Day-to-day swings are normal; the 7-day average shows the trend."
    )


def test_check_ins_after_today_are_left_out() -> None:
    change = pain_change(check_ins(nov(1), [6, 6, 6, 6]) + [check_in(nov(21), 0)], TODAY)
    assert change.current.entries == 0 and change.current.average is None


def test_no_check_ins_at_all() -> None:
    change = pain_change([session(nov(19))], TODAY)
    assert (change.points, change.percent, change.enough_data, change.meaningful) == (None, None, False, False)
    assert change.describe() == "Not enough check-ins yet: log at least 4 in a week to compare weeks."


# --- weeks and streaks -----------------------------------------------------------------


def test_week_start_is_monday() -> None:
    assert [week_start(nov(n)) for n in (1, 2, 8, 9, 24)] == [nov(-5), nov(2), nov(2), nov(9), nov(23)]


def test_sessions_are_counted_in_monday_to_sunday_weeks() -> None:
    entries = [session(nov(n)) for n in (8, 15, 16, 22, 23, 24)] + [check_in(nov(16), 3)]
    weeks = sessions_by_week(entries, nov(24), weeks=3, goal=2)
    assert weeks == [WeekCount(nov(9), 1, 2), WeekCount(nov(16), 2, 2), WeekCount(nov(23), 2, 2)]
    assert [week.met for week in weeks] == [False, True, True]
    assert sessions_by_week(entries, nov(24), weeks=0, goal=2) == []


def test_current_streak_ends_today_and_a_gap_breaks_it() -> None:
    entries = [check_in(nov(n), 3) for n in range(1, 8)] + [check_in(nov(18), 3)]
    entries += [check_in(nov(20), 3), session(nov(21)), weekly(nov(22)), check_in(nov(23), 3), check_in(nov(24), 3)]
    found = streaks(entries, nov(24), goal=3)
    assert (found.current_days, found.longest_days) == (5, 7)


def test_nothing_logged_yet_today_keeps_yesterdays_streak() -> None:
    entries = [check_in(nov(n), 3) for n in (21, 22, 23)]
    assert streaks(entries, nov(24), goal=3).current_days == 3
    assert streaks(entries[:2], nov(24), goal=3).current_days == 0


def test_weeks_meeting_the_goal_in_a_row() -> None:
    sessions = [session(nov(n)) for n in (2, 3, 10, 16, 17)]  # weeks of nov 2: 2, nov 9: 1, nov 16: 2
    assert streaks(sessions, nov(24), goal=2).weeks_goal_met == 1  # nov 16 only; this week not met yet
    this_week = sessions + [session(nov(23)), session(nov(24))]
    assert streaks(this_week, nov(24), goal=2).weeks_goal_met == 2
    assert streaks(this_week + [session(nov(11))], nov(24), goal=2).weeks_goal_met == 4


def test_streaks_of_an_empty_journal() -> None:
    assert streaks([], nov(24), goal=3) == Streaks(0, 0, 0)


# --- session days ----------------------------------------------------------------------


def test_pain_on_session_days_vs_other_days() -> None:
    entries = [
        check_in(nov(1), 4),
        session(nov(1)),
        check_in(nov(2), 6),
        check_in(nov(2), 8, hour=20),
        check_in(nov(3), 2),
        session(nov(3)),
        session(nov(4)),  # no check-in: not counted
        check_in(nov(5), 5),
        check_in(nov(9), 10),  # outside the range
    ]
    found = pain_on_session_days(entries, nov(1), nov(8))
    assert found.with_session == DayGroup(3.0, 2)
    assert found.without_session == DayGroup(6.0, 2)


def test_pain_on_session_days_without_check_ins() -> None:
    found = pain_on_session_days([session(nov(1))], nov(1), nov(2))
    assert (found.with_session, found.without_session) == (DayGroup(None, 0), DayGroup(None, 0))


# --- summary ---------------------------------------------------------------------------


def test_summary_of_an_empty_journal() -> None:
    summary = summarize([], nov(24))
    assert (summary.start, summary.end, summary.check_ins, summary.sessions) == (nov(-5), nov(24), 0, 0)
    assert (summary.average_pain, summary.lowest, summary.highest, summary.latest_weekly) == (None, None, None, None)
    assert summary.weeks == [WeekCount(nov(23), 0, 3)]
    assert summary_lines(summary) == [
        "Last 30 days (Mon 26 Oct to Tue 24 Nov): nothing logged yet.",
        "Not enough check-ins yet: log at least 4 in a week to compare weeks.",
        "This week (Mon–Sun): 0 of 3 sessions.",
    ]


def test_summary_with_sessions_but_no_check_ins() -> None:
    summary = summarize([session(nov(23)), session(nov(24))], nov(24), days=7, goal=2)
    assert (summary.sessions, summary.check_ins, summary.average_pain) == (2, 0, None)
    assert summary_lines(summary) == [
        "Last 7 days (Wed 18 Nov to Tue 24 Nov): 0 check-ins, 2 sessions, 0 weekly checks.",
        "Not enough check-ins yet: log at least 4 in a week to compare weeks.",
        "This week (Mon–Sun): 2 of 2 sessions — goal met.",
        "Something logged 2 days in a row (longest run in this period: 2 days).",
        "Session goal met 1 week in a row.",
    ]


def test_summary_of_a_month() -> None:
    entries = [
        *check_ins(nov(2), [6, 6, 5, 6]),  # first week, 5.75
        check_in(nov(10), 5, leg_symptoms=["tingling"], walked_minutes=20),
        check_in(nov(11), 4, where=["leg-left-below-knee"]),
        check_in(nov(11), 4, leg_symptoms=["numbness"], hour=20),
        *check_ins(nov(18), [3, 4, 3, 3, 3, 2, 3]),  # last 7 days, 3.0
        check_in(nov(30), 9),  # after today: left out
        session(nov(2)),
        session(nov(4)),
        session(nov(10)),
        session(nov(18)),
        session(nov(20)),
        session(nov(23)),
        weekly(nov(8), 6, 5, "no-change"),
        weekly(nov(22), 3, 2, "better"),
    ]
    summary = summarize(entries, nov(24), days=28, goal=2)
    assert (summary.start, summary.check_ins, summary.sessions, summary.weekly_checks) == (nov(-3), 14, 6, 2)
    assert summary.average_pain == pytest.approx(57 / 14)
    assert (summary.lowest, summary.highest, summary.minutes_walked, summary.leg_symptom_days) == (2, 6, 20, 2)
    assert [week.week_start for week in summary.weeks] == [nov(2), nov(9), nov(16), nov(23)]
    assert [week.sessions for week in summary.weeks] == [2, 1, 2, 1]
    assert summary.latest_weekly is not None and summary.latest_weekly.global_change == "better"
    assert summary.streaks == Streaks(7, 7, 1)
    assert summary_lines(summary) == [
        "Last 28 days (Wed 28 Oct to Tue 24 Nov): 14 check-ins, 6 sessions, 2 weekly checks.",
        "Average pain 4.1 out of 10 (lowest 2, highest 6).",
        "Your average pain over the last 7 days is 3.0, down 2.8 points (48%) from your first week (5.8). "
        "That is a meaningful improvement.",
        "This week (Mon–Sun): 1 of 2 sessions.",
        "Weeks before this one: session goal met in 2 of 3.",
        "Something logged 7 days in a row (longest run in this period: 7 days).",
        "Session goal met 1 week in a row.",
        "On days with a session your average pain was 4.0 (6 days); on other days with a check-in it was 4.1 (7 days).",
        "Walking logged: 20 minutes.",
        "Leg symptoms were logged on 2 days. If numbness or weakness in a leg is new or getting worse, "
        "look at 'When to get help'.",
        "Latest weekly check (Sun 22 Nov): pain got in the way of usual activities 3/10 and of enjoying life "
        "2/10; overall since starting: better.",
    ]


def test_summary_needs_at_least_one_day() -> None:
    with pytest.raises(ValueError, match="at least 1 day"):
        summarize([], nov(24), days=0)


def test_summary_streaks_stay_within_the_period_whatever_else_is_given() -> None:
    sixty_days = check_ins(nov(1), [3] * 60)
    summary = summarize(sixty_days, nov(60), days=30)
    assert (summary.streaks.current_days, summary.streaks.longest_days) == (30, 30)
    assert summarize(sixty_days[-40:], nov(60), days=30).streaks == summary.streaks


def test_a_session_counts_towards_goals_and_streaks_only_when_half_or_ten_minutes_were_done() -> None:
    """One real session once showed as "5 of 3 sessions, goal met": four of them were stopped in seconds."""
    from datetime import UTC

    from trainer.journal.models import ExerciseDone, SessionRecord

    today = date(2026, 11, 24)

    def tried(day: int, completion: float, seconds: float = 5.0) -> SessionRecord:
        start = datetime(2026, 11, day, 9, tzinfo=UTC)
        return SessionRecord(
            at=start,
            ended=start + timedelta(minutes=1),
            title="Back basics",
            exercises=[
                ExerciseDone(exercise_id="bird-dog", name="Bird-dog", sets_planned=2, sets_done=0, seconds=seconds)
            ],
            completion=completion,
            ended_how="stopped-choice",
            stop_reason="tired",
        )

    real = tried(24, 0.8)
    tries = [tried(23, 0.0), tried(22, 0.05), tried(21, 0.1), tried(20, 0.2)]
    long_enough = tried(19, 0.3, seconds=11 * 60)  # under half the plan, but 11 minutes of exercise
    summary = summarize([real, *tries, long_enough], today, days=7, goal=3)
    assert real.counts and long_enough.counts and not any(entry.counts for entry in tries)
    assert summary.sessions == 2
    assert summary.weeks[-1].sessions == 1  # this week (Monday 23 Nov on): only the real one
    assert summary.streaks.current_days == 1  # the tries on the days before make no streak
