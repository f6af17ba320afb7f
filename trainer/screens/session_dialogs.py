"""The questions around a session: pain before, why it stopped, how it went."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Static

from trainer.catalog.models import Exercise, Safety
from trainer.journal.models import NOTES_MAX, PAIN_NOW_QUESTION, StopReason
from trainer.screens.dialogs import WideDialog
from trainer.services.recorder import AfterAnswers
from trainer.text_rules import forbidden_problem
from trainer.widgets.bullets import BulletList
from trainer.widgets.literal import literal
from trainer.widgets.pain_scale import NumberScale


@dataclass(frozen=True)
class PainBefore:
    """The answer to 'pain now' before a session: a number, or None when skipped."""

    pain: int | None


class PainBeforeScreen(WideDialog[PainBefore | None]):
    """'Pain now' before a session: Enter continues (with or without an answer); None: back, no session."""

    BINDINGS = [
        Binding("s", "skip", "Skip"),
        Binding("q", "cancel", "Back"),
        Binding("escape", "cancel", "Back", show=False),
    ]

    def __init__(self, title: str) -> None:
        super().__init__()
        self.session_title = title

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(literal(f"Before you start: {self.session_title}"), classes="dialog-title")
            yield Static(Content(PAIN_NOW_QUESTION))
            yield NumberScale("no pain", "worst pain you can imagine", optional=True, id="pain-before")
            yield Static(Content("A number and Enter to start, s to skip the question, q to go back."), classes="hint")

    def on_number_scale_submitted(self) -> None:
        self.dismiss(PainBefore(self.query_one("#pain-before", NumberScale).value))

    def action_skip(self) -> None:
        self.dismiss(PainBefore(None))

    def action_cancel(self) -> None:
        self.dismiss(None)


class HighPainChoice(Enum):
    GENTLE = "gentle"
    CONTINUE = "continue"
    NOT_TODAY = "not-today"


class HighPainScreen(WideDialog[HighPainChoice]):
    """Pain of 7 or more: offer the gentle flare-up routine instead."""

    BINDINGS = [
        Binding("g", "choose('gentle')", "Gentle routine"),
        Binding("c", "choose('continue')", "Continue"),
        Binding("n,escape", "choose('not-today')", "Not today"),
    ]

    def __init__(self, pain: int, gentle_name: str, chosen_name: str) -> None:
        super().__init__()
        self.pain = pain
        self.gentle_name = gentle_name
        self.chosen_name = chosen_name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(f"Your pain is {self.pain}/10 right now"), classes="dialog-title")
            yield Static(
                literal(
                    f"On a bad day, gentle movement usually helps more than a full workout. "
                    f"'{self.gentle_name}' is made for days like this. Keep moving gently, and check "
                    "'When to get help' (h) if the pain is new, spreading or worrying."
                )
            )
            with Vertical(classes="choices"):  # one per line: long routine names fit at 80 columns
                yield Button(
                    literal(f"g  {self.gentle_name} (suggested)"), id="gentle", variant="primary", compact=True
                )
                yield Button(literal(f"c  Continue with {self.chosen_name}"), id="continue", compact=True)
                yield Button("n  Not today", id="not-today", compact=True)

    def on_mount(self) -> None:
        self.query_one("#gentle").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_choose(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        self.dismiss(HighPainChoice(choice))


STOP_REASONS: tuple[tuple[str, StopReason, str], ...] = (
    ("1", "pain", "Pain"),
    ("2", "tired", "Tired"),
    ("3", "out-of-time", "Out of time"),
    ("4", "other", "Something else"),
)


class StopReasonScreen(WideDialog[StopReason | None]):
    """Why stop? None carries on with the session."""

    BINDINGS = [
        *(Binding(key, f"choose('{reason}')", label) for key, reason, label in STOP_REASONS),
        Binding("c,escape", "carry_on", "Carry on"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Stop the session?"), classes="dialog-title")
            yield Static(Content("Why are you stopping? What you did so far is saved to your journal."))
            with Vertical(id="reasons"):
                for key, reason, label in STOP_REASONS:
                    yield Button(f"{key}  {label}", id=f"reason-{reason}", compact=True)
                yield Button("c  Carry on with the session", id="carry-on", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#carry-on").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "carry-on":
            self.dismiss(None)
        else:
            self.dismiss(str(event.button.id).removeprefix("reason-"))  # type: ignore[arg-type]

    def action_choose(self, reason: StopReason) -> None:
        self.dismiss(reason)

    def action_carry_on(self) -> None:
        self.dismiss(None)


class AfterSessionScreen(WideDialog[AfterAnswers]):
    """How did it go? Every answer is optional; the session is already saved."""

    BINDINGS = [Binding("ctrl+s", "save", "Save"), Binding("escape", "save", "Done", show=False)]

    def __init__(self, headline: str, summary: str, safety: Safety, stopped_for_pain: bool) -> None:
        super().__init__()
        self.headline = headline
        self.summary = summary
        self.safety = safety
        self.stopped_for_pain = stopped_for_pain

    def compose(self) -> ComposeResult:
        with Vertical():  # the questions scroll on a short terminal; Save stays in view below them
            with VerticalScroll(classes="dialog-body"):
                yield Static(literal(self.headline), classes="dialog-title")
                yield Static(literal(self.summary))
                if self.stopped_for_pain:
                    yield Static(Content("When to stop, and when to get help:"), classes="question warning")
                    yield BulletList(self.safety.stop_rules[:3])
                    yield Static(Content("Press h (or F1) for the full 'When to get help' lists."), classes="warning")
                yield Static(Content(PAIN_NOW_QUESTION), classes="question")
                yield NumberScale("no pain", "worst pain you can imagine", optional=True, id="pain-after")
                yield Static(Content("Your highest pain during the session (optional)"), classes="question")
                yield NumberScale("no pain", "worst pain you can imagine", optional=True, id="pain-peak")
                yield Static(Content("How hard did it feel? (optional)"), classes="question")
                yield NumberScale("very easy", "as hard as it gets", optional=True, coloured=False, id="effort")
                yield Input(
                    placeholder="A note, if you like (Enter saves)",
                    id="session-note",
                    max_length=NOTES_MAX,
                    compact=True,
                    classes="question",
                )
                yield Static(id="note-problem", classes="warning")
            with Horizontal(classes="dialog-buttons"):
                yield Static(Content("Number keys answer · Tab moves on · Enter saves"), classes="hint button-hint")
                yield Button("Save", id="save", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#pain-after").focus(scroll_visible=False)  # the headline (and stop rules) read first

    def on_number_scale_submitted(self) -> None:
        self.action_save()

    def on_input_submitted(self) -> None:
        self.action_save()

    def on_button_pressed(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        note = self.query_one("#session-note", Input).value.strip()
        problem = forbidden_problem(note)
        if problem is not None:
            self.query_one("#note-problem", Static).update(literal(f"The note cannot be saved: {problem}."))
            self.query_one("#session-note").focus()
            return
        self.dismiss(
            AfterAnswers(
                pain_after=self.query_one("#pain-after", NumberScale).value,
                pain_peak=self.query_one("#pain-peak", NumberScale).value,
                effort=self.query_one("#effort", NumberScale).value,
                note=note,
            )
        )


SESSION_KEYS = (
    "e skips the rest of this exercise; n skips one step, b goes back one.",
    "r switches between paced reps and your own pace (then Enter after each rep).",
    "m turns the bell at each change on or off.",
)
"""Keys of the session screen the footer has no room for."""


class ExerciseStepsScreen(WideDialog[bool]):
    """The steps of the exercise on screen, one key away during a session. True: stop now for pain."""

    BINDINGS = [
        Binding("i,q,escape,enter", "close", "Back to the session"),
        Binding("p", "pain_stop", "Pain: stop now"),
    ]

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(literal(self.exercise.name), classes="dialog-title")
            yield BulletList(self.exercise.steps, numbered=True)
            if self.exercise.cautions:
                yield Static(Content("Take care"), classes="question warning")
                yield BulletList(self.exercise.cautions)
            yield Static(Content("Other keys in a session"), classes="question")
            yield BulletList(SESSION_KEYS)
            yield Static(
                Content("The session is paused. i, q or Enter returns to it; p stops it for pain."),
                classes="question hint",
            )

    def action_close(self) -> None:
        self.dismiss(False)

    def action_pain_stop(self) -> None:
        self.dismiss(True)


class UnfinishedSessionScreen(WideDialog[bool]):
    """Found at start-up: save the unfinished session to the journal (True) or discard it."""

    BINDINGS = [Binding("y", "choose(True)", "Save it"), Binding("d", "choose(False)", "Discard")]

    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("An unfinished session"), classes="dialog-title")
            yield Static(literal(self.description))
            with Horizontal(classes="dialog-buttons"):
                yield Button("Discard (d)", id="discard", variant="error")
                yield Button("Save to journal (y)", id="save", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#save").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "save")

    def action_choose(self, save: bool) -> None:
        self.dismiss(save)


class QuitSessionScreen(WideDialog[bool]):
    """Ctrl+Q during a session: True saves what was done so far and quits; False keeps going."""

    BINDINGS = [
        Binding("y", "choose(True)", "Save and quit"),
        Binding("k,n,escape", "choose(False)", "Keep going"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content("Quit backtrainer?"), classes="dialog-title")
            yield Static(
                Content(
                    "The session so far is kept: the next time you open backtrainer it offers to save it "
                    "to your journal. Or keep going (it is paused)."
                )
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep going (k)", id="keep", variant="primary")
                yield Button("Save and quit (y)", id="quit")

    def on_mount(self) -> None:
        self.query_one("#keep").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "quit")

    def action_choose(self, quit_now: bool) -> None:
        self.dismiss(quit_now)
