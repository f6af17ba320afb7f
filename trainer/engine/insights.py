"""Trends from the journal: daily pain, 7-day averages, meaningful change, week counts and streaks.

Pure functions over journal entries (no storage, no UI). A day is the local
calendar day of ``entry.at`` (``entry.at.date()``), in the time zone the entry
was recorded in. Entries dated after ``today`` are left out of everything that
takes ``today``.

Reading pain follows content brief 3.3: compare 7-day averages, never single
days; each week needs at least 4 check-ins; a "meaningful improvement" is a fall
of at least 2 points AND at least 30% from the first week; when the first week
was already low (3/10 or less) a 2-point fall may be out of reach, so say so.
Sentences here inform; they never diagnose or tell anyone they do not need care.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from trainer.journal.models import AnyEntry, CheckIn, SessionRecord, WeeklyCheck

MEANINGFUL_POINTS = 2.0
MEANINGFUL_SHARE = 0.30
MIN_ENTRIES_PER_WINDOW = 4
LOW_BASELINE = 3.0
ROLLING_DAYS = 7
ROLLING_MIN_DAYS = 3

# Averages of whole numbers are fractions (6.666...); comparisons allow for the
# float error so a change exactly at a threshold counts as reaching it.
_EPSILON = 1e-9


# --- small helpers ---------------------------------------------------------------


def entry_day(entry: AnyEntry) -> date:
    """The local calendar day of an entry."""
    return entry.at.date()


def week_start(day: date) -> date:
    """The Monday of the week that holds ``day``."""
    return day - timedelta(days=day.weekday())


def has_leg_symptoms(check_in: CheckIn) -> bool:
    """Leg symptoms ticked, or pain marked in a leg."""
    return bool(check_in.leg_symptoms) or any(where.startswith("leg-") for where in check_in.where)


def _check_ins(entries: Iterable[AnyEntry], start: date | None = None, end: date | None = None) -> list[CheckIn]:
    return [
        entry
        for entry in entries
        if isinstance(entry, CheckIn)
        and (start is None or entry_day(entry) >= start)
        and (end is None or entry_day(entry) <= end)
    ]


def _daily_pain(entries: Iterable[AnyEntry]) -> dict[date, float]:
    """Mean ``pain_now`` of each day's check-ins."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for check_in in _check_ins(entries):
        by_day[entry_day(check_in)].append(check_in.pain_now)
    return {day: fmean(values) for day, values in by_day.items()}


def _session_days(entries: Iterable[AnyEntry]) -> set[date]:
    return {entry_day(entry) for entry in entries if isinstance(entry, SessionRecord) and entry.counts}


def counts_towards_goals(entry: AnyEntry) -> bool:
    """An entry that counts towards streaks and goals: every check-in and weekly check, and the sessions
    done far enough (``SessionRecord.counts``: a session stopped after a few seconds is only "started")."""
    return not isinstance(entry, SessionRecord) or entry.counts


def _days(start: date, end: date) -> list[date]:
    return [start + timedelta(days=offset) for offset in range((end - start).days + 1)]


def _shown(value: float, digits: int, threshold: float) -> float:
    """``value`` rounded to ``digits``, except that rounding never lifts it onto ``threshold``."""
    shown = round(value, digits)
    if value < threshold - _EPSILON and shown >= threshold:
        scale = 10.0**digits
        return math.floor(value * scale) / scale
    return shown


# --- daily series ----------------------------------------------------------------


@dataclass(frozen=True)
class DayPoint:
    day: date
    pain: float | None  # mean pain_now of that day's check-ins; None when no check-in
    rolling: float | None  # mean of the daily values in the 7 days ending on `day`; None unless >= 3 have a value
    session: bool  # a session started that day
    check_ins: int


