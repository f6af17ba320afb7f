"""Pydantic models for the teaching content in ``content/``.

These models are the schema: the JSON files are validated against them at
load time and ``content/schema/*.json`` is generated from them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from trainer.catalog.poses import BASE_POSITIONS as BASE_POSITIONS
from trainer.catalog.poses import BasePosition as BasePosition
from trainer.catalog.poses import Pose as Pose
from trainer.catalog.poses import Poses as Poses
from trainer.catalog.poses import Prop as Prop
from trainer.catalog.programme import Programme as Programme
from trainer.catalog.strict import LEVELS as LEVELS
from trainer.catalog.strict import Level as Level
from trainer.catalog.strict import Sentence as Sentence
from trainer.catalog.strict import ShortText as ShortText
from trainer.catalog.strict import Slug as Slug
from trainer.catalog.strict import Strict as Strict
from trainer.text_types import MultilineText, PlainText

SCHEMA_VERSION: Literal[1] = 1

Title = Annotated[PlainText, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
"""A title as published (some run to a couple of hundred characters)."""
MarkdownBody = Annotated[MultilineText, StringConstraints(min_length=20)]

Category = Literal["strength", "stretch", "mobility", "aerobic", "balance", "relaxation", "technique"]
Evidence = Literal["strong evidence", "some evidence", "common advice"]
BodyArea = Literal[
    "lower back",
    "upper back",
    "core",
    "glutes",
    "hips",
    "hamstrings",
    "legs",
    "shoulders",
    "whole body",
]
Equipment = Literal["mat", "chair", "towel", "resistance band", "wall", "cushion", "step"]
RepMode = Literal["paced", "self-paced"]
RoutinePart = Literal["warm-up", "main", "cool-down"]
Sensitivity = Literal["bending-back-hurts", "bending-forward-hurts", "leg-pain"]
"""A direction of sensitivity: the coach leaves out exercises that list it in ``avoid_if``."""

CATEGORIES: tuple[Category, ...] = (
    "strength",
    "stretch",
    "mobility",
    "aerobic",
    "balance",
    "relaxation",
    "technique",
)


class IntRange(Strict):
    """An inclusive range of whole numbers, e.g. 10-15 reps."""

    min: int = Field(ge=0)
    max: int = Field(ge=0)

    @model_validator(mode="after")
    def _ordered(self) -> IntRange:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is larger than max ({self.max})")
        return self

    def __str__(self) -> str:
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


class TempoPhase(Strict):
    """One phase of a repetition, e.g. ``Lift`` for 2 seconds."""

    cue: ShortText = Field(description="Plain word shown and spoken as the cue, e.g. 'Lift'.")
    seconds: float = Field(gt=0, le=60)
    is_hold: bool = Field(
        default=False,
        description="The phase held at the end of the movement; its length follows the dose's hold_seconds.",
    )


class Dose(Strict):
    """The starting suggestion for an exercise.

    A rep exercise has ``reps`` (and a ``tempo``); a hold exercise has
    ``hold_seconds`` and no ``reps``. A rep exercise may also have
    ``hold_seconds``: the pause at the end of each rep.
    """

    sets: IntRange = Field(description="Sets (or rounds of holds).")
    reps: IntRange | None = Field(default=None, description="Repetitions per set (per side if per_side).")
    hold_seconds: IntRange | None = Field(
        default=None, description="Length of each hold, or the pause inside each rep."
    )
    per_side: bool = Field(default=False, description="Done on the left, then on the right.")
    rest_seconds: int = Field(default=30, ge=0, le=600, description="Rest between sets.")

    @model_validator(mode="after")
    def _reps_or_hold(self) -> Dose:
        if self.reps is None and self.hold_seconds is None:
            raise ValueError("a dose needs reps, hold_seconds, or both")
        if self.sets.min < 1:
            raise ValueError("sets must be at least 1")
        if self.reps is not None and self.reps.min < 1:
            raise ValueError("reps must be at least 1")
        if self.hold_seconds is not None and self.hold_seconds.min < 1:
            raise ValueError("hold_seconds must be at least 1")
        return self

    @property
    def is_hold(self) -> bool:
        """True when each rep is a single hold (no repeated movement)."""
        return self.reps is None


class SourceRef(Strict):
    author: ShortText = Field(description="First author as published, e.g. 'Foster NE', or the body, e.g. 'NICE'.")
    title: Title = Field(description="The title as published.")
    year: int = Field(ge=1900, le=2100)


class Sides(Strict):
    """What each side means for a per-side exercise, e.g. 'left arm and right leg'."""

    left: ShortText
    right: ShortText


class Exercise(Strict):
    id: Slug
    name: ShortText
    category: Category
    body_areas: list[BodyArea] = Field(min_length=1)
    purpose: Sentence
    steps: list[Sentence] = Field(min_length=2, description="Ordered steps, one action each.")
    dose: Dose
    tempo: list[TempoPhase] | None = Field(
        default=None, description="Phases of one rep (required when the dose has reps)."
    )
    hold_cue: ShortText = Field(default="Hold", description="Cue shown during a hold, e.g. 'Stretch' or 'Walk'.")
    rep_mode: RepMode = Field(
        default="paced", description="paced: the tempo drives each rep; self-paced: a key press after each rep."
    )
    equipment: list[Equipment] = Field(default_factory=list)
    level: Level
    easier: list[Slug] = Field(default_factory=list, description="Ids of easier variations.")
    harder: list[Slug] = Field(default_factory=list, description="Ids of harder variations.")
    cautions: list[Sentence] = Field(default_factory=list)
    evidence: Evidence
    evidence_note: Sentence | None = None
    dose_source: SourceRef | None = Field(default=None, description="Where the starting dose comes from.")
    sides: Sides | None = Field(
        default=None, description="What left and right mean (required when the dose is per side, else forbidden)."
    )
    avoid_if: list[Sensitivity] = Field(
        default_factory=list, description="Leave this exercise out at first for people with these sensitivities."
    )
    poses: Poses | None = Field(
        default=None,
        description="The start and end positions, drawn as a moving figure (none: no figure is shown).",
    )

    @model_validator(mode="after")
    def _sides_match_dose(self) -> Exercise:
        if self.dose.per_side and self.sides is None:
            raise ValueError("a per-side exercise needs sides (what left and right mean)")
        if not self.dose.per_side and self.sides is not None:
            raise ValueError("sides are only for a per-side exercise (dose.per_side is false)")
        return self

    @model_validator(mode="after")
    def _tempo_matches_dose(self) -> Exercise:
        dose = self.dose
        if dose.reps is not None and not self.tempo:
            raise ValueError("an exercise with reps needs a tempo")
        if dose.reps is None and self.tempo:
            raise ValueError("a hold exercise (no reps) must not have a tempo")
        if self.tempo:
            holds = [phase for phase in self.tempo if phase.is_hold]
            if len(holds) > 1:
                raise ValueError("a tempo may have at most one is_hold phase")
            if dose.hold_seconds is not None and not holds:
                raise ValueError("the dose has hold_seconds, so the tempo needs an is_hold phase")
            if holds and dose.hold_seconds is None:
                raise ValueError("the tempo has an is_hold phase, so the dose needs hold_seconds")
            if holds and dose.hold_seconds is not None:
                seconds = holds[0].seconds
                if not dose.hold_seconds.min <= seconds <= dose.hold_seconds.max:
                    raise ValueError(
                        f"the tempo's hold ({seconds:g} s) is outside the dose's hold_seconds ({dose.hold_seconds})"
                    )
        if self.id in self.easier or self.id in self.harder:
            raise ValueError("an exercise cannot be its own variation")
        return self

    @property
    def seconds_per_rep(self) -> float:
        return sum(phase.seconds for phase in self.tempo or ())


class RoutineItem(Strict):
    """One exercise in a routine, with optional changes to its starting dose."""

    exercise: Slug
    part: RoutinePart = "main"
    sets: int | None = Field(default=None, ge=1, le=10)
    reps: int | None = Field(default=None, ge=1, le=100)
    hold_seconds: int | None = Field(default=None, ge=1, le=1800)
    rest_seconds: int | None = Field(default=None, ge=0, le=600)
    note: Sentence | None = None
    instead: Slug | None = Field(
        default=None,
        description="Exercise offered instead when this one does not suit today (default: its first easier one).",
    )


class Routine(Strict):
    id: Slug
    name: ShortText
    summary: Sentence
    when_to_use: Sentence
    level: Level
    items: list[RoutineItem] = Field(min_length=1)
    transition_seconds: int = Field(default=10, ge=0, le=120, description="Pause between exercises.")

    @model_validator(mode="after")
    def _starts_with_warm_up(self) -> Routine:
        if self.items[0].part != "warm-up":
            raise ValueError("a routine must start with a warm-up item (part: warm-up)")
        return self


class Tip(Strict):
    id: Slug
    title: ShortText
    summary: Sentence
    body: MarkdownBody = Field(description="Markdown.")
    evidence: Evidence
    sources: list[SourceRef] = Field(min_length=1)
    keywords: list[ShortText] = Field(default_factory=list)


class PainMessage(Strict):
    """A short pain-education message: one a day on Home (when there is room), all of them in Tips."""

    id: Slug
    text: Sentence
    evidence: Evidence
    sources: list[SourceRef] = Field(min_length=1)


class HelpList(Strict):
    id: Literal["emergency", "same-day", "routine"]
    title: ShortText
    applies_when: Sentence = Field(description="Lead-in to the items, e.g. 'You have back pain and any of these:'.")
    action: Sentence = Field(description="What to do, e.g. call the emergency number now.")
    items: list[Sentence] = Field(min_length=1)
    note: Sentence | None = None


class EmergencyNumber(Strict):
    region: ShortText
    number: ShortText


class PainRule(Strict):
    """The one relative pain rule, in the words every other statement of it must agree with."""

    summary: Sentence
    green: Sentence
    amber: Sentence
    red: Sentence
    why: Sentence = Field(description="Where the rule comes from and how sure it is.")


class Safety(Strict):
    intended_purpose: Sentence
    disclaimer: list[Sentence] = Field(min_length=1)
    check_first: list[Sentence] = Field(min_length=1, description="Ask a professional before starting if ...")
    stop_rule_short: Sentence = Field(description="One line shown on every exercise screen.")
    stop_rules: list[Sentence] = Field(min_length=1)
    pain_rule: PainRule
    leg_symptom_check: Sentence = Field(
        description="Shown after a check-in that logs leg numbness or weakness: which signs need help, how soon."
    )
    emergency_numbers: list[EmergencyNumber] = Field(min_length=1)
    help_lists: list[HelpList] = Field(min_length=3, max_length=3)

    @model_validator(mode="after")
    def _all_three_lists(self) -> Safety:
        ids = [help_list.id for help_list in self.help_lists]
        if ids != ["emergency", "same-day", "routine"]:
            raise ValueError("help_lists must be emergency, same-day and routine, in that order")
        return self

    def help_list(self, list_id: str) -> HelpList:
        for help_list in self.help_lists:
            if help_list.id == list_id:
                return help_list
        raise KeyError(list_id)


# --- file-level models: one per JSON file ---------------------------------


class ContentFile(Strict):
    schema_: PlainText | None = Field(default=None, alias="$schema", description="Optional, for editors.")
    schema_version: Literal[1] = SCHEMA_VERSION


class ExercisesFile(ContentFile):
    exercises: list[Exercise] = Field(min_length=1)


class Suggestions(Strict):
    """Which routines Home suggests: the gentle start first, then a rotation."""

    start_with: Slug = Field(description="The gentle start, suggested first.")
    start_sessions: int = Field(
        3, ge=1, le=20, description="Finished sessions of start_with, without a flare, before moving on."
    )
    flare_up: Slug = Field(description="Suggested when pain is high.")
    rotation: list[Slug] = Field(min_length=1, description="Suggested in turn after the start.")


class RoutinesFile(ContentFile):
    routines: list[Routine] = Field(min_length=1)
    suggestions: Suggestions


class TipsFile(ContentFile):
    topics: list[Tip] = Field(min_length=1)
    messages: list[PainMessage] = Field(default_factory=list)


class SafetyFile(ContentFile):
    safety: Safety


class ProgrammesFile(ContentFile):
    """The coach's programmes (``trainer.catalog.programme``)."""

    programmes: list[Programme] = Field(min_length=1)
    default: Slug = Field(description="The programme the coach offers first.")


class ContentPack(ContentFile):
    """A user's (or physiotherapist's) file adding exercises, routines and programmes."""

    name: ShortText | None = None
    author: ShortText | None = None
    exercises: list[Exercise] = Field(default_factory=list)
    routines: list[Routine] = Field(default_factory=list)
    programmes: list[Programme] = Field(default_factory=list)

    @model_validator(mode="after")
    def _not_empty(self) -> ContentPack:
        if not self.exercises and not self.routines and not self.programmes:
            raise ValueError("a content pack needs at least one exercise, routine or programme")
        return self
