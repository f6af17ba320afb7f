"""What the coach proposes after a session or the next morning, and the person's choice.

``ProposalScreen`` shows one ``Proposal`` (``trainer.engine.decisions``): the verdict in words and shape (never
colour alone), why, what would change for each exercise (from -> to), and the choices, each with its key:
accept, keep the dose, go easier. Nothing changes until the person chooses, and Esc keeps the dose. After a
red it points to the flare plan (``f``) and to "When to get help" (``h``).

``offer_proposal`` shows it and applies the choice through the coach, which records a decision per exercise
with its reason; a journal that cannot be written is said so, never a crash.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Static

from trainer.engine.decisions import FLARE_PLAN_TOPIC, Direction, Proposal, Step
from trainer.engine.ladders import dose_label
from trainer.journal.coach_models import Decision, Verdict
from trainer.journal.errors import JournalError
from trainer.journal.limits import SettingsError
from trainer.screens.base import services_of
from trainer.screens.dialogs import WideDialog
from trainer.widgets.literal import literal
from trainer.wording import format_date


class ProposalChoice(Enum):
    ACCEPT = "accept"
    KEEP = "keep"
    EASIER = "easier"


VERDICT_MARKS: dict[Verdict, tuple[str, str, str]] = {
    "green": ("●", "Green", "$success"),
    "amber": ("▲", "Amber", "$warning"),
    "red": ("■", "Red", "$error"),
}
"""Each colour of the pain rule with a shape and a word of its own, so it reads without colour too."""

TITLES: dict[Direction, str] = {
    "up": "Ready for a little more",
    "hold": "Stay where you are for now",
    "down": "Ease back a step",
}
CHOICE_LABELS: dict[Direction, tuple[str, str, str]] = {
    "up": ("Move up one step", "Keep the dose", "Go easier"),
    "hold": ("Keep the same dose", "Keep the same dose", "Go easier"),
    "down": ("Step down one", "Keep the dose", "Go easier still"),
}
"""The words on the accept, keep and easier buttons (after an amber, accepting is keeping: one button)."""
CHOICE_KEYS = {"accept": "a", "keep": "k", "easier": "e"}
EASIER_WORDS: dict[Direction, str] = {
    "up": "Go easier is one step below your dose now.",
    "hold": "Go easier is one step below your dose now.",
    "down": "Go easier still is two steps below your dose now.",
}


def verdict_line(proposal: Proposal) -> Content:
    """``■ Red  Your pain went about 6 points above your usual (from about 3 to 9).``"""
    why = proposal.why or proposal.reason
    colour = proposal.verdict.colour
    if colour is None:
        return literal(why)
    mark, word, style = VERDICT_MARKS[colour]
    plain = why.removeprefix(f"{word}: ")
    return Content.assemble((f"{mark} {word}", f"bold {style}"), "  ", literal(plain[:1].upper() + plain[1:]))


def step_change(step: Step) -> str:
    """``1x6 -> 1x8 each side``, or ``1x6 each side, the same`` when the dose is kept."""
    before, after = dose_label(step.before), dose_label(step.proposed)
    return f"{before}, the same" if step.before.rung == step.proposed.rung else f"{before} → {after}"


def choice_summary(decisions: list[Decision]) -> str:
    """What the choice did, in one notification."""
    changed = [decision for decision in decisions if decision.changed]
    if not changed:
        return "Saved: your doses stay as they are."
    moves = "; ".join(f"{decision.name} {decision.from_dose} → {decision.to_dose}" for decision in changed)
    return f"Saved. From your next session: {moves}."


class ProposalScreen(WideDialog[ProposalChoice]):
    """The coach's proposal and the three choices. Esc keeps the dose; f opens the flare plan after a red."""

    BINDINGS = [
        Binding("a", "choose('accept')", "Accept"),
        Binding("k,escape", "choose('keep')", "Keep the dose"),
        Binding("e", "choose('easier')", "Go easier"),
        Binding("f", "flare_plan", "Flare plan"),
        Binding("down", "scroll('scroll_down')", "Read on", show=False),
        Binding("up", "scroll('scroll_up')", "Back up", show=False),
        Binding("pagedown", "scroll('scroll_page_down')", "Page down", show=False),
        Binding("pageup", "scroll('scroll_page_up')", "Page up", show=False),
    ]

    def __init__(self, proposal: Proposal, *, flare_plan: bool = True) -> None:
        super().__init__()
        self.proposal = proposal
        self.offers_flare_plan = flare_plan and proposal.flare_plan
        """The flare plan is offered after a red, when the content has the topic."""

    @property
    def choices(self) -> list[ProposalChoice]:
        """The buttons shown: none to choose from when nothing can change (already on the easiest step)."""
        if not self.proposal.steps:
            return []
        if self.proposal.direction == "hold":
            return [ProposalChoice.KEEP, ProposalChoice.EASIER]
        return [ProposalChoice.ACCEPT, ProposalChoice.KEEP, ProposalChoice.EASIER]

    def compose(self) -> ComposeResult:
        proposal = self.proposal
        session = proposal.verdict.session
        day = format_date(session.ended.date(), services_of(self).today())
        with Vertical():
            with VerticalScroll(classes="dialog-body"):
                yield Static(
                    Content.assemble(
                        TITLES[proposal.direction],
                        ("  ·  ", "not bold $foreground-muted"),
                        literal(session.title, "not bold $foreground-muted"),
                        (f", {day}", "not bold $foreground-muted"),
                    ),
                    classes="dialog-title",
                )
                yield Static(verdict_line(proposal), id="verdict")
                if proposal.steps:
                    yield Static(Content("What would change"), classes="question section")
                    for step in proposal.steps:
                        with Horizontal(classes="step-row"):
                            yield Static(literal(step.name), classes="step-name")
                            yield Static(literal(step_change(step)), classes="step-change")
                else:
                    yield Static(Content("No dose changes this time."), classes="question")
                if proposal.flare_plan:
                    yield Static(Content(self._flare_words()), classes="question warning", id="flare")
            with Horizontal(classes="choices"):
                labels = dict(zip(ProposalChoice, CHOICE_LABELS[proposal.direction], strict=True))
                for choice in self.choices:
                    yield Button(
                        f"{labels[choice]} ({CHOICE_KEYS[choice.value]})",
                        id=choice.value,
                        variant="primary" if choice is self.suggested else "default",
                        compact=True,
                    )
                if not self.choices:
                    yield Button("OK (Enter)", id="ok", variant="primary", compact=True)
            yield Static(Content(self._hint()), classes="hint", id="choice-hint")

    @property
    def suggested(self) -> ProposalChoice:
        return ProposalChoice.KEEP if self.proposal.direction == "hold" else ProposalChoice.ACCEPT

    def _flare_words(self) -> str:
        plan = "Your flare plan helps on days like this: f opens it. " if self.offers_flare_plan else ""
        return f"{plan}If the pain is new, spreading or worrying, h shows when to get help."

    def _hint(self) -> str:
        if not self.choices:
            return "Enter or Esc closes."
        suggested = CHOICE_KEYS[self.suggested.value]
        easier = EASIER_WORDS[self.proposal.direction]
        return f"Suggested: {suggested}. {easier} Nothing changes unless you choose; Esc keeps your doses."

    def on_mount(self) -> None:
        self.query(".choices Button").first().focus()

    def action_scroll(self, how: str) -> None:
        """Arrows and PgUp/PgDn read a long proposal while a choice keeps the focus."""
        getattr(self.query_one(".dialog-body", VerticalScroll), how)(animate=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "choose":
            wanted = ProposalChoice(str(parameters[0]))
            return wanted in self.choices or (not self.choices and wanted is ProposalChoice.KEEP)
        if action == "flare_plan":
            return self.offers_flare_plan
        return True

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self.dismiss(ProposalChoice.KEEP)
        else:
            self.dismiss(ProposalChoice(str(event.button.id)))

    def action_choose(self, choice: str) -> None:
        self.dismiss(ProposalChoice(choice))

    def action_flare_plan(self) -> None:
        from trainer.screens.tips import TipsScreen  # (Markdown: loaded when first needed)

        self.app.push_screen(TipsScreen(topic=FLARE_PLAN_TOPIC))


async def offer_proposal(app: App[Any], proposal: Proposal) -> list[Decision]:
    """Show the proposal and apply what the person chooses (run in a worker: it waits for the dialog)."""
    services = services_of(app)
    coach = services.coach
    has_plan = any(tip.id == FLARE_PLAN_TOPIC for tip in services.catalog.tips)
    choice = await app.push_screen_wait(ProposalScreen(proposal, flare_plan=has_plan))
    if not proposal.steps:
        return []
    apply = {ProposalChoice.ACCEPT: coach.accept, ProposalChoice.KEEP: coach.keep, ProposalChoice.EASIER: coach.easier}
    try:
        decisions = apply[choice](proposal)
    except (JournalError, SettingsError) as error:
        app.notify(f"Could not save your choice: {error}", severity="error", timeout=20)
        return []
    if decisions:
        app.notify(choice_summary(decisions), timeout=12)
    return decisions
