"""What the journal stores: check-ins, weekly checks, session records, reminder prompts, settings (and,
from ``coach_models``, the coach's decisions and reviews and the programme's progress).

Every document carries ``schema_version``; a document from a newer version
of the app is never rewritten by this one (the store turns read-only).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal, get_args

from pydantic import (
    AwareDatetime,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from trainer.journal import reminders
from trainer.journal.base import JOURNAL_SCHEMA_VERSION as JOURNAL_SCHEMA_VERSION
from trainer.journal.base import NOTES_MAX as NOTES_MAX
from trainer.journal.base import ContentId as ContentId
from trainer.journal.base import EntryBase as EntryBase
from trainer.journal.base import EntryId as EntryId
from trainer.journal.base import JournalModel as JournalModel
from trainer.journal.base import Notes as Notes
from trainer.journal.base import Pain as Pain
from trainer.journal.base import Tag as Tag
from trainer.journal.base import Title as Title
from trainer.journal.base import new_id as new_id
from trainer.journal.base import unique as _unique
from trainer.journal.base import utc_now as utc_now
from trainer.journal.coach_models import Decision as Decision
from trainer.journal.coach_models import ProgrammeProgress as ProgrammeProgress
from trainer.journal.coach_models import Review as Review
from trainer.journal.reminders import Channel, Outcome, ReminderKind, Weekday

Location = Literal[
    "lower-back-centre",
    "lower-back-left",
    "lower-back-right",
    "buttock-left",
    "buttock-right",
    "leg-left-above-knee",
    "leg-left-below-knee",
    "leg-right-above-knee",
    "leg-right-below-knee",
]
LegSymptom = Literal["pain", "numbness", "tingling", "weakness"]
LegSide = Literal["left", "right", "both"]
Helper = Literal["heat", "cold", "movement", "walk", "rest", "medicine", "other"]
GlobalChange = Literal["much-worse", "worse", "a-little-worse", "no-change", "a-little-better", "better", "much-better"]
SessionEnd = Literal["finished", "stopped-pain", "stopped-choice"]
StopReason = Literal["pain", "tired", "out-of-time", "other"]
Colours = Literal["calm", "high-contrast"]
EntryKind = Literal["check-in", "weekly-check", "session", "reminder", "decision", "review"]

LOCATIONS: tuple[Location, ...] = get_args(Location)
LEG_SYMPTOMS: tuple[LegSymptom, ...] = get_args(LegSymptom)
LEG_SIDES: tuple[LegSide, ...] = get_args(LegSide)
LEG_SIDE_LABELS: dict[LegSide, str] = {"left": "left leg", "right": "right leg", "both": "both legs"}
HELPERS: tuple[Helper, ...] = get_args(Helper)
GLOBAL_CHANGES: tuple[GlobalChange, ...] = get_args(GlobalChange)

LOCATION_LABELS: dict[Location, str] = {
    "lower-back-centre": "lower back, centre",
    "lower-back-left": "lower back, left",
    "lower-back-right": "lower back, right",
    "buttock-left": "left buttock",
    "buttock-right": "right buttock",
    "leg-left-above-knee": "left leg, above knee",
    "leg-left-below-knee": "left leg, below knee",
    "leg-right-above-knee": "right leg, above knee",
    "leg-right-below-knee": "right leg, below knee",
}
GLOBAL_CHANGE_LABELS: dict[GlobalChange, str] = {
    "much-worse": "much worse",
    "worse": "worse",
    "a-little-worse": "a little worse",
    "no-change": "about the same",
    "a-little-better": "a little better",
    "better": "better",
    "much-better": "much better",
}

# The weekly check: the project's own questions (content brief 3.2), not a validated scale.
ACTIVITY_QUESTION = (
    "In the past week, how much did pain get in the way of your usual activities (work, chores, getting around)?"
)
ENJOYMENT_QUESTION = "In the past week, how much did pain get in the way of enjoying life?"
GLOBAL_CHANGE_QUESTION = "Compared with when you started using the app, how is your back overall?"
PAIN_NOW_QUESTION = "How bad is your back pain right now?"
PAIN_AVERAGE_QUESTION = "Over the last 24 hours, what was your pain on average?"

WHOLE_PLAN = 0.995
"""A session completion from here up counts (and shows) as the whole plan, 100%."""
COUNTS_FROM_SHARE = 0.5
COUNTS_FROM_ACTIVE_MINUTES = 10.0
"""A session counts towards the weekly goal, the streaks and adherence once at least half of its plan was
done, or at least 10 minutes of its exercises; a shorter try is kept and shown as "started"."""


class CheckIn(EntryBase):
    kind: Literal["check-in"] = "check-in"
    pain_now: Pain
    pain_average: Pain | None = Field(default=None, description="Average pain over the last 24 hours.")
    where: list[Location] = Field(default_factory=list)
    leg_symptoms: list[LegSymptom] = Field(default_factory=list)
    leg_side: LegSide | None = Field(
        default=None, description="Which leg the leg symptoms are in (symptoms in both legs are an emergency sign)."
    )
    helped: list[Helper] = Field(default_factory=list)
    triggers: list[Tag] = Field(default_factory=list, max_length=20)
    walked_minutes: int | None = Field(default=None, ge=0, le=1440)
    sleep_quality: Pain | None = Field(default=None, description="0 = very poor ... 10 = very good.")
    notes: Notes = ""
    session_worse: bool | None = Field(
        default=None, description="The coach's morning question: is your back worse than before the session?"
    )
    about_session: EntryId | None = Field(default=None, description="The session the morning question was about.")

    @field_validator("where", "leg_symptoms", "helped", "triggers")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return _unique(values, "value")

    @field_validator("leg_side")
    @classmethod
    def _side_with_a_symptom(cls, side: LegSide | None, info: ValidationInfo) -> LegSide | None:
        if side is not None and not info.data.get("leg_symptoms"):
            raise ValueError("which leg goes with a leg symptom: give the symptom too")
        return side

    @model_validator(mode="after")
    def _about_an_answer(self) -> CheckIn:
        if self.about_session is not None and self.session_worse is None:
            raise ValueError("about_session names the session of the morning question, which has no answer")
        return self


class WeeklyCheck(EntryBase):
    """Project-worded weekly questions (not a validated instrument)."""

    kind: Literal["weekly-check"] = "weekly-check"
    activity_interference: Pain = Field(description="How much pain got in the way of usual activities this week.")
    enjoyment_interference: Pain = Field(description="How much pain got in the way of enjoying life this week.")
    global_change: GlobalChange = Field(description="Overall change since starting to use the app.")


class ExerciseDone(JournalModel):
    exercise_id: ContentId
    name: Title
    sets_planned: int = Field(ge=0)
    sets_done: int = Field(ge=0)
    reps_done: int = Field(default=0, ge=0)
    holds_done: int = Field(default=0, ge=0)
    seconds: float = Field(default=0.0, ge=0, description="Time spent on its steps.")

    @model_validator(mode="after")
    def _not_more_than_planned(self) -> ExerciseDone:
        if self.sets_done > self.sets_planned:
            raise ValueError(f"sets_done ({self.sets_done}) is more than sets_planned ({self.sets_planned})")
        return self


class SessionRecord(EntryBase):
    kind: Literal["session"] = "session"
    title: Title
    routine_id: ContentId | None = None
    exercise_id: ContentId | None = Field(default=None, description="Set when the session was a single exercise.")
    ended: AwareDatetime
    exercises: list[ExerciseDone] = Field(default_factory=list)
    pain_before: Pain | None = None
    pain_peak: Pain | None = None
    pain_after: Pain | None = None
    effort: Pain | None = Field(default=None, description="How hard it felt, 0-10.")
    completion: float = Field(ge=0.0, le=1.0, description="Share of the planned time completed.")
    ended_how: SessionEnd
    stop_reason: StopReason | None = None
    note: Notes = ""

    @model_validator(mode="after")
    def _consistent(self) -> SessionRecord:
        if self.ended < self.at:
            raise ValueError("a session cannot end before it starts")
        if self.ended_how == "finished" and self.stop_reason is not None:
            raise ValueError("a finished session has no stop reason")
        if self.ended_how == "stopped-pain" and self.stop_reason != "pain":
            raise ValueError("a session stopped for pain has stop_reason 'pain'")
        if self.stop_reason == "pain" and self.ended_how != "stopped-pain":
            raise ValueError("stop_reason 'pain' belongs to a session that ended_how 'stopped-pain'")
        return self

    @property
    def minutes(self) -> float:
        return (self.ended - self.at).total_seconds() / 60

    @property
    def active_minutes(self) -> float:
        """Time spent on its exercises (not getting ready, not paused)."""
        return sum(done.seconds for done in self.exercises) / 60

    @property
    def counts(self) -> bool:
        """Enough of it was done to count (``COUNTS_FROM_SHARE``, ``COUNTS_FROM_ACTIVE_MINUTES``)."""
        return self.completion >= COUNTS_FROM_SHARE or self.active_minutes >= COUNTS_FROM_ACTIVE_MINUTES

    @property
    def skipped_some(self) -> bool:
        """Played to its end, but with parts of the plan skipped (completion shows under 100%)."""
        return self.ended_how == "finished" and self.completion < WHOLE_PLAN


class ReminderPrompt(EntryBase):
    """A reminder prompt (``backtrainer remind``) and what became of it: shown, then taken, skipped or put
    off (it comes back, up to the cap); or, for a desk break, found you away (which counts as a break).
    ``at`` is when it was first shown; ``outcome_at`` when it last changed."""

    kind: Literal["reminder"] = "reminder"
    reminder: ReminderKind
    outcome: Outcome = "shown"
    outcome_at: AwareDatetime
    channel: Channel | None = Field(default=None, description="How it was shown (none when you were away).")
    postpones: int = Field(
        default=0, ge=0, le=reminders.MAX_POSTPONES.maximum, strict=True, description="Times it was put off."
    )

    @model_validator(mode="after")
    def _consistent(self) -> ReminderPrompt:
        if self.outcome_at < self.at:
            raise ValueError("a prompt cannot change before it was shown")
        if (self.outcome == "away") != (self.channel is None):
            raise ValueError("a prompt has a channel unless it found you away")
        return self

    @property
    def open(self) -> bool:
        return self.outcome in reminders.OPEN_OUTCOMES


Entry = Annotated[
    CheckIn | WeeklyCheck | SessionRecord | ReminderPrompt | Decision | Review, Field(discriminator="kind")
]
AnyEntry = CheckIn | WeeklyCheck | SessionRecord | ReminderPrompt | Decision | Review


class PersonalDose(JournalModel):
    """A person's own dose for one exercise (set with d on the exercise), used by every session that has it.
    A field left empty keeps the routine's (or the exercise's starting) value."""

    sets: int | None = Field(default=None, ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=100)
    hold_seconds: int | None = Field(default=None, ge=1, le=1800)


def _strict_int(bounds: reminders.Bounds) -> Any:
    return Field(default=bounds.default, ge=bounds.minimum, le=bounds.maximum, strict=True)


ClockTime = Annotated[str, StringConstraints(pattern=reminders.CLOCK_TIME, strict=True)]
"""A time of day, ``HH:MM`` (24-hour)."""


class QuietTimeSetting(JournalModel):
    """No prompts from ``start`` to ``end`` (past midnight when ``end`` is earlier)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    start: ClockTime
    end: ClockTime

    @model_validator(mode="after")
    def _not_empty(self) -> QuietTimeSetting:
        if self.start == self.end:
            raise ValueError("a quiet time ends when it starts")
        return self


