"""The check-in form: pain by number keys, the rest optional, saved only when valid."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pydantic import ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Input, Static, TextArea

from trainer.journal.limits import field_limits
from trainer.journal.models import (
    HELPERS,
    LEG_SYMPTOMS,
    NOTES_MAX,
    PAIN_AVERAGE_QUESTION,
    PAIN_NOW_QUESTION,
    CheckIn,
    Location,
    SessionRecord,
)
from trainer.journal.when import entry_time_problem, parse_when
from trainer.widgets.pain_scale import NumberScale
from trainer.widgets.segmented import Segmented
from trainer.widgets.toggle_row import ToggleRow
from trainer.wording import format_moment

FIELD_ERRORS = ("pain", "morning", "average", "leg", "walked", "sleep", "triggers", "when", "notes")
WALKED = field_limits(CheckIn, "walked_minutes")
TAGS = field_limits(CheckIn, "triggers")
MODEL_FIELDS = {
    "pain_now": "pain",
    "pain_average": "average",
    "leg_side": "leg",
    "walked_minutes": "walked",
    "sleep_quality": "sleep",
    "triggers": "triggers",
    "at": "when",
    "notes": "notes",
    "session_worse": "morning",
    "about_session": "morning",
}
"""CheckIn field -> the form field whose label shows what is wrong with it."""

MORNING_ANSWERS: list[tuple[str, bool | None]] = [("not answered", None), ("no", False), ("yes, worse", True)]


@dataclass(frozen=True)
class MorningQuestion:
    """The coach's question at the first check-in on a day after a programme session."""

    session: SessionRecord
    text: str
    """``Is your back worse than before yesterday's session?``"""


def model_errors(error: ValidationError) -> dict[str, str]:
    """The model's complaints, by form field, in words: 'Trigger 2: control character U+001B is not allowed.'"""
    shown: dict[str, str] = {}
    for detail in error.errors(include_url=False):
        location = detail["loc"]
        field = MODEL_FIELDS.get(str(location[0]) if location else "", "notes")
        message = detail["msg"].removeprefix("Value error, ")
        if field == "triggers" and len(location) > 1 and isinstance(location[1], int):
            message = f"Trigger {location[1] + 1}: {message}"
        shown.setdefault(field, message[:1].upper() + message[1:] + ".")
    return shown


WHERE_ROWS: tuple[tuple[str, str, tuple[tuple[Location, str], ...]], ...] = (
    (
        "where-lower-back",
        "Lower back",
        (("lower-back-centre", "centre"), ("lower-back-left", "left"), ("lower-back-right", "right")),
    ),
    ("where-buttock", "Buttock", (("buttock-left", "left"), ("buttock-right", "right"))),
    (
        "where-left-leg",
        "Left leg",
        (("leg-left-above-knee", "above the knee"), ("leg-left-below-knee", "below the knee")),
    ),
    (
        "where-right-leg",
        "Right leg",
        (("leg-right-above-knee", "above the knee"), ("leg-right-below-knee", "below the knee")),
    ),
)


def _sides(check_in: CheckIn) -> list[str]:
    """The leg-side toggles of a check-in: "both" ticks both."""
    return ["left", "right"] if check_in.leg_side == "both" else [check_in.leg_side] if check_in.leg_side else []


class FieldLabel(Static):
    """A field's name with a hint, or with what is wrong with it (validation shows here, beside the field)."""

    def __init__(self, text: str, hint: str = "", *, field: str | None = None) -> None:
        super().__init__(id=f"label-{field}" if field else None, classes="field-label")
        self.text = text
        self.hint = hint
        self.error = ""
        self._show()

    def set_error(self, message: str) -> None:
        self.error = message
        self.set_class(bool(message), "-invalid")
        self._show()

    def _show(self) -> None:
        if self.error:
            self.update(Content.assemble((self.text, "bold"), "  ", (f"⚠ {self.error}", "bold $error")))
        else:
            self.update(
                Content.assemble((self.text, "bold"), (f"  {self.hint}" if self.hint else "", "$foreground-muted"))
            )