def daily_series(entries: Iterable[AnyEntry], start: date, end: date) -> list[DayPoint]:
    """One point per day from ``start`` to ``end`` inclusive (empty when ``end`` is before ``start``)."""
    entries = tuple(entries)
    daily = _daily_pain(entries)
    sessions = _session_days(entries)
    counts: dict[date, int] = defaultdict(int)
    for check_in in _check_ins(entries, start, end):
        counts[entry_day(check_in)] += 1
    points = []
    for day in _days(start, end):
        window = [daily[d] for d in _days(day - timedelta(days=ROLLING_DAYS - 1), day) if d in daily]
        points.append(
            DayPoint(
                day=day,
                pain=daily.get(day),
                rolling=fmean(window) if len(window) >= ROLLING_MIN_DAYS else None,
                session=day in sessions,
                check_ins=counts[day],
            )
        )
    return points


# --- change since the first week -------------------------------------------------------


@dataclass(frozen=True)
class WindowAverage:
    start: date
    end: date
    average: float | None  # mean pain_now of the check-ins in [start, end]; None when there are none
    entries: int


def window_average(entries: Iterable[AnyEntry], start: date, end: date) -> WindowAverage:
    """Mean ``pain_now`` over the check-ins (not the days) from ``start`` to ``end`` inclusive."""
    pains = [check_in.pain_now for check_in in _check_ins(entries, start, end)]
    return WindowAverage(start, end, fmean(pains) if pains else None, len(pains))


@dataclass(frozen=True)
class PainChange:
    baseline: WindowAverage  # the first week of use: 7 days from the day of the first check-in
    current: WindowAverage  # the 7 days ending `today`
    points: float | None  # baseline.average - current.average (positive = less pain)
    percent: float | None  # points / baseline.average * 100 (None if the baseline average is 0 or missing)
    enough_data: bool  # >= MIN_ENTRIES_PER_WINDOW check-ins in each window, and the windows do not overlap
    meaningful: bool  # enough_data and points >= 2 and percent >= 30
    low_baseline: bool  # baseline average <= 3: a 2-point fall may be out of reach

    @property
    def overlapping(self) -> bool:
        return self.current.start <= self.baseline.end

    def change_text(self) -> str:
        """``down 2.6 points (46%)``, ``up 1.0 point``, ``about the same``, or ``""`` with nothing to compare.

        A figure just under a threshold is rounded down, not up, so a change
        shown as "2.0 points (30%)" has really reached it.
        """
        if self.points is None:
            return ""
        shown = _shown(abs(self.points), 1, MEANINGFUL_POINTS)
        if shown == 0:
            return "about the same"
        text = f"{'down' if self.points > 0 else 'up'} {shown:.1f} {'point' if shown == 1 else 'points'}"
        if self.percent is not None:
            text += f" ({_shown(abs(self.percent), 0, MEANINGFUL_SHARE * 100):.0f}%)"
        return text

    def describe(self) -> str:
        """One or two plain, calm sentences about the change."""
        current, baseline = self.current, self.baseline
        if not self.enough_data or self.points is None or current.average is None or baseline.average is None:
            return self._describe_not_enough()
        now = f"Your average pain over the last 7 days is {current.average:.1f}"
        first = f"your first week ({baseline.average:.1f})"
        change = self.change_text()
        if change == "about the same":
            return f"{now}, about the same as {first}. Day-to-day swings are normal; the 7-day average shows the trend."
        if self.points < 0:
            return (
                f"{now}, {change} from {first}. Pain often goes up and down; "
                f"if it keeps rising, look at 'When to get help'."
            )
        text = f"{now}, {change} from {first}."
        if self.meaningful:
            return f"{text} That is a meaningful improvement."
        if self.low_baseline:
            return (
                f"{text} That is a small change in points, but your first week was already low, "
                "so a 2-point fall may be out of reach: the percentage shows your progress."
            )
        if self.points >= MEANINGFUL_POINTS - _EPSILON:
            return (
                f"{text} A real fall, but under 30% of where you started, so not yet what counts as a meaningful "
                "improvement (at least 2 points and 30%)."
            )
        return f"{text} That is a small change (a meaningful improvement is a fall of at least 2 points and 30%)."

    def _describe_not_enough(self) -> str:
        minimum = MIN_ENTRIES_PER_WINDOW
        if self.baseline.entries == 0:
            return f"Not enough check-ins yet: log at least {minimum} in a week to compare weeks."
        if self.overlapping:
            return (
                "Not enough check-ins yet to compare: your first week is compared with a later, separate week "
                f"once each has at least {minimum} check-ins."
            )
        return (
            f"Not enough check-ins yet: log at least {minimum} in a week to compare "
            f"(first week: {self.baseline.entries}, last 7 days: {self.current.entries})."
        )


