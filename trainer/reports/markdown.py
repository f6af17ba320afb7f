"""A Markdown report of the journal for a physiotherapist or doctor.

Built from the same figures as the Trends tab (``trainer.engine.insights``).
Everything the person typed (notes) is escaped so it shows literally and can
never turn into Markdown or HTML in whatever renders the report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean

from trainer.engine.insights import (
    MEANINGFUL_POINTS,
    MEANINGFUL_SHARE,
    MIN_ENTRIES_PER_WINDOW,
    PainChange,
    Summary,
    WeekCount,
    WindowAverage,
    entry_day,
    has_leg_symptoms,
    summarize,
    week_start,
)
from trainer.journal.coach_models import Goal
from trainer.journal.describe import ENDED_LABELS, duration_text, leg_text, places_text, work_done
from trainer.journal.models import (
    ACTIVITY_QUESTION,
    ENJOYMENT_QUESTION,
    GLOBAL_CHANGE_LABELS,
    GLOBAL_CHANGE_QUESTION,
    PAIN_NOW_QUESTION,
    AnyEntry,
    CheckIn,
    ReminderPrompt,
    SessionRecord,
)
from trainer.reports.coach import dose_history, goals_and_reviews
from trainer.reports.text import escape_markdown as escape_markdown
from trainer.wording import format_date, format_moment, plural

BAR_CELLS_PER_POINT = 2
PARTIAL_BLOCKS = " ▏▎▍▌▋▊▉"
FOOTER = "This is a summary of self-reported entries, not a diagnosis."
RUN_COLLAPSED = 3
"""From this many weeks in a row with nothing logged, the weekly tables show them as one line."""


def pain_bar(average: float | None) -> str:
    """A bar of block characters, two cells per point of pain (20 cells for 10)."""
    width = 10 * BAR_CELLS_PER_POINT
    if average is None:
        return " " * width
    eighths = round(max(0.0, min(10.0, average)) * BAR_CELLS_PER_POINT * 8)
    full, part = divmod(eighths, 8)
    return ("█" * full + (PARTIAL_BLOCKS[part] if part else "")).ljust(width)


def markdown_report(
    entries: Iterable[AnyEntry],
    today: date,
    since: date | None,
    goal: int,
    generated_at: datetime,
    goals: Sequence[Goal] = (),
) -> str:
    """The report from ``since`` (or the first entry when None) to ``today`` inclusive; ``goals``: the
    person's current goals in the coach's programme (each shown with its ratings at the reviews)."""
    # reminder prompts are the app's own bookkeeping, not something the person reported
    entries = [entry for entry in entries if entry_day(entry) <= today and not isinstance(entry, ReminderPrompt)]
    start = since if since is not None else min((entry_day(entry) for entry in entries), default=today)
    if start > today:
        raise ValueError(f"the report cannot start ({start.isoformat()}) after today ({today.isoformat()})")
    summary = summarize(entries, today, days=(today - start).days + 1, goal=goal)
    period = [entry for entry in entries if entry_day(entry) >= start]
    rows = week_rows(summary, entries)
    sections = [
        _header(summary, since, generated_at),
        _overview(summary),
        _change(summary.change),
        _sessions(summary, rows),
        _streaks(summary),
        _session_days(summary),
        _weekly_check(summary),
        _chart(rows),
        _stopped_sessions(period),
        dose_history(period),
        goals_and_reviews(goals, period),
        _leg_symptoms(period),
        _other_notes(period),
        FOOTER,
    ]
    return "\n\n".join(section for section in sections if section is not None) + "\n"


def _header(summary: Summary, since: date | None, generated_at: datetime) -> str:
    scope = "all entries" if since is None else f"entries since {format_date(since)}"
    return (
        "# Back pain self-report (backtrainer)\n\n"
        f"Period: {format_date(summary.start)} to {format_date(summary.end)} "
        f"({plural(summary.days, 'day')}; {scope}).  \n"
        f"Generated {generated_at.isoformat(sep=' ', timespec='minutes')}."
    )


def _overview(summary: Summary) -> str:
    if summary.average_pain is None:
        pain = "no check-ins in this period"
    else:
        pain = f"average {summary.average_pain:.1f}, lowest {summary.lowest}, highest {summary.highest}"
    return (
        "## Overview\n\n"
        f"- Check-ins: {summary.check_ins}\n"
        f"- Exercise sessions: {summary.sessions}"
        + (
            f" (and {summary.sessions_started} started but stopped before half was done)"
            if summary.sessions_started
            else ""
        )
        + "\n"
        f"- Weekly checks: {summary.weekly_checks}\n"
        f"- Pain now (0-10): {pain}\n"
        f"- Walking logged: {summary.minutes_walked} minutes\n"
        f"- Days with leg symptoms: {summary.leg_symptom_days}\n\n"
        f'Pain is the answer to "{PAIN_NOW_QUESTION}" (0 = no pain, 10 = worst pain you can imagine).'
    )


def _window_row(label: str, window: WindowAverage, today: date) -> str:
    average = "-" if window.average is None else f"{window.average:.1f}"
    end = min(window.end, today)  # a first week still under way ends today so far
    return f"| {label} | {format_date(window.start)} to {format_date(end)} | {window.entries} | {average} |"


def _change(change: PainChange) -> str:
    rule = (
        "## Change in pain since the first week\n\n"
        'Rule: the average "pain now" of the first 7 days of check-ins (the whole journal, so it may fall before '
        f"this period) is compared with the last 7 days. Each week needs at least {MIN_ENTRIES_PER_WINDOW} "
        "check-ins and the two weeks must not overlap. A meaningful improvement is a fall of at least "
        f"{MEANINGFUL_POINTS:.0f} points and at least {MEANINGFUL_SHARE:.0%} (Ostelo 2008; "
        "Farrar 2001)."
    )
    if change.baseline.entries == 0:
        return f"{rule}\n\nNo check-ins yet, so there is nothing to compare."
    table = "\n".join(
        [
            "| Week | Dates | Check-ins | Average |",
            "|---|---|---|---|",
            _window_row("First week", change.baseline, change.current.end),
            _window_row("Last 7 days", change.current, change.current.end),
        ]
    )
    lines = [f"- Result: {_verdict(change)}"]
    if change.points is not None and change.enough_data:
        lines.append(f"- Change: {change.change_text()}")
    elif change.points is not None and not change.overlapping:  # shown, but not to be judged
        lines.append(f"- Change, with too few check-ins to judge: {change.change_text()}")
    if change.low_baseline:
        lines.append(
            "- The first week's average was 3 or less: a 2-point fall may be out of reach, "
            "so the percentage change and activity are more informative."
        )
    return f"{rule}\n\n{table}\n\n" + "\n".join(lines)


def _verdict(change: PainChange) -> str:
    if not change.enough_data:
        if change.overlapping:
            return "not enough data (the first week and the last 7 days overlap)"
        return f"not enough data (fewer than {MIN_ENTRIES_PER_WINDOW} check-ins in a week)"
    if change.meaningful:
        return "**meaningful improvement**"
    return "not a meaningful improvement by this rule"


@dataclass(frozen=True)
class WeekRow:
    """A Monday-to-Sunday week of the weekly tables, or (``weeks`` > 1) a run of weeks with nothing logged."""

    start: date
    weeks: int
    sessions: int
    average: float | None
    met: bool
    current: bool

    @property
    def end(self) -> date:
        return self.start + timedelta(weeks=self.weeks) - timedelta(days=1)


def week_rows(summary: Summary, entries: Iterable[AnyEntry]) -> list[WeekRow]:
    """The period's weeks from the first one with anything logged; a run of ``RUN_COLLAPSED`` or more weeks
    with nothing logged becomes one row. One pass over the entries, however many weeks there are."""
    logged: set[date] = set()
    pains: dict[date, list[int]] = defaultdict(list)
    for entry in entries:
        monday = week_start(entry_day(entry))
        logged.add(monday)
        if isinstance(entry, CheckIn):
            pains[monday].append(entry.pain_now)
    weeks = summary.weeks
    first = next((index for index, week in enumerate(weeks) if week.week_start in logged), len(weeks) - 1)
    rows: list[WeekRow] = []
    run: list[WeekCount] = []

    def end_run() -> None:
        if len(run) >= RUN_COLLAPSED:
            rows.append(WeekRow(run[0].week_start, len(run), 0, None, False, False))
        else:
            rows.extend(WeekRow(week.week_start, 1, 0, None, week.met, False) for week in run)
        run.clear()

    for index, week in enumerate(weeks[first:], start=first):
        current = index == len(weeks) - 1
        if week.week_start not in logged and not current:
            run.append(week)
            continue
        end_run()
        scores = pains.get(week.week_start)
        rows.append(WeekRow(week.week_start, 1, week.sessions, fmean(scores) if scores else None, week.met, current))
    end_run()
    return rows


def _week_label(row: WeekRow) -> str:
    if row.weeks > 1:
        return f"{format_date(row.start)} to {format_date(row.end)}: {row.weeks} weeks with nothing logged"
    return format_date(row.start) + (" (this week, so far)" if row.current else "")


def _sessions(summary: Summary, rows: list[WeekRow]) -> str:
    table = ["| Week starting (Monday) | Sessions | Goal met |", "|---|---|---|"]
    for row in rows:
        met = "yes" if row.met else ("not yet" if row.current else "no")
        table.append(f"| {_week_label(row)} | {row.sessions} | {met} |")
    complete = [row for row in rows if not row.current]
    weeks = sum(row.weeks for row in complete)
    if weeks:
        met_weeks = sum(row.met for row in complete)
        done = sum(row.sessions for row in complete)
        planned = summary.goal * weeks
        share = f" ({done / planned:.0%})" if planned else ""
        adherence = (
            f"Adherence over {plural(weeks, 'complete week')}: "
            f"{done} of {planned} planned sessions{share}; goal met in {met_weeks} of {weeks} "
            f"({met_weeks / weeks:.0%})."
        )
    else:
        adherence = "Adherence: no complete week in this period yet."
    return (
        f"## Sessions per week (goal: {summary.goal} a week)\n\n"
        "Weeks run Monday to Sunday, from the first week with anything logged; the first may begin before the "
        "period.\n\n" + "\n".join(table) + f"\n\n{adherence}"
    )


def _streaks(summary: Summary) -> str:
    found = summary.streaks
    return (
        "## Streaks\n\n"
        f"- Days in a row with something logged, up to {format_date(summary.end)}: {found.current_days}\n"
        f"- Longest run of days with something logged: {found.longest_days}\n"
        f"- Weeks in a row meeting the session goal: {found.weeks_goal_met}"
    )


def _session_days(summary: Summary) -> str:
    lines = ["## Pain on session days and other days", ""]
    lines.append("Mean of each day's average pain; a day counts once however many check-ins it has.")
    lines.append("")
    for label, group in (
        ("Days with a session", summary.session_days.with_session),
        ("Other days with a check-in", summary.session_days.without_session),
    ):
        value = "no check-ins" if group.average is None else f"average {group.average:.1f}"
        lines.append(f"- {label}: {value} ({plural(group.days, 'day')})")
    lines.append("")
    lines.append("This compares days; it does not show cause and effect.")
    return "\n".join(lines)


def _weekly_check(summary: Summary) -> str:
    title = "## Weekly check (project questions, not a validated scale)"
    weekly = summary.latest_weekly
    if weekly is None:
        return f"{title}\n\nNo weekly check in this period."
    return (
        f"{title}\n\nLatest answers, {format_date(entry_day(weekly))} (0 = not at all, 10 = completely):\n\n"
        f"- {ACTIVITY_QUESTION} **{weekly.activity_interference}/10**\n"
        f"- {ENJOYMENT_QUESTION} **{weekly.enjoyment_interference}/10**\n"
        f"- {GLOBAL_CHANGE_QUESTION} **{GLOBAL_CHANGE_LABELS[weekly.global_change]}**"
    )


def _chart(rows: list[WeekRow]) -> str:
    scale = "0" + " " * 9 + "5" + " " * 7 + "10"
    lines = [f"{'Week of':<15} {'Avg':>4}  |{scale}|  Sessions"]
    for row in rows:
        if row.weeks > 1:
            lines.append(f"{'':<15} {'':>4}   ... {row.weeks} weeks with nothing logged ...")
            continue
        average = "-" if row.average is None else f"{row.average:.1f}"
        lines.append(f"{format_date(row.start):<15} {average:>4}  |{pain_bar(row.average)}|  {row.sessions}")
    return (
        "## Weekly average pain\n\n"
        "Mean pain now of each Monday-to-Sunday week's check-ins; each █ is half a point.\n\n"
        "```text\n" + "\n".join(lines) + "\n```"
    )


def _stopped_sessions(period: list[AnyEntry]) -> str:
    """Each session that ended before its plan did, with what was done: the work, not a bare share."""
    title = "## Sessions stopped before the end"
    items = []
    for record in sorted((entry for entry in period if isinstance(entry, SessionRecord)), key=lambda e: e.at):
        if record.ended_how == "finished":
            continue
        pain = "" if record.pain_before is None else f"; pain before {record.pain_before}/10"
        if record.pain_after is not None:
            pain += f", after {record.pain_after}/10"
        reason = f" ({record.stop_reason.replace('-', ' ')})" if record.stop_reason not in (None, "pain") else ""
        items.append(
            f"- **{format_moment(record.at)}**, {escape_markdown(record.title)}: {ENDED_LABELS[record.ended_how]}"
            f"{reason} after {duration_text(record.minutes * 60)}; done: {escape_markdown(work_done(record))}{pain}"
        )
    return f"{title}\n\n" + ("\n".join(items) if items else "None in this period.")


def _leg_symptoms(period: list[AnyEntry]) -> str:
    title = "## Check-ins with leg symptoms"
    found = sorted(
        (entry for entry in period if isinstance(entry, CheckIn) and has_leg_symptoms(entry)),
        key=lambda entry: entry.at,
    )
    if not found:
        return f"{title}\n\nNone in this period."
    items = []
    for check_in in found:
        symptoms = leg_text(check_in) or "none ticked"
        where = places_text(check_in.where) or "not marked"
        item = f"- **{format_moment(check_in.at)}**: pain {check_in.pain_now}/10; symptoms: {symptoms}; where: {where}"
        notes = escape_markdown(check_in.notes)
        if notes:
            item += f"\\\n  Notes: {notes}"
        items.append(item)
    return f"{title}\n\n" + "\n".join(items)


def _other_notes(period: list[AnyEntry]) -> str:
    """Every other note of the period, oldest first (those with leg symptoms are listed above)."""
    title = "## Other notes"
    items = []
    for entry in sorted(period, key=lambda entry: entry.at):
        when = f"**{format_moment(entry.at)}**"
        if isinstance(entry, CheckIn) and entry.notes.strip() and not has_leg_symptoms(entry):
            items.append(f"- {when}, check-in, pain {entry.pain_now}/10: {escape_markdown(entry.notes)}")
        elif isinstance(entry, SessionRecord) and entry.note.strip():
            items.append(f"- {when}, session {escape_markdown(entry.title)}: {escape_markdown(entry.note)}")
    return f"{title}\n\n" + ("\n".join(items) if items else "None in this period.")
