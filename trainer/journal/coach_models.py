"""What the journal keeps for the coach: the getting-started answers and goals, the programme's progress (in
the settings), and an entry for each decision about a dose and for each review.

Goals are typed by the person: they are ``PlainText`` like every other text here. The settings parts
ignore keys they do not know (like ``Settings``), so a newer app's additions never make an older one drop
the whole programme.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints, field_validator, model_validator

from trainer.journal.base import ContentId, EntryBase, EntryId, JournalModel, Notes, Pain, Title, unique, visible_text
from trainer.text_types import PlainText

WorseWith = Literal["bending-forward", "bending-back", "sitting", "standing", "walking"]
Verdict = Literal["green", "amber", "red"]
Choice = Literal["accepted", "kept", "easier"]
DecisionSource = Literal["session", "morning", "review"]
ReviewOutcome = Literal["keep-going", "ease-off", "see-professional"]

WORSE_WITH: tuple[WorseWith, ...] = get_args(WorseWith)
REVIEW_OUTCOMES: tuple[ReviewOutcome, ...] = get_args(ReviewOutcome)

WORSE_WITH_LABELS: dict[WorseWith, str] = {
    "bending-forward": "bending forwards",
    "bending-back": "bending backwards",
    "sitting": "sitting",
    "standing": "standing",
    "walking": "walking",
}
CHOICE_LABELS: dict[Choice, str] = {"accepted": "accepted", "kept": "kept the dose", "easier": "went easier"}
REVIEW_OUTCOME_LABELS: dict[ReviewOutcome, str] = {
    "keep-going": "keep going",
    "ease-off": "ease off",
    "see-professional": "see a professional",
}

# The coach's questions, in the project's own words.
WORSE_WITH_QUESTION = "What makes your back worse? Choose any that apply."
LEG_PAIN_QUESTION = "Does your pain go down into a leg?"
FLOOR_QUESTION = "Is getting down to the floor and back up all right for you?"
MINUTES_QUESTION = "About how many minutes a day can you give to your sessions?"
WALK_QUESTION = "On an ordinary day, how many minutes can you walk in one go before your back complains?"
GOAL_QUESTION = "What would you like to be able to do? Say it in your own words, with a date to aim for."
MORNING_QUESTION = "Is your back worse than before yesterday's session?"
GOAL_RATING_QUESTION = "How easy is this for you now? (0 = I cannot do it yet, 10 = easily)"

MAX_GOALS = 2
MAX_RUNG = 19
"""The highest rung number the journal keeps (a ladder has at most 20 rungs)."""

GoalText = Annotated[
    PlainText, StringConstraints(strip_whitespace=True, min_length=1, max_length=120), AfterValidator(visible_text)
]
DoseText = Annotated[PlainText, StringConstraints(min_length=1, max_length=160)]
Reason = Annotated[PlainText, StringConstraints(min_length=1, max_length=600)]
RungNumber = Annotated[int, Field(ge=0, le=MAX_RUNG, strict=True)]


class SettingsPart(JournalModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class Goal(SettingsPart):
    """Something the person wants to be able to do, in their own words, and when by."""

    text: GoalText
    target: date | None = None


class StartAnswers(SettingsPart):
    """The getting-started answers (every one may be skipped: the defaults leave nothing out)."""

    worse_with: list[WorseWith] = Field(default_factory=list, description=WORSE_WITH_QUESTION)
    leg_pain: bool = Field(default=False, description=LEG_PAIN_QUESTION)
    floor_ok: bool = Field(default=True, description=FLOOR_QUESTION)
    minutes_a_day: int = Field(default=15, ge=5, le=120, description=MINUTES_QUESTION)
    walk_minutes: int | None = Field(default=None, ge=1, le=180, description=WALK_QUESTION)
    goals: list[Goal] = Field(default_factory=list, max_length=MAX_GOALS, description=GOAL_QUESTION)

    @field_validator("worse_with")
    @classmethod
    def _no_repeats(cls, values: list[str]) -> list[str]:
        return unique(values, "answer")


class ProgrammeProgress(SettingsPart):
    """Where the person is in a programme: since when, with which answers, on which rung of each ladder."""

    programme_id: ContentId
    started: date
    answers: StartAnswers = Field(default_factory=StartAnswers)
    rungs: dict[ContentId, RungNumber] = Field(
        default_factory=dict, description="The current rung of each ladder (by its exercise id); absent: its start."
    )


class Decision(EntryBase):
    """What the coach proposed for one exercise's dose, why, and what the person chose."""

    kind: Literal["decision"] = "decision"
    programme_id: ContentId
    exercise_id: ContentId = Field(description="The ladder: the exercise it builds up.")
    name: Title = Field(description="The exercise's name when the decision was made.")
    source: DecisionSource
    session_id: EntryId | None = Field(default=None, description="The session the decision followed.")
    verdict: Verdict | None = None
    from_rung: RungNumber
    from_dose: DoseText
    proposed_rung: RungNumber
    proposed_dose: DoseText
    to_rung: RungNumber = Field(description="The rung in force after the person's choice.")
    to_dose: DoseText
    choice: Choice
    reason: Reason

    @model_validator(mode="after")
    def _choice_matches(self) -> Decision:
        if self.choice == "accepted" and self.to_rung != self.proposed_rung:
            raise ValueError("an accepted decision moves to the proposed rung")
        if self.choice == "kept" and self.to_rung != self.from_rung:
            raise ValueError("a kept dose stays on its rung")
        if self.choice == "easier" and self.to_rung > self.from_rung:
            raise ValueError("going easier never moves up a rung")
        return self

    @property
    def changed(self) -> bool:
        return self.to_rung != self.from_rung


class GoalRating(JournalModel):
    goal: GoalText
    target: date | None = None
    rating: Pain = Field(description=GOAL_RATING_QUESTION)


class Review(EntryBase):
    """A review of the programme at a week it names: the trend, the goals and what comes next."""

    kind: Literal["review"] = "review"
    programme_id: ContentId
    week: int = Field(ge=1, le=52)
    first_week_average: float | None = Field(default=None, ge=0, le=10)
    last_week_average: float | None = Field(default=None, ge=0, le=10)
    trend: Reason = Field(description="The change in pain since the start, in words.")
    goals: list[GoalRating] = Field(default_factory=list, max_length=MAX_GOALS)
    suggested: ReviewOutcome = Field(description="What the coach suggested.")
    outcome: ReviewOutcome = Field(description="What the person chose.")
    reasons: list[Reason] = Field(default_factory=list, max_length=12)
    notes: Notes = ""