def pain_change(entries: Iterable[AnyEntry], today: date) -> PainChange:
    """The last 7 days compared with the first week of check-ins."""
    check_ins = _check_ins(entries, end=today)
    week = timedelta(days=ROLLING_DAYS - 1)
    current = window_average(check_ins, today - week, today)
    first_day = min((entry_day(check_in) for check_in in check_ins), default=today)
    baseline = window_average(check_ins, first_day, first_day + week)
    points = percent = None
    if baseline.average is not None and current.average is not None:
        points = baseline.average - current.average
        percent = points / baseline.average * 100 if baseline.average > 0 else None
    enough = (
        baseline.entries >= MIN_ENTRIES_PER_WINDOW
        and current.entries >= MIN_ENTRIES_PER_WINDOW
        and current.start > baseline.end
    )
    meaningful = (
        enough
        and points is not None
        and percent is not None
        and points >= MEANINGFUL_POINTS - _EPSILON
        and percent >= MEANINGFUL_SHARE * 100 - _EPSILON
    )
    low = baseline.average is not None and baseline.average <= LOW_BASELINE + _EPSILON
    return PainChange(baseline, current, points, percent, enough, meaningful, low)


# --- sessions per week and streaks --------------------------------------------------------


@dataclass(frozen=True)
class WeekCount:
    week_start: date  # a Monday
    sessions: int
    goal: int

    @property
    def met(self) -> bool:
        return self.sessions >= self.goal


def _sessions_per_week(entries: Iterable[AnyEntry]) -> dict[date, int]:
    counts: dict[date, int] = defaultdict(int)
    for entry in entries:
        if isinstance(entry, SessionRecord) and entry.counts:
            counts[week_start(entry_day(entry))] += 1
    return counts


def sessions_by_week(entries: Iterable[AnyEntry], today: date, weeks: int, goal: int) -> list[WeekCount]:
    """Sessions started in each of the last ``weeks`` Monday-to-Sunday weeks; oldest first, last = this week."""
    counts = _sessions_per_week(entries)
    this_week = week_start(today)
    starts = [this_week - timedelta(weeks=back) for back in reversed(range(max(weeks, 0)))]
    return [WeekCount(start, counts.get(start, 0), goal) for start in starts]


def this_week(entries: Iterable[AnyEntry], today: date, goal: int) -> WeekCount:
    """Sessions so far in the Monday-to-Sunday week of ``today``: the one "this week" of the app."""
    return sessions_by_week(entries, today, 1, goal)[0]


@dataclass(frozen=True)
class Streaks:
    current_days: int  # consecutive days with any entry, ending today (or yesterday if nothing logged yet today)
    longest_days: int
    weeks_goal_met: int  # consecutive complete weeks before this one that met the goal, plus this week if met


def streaks(entries: Iterable[AnyEntry], today: date, goal: int) -> Streaks:
    entries = [entry for entry in entries if entry_day(entry) <= today and counts_towards_goals(entry)]
    days = {entry_day(entry) for entry in entries}
    current = 0
    day = today if today in days else today - timedelta(days=1)
    while day in days:
        current += 1
        day -= timedelta(days=1)
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        longest = max(longest, run)
        previous = day
    counts = _sessions_per_week(entries)
    this_week = week_start(today)
    weeks = 1 if entries and counts.get(this_week, 0) >= goal else 0
    if entries:
        first_week = week_start(min(days))
        week = this_week - timedelta(weeks=1)
        while week >= first_week and counts.get(week, 0) >= goal:
            weeks += 1
            week -= timedelta(weeks=1)
    return Streaks(current, longest, weeks)