def _label(text: str, hint: str = "", field: str | None = None) -> FieldLabel:
    return FieldLabel(text, hint, field=field)


class CheckInForm(VerticalScroll):
    """Posts ``CheckInForm.Saved`` with a valid CheckIn; shows errors next to fields otherwise."""

    class Saved(Message):
        def __init__(
            self, form: CheckInForm, check_in: CheckIn, replaces: CheckIn | None, asked: MorningQuestion | None
        ) -> None:
            super().__init__()
            self.form = form
            self.check_in = check_in
            self.replaces = replaces
            self.asked = asked
            """The morning question this check-in answers (None: not asked, or not answered)."""

    def __init__(self, now: Callable[[], datetime], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.now = now
        self.editing: CheckIn | None = None
        self.morning: MorningQuestion | None = None
        """The coach's morning question, asked on a new check-in (an edit keeps the answer as it was)."""
        self.shown_when = ""
        self._as_reset: tuple[object, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(id="form-title")
        yield _label(PAIN_NOW_QUESTION, "0-9 (1 0 is 10), arrows; Enter saves", field="pain")
        yield NumberScale("no pain", "worst pain you can imagine", id="pain")
        with Vertical(id="morning-question"):
            yield _label("", "optional, left/right", field="morning")
            yield Segmented("", MORNING_ANSWERS, id="morning")
        yield _label(PAIN_AVERAGE_QUESTION, "optional", field="average")
        yield NumberScale("no pain", "worst pain you can imagine", optional=True, id="average")
        yield _label("Where does it hurt?")
        for row_id, row_label, options in WHERE_ROWS:
            yield ToggleRow(options, label=row_label, label_width=12, id=row_id, classes="where")
        yield _label("Leg symptoms", "and which leg: tick both if both legs", field="leg")
        yield ToggleRow([(value, value) for value in LEG_SYMPTOMS], id="leg")
        yield ToggleRow([("left", "left leg"), ("right", "right leg")], label="in the", label_width=7, id="leg-side")
        yield _label("What helped?")
        yield ToggleRow([(value, value) for value in HELPERS], id="helped")
        with Horizontal(classes="pair"):
            with Vertical():
                yield _label("Minutes walked", field="walked")
                yield Input(placeholder="e.g. 20", id="walked", type="integer", compact=True)
            with Vertical():
                yield _label("When", "e.g. now, yesterday 21:00", field="when")
                yield Input(placeholder="now", id="when", compact=True)
        yield _label("Sleep quality last night", "optional", field="sleep")
        yield NumberScale("very poor", "very good", optional=True, coloured=False, id="sleep")
        yield _label("Triggers", "comma-separated, e.g. long meeting, lifting", field="triggers")
        yield Input(id="triggers", compact=True)
        yield _label("Notes", field="notes")
        yield TextArea(id="notes", soft_wrap=True, compact=True)
        yield Static(id="notes-count", classes="field-hint")
        with Horizontal(id="form-buttons"):
            yield Button("Save check-in", id="save", variant="primary")
            yield Button("Clear", id="clear")

    def on_mount(self) -> None:
        self.reset()

    def ask_morning(self, question: MorningQuestion | None) -> None:
        """Show the coach's morning question on a new check-in (or hide it: None). The answer chosen so far
        stays when the question is the same."""
        same = (question is None) == (self.morning is None) and (
            question is None or self.morning is None or question.session.id == self.morning.session.id
        )
        self.morning = question
        if question is not None:
            self.query_one("#label-morning", FieldLabel).text = question.text
            self.query_one("#label-morning", FieldLabel).set_error("")
        if not same:
            self.query_one("#morning", Segmented).index = 0
        self._show_morning()

    def _show_morning(self) -> None:
        self.query_one("#morning-question").display = self.morning is not None and self.editing is None

    # --- filling and reading ------------------------------------------------

    def reset(self, check_in: CheckIn | None = None) -> None:
        """Empty the form, or fill it with ``check_in`` to edit it."""
        self.editing = check_in
        title = self.query_one("#form-title", Static)
        if check_in is None:
            title.update(Content.styled("New check-in", "bold $primary"))
        else:
            when = format_moment(check_in.at, self.now())
            title.update(Content.styled(f"Editing the check-in of {when}", "bold $accent"))
        self.query_one("#pain", NumberScale).value = check_in.pain_now if check_in else None
        self.query_one("#average", NumberScale).value = check_in.pain_average if check_in else None
        self.query_one("#sleep", NumberScale).value = check_in.sleep_quality if check_in else None
        for row in self.query(ToggleRow):
            row.set_values(
                [*check_in.where, *check_in.leg_symptoms, *_sides(check_in), *check_in.helped] if check_in else []
            )
        walked = check_in.walked_minutes if check_in else None
        self.query_one("#walked", Input).value = "" if walked is None else str(walked)
        self.shown_when = f"{check_in.at:%Y-%m-%d %H:%M}" if check_in else ""
        """The entry's own time as shown: left as it is, the edit keeps the time to the second (and its zone)."""
        self.query_one("#when", Input).value = self.shown_when
        self.query_one("#triggers", Input).value = ", ".join(check_in.triggers) if check_in else ""
        self.query_one("#notes", TextArea).text = check_in.notes if check_in else ""
        self.query_one("#morning", Segmented).index = 0
        self._show_morning()
        for field in FIELD_ERRORS:
            self._show_error(field, "")
        self._count_notes()
        self._as_reset = self._fields()

    def _fields(self) -> tuple[object, ...]:
        """Every field as it stands, to compare with the form as it was filled or emptied."""
        return (
            *(scale.value for scale in self.query(NumberScale)),
            *(tuple(row.values) for row in self.query(ToggleRow)),
            *(field.value for field in self.query(Input)),
            self.query_one("#notes", TextArea).text,
            self.query_one("#morning", Segmented).index,
        )

    @property
    def unsaved(self) -> bool:
        """Something was entered or changed since the form was emptied (or filled to edit) and not saved."""
        return self._fields() != self._as_reset

    def _ticked(self, selector: str) -> list[str]:
        return [value for row in self.query(selector).results(ToggleRow) for value in row.values]

    def _show_error(self, field: str, message: str) -> None:
        self.query_one(f"#label-{field}", FieldLabel).set_error(message)

    def collect(self) -> CheckIn | None:
        """A valid CheckIn from the fields, or None after showing what is wrong."""
        errors: dict[str, str] = {}
        pain = self.query_one("#pain", NumberScale).value
        if pain is None:
            errors["pain"] = "Choose how bad the pain is now, from 0 to 10."
        walked_text = self.query_one("#walked", Input).value.strip()
        walked: int | None = None
        if walked_text:
            if not walked_text.isdigit() or int(walked_text) > (WALKED.maximum or 0):
                errors["walked"] = f"Minutes walked must be a whole number from {WALKED.minimum} to {WALKED.maximum}."
            else:
                walked = int(walked_text)
        when_text = self.query_one("#when", Input).value.strip()
        unchanged = self.editing is not None and when_text in ("", self.shown_when)
        at = self.editing.at if self.editing is not None and unchanged else self.now()
        if when_text and not unchanged:
            try:
                at = parse_when(when_text, self.now())
            except ValueError as error:
                errors["when"] = str(error)
            else:
                problem = entry_time_problem(at, self.now())
                if problem is not None:
                    errors["when"] = problem[:1].upper() + problem[1:] + "."
        sides = self._ticked("#leg-side")
        leg_side = "both" if len(sides) == 2 else sides[0] if sides else None
        if leg_side is not None and not self._ticked("#leg"):
            errors["leg"] = "Tick the leg symptom too, or untick the leg."
        triggers = [tag.strip() for tag in self.query_one("#triggers", Input).value.split(",") if tag.strip()]
        if any(len(tag) > (TAGS.max_length or 0) for tag in triggers):
            errors["triggers"] = f"Each trigger can be at most {TAGS.max_length} characters."
        elif len(triggers) > (TAGS.max_items or 0):
            errors["triggers"] = f"At most {TAGS.max_items} triggers."
        elif len({tag.casefold() for tag in triggers}) != len(triggers):
            errors["triggers"] = "A trigger is listed twice."
        notes = self.query_one("#notes", TextArea).text
        if len(notes) > NOTES_MAX:
            errors["notes"] = f"Notes can be at most {NOTES_MAX} characters ({len(notes)} now)."
        worse, asked = self._morning_answer(at, errors)
        for field in FIELD_ERRORS:
            self._show_error(field, errors.get(field, ""))
        if errors:
            self._focus_first_error(errors)
            return None
        fields = dict(
            at=at,
            pain_now=pain,
            pain_average=self.query_one("#average", NumberScale).value,
            where=self._ticked("ToggleRow.where"),
            leg_symptoms=self._ticked("#leg"),
            leg_side=leg_side,
            helped=self._ticked("#helped"),
            triggers=triggers,
            walked_minutes=walked,
            sleep_quality=self.query_one("#sleep", NumberScale).value,
            notes=notes,
        )
        if asked is not None:
            fields.update(session_worse=worse, about_session=asked.session.id)
        try:
            if self.editing is not None:
                return CheckIn.model_validate({**self.editing.model_dump(), **fields})
            return CheckIn.model_validate(fields)
        except ValidationError as error:  # what the checks above leave to the model: control characters
            shown = model_errors(error)
            for field, message in shown.items():
                self._show_error(field, message)
            self._focus_first_error(shown)
            return None

    def _morning_answer(self, at: datetime, errors: dict[str, str]) -> tuple[bool | None, MorningQuestion | None]:
        """The answer to the morning question, and the question (None when not asked or not answered)."""
        asked = self.morning
        worse: bool | None = self.query_one("#morning", Segmented).value
        if asked is None or self.editing is not None or worse is None:
            return None, None
        ended = asked.session.ended
        if at <= ended or at.date() <= ended.date():
            errors["morning"] = "This question is for a check-in on a day after the session: change When, or "
            errors["morning"] += "leave it not answered."
            return None, None
        return worse, asked

    def _focus_first_error(self, errors: dict[str, str]) -> None:
        first = next(field for field in FIELD_ERRORS if field in errors)
        target: Widget = self.query_one(f"#{first}")
        target.focus()
        self.scroll_to_widget(target)

    # --- events ----------------------------------------------------------------

    def save(self) -> None:
        check_in = self.collect()
        if check_in is not None:
            asked = self.morning if check_in.about_session is not None and self.editing is None else None
            self.post_message(self.Saved(self, check_in, self.editing, asked))

    @on(NumberScale.Submitted)
    @on(Input.Submitted)
    def _submit(self) -> None:
        self.save()

    @on(Button.Pressed, "#save")
    def _save_pressed(self) -> None:
        self.save()

    @on(Button.Pressed, "#clear")
    def _clear_pressed(self) -> None:
        self.reset()
        self.query_one("#pain").focus()

    @on(NumberScale.Changed, "#pain")
    def _pain_chosen(self, event: NumberScale.Changed) -> None:
        if event.value is not None:
            self._show_error("pain", "")

    @on(TextArea.Changed, "#notes")
    def _count_notes(self) -> None:
        length = len(self.query_one("#notes", TextArea).text)
        counter = self.query_one("#notes-count", Static)
        counter.update(Content(f"{length} / {NOTES_MAX} characters"))
        counter.set_class(length > NOTES_MAX, "over")
