"""The getting-started questions: one page each, filled from answers given before, read back as
``StartAnswers`` (or the problems, by field, in words that name the field).

The questions are the journal model's own (``coach_models``); the words around them say why each is asked.
The screen (``getting_started.py``) moves between the pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.dom import DOMNode
from textual.widgets import Input, Static

from trainer.journal.coach_models import (
    FLOOR_QUESTION,
    GOAL_QUESTION,
    LEG_PAIN_QUESTION,
    MAX_GOALS,
    MINUTES_QUESTION,
    WALK_QUESTION,
    WORSE_WITH,
    WORSE_WITH_LABELS,
    WORSE_WITH_QUESTION,
    Goal,
    StartAnswers,
)
from trainer.journal.goal_dates import EXAMPLES, parse_target_day, typed_day
from trainer.journal.limits import field_limits
from trainer.widgets.segmented import Segmented
from trainer.widgets.toggle_row import ToggleRow
from trainer.widgets.yes_no import YesNo

QUESTION_PAGES = ("worse", "leg", "floor", "minutes", "walk", "goals")
"""The pages with a question, in order (the screen adds an introduction before and the plan after)."""

MINUTES_CHOICES = (5, 10, 15, 20, 30, 45, 60)
WALK_CHOICES = (5, 10, 15, 20, 30, 45, 60)
GOAL_LENGTH = field_limits(Goal, "text").max_length or 120
YES_NO_HINT = "Press y for yes or n for no. Enter keeps the answer shown and moves on."

FIRST_FOCUS = {
    "worse": "#worse-with",
    "leg": "#leg-pain",
    "floor": "#floor-ok",
    "minutes": "#minutes",
    "walk": "#walk",
    "goals": "#goal-1",
}


def _question(text: str) -> Static:
    return Static(Content.styled(text, "bold"), classes="question")


def _hint(text: str) -> Static:
    return Static(Content(text), classes="hint")


def _why(text: str) -> Static:
    return Static(Content(text), classes="why")


def _with_value(choices: tuple[int, ...], value: int | None) -> tuple[int, ...]:
    """The choices, with ``value`` among them when it was given before and is not one of them."""
    return tuple(sorted({*choices, value})) if value is not None and value not in choices else choices


def question_pages(answers: StartAnswers) -> ComposeResult:
    """The six pages, filled with ``answers`` (the defaults leave nothing out)."""
    with Vertical(id="page-worse", classes="page"):
        yield _question(WORSE_WITH_QUESTION)
        yield _hint("Left and right move, space ticks. If none of these makes it worse, leave them all unticked.")
        yield ToggleRow([(value, WORSE_WITH_LABELS[value]) for value in WORSE_WITH], id="worse-with")
        yield _why(
            "Exercises that bend your back the way that makes it worse are left out at first, "
            "or swapped for a kinder one."
        )
    with Vertical(id="page-leg", classes="page"):
        yield _question(LEG_PAIN_QUESTION)
        yield _hint(YES_NO_HINT)
        yield YesNo(value=answers.leg_pain, id="leg-pain")
        yield _why("If it does, the moves that can stir up leg pain wait until later.")
        yield Static(
            Content.assemble(
                "Pain down one leg is common with back pain and often settles. Numbness, weakness, "
                "symptoms in both legs, or changes in your bladder or bowels are different: press ",
                ("h", "bold"),
                " to see when to get help.",
            ),
            classes="signpost",
        )
    with Vertical(id="page-floor", classes="page"):
        yield _question(FLOOR_QUESTION)
        yield _hint(YES_NO_HINT)
        yield YesNo(value=answers.floor_ok, id="floor-ok")
        yield _why(
            "If not, the exercises done on the floor are swapped for ones in a chair or standing, "
            "and those lying on your back can be done on your bed."
        )
    with Vertical(id="page-minutes", classes="page"):
        yield _question(MINUTES_QUESTION)
        yield _hint("Left and right choose, Enter moves on.")
        yield Segmented(
            "Minutes a day:",
            [(str(minutes), minutes) for minutes in _with_value(MINUTES_CHOICES, answers.minutes_a_day)],
            id="minutes",
        )
        yield _why(
            "The routines you start with fit this time. A little on most days helps more than a lot now "
            "and then, so a short time is fine."
        )
    with Vertical(id="page-walk", classes="page"):
        yield _question(WALK_QUESTION)
        yield _hint("Left and right choose, Enter moves on. Not sure is fine.")
        walks: list[tuple[str, int | None]] = [("not sure", None)]
        walks += [(str(minutes), minutes) for minutes in _with_value(WALK_CHOICES, answers.walk_minutes)]
        yield Segmented("Minutes:", walks, id="walk")
        yield _why(
            "Your daily walk starts a little below this and grows by a couple of minutes a week, "
            "towards 150 minutes a week."
        )
    with Vertical(id="page-goals", classes="page"):
        yield _question(GOAL_QUESTION)
        yield _hint(f"One or two, or none. The date is optional: {EXAMPLES}. Tab or Enter moves on.")
        for number in range(1, MAX_GOALS + 1):
            with Horizontal(classes="goal-row"):
                with Vertical(classes="goal-text"):
                    yield Static(Content.styled(f"Goal {number}", "bold"), classes="field-label")
                    yield Input(
                        placeholder="e.g. carry the shopping home" if number == 1 else "e.g. sit through a film",
                        max_length=GOAL_LENGTH,
                        id=f"goal-{number}",
                        compact=True,
                    )
                with Vertical(classes="goal-date"):
                    yield Static(Content.styled("By when (optional)", "bold"), classes="field-label")
                    yield Input(placeholder="e.g. 20 Feb", max_length=40, id=f"target-{number}", compact=True)
            yield Static(id=f"goal-error-{number}", classes="field-error")
        yield _why("Your goals come back at each review, where you can say how each one is going.")


def fill(node: DOMNode, answers: StartAnswers) -> None:
    """Show ``answers`` in the pages (the Segmented and YesNo widgets were built with them)."""
    node.query_one("#worse-with", ToggleRow).set_values(answers.worse_with)
    node.query_one("#minutes", Segmented).select(answers.minutes_a_day)
    node.query_one("#walk", Segmented).select(answers.walk_minutes)
    for number in range(1, MAX_GOALS + 1):
        goal = answers.goals[number - 1] if len(answers.goals) >= number else None
        node.query_one(f"#goal-{number}", Input).value = goal.text if goal is not None else ""
        target = goal.target if goal is not None else None
        node.query_one(f"#target-{number}", Input).value = typed_day(target) if target is not None else ""


def fields(node: DOMNode) -> tuple[object, ...]:
    """Every answer as it stands, to compare with the pages as they were filled."""
    return (
        tuple(node.query_one("#worse-with", ToggleRow).values),
        node.query_one("#leg-pain", YesNo).value,
        node.query_one("#floor-ok", YesNo).value,
        node.query_one("#minutes", Segmented).value,
        node.query_one("#walk", Segmented).value,
        *(node.query_one(f"#{kind}-{number}", Input).value for number in (1, 2) for kind in ("goal", "target")),
    )


@dataclass(frozen=True)
class Collected:
    """The answers, or what is wrong with them: goal number -> (the field to go back to, the message)."""

    answers: StartAnswers | None
    problems: dict[int, tuple[str, str]]


def _sentence(text: str) -> str:
    text = text.removeprefix("Value error, ")
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def collect(node: DOMNode, today: date, before: StartAnswers) -> Collected:
    """Read the pages. A target date left as it was filled stands even if it has passed since."""
    problems: dict[int, tuple[str, str]] = {}
    goals: list[tuple[int, str, date | None]] = []
    for number in range(1, MAX_GOALS + 1):
        text = node.query_one(f"#goal-{number}", Input).value
        target_text = node.query_one(f"#target-{number}", Input).value.strip()
        earlier = before.goals[number - 1] if len(before.goals) >= number else None
        target: date | None = None
        if target_text:
            if earlier is not None and earlier.target is not None and target_text == typed_day(earlier.target):
                target = earlier.target
            else:
                try:
                    target = parse_target_day(target_text, today)
                except ValueError as error:
                    problems[number] = (f"target-{number}", f"Goal {number}, by when: {_sentence(str(error))}")
        if not text.strip():
            if target_text and number not in problems:
                problems[number] = (
                    f"goal-{number}",
                    f"Goal {number}: say what you would like to do, or clear its date.",
                )
            continue
        goals.append((number, text, target))
    texts = [text.strip().casefold() for _, text, _ in goals]
    if len(texts) == 2 and texts[0] == texts[1] and 2 not in problems:
        problems[2] = ("goal-2", "Goal 2 is the same as goal 1: write another, or leave it empty.")
    answers: StartAnswers | None = None
    try:
        answers = StartAnswers.model_validate(
            {
                "worse_with": node.query_one("#worse-with", ToggleRow).values,
                "leg_pain": node.query_one("#leg-pain", YesNo).value,
                "floor_ok": node.query_one("#floor-ok", YesNo).value,
                "minutes_a_day": node.query_one("#minutes", Segmented).value,
                "walk_minutes": node.query_one("#walk", Segmented).value,
                "goals": [{"text": text, "target": target} for _, text, target in goals],
            }
        )
    except ValidationError as error:  # what the model refuses in a goal: control characters, no visible text
        for detail in error.errors(include_url=False):
            where = detail["loc"]
            if len(where) >= 2 and where[0] == "goals" and isinstance(where[1], int):
                number = goals[where[1]][0]
                problems.setdefault(number, (f"goal-{number}", f"Goal {number}: {_sentence(detail['msg'])}"))
            else:
                problems.setdefault(1, ("goal-1", _sentence(detail["msg"])))
    return Collected(None if problems else answers, problems)


def show_problems(node: DOMNode, problems: dict[int, tuple[str, str]]) -> None:
    for number in range(1, MAX_GOALS + 1):
        message = problems[number][1] if number in problems else ""
        box = node.query_one(f"#goal-error-{number}", Static)
        box.update(Content.styled(f"⚠ {message}", "bold $error") if message else Content())
        box.display = bool(message)