# --- pain on session days -------------------------------------------------------------


@dataclass(frozen=True)
class DayGroup:
    average: float | None  # mean of the daily mean pain; None when no day has a check-in
    days: int  # days with at least one check-in


@dataclass(frozen=True)
class SessionDayComparison:
    with_session: DayGroup
    without_session: DayGroup


def pain_on_session_days(entries: Iterable[AnyEntry], start: date, end: date) -> SessionDayComparison:
    """Daily mean pain on days with a session vs days with check-ins but no session (each day counts once)."""
    entries = tuple(entries)
    daily = {day: pain for day, pain in _daily_pain(entries).items() if start <= day <= end}
    sessions = _session_days(entries)
    with_session = [pain for day, pain in daily.items() if day in sessions]
    without = [pain for day, pain in daily.items() if day not in sessions]
    return SessionDayComparison(
        DayGroup(fmean(with_session) if with_session else None, len(with_session)),
        DayGroup(fmean(without) if without else None, len(without)),
    )


# --- the summary ------------------------------------------------------------------------


@dataclass(frozen=True)
class Summary:
    start: date
    end: date
    check_ins: int
    sessions: int
    """Sessions that count (``SessionRecord.counts``)."""
    sessions_started: int
    """Sessions tried and stopped too soon to count: kept, shown as started."""
    weekly_checks: int
    average_pain: float | None
    lowest: int | None
    highest: int | None
    change: PainChange
    weeks: list[WeekCount]  # Monday-to-Sunday weeks in the period, from the first entry's week; last = this week
    streaks: Streaks
    session_days: SessionDayComparison
    leg_symptom_days: int  # days in the period with leg symptoms ticked or pain marked in a leg
    latest_weekly: WeeklyCheck | None  # the latest weekly check in the period
    minutes_walked: int
    goal: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def summarize(entries: Iterable[AnyEntry], today: date, days: int = 30, goal: int = 3) -> Summary:
    """Everything the trends views show, for the ``days`` days ending ``today``."""
    if days < 1:
        raise ValueError(f"a summary needs at least 1 day, not {days}")
    entries = tuple(entries)
    start = today - timedelta(days=days - 1)
    period = [entry for entry in entries if start <= entry_day(entry) <= today]
    check_ins = _check_ins(period)
    weeklies = sorted((entry for entry in period if isinstance(entry, WeeklyCheck)), key=lambda entry: entry.at)
    pains = [check_in.pain_now for check_in in check_ins]
    first_day = min((entry_day(entry) for entry in entries if entry_day(entry) <= today), default=today)
    first_week = max(week_start(start), week_start(first_day))
    week_count = (week_start(today) - first_week).days // 7 + 1
    return Summary(
        start=start,
        end=today,
        check_ins=len(check_ins),
        sessions=sum(isinstance(entry, SessionRecord) and entry.counts for entry in period),
        sessions_started=sum(isinstance(entry, SessionRecord) and not entry.counts for entry in period),
        weekly_checks=len(weeklies),
        average_pain=fmean(pains) if pains else None,
        lowest=min(pains, default=None),
        highest=max(pains, default=None),
        change=pain_change(entries, today),
        weeks=sessions_by_week(entries, today, week_count, goal),
        streaks=streaks(period, today, goal),  # within the period, whatever else is loaded
        session_days=pain_on_session_days(period, start, today),
        leg_symptom_days=len({entry_day(check_in) for check_in in check_ins if has_leg_symptoms(check_in)}),
        latest_weekly=weeklies[-1] if weeklies else None,
        minutes_walked=sum(check_in.walked_minutes or 0 for check_in in check_ins),
        goal=goal,
    )
