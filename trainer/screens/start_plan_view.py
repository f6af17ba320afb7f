"""The tailored start, shown before it begins: the routines of each phase, every choice made for the person
with its reason (``StartPlan.choices``, the engine's own words), the walk, and the goals.

Routine and exercise names come from content packs and goals from the person: all of it reaches Textual
through ``literal``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from trainer.catalog.programme import Programme
from trainer.engine.tailoring import Choice, ChoiceKind, StartPlan
from trainer.journal.coach_models import StartAnswers
from trainer.widgets.bullets import BulletList
from trainer.widgets.literal import literal
from trainer.wording import format_date

GROUPS: tuple[tuple[ChoiceKind, str], ...] = (
    ("leave-out", "Left out for now"),
    ("swap", "Swapped for one that suits you"),
    ("bed", "Fine on your bed"),
)


def _after_colon(text: str) -> str:
    """``Walking: 8 minutes ...`` -> ``8 minutes ...`` (the heading says what it is about)."""
    head, colon, rest = text.partition(": ")
    return rest if colon and len(head) < 40 else text


def _heading(text: str) -> Static:
    return Static(Content.styled(text, "bold $primary"), classes="plan-heading")


def phase_rows(plan: StartPlan) -> list[Widget]:
    """One row a phase: its weeks, then its name and what it plays (the engine's sentence, with its reason)."""
    texts = [choice.text for choice in plan.choices if choice.kind == "routines"]
    rows: list[Widget] = []
    for phase_routines, text in zip(plan.phases, texts, strict=False):
        phase = phase_routines.phase
        weeks = (
            f"Week {phase.first_week}"
            if phase.first_week == phase.last_week
            else f"Weeks {phase.first_week}-{phase.last_week}"
        )
        body = Content.assemble(literal(phase.name, "bold"), "\n", literal(_after_colon(text)))
        rows.append(
            Horizontal(Static(Content(weeks), classes="weeks"), Static(body, classes="phase-text"), classes="phase")
        )
    return rows


def goal_lines(answers: StartAnswers, today: date) -> list[str]:
    return [
        f"{goal.text}, by {format_date(goal.target, today)}" if goal.target is not None else f"{goal.text} (no date)"
        for goal in answers.goals
    ]


def plan_widgets(
    plan: StartPlan, programme: Programme, answers: StartAnswers, today: date, started: date | None
) -> list[Widget]:
    """Everything the summary shows, in order. ``started``: the running programme's first day (changed
    answers keep it), or None for a new start."""
    widgets: list[Widget] = [
        Static(
            Content.assemble(
                literal(programme.name, "bold"),
                ". "
                + (
                    f"Your start date ({format_date(started, today)}) and the doses you have reached stay as they are."
                    if started is not None
                    else "Each exercise grows a small step only after two good sessions in a row, and only when you "
                    "agree."
                ),
            ),
            classes="plan-lead",
        ),
        _heading("Where each stage starts"),
        *phase_rows(plan),
    ]
    by_kind: dict[ChoiceKind, list[Choice]] = {}
    for choice in plan.choices:
        by_kind.setdefault(choice.kind, []).append(choice)
    suited = [(title, by_kind[kind]) for kind, title in GROUPS if by_kind.get(kind)]
    if suited:
        for title, choices in suited:
            widgets += [_heading(title), _bullets([choice.text for choice in choices])]
    else:
        widgets += [
            _heading("Nothing left out"),
            Static(Content("Every exercise of these routines suits your answers."), classes="plan-text"),
        ]
    for choice in by_kind.get("walking", []):
        widgets += [_heading("Walking"), Static(literal(_after_colon(choice.text)), classes="plan-text")]
    notes = [choice.text for choice in by_kind.get("note", [])]
    if notes:
        widgets += [_heading("Worth knowing"), _bullets(notes)]
    widgets.append(_heading("Your goals"))
    goals = goal_lines(answers, today)
    if goals:
        widgets.append(_bullets(goals))
    else:
        widgets.append(
            Static(
                Content("None for now: you can add one or two whenever you change your answers."), classes="plan-text"
            )
        )
    return widgets


def _bullets(items: Sequence[str]) -> BulletList:
    return BulletList(items, classes="plan-list")


class StartPlanView(VerticalScroll, can_focus=False):
    """The summary page's text; ``show`` replaces it. The screen scrolls it (nothing takes the focus)."""

    async def show(
        self, plan: StartPlan, programme: Programme, answers: StartAnswers, today: date, started: date | None
    ) -> None:
        await self.remove_children()
        await self.mount_all(plan_widgets(plan, programme, answers, today, started))
        self.scroll_home(animate=False)
