"""What reminders are made of, in the standard library only.

- the limits and defaults of the reminder settings, which ``models.ReminderSettings`` declares with them;
- the kinds of prompt, the channels, and what became of a prompt, which ``models.ReminderPrompt`` uses;
- the plain facts the schedule reads (``ReminderRules``, ``JournalFacts``), and how each is read from a
  stored document, checking every value it uses and leaving out what does not pass.

``backtrainer status`` feeds a status bar every 15 s, so it reads the journal without pydantic or TinyDB
(``glance``); ``remind`` decides from the same facts. Both ways of reading take their names and limits
from here, so they agree (``tests/unit/test_reminder_facts.py`` holds them to it).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, time
from typing import Any, Final, Literal, get_args

from trainer.journal.quick_read import JOURNAL_VERSION

Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ReminderKind = Literal["desk-break", "session", "morning-check"]
Outcome = Literal["shown", "taken", "skipped", "postponed", "away"]
Channel = Literal["tmux", "notify-send", "osc9", "bell"]

WEEKDAYS: tuple[Weekday, ...] = get_args(Weekday)
"""Monday first, as ``date.weekday()`` counts."""
REMINDER_KINDS: tuple[ReminderKind, ...] = get_args(ReminderKind)
OUTCOMES: tuple[Outcome, ...] = get_args(Outcome)
CHANNELS: tuple[Channel, ...] = get_args(Channel)
OPEN_OUTCOMES: tuple[Outcome, ...] = ("shown", "postponed")
"""A prompt with one of these is still waiting for an answer."""

REMINDER_LABELS: dict[ReminderKind, str] = {
    "desk-break": "desk break",
    "session": "today's session",
    "morning-check": "morning check-in",
}
OUTCOME_LABELS: dict[Outcome, str] = {
    "shown": "shown",
    "taken": "taken",
    "skipped": "skipped",
    "postponed": "put off",
    "away": "you were away",
}
CHANNEL_LABELS: dict[Channel, str] = {
    "tmux": "tmux popup",
    "notify-send": "desktop notification",
    "osc9": "terminal notification",
    "bell": "terminal bell",
}


@dataclass(frozen=True)
class Bounds:
    """A whole-number setting: its limits, its default, and the step the Settings screen moves it by."""

    minimum: int
    maximum: int
    default: int
    step: int = 1


BREAK_MINUTES: Final = Bounds(30, 60, 45, 5)
"""A desk break every 30 to 60 minutes of sitting (the content's 'Sitting and desk work' tip)."""
AWAY_MINUTES: Final = Bounds(2, 60, 10, 1)
"""No input for this long and you are away: nothing is shown, and a desk break counts as taken."""
POSTPONE_MINUTES: Final = Bounds(5, 30, 10, 5)
"""'Later' (or no answer) brings a prompt back after this long."""
MAX_POSTPONES: Final = Bounds(0, 5, 2, 1)
"""A prompt comes back at most this many times; then it is skipped."""
QUIET_TIMES_MAX: Final = 4
WORKING_HOURS_MIN_MINUTES: Final = 60
"""The working day is at least an hour (today's session is offered in its last hour)."""
DEFAULT_DAYS: tuple[Weekday, ...] = WEEKDAYS[:5]
DEFAULT_START: Final = "09:00"
DEFAULT_END: Final = "17:30"
CLOCK_TIME: Final = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$"
"""A time of day as the settings hold it: ``HH:MM``, 24-hour."""
_CLOCK = re.compile(CLOCK_TIME)


# The weekly goal (``Settings.sessions_per_week_goal``) and when a session counts towards it
# (``SessionRecord.counts``): the same numbers as in ``models``, which a test compares.
GOAL_LIMITS: Final = Bounds(1, 14, 3)
COUNTS_FROM_SHARE: Final = 0.5
COUNTS_FROM_ACTIVE_MINUTES: Final = 10.0


def clock(text: Any) -> time:
    """``"09:30"`` -> ``time(9, 30)`` (``ValueError`` for anything else)."""
    if not isinstance(text, str) or not _CLOCK.fullmatch(text):
        raise ValueError(f"{text!r} is not a time of day (HH:MM)")
    return time(int(text[:2]), int(text[3:]))


def minutes_of(moment: time) -> int:
    return moment.hour * 60 + moment.minute


# --- the rules the schedule follows -------------------------------------------------------------


@dataclass(frozen=True)
class QuietTime:
    """No prompts from ``start`` to ``end`` (which may be after midnight: 22:00 to 07:00)."""

    start: time
    end: time

    def holds(self, moment: time) -> bool:
        if self.start < self.end:
            return self.start <= moment < self.end
        return moment >= self.start or moment < self.end


@dataclass(frozen=True)
class ReminderRules:
    """The reminder settings as the schedule uses them (from ``Settings.reminders`` and the weekly goal)."""

    enabled: bool = False
    days: frozenset[int] = frozenset(range(5))
    """Working days, 0 = Monday."""
    start: time = time(9, 0)
    end: time = time(17, 30)
    break_minutes: int = BREAK_MINUTES.default
    quiet: tuple[QuietTime, ...] = ()
    away_minutes: int = AWAY_MINUTES.default
    postpone_minutes: int = POSTPONE_MINUTES.default
    max_postpones: int = MAX_POSTPONES.default
    session: bool = True
    morning_check: bool = True
    weekly_goal: int = GOAL_LIMITS.default


def _whole(value: Any, bounds: Bounds) -> int:
    if type(value) is not int or not bounds.minimum <= value <= bounds.maximum:
        raise ValueError(f"{value!r} is not a whole number from {bounds.minimum} to {bounds.maximum}")
    return value


def _flag(value: Any) -> bool:
    if type(value) is not bool:
        raise ValueError(f"{value!r} is not true or false")
    return value


def working_hours_problem(start: time, end: time) -> str | None:
    if minutes_of(end) - minutes_of(start) < WORKING_HOURS_MIN_MINUTES:
        return f"the working day must end at least {WORKING_HOURS_MIN_MINUTES} minutes after it starts"
    return None


def rules_from_document(document: Any, weekly_goal: Any = GOAL_LIMITS.default) -> ReminderRules:
    """The rules from a stored ``reminders`` document (as ``ReminderSettings`` writes it).

    Raises ``ValueError`` for anything ``ReminderSettings`` would refuse that the rules use; a missing
    document or field takes its default, as the model does. A goal that is not valid reads as the default.
    """
    if document is None:
        document = {}
    if not isinstance(document, Mapping):
        raise ValueError("the reminder settings are not an object")
    default = ReminderRules()
    days = document.get("days", list(DEFAULT_DAYS))
    if (
        not isinstance(days, list)
        or not days
        or len(set(days)) != len(days)
        or not all(isinstance(day, str) and day in WEEKDAYS for day in days)
    ):
        raise ValueError(f"{days!r} is not a list of weekdays")
    start = clock(document.get("start", DEFAULT_START))
    end = clock(document.get("end", DEFAULT_END))
    problem = working_hours_problem(start, end)
    if problem is not None:
        raise ValueError(problem)
    quiet_documents = document.get("quiet", [])
    if not isinstance(quiet_documents, list) or len(quiet_documents) > QUIET_TIMES_MAX:
        raise ValueError(f"at most {QUIET_TIMES_MAX} quiet times")
    quiet = []
    for period in quiet_documents:
        if not isinstance(period, Mapping):
            raise ValueError("a quiet time is not an object")
        quiet_time = QuietTime(clock(period.get("start")), clock(period.get("end")))
        if quiet_time.start == quiet_time.end:
            raise ValueError("a quiet time ends when it starts")
        quiet.append(quiet_time)
    try:
        goal = _whole(weekly_goal, GOAL_LIMITS)
    except ValueError:
        goal = GOAL_LIMITS.default
    return ReminderRules(
        enabled=_flag(document.get("enabled", default.enabled)),
        days=frozenset(WEEKDAYS.index(day) for day in days),
        start=start,
        end=end,
        break_minutes=_whole(document.get("break_minutes", default.break_minutes), BREAK_MINUTES),
        quiet=tuple(quiet),
        away_minutes=_whole(document.get("away_minutes", default.away_minutes), AWAY_MINUTES),
        postpone_minutes=_whole(document.get("postpone_minutes", default.postpone_minutes), POSTPONE_MINUTES),
        max_postpones=_whole(document.get("max_postpones", default.max_postpones), MAX_POSTPONES),
        session=_flag(document.get("session", default.session)),
        morning_check=_flag(document.get("morning_check", default.morning_check)),
        weekly_goal=goal,
    )


# --- what the journal says ----------------------------------------------------------------------


@dataclass(frozen=True)
class SessionFact:
    at: datetime
    ended: datetime
    counts: bool
    """Enough of it was done to count towards the weekly goal (``SessionRecord.counts``)."""


@dataclass(frozen=True)
class PromptFact:
    """A reminder prompt and what became of it (``models.ReminderPrompt``)."""

    id: str
    reminder: ReminderKind
    outcome: Outcome
    at: datetime
    """When it was first shown (or found you away)."""
    outcome_at: datetime
    """When it took its outcome: shown again, answered."""
    postpones: int

    @property
    def open(self) -> bool:
        return self.outcome in OPEN_OUTCOMES


Fact = datetime | SessionFact | PromptFact
"""A check-in (its time), a session, or a prompt."""


@dataclass(frozen=True)
class JournalFacts:
    """What the schedule needs from the journal: check-ins, sessions and prompts (any order)."""

    check_ins: tuple[datetime, ...] = ()
    sessions: tuple[SessionFact, ...] = ()
    prompts: tuple[PromptFact, ...] = ()
    unreadable: int = 0
    """Journal files that could not be read (left out)."""


def _moment(value: Any) -> datetime:
    if not isinstance(value, str):
        raise ValueError("not a time")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a time without its zone")
    return moment


def _share(value: Any) -> float:
    if type(value) not in (int, float) or not 0 <= value <= 1:
        raise ValueError("not a share")
    return float(value)


def _active_minutes(exercises: Any) -> float:
    if not isinstance(exercises, list):
        raise ValueError("not a list of exercises")
    seconds = 0.0
    for done in exercises:
        value: Any = done.get("seconds", 0.0) if isinstance(done, Mapping) else None
        if type(value) not in (int, float) or value < 0:
            raise ValueError("not a time spent")
        seconds += value
    return seconds / 60


def fact_of(document: Any) -> Fact | None:
    """The fact a stored entry gives, or None: another kind, a newer journal version, or a value that does
    not pass (never an exception: a journal file may have been made by hand)."""
    try:
        if not isinstance(document, Mapping) or document.get("schema_version", JOURNAL_VERSION) != JOURNAL_VERSION:
            return None
        kind = document.get("kind")
        at = _moment(document.get("at"))
        if kind == "check-in":
            return at
        if kind == "session":
            ended = _moment(document.get("ended"))
            share = _share(document.get("completion"))
            active = _active_minutes(document.get("exercises", []))
            if ended < at:
                return None
            return SessionFact(at, ended, share >= COUNTS_FROM_SHARE or active >= COUNTS_FROM_ACTIVE_MINUTES)
        if kind == "reminder":
            reminder, outcome = document.get("reminder"), document.get("outcome", "shown")
            identifier, postpones = document.get("id"), document.get("postpones", 0)
            if reminder not in REMINDER_KINDS or outcome not in OUTCOMES or not isinstance(identifier, str):
                return None
            outcome_at = _moment(document.get("outcome_at"))
            if outcome_at < at:
                return None
            return PromptFact(identifier, reminder, outcome, at, outcome_at, _whole(postpones, MAX_POSTPONES))
    except (ValueError, TypeError, OverflowError):
        return None
    return None


def gather(facts: list[Fact], unreadable: int = 0) -> JournalFacts:
    return JournalFacts(
        check_ins=tuple(fact for fact in facts if isinstance(fact, datetime)),
        sessions=tuple(fact for fact in facts if isinstance(fact, SessionFact)),
        prompts=tuple(fact for fact in facts if isinstance(fact, PromptFact)),
        unreadable=unreadable,
    )
