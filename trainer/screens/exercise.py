"""One exercise in full: purpose, its figure at the start and the end, steps, dose, tempo, cautions, variations.

The figure sits above the steps, or beside them when the screen is wide (``WIDE`` columns or more); ``f``
hides it (and shows it again) for as long as the screen is open.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.catalog.describe import cautions_with_stop_rule, describe_dose, describe_tempo
from trainer.catalog.models import Exercise
from trainer.engine.plan import prescribe
from trainer.journal.models import PersonalDose
from trainer.screens.base import TrainerScreen
from trainer.screens.my_dose import MyDoseScreen
from trainer.screens.start import begin_session
from trainer.widgets.bullets import BulletList
from trainer.widgets.figure import Figure
from trainer.widgets.literal import literal, shown

WIDE = 110
"""Columns from which the figure sits beside the steps instead of above them."""


def _section(title: str, *children: Widget, id: str | None = None) -> Vertical:
    section = Vertical(*children, classes="section", id=id)
    section.border_title = title
    return section


def _position(exercise: Exercise) -> Vertical | None:
    """The figure at the start and at the end (once, when they are the same), and which side it shows."""
    poses = exercise.poses
    if poses is None:
        return None
    moments = [("Start", 0.0), ("End", 1.0)] if poses.start != poses.end else [("Start and end", 0.0)]
    pictures = []
    for label, moment in moments:
        figure = Figure(poses)
        figure.show(moment, mirrored=False)
        pictures.append(Vertical(Static(Content(label), classes="pose-label"), figure, classes="pose"))
    children: list[Widget] = [Horizontal(*pictures, classes="poses")]
    if exercise.sides is not None:
        side = Content.assemble(("Left side shown: ", "bold"), literal(exercise.sides.left), "; the right mirrors it.")
        children.append(Static(side, classes="side-shown"))
    return _section("Position (f hides)", *children, id="position")


def _text(content: Content | str) -> Static:
    return Static(content if isinstance(content, Content) else literal(content))


class ExerciseScreen(TrainerScreen):
    CSS_PATH = "exercise.tcss"
    BINDINGS = [
        Binding("minus", "variation('easier')", "Easier", key_display="-"),
        Binding("plus,equals_sign", "variation('harder')", "Harder", key_display="+"),
        Binding("s", "start", "Start this exercise"),
        Binding("d", "my_dose", "My dose"),
        Binding("f", "toggle_figure", "Figure", show=False),  # said in the figure's title: the footer is full at 80
    ]

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise
        self.sub_title = shown(exercise.name)

    def compose_body(self) -> ComposeResult:
        exercise = self.exercise
        catalog = self.services.catalog
        with VerticalScroll(id="detail"):
            tags = [exercise.category, exercise.level, ", ".join(exercise.body_areas)]
            tags.append(", ".join(exercise.equipment) if exercise.equipment else "no equipment")
            yield Static(literal(exercise.name, "bold"), id="name")
            yield Static(Content(" · ".join(tags)), id="tags")
            yield Static(id="my-dose")  # the person's own dose, first thing under the name when they set one
            pack = catalog.from_pack(exercise.id)
            if pack is not None:
                yield Static(literal(f"From your content pack {pack.name}"), id="pack")
            yield _section("Why", _text(exercise.purpose))
            with Vertical(id="how-row"):  # a row when the screen is wide (exercise.tcss)
                position = _position(exercise)
                if position is not None:
                    yield position
                yield _section("How", BulletList(exercise.steps, numbered=True), id="how")
            dose = [_text(Content.assemble(("Starting suggestion: ", "bold"), literal(describe_dose(exercise))))]
            if exercise.tempo:
                dose.append(_text(Content.assemble(("Each rep: ", "bold"), describe_tempo(exercise))))
            if exercise.sides is not None:
                sides = exercise.sides
                dose.append(
                    _text(
                        Content.assemble(("Sides: ", "bold"), literal(f"left is {sides.left}; right is {sides.right}"))
                    )
                )
            dose.append(_text(Content.styled("d sets your own dose, used by every session.", "italic")))
            yield _section("Dose", *dose)
            # In the page's flow, after the dose: a panel docked below the page covered the end of the Dose box
            # on a short terminal.
            options = [
                Option(
                    Content.assemble((f"{label}: ", "bold"), literal(catalog.exercises[variation_id].name)),
                    id=f"{kind}:{variation_id}",
                )
                for kind, label, ids in (("easier", "Easier", exercise.easier), ("harder", "Harder", exercise.harder))
                for variation_id in ids
                if variation_id in catalog.exercises
            ]
            if options:
                variations = OptionList(*options, id="variations")
                variations.border_title = "Variations (Tab, then Enter opens; - and + too)"
                yield variations
            yield _section("Take care", BulletList(cautions_with_stop_rule(exercise, catalog.safety.stop_rule_short)))
            evidence = Content.styled(exercise.evidence.capitalize(), "bold")
            if exercise.evidence_note:
                evidence = Content.assemble(evidence, ": ", literal(exercise.evidence_note))
            if exercise.dose_source is not None:
                source = exercise.dose_source
                evidence = Content.assemble(
                    evidence,
                    "\n",
                    literal(f"Dose from: {source.author}. {source.title} ({source.year}).", "$foreground-muted"),
                )
            yield _section("Evidence", _text(evidence))

    def on_mount(self) -> None:
        self.query_one("#detail").focus()
        self._show_my_dose()

    def on_resize(self) -> None:
        self.set_class(self.size.width >= WIDE, "-wide")

    def action_toggle_figure(self) -> None:
        self.toggle_class("-no-figure")

    def _show_my_dose(self) -> None:
        change = self.services.settings.current.dose_changes.get(self.exercise.id)
        widget = self.query_one("#my-dose", Static)
        widget.display = change is not None
        if change is not None:
            mine = prescribe(self.exercise, None, change)
            widget.update(
                Content.assemble(
                    ("Your dose: ", "bold $accent"),
                    (mine.describe(), "bold"),
                    ("  used in every session (d changes it)", "$foreground-muted"),
                )
            )

    def _variations(self, kind: str) -> list[str]:
        ids = self.exercise.easier if kind == "easier" else self.exercise.harder
        return [variation for variation in ids if variation in self.services.catalog.exercises]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """- and + are offered only when there is an easier or a harder variation to open; f only with a figure."""
        if action == "variation" and parameters:
            return bool(self._variations(str(parameters[0])))
        if action == "toggle_figure":
            return self.exercise.poses is not None
        return True

    def action_my_dose(self) -> None:
        current = self.services.settings.current.dose_changes.get(self.exercise.id)

        def saved(change: PersonalDose | None) -> None:
            if change is not None:  # (None: cancelled)
                self.services.settings.set_dose(self.exercise.id, change)
                self._show_my_dose()

        self.app.push_screen(MyDoseScreen(self.exercise, current), saved)

    @on(OptionList.OptionSelected, "#variations")
    def _follow(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._open(event.option.id.split(":", 1)[1])

    def action_variation(self, kind: str) -> None:
        known = self._variations(kind)
        if known:
            self._open(known[0])

    def action_start(self) -> None:
        begin_session(self, exercise=self.exercise)

    def _open(self, exercise_id: str) -> None:
        self.app.push_screen(ExerciseScreen(self.services.catalog.exercises[exercise_id]))