class ReminderSettings(JournalModel):
    """When ``backtrainer remind`` and ``status`` may prompt you (off until you turn them on).

    The limits and defaults are written once, in ``trainer.journal.reminders``, which ``status`` reads
    without pydantic."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    enabled: bool = Field(default=False, strict=True)
    days: list[Weekday] = Field(default_factory=lambda: list(reminders.DEFAULT_DAYS), min_length=1, max_length=7)
    start: ClockTime = Field(default=reminders.DEFAULT_START, description="When the working day starts.")
    end: ClockTime = Field(default=reminders.DEFAULT_END, description="When it ends.")
    break_minutes: int = _strict_int(reminders.BREAK_MINUTES)
    quiet: list[QuietTimeSetting] = Field(default_factory=list, max_length=reminders.QUIET_TIMES_MAX)
    away_minutes: int = _strict_int(reminders.AWAY_MINUTES)
    postpone_minutes: int = _strict_int(reminders.POSTPONE_MINUTES)
    max_postpones: int = _strict_int(reminders.MAX_POSTPONES)
    session: bool = Field(default=True, strict=True, description="Remind about today's session.")
    morning_check: bool = Field(default=True, strict=True, description="Remind about the morning check-in.")

    @field_validator("days")
    @classmethod
    def _days_once(cls, days: list[str]) -> list[str]:
        return _unique(days, "day")

    @model_validator(mode="after")
    def _a_working_day(self) -> ReminderSettings:
        problem = reminders.working_hours_problem(reminders.clock(self.start), reminders.clock(self.end))
        if problem is not None:
            raise ValueError(problem)
        return self

    def rules(self, weekly_goal: int) -> reminders.ReminderRules:
        return reminders.rules_from_document(self.model_dump(mode="json"), weekly_goal)


class Settings(JournalModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    schema_version: Literal[1] = JOURNAL_SCHEMA_VERSION
    disclaimer_seen: bool = False
    sessions_per_week_goal: int = Field(default=3, ge=1, le=14)
    bell: bool = True
    colours: Colours = Field(default="calm", description="The app's colours: calm, or high contrast.")
    get_ready_seconds: int = Field(default=10, ge=5, le=60, description="Time to get into position before an exercise.")
    dose_changes: dict[ContentId, PersonalDose] = Field(default_factory=dict)
    reminders: ReminderSettings = Field(default_factory=ReminderSettings)
    programme: ProgrammeProgress | None = Field(default=None, description="The coach's programme, once started.")
