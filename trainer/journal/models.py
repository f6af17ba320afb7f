"""What the journal stores: check-ins, weekly checks, session records, settings (and, from
``coach_models``, the coach's decisions and reviews and the programme's progress).

Every document carries ``schema_version``; a document from a newer version
of the app is never rewritten by this one (the store turns read-only).
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import AwareDatetime, ConfigDict, Field, field_validator, model_validator

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
Helper = Literal["heat", "cold", "movement", "walk", "rest", "medicine", "other"]
GlobalChange = Literal["much-worse", "worse", "a-little-worse", "no-change", "a-little-better", "better", "much-better"]
SessionEnd = Literal["finished", "stopped-pain", "stopped-choice"]
StopReason = Literal["pain", "tired", "out-of-time", "other"]
EntryKind = Literal["check-in", "weekly-check", "session", "decision", "review"]

LOCATIONS: tuple[Location, ...] = get_args(Location)
LEG_SYMPTOMS: tuple[LegSymptom, ...] = get_args(LegSymptom)
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


Entry = Annotated[CheckIn | WeeklyCheck | SessionRecord | Decision | Review, Field(discriminator="kind")]
AnyEntry = CheckIn | WeeklyCheck | SessionRecord | Decision | Review


class PersonalDose(JournalModel):
    """A person's own dose for one exercise (set with d on the exercise), used by every session that has it.
    A field left empty keeps the routine's (or the exercise's starting) value."""

    sets: int | None = Field(default=None, ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=100)
    hold_seconds: int | None = Field(default=None, ge=1, le=1800)


class Settings(JournalModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    schema_version: Literal[1] = JOURNAL_SCHEMA_VERSION
    disclaimer_seen: bool = False
    sessions_per_week_goal: int = Field(default=3, ge=1, le=14)
    bell: bool = True
    get_ready_seconds: int = Field(default=10, ge=5, le=60, description="Time to get into position before an exercise.")
    dose_changes: dict[ContentId, PersonalDose] = Field(default_factory=dict)
    programme: ProgrammeProgress | None = Field(default=None, description="The coach's programme, once started.")
