"""The summary in sentences: ``backtrainer stats``, the Trends tab and the report's overview say the same."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from typing import Protocol

from trainer.engine.insights import ROLLING_DAYS, Streaks, Summary, entry_day, week_start
from trainer.journal.models import GLOBAL_CHANGE_LABELS, AnyEntry, EntryKind, WeeklyCheck
from trainer.wording import THIS_WEEK, format_date, format_span, plural

HELP_POINTER = "'When to get help'"
FIRST_WEEK_READ = 9
"""Days read from the first entry for the first week (7 days of dates, and a margin for time zones)."""


class EntryReader(Protocol):
    """What ``summary_entries`` reads from (``JournalStore``)."""

    def entries(
        self, since: datetime | None = None, until: datetime | None = None, kinds: Iterable[EntryKind] | None = None
    ) -> list[AnyEntry]: ...

    def first_entries(self, days: int = 14, starting_with: EntryKind | None = None) -> list[AnyEntry]: ...


def summary_entries(
    journal: EntryReader, today: date, days: int | None = None, *, start: date | None = None
) -> list[AnyEntry]:
    """The entries ``summarize`` needs for the ``days`` days ending ``today`` (or from ``start``), newest
    first: it gives the same summary as every entry would, but only the months of the period and the first
    days of the journal are read.

    ``summarize`` looks at the period from the Monday of its first week, the last 7 days, the first week of
    check-ins (the baseline of "change since the first week") and the first day of the journal (where its
    weeks begin): the period with its first week, plus the first days of check-ins and of any entry.
    """
    if start is None:
        start = today - timedelta(days=(days or 1) - 1)
    first_day = min(week_start(start), today - timedelta(days=ROLLING_DAYS - 1))
    # a day's margin: a day is the local date of ``at``, in its own time zone
    since = datetime.combine(first_day, time.min, tzinfo=UTC) - timedelta(days=1)
    found = {entry.id: entry for entry in journal.entries(since=since)}
    for early in (journal.first_entries(FIRST_WEEK_READ, "check-in"), journal.first_entries(1)):
        for entry in early:
            found.setdefault(entry.id, entry)
    return sorted(found.values(), key=lambda entry: entry.at, reverse=True)


def summary_lines(summary: Summary) -> list[str]:
    """Plain sentences (no colour, no markup) for `backtrainer stats`, the Trends tab and the report."""
    period = f"Last {plural(summary.days, 'day')} ({format_span(summary.start, summary.end, summary.end)})"
    if summary.check_ins + summary.sessions + summary.sessions_started + summary.weekly_checks == 0:
        lines = [f"{period}: nothing logged yet."]
    else:
        counts = [
            plural(summary.check_ins, "check-in"),
            plural(summary.sessions, "session"),
            plural(summary.weekly_checks, "weekly check"),
        ]
        lines = [f"{period}: {', '.join(counts)}."]
        if summary.sessions_started:
            lines.append(
                f"{plural(summary.sessions_started, 'more session was', 'more sessions were')} started and "
                "stopped before half was done; they are kept, but do not count towards the goal."
            )
    if summary.average_pain is not None:
        lines.append(
            f"Average pain {summary.average_pain:.1f} out of 10 (lowest {summary.lowest}, highest {summary.highest})."
        )
    lines.append(summary.change.describe())
    lines.extend(_session_lines(summary))
    lines.extend(_streak_lines(summary.streaks))
    with_session, without = summary.session_days.with_session, summary.session_days.without_session
    if with_session.average is not None and without.average is not None:
        lines.append(
            f"On days with a session your average pain was {with_session.average:.1f} "
            f"({plural(with_session.days, 'day')}); on other days with a check-in it was "
            f"{without.average:.1f} ({plural(without.days, 'day')})."
        )
    if summary.minutes_walked:
        lines.append(f"Walking logged: {summary.minutes_walked} minutes.")
    if summary.leg_symptom_days:
        lines.append(
            f"Leg symptoms were logged on {plural(summary.leg_symptom_days, 'day')}. "
            f"If numbness or weakness in a leg is new or getting worse, look at {HELP_POINTER}."
        )
    if summary.latest_weekly is not None:
        lines.append(_weekly_line(summary.latest_weekly, summary.end))
    return lines


def _session_lines(summary: Summary) -> list[str]:
    this_week = summary.weeks[-1] if summary.weeks else None
    lines = []
    if this_week is not None:
        lines.append(
            f"{THIS_WEEK}: {this_week.sessions} of {plural(summary.goal, 'session')}"
            + (" — goal met." if this_week.met else ".")
        )
    complete = summary.weeks[:-1]
    if complete:
        met = sum(week.met for week in complete)
        lines.append(f"Weeks before this one: session goal met in {met} of {len(complete)}.")
    return lines


def _streak_lines(found: Streaks) -> list[str]:
    lines = []
    if found.current_days:
        lines.append(
            f"Something logged {plural(found.current_days, 'day')} in a row "
            f"(longest run in this period: {plural(found.longest_days, 'day')})."
        )
    elif found.longest_days:
        lines.append(f"Longest run of days with something logged in this period: {plural(found.longest_days, 'day')}.")
    if found.weeks_goal_met:
        lines.append(f"Session goal met {plural(found.weeks_goal_met, 'week')} in a row.")
    return lines


def _weekly_line(weekly: WeeklyCheck, today: date) -> str:
    return (
        f"Latest weekly check ({format_date(entry_day(weekly), today)}): pain got in the way of usual activities "
        f"{weekly.activity_interference}/10 and of enjoying life {weekly.enjoyment_interference}/10; "
        f"overall since starting: {GLOBAL_CHANGE_LABELS[weekly.global_change]}."
    )
