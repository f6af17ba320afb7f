"""What is due: a desk break, today's session, the morning check-in; and when the next thing is.

Pure: the rules (``ReminderRules``), what the journal says (``JournalFacts``), the time ``now`` and how
long the person has been idle are all passed in; nothing here reads a clock or a file, and only the
standard library is used (``backtrainer status`` runs this several times a minute).

The rules, on a working day, between the start and the end of the working hours:

- **morning check-in**: due from the start of the working day until noon (or two hours after the start,
  if that is later) when there is no check-in yet that day;
- **today's session**: due in the last hour of the working day when no session was done that day and the
  week (Monday to Sunday) has fewer sessions that count than the weekly goal;
- **desk break**: due ``break_minutes`` after the latest of the start of the working day, the end of the
  day's last session, and the last desk-break prompt taken, skipped or found away;
- a prompt **put off** (or shown and not answered) comes back ``postpone_minutes`` after it was last
  shown or put off, at most ``max_postpones`` times; after that it counts as skipped. A prompt **taken**
  or **skipped** is done with for the day (a desk break: until the next interval). A session done after
  a prompt was shown answers it;
- nothing is due in a **quiet time** (a prompt that falls due in one waits until it ends), outside the
  working hours or days, or while the person is **away** (idle for ``away_minutes`` or more): what is
  due then waits.

When several things are due, the morning check-in comes first, then the session, then the desk break.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Literal

from trainer.journal.reminders import (
    REMINDER_KINDS,
    JournalFacts,
    PromptFact,
    ReminderKind,
    ReminderRules,
    SessionFact,
)

MORNING_ENDS = time(12, 0)
MORNING_AT_LEAST = timedelta(hours=2)
SESSION_WINDOW = timedelta(hours=1)
DAYS_AHEAD = 7

State = Literal["off", "day-off", "before-hours", "after-hours", "quiet", "away", "due", "clear"]


@dataclass(frozen=True)
class Due:
    """Something due (or to be due at ``at``), and the open prompt it brings back, if there is one."""

    reminder: ReminderKind
    at: datetime
    prompt: PromptFact | None = None


@dataclass(frozen=True)
class Agenda:
    """What the schedule says at ``now``."""

    now: datetime
    state: State
    due: tuple[Due, ...] = ()
    """Due now, most important first (only when ``state`` is ``due``)."""
    waiting: tuple[Due, ...] = ()
    """Due, but held back by a quiet time or by the person being away."""
    next: Due | None = None
    """The next thing to fall due after now (assuming nothing is done before then)."""
    until: datetime | None = None
    """In a quiet time: when it ends."""
    idle: timedelta | None = None
    rules: ReminderRules = field(default_factory=ReminderRules)

    @property
    def first(self) -> Due | None:
        return self.due[0] if self.due else None


def _local(moment: datetime, zone: tzinfo) -> datetime:
    return moment.astimezone(zone)


def _at(day: date, moment: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, moment, tzinfo=zone)


def _windows(rules: ReminderRules, day: date, zone: tzinfo) -> dict[ReminderKind, tuple[datetime, datetime]]:
    """When each reminder may be due on ``day``: (opens, closes)."""
    start, end = _at(day, rules.start, zone), _at(day, rules.end, zone)
    morning_end = min(end, max(_at(day, MORNING_ENDS, zone), start + MORNING_AT_LEAST))
    return {
        "morning-check": (start, morning_end),
        "session": (max(start, end - SESSION_WINDOW), end),
        "desk-break": (start, end),
    }


def _quiet_until(rules: ReminderRules, moment: datetime) -> datetime | None:
    """The end of the quiet time ``moment`` is in (None when it is in none)."""
    for quiet in rules.quiet:
        if quiet.holds(moment.timetz().replace(tzinfo=None)):
            ends = datetime.combine(moment.date(), quiet.end, tzinfo=moment.tzinfo)
            return ends if ends > moment else ends + timedelta(days=1)
    return None


def _out_of_quiet(rules: ReminderRules, moment: datetime) -> datetime:
    for _ in range(len(rules.quiet) + 1):  # quiet times may follow one another
        ends = _quiet_until(rules, moment)
        if ends is None:
            return moment
        moment = ends
    return moment


@dataclass(frozen=True)
class _Day:
    """The facts of one day, in the zone of ``now``, up to ``now``."""

    day: date
    zone: tzinfo
    check_ins: tuple[datetime, ...]
    sessions: tuple[SessionFact, ...]
    prompts: dict[ReminderKind, PromptFact]
    """The latest prompt of each kind that day."""
    week_sessions: int
    """Sessions that count, from the Monday of that week to the day before ``day`` or to now."""


def _day_facts(facts: JournalFacts, day: date, zone: tzinfo, now: datetime) -> _Day:
    monday = day - timedelta(days=day.weekday())
    past = [session for session in facts.sessions if session.at <= now]
    latest: dict[ReminderKind, PromptFact] = {}
    for prompt in sorted(facts.prompts, key=lambda prompt: (prompt.at, prompt.outcome_at)):
        if prompt.at <= now and _local(prompt.at, zone).date() == day:
            latest[prompt.reminder] = prompt
    return _Day(
        day=day,
        zone=zone,
        check_ins=tuple(moment for moment in facts.check_ins if moment <= now and _local(moment, zone).date() == day),
        sessions=tuple(session for session in past if _local(session.at, zone).date() == day),
        prompts=latest,
        week_sessions=sum(1 for session in past if session.counts and monday <= _local(session.at, zone).date() <= day),
    )


def _after_prompt(rules: ReminderRules, prompt: PromptFact | None) -> tuple[datetime | None, bool]:
    """(when an open prompt comes back, or None; whether the prompt is done with for now)."""
    if prompt is None:
        return None, False
    if not prompt.open:
        return None, True
    if prompt.postpones >= rules.max_postpones and prompt.outcome == "shown":
        return None, True  # shown as often as it may be: counts as skipped
    if prompt.postpones > rules.max_postpones:
        return None, True  # put off more often than the settings now allow
    return prompt.outcome_at + timedelta(minutes=rules.postpone_minutes), False


def _plan(rules: ReminderRules, facts: _Day) -> list[tuple[Due, datetime]]:
    """What falls due on ``facts.day``, when (some times may be past), and until when it may be due."""
    windows = _windows(rules, facts.day, facts.zone)
    planned: list[tuple[Due, datetime]] = []
    for kind in REMINDER_KINDS_BY_PRIORITY:
        opens, closes = windows[kind]
        prompt = facts.prompts.get(kind)
        if (
            kind == "desk-break"
            and prompt is not None
            and any(session.ended >= prompt.at for session in facts.sessions)
        ):
            prompt = None  # a session since it was shown answered it: the break clock restarts at its end
        comes_back, done = _after_prompt(rules, prompt)
        at: datetime | None
        if kind == "morning-check":
            if not rules.morning_check or facts.check_ins or done:
                continue
            at = comes_back or opens
        elif kind == "session":
            if not rules.session or facts.sessions or done or facts.week_sessions >= rules.weekly_goal:
                continue
            at = comes_back or opens
        else:
            starts = [opens, *(session.ended for session in facts.sessions)]
            if prompt is not None and done:
                starts.append(prompt.outcome_at)  # taken, skipped, away, or shown as often as it may be
            at = comes_back or max(starts) + timedelta(minutes=rules.break_minutes)
        at = _out_of_quiet(rules, max(at, opens))
        if at < closes:
            planned.append((Due(kind, at, prompt if comes_back is not None else None), closes))
    return planned


REMINDER_KINDS_BY_PRIORITY: tuple[ReminderKind, ...] = ("morning-check", "session", "desk-break")
assert set(REMINDER_KINDS_BY_PRIORITY) == set(REMINDER_KINDS)


def _next_days(rules: ReminderRules, facts: JournalFacts, now: datetime, zone: tzinfo) -> Due | None:
    for ahead in range(1, DAYS_AHEAD + 1):
        day = now.date() + timedelta(days=ahead)
        if day.weekday() not in rules.days:
            continue
        planned = _plan(rules, _day_facts(facts, day, zone, now))
        if planned:
            return _earliest(due for due, _ in planned)
    return None


def _earliest(dues: Iterable[Due]) -> Due | None:
    return min(dues, key=lambda due: due.at, default=None)


def agenda(rules: ReminderRules, facts: JournalFacts, now: datetime, idle: timedelta | None = None) -> Agenda:
    """What is due at ``now`` (aware), and what comes next. ``idle``: time since the person's last input
    (None when it cannot be known: they are taken to be there)."""
    if now.tzinfo is None:
        raise ValueError("the schedule needs an aware time")
    if not rules.enabled:
        return Agenda(now, "off", idle=idle, rules=rules)
    zone = now.tzinfo
    start, end = _at(now.date(), rules.start, zone), _at(now.date(), rules.end, zone)
    working_day = now.weekday() in rules.days
    planned = _plan(rules, _day_facts(facts, now.date(), zone, now)) if working_day else []
    later = _earliest(due for due, _ in planned if due.at > now) or _next_days(rules, facts, now, zone)
    if not working_day:
        return Agenda(now, "day-off", next=later, idle=idle, rules=rules)
    if now < start:
        return Agenda(now, "before-hours", next=later, idle=idle, rules=rules)
    if now >= end:
        return Agenda(now, "after-hours", next=later, idle=idle, rules=rules)
    due = tuple(due for due, closes in planned if due.at <= now < closes)
    quiet_until = _quiet_until(rules, now)
    if quiet_until is not None:
        return Agenda(now, "quiet", waiting=due, next=later, until=quiet_until, idle=idle, rules=rules)
    if idle is not None and idle >= timedelta(minutes=rules.away_minutes):
        return Agenda(now, "away", waiting=due, next=later, idle=idle, rules=rules)
    return Agenda(now, "due" if due else "clear", due=due, next=later, idle=idle, rules=rules)
