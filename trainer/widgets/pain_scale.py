"""A 0-10 scale chosen with number keys or arrows, its anchors always in view."""

from __future__ import annotations

from time import monotonic

from textual.binding import Binding
from textual.content import Content
from textual.events import Key
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

TEN_WINDOW = 0.8
"""Seconds within which typing 1 then 0 means ten."""


def pain_band(value: int) -> str:
    """Style for a score: calm for low, warmer as it rises (never alarming red for the middle)."""
    if value <= 2:
        return "$success"
    if value <= 5:
        return "$warning"
    return "$error"


class NumberScale(Widget, can_focus=True):
    """Eleven boxes 0..10 with words at both ends.

    Keys: 0-9 choose (1 then 0 quickly chooses 10), left/right step, Home/End,
    Backspace clears when the answer is optional. Enter posts ``Submitted``.
    """

    DEFAULT_CSS = """
    NumberScale {
        height: 2;
        width: auto;
        min-width: 46;
    }
    NumberScale:focus {
        background: $boost;
    }
    """

    BINDINGS = [
        Binding("left", "step(-1)", "Less", show=False),
        Binding("right", "step(1)", "More", show=False),
        Binding("home", "choose(0)", show=False),
        Binding("end", "choose(10)", show=False),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, scale: NumberScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> NumberScale:
            return self.scale

    class Submitted(Message):
        def __init__(self, scale: NumberScale) -> None:
            super().__init__()
            self.scale = scale

        @property
        def control(self) -> NumberScale:
            return self.scale

    def __init__(
        self,
        low: str,
        high: str,
        *,
        value: int | None = None,
        optional: bool = False,
        coloured: bool = True,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.low = low
        self.high = high
        self.optional = optional
        self.coloured = coloured
        self._last_one = -1.0
        self.set_reactive(NumberScale.value, value)

    def render(self) -> Content:
        boxes = []
        for number in range(11):
            label = f"{number:^4}"
            if number == self.value:
                style = f"bold reverse {pain_band(number)}" if self.coloured else "bold reverse $accent"
                boxes.append((label, style))
            else:
                boxes.append((label, "$foreground-muted"))
        scale = Content.assemble(*boxes)
        anchors = Content.styled(f"0 = {self.low}  ·  10 = {self.high}", "$foreground-muted")
        return Content("\n").join([scale, anchors])

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        start = self.value if self.value is not None else (0 if delta > 0 else 11)
        self.value = max(0, min(10, start + delta))

    def action_choose(self, number: int) -> None:
        self.value = number

    def action_clear(self) -> None:
        if self.optional:
            self.value = None

    def on_key(self, event: Key) -> None:
        if event.key == "enter":
            event.stop()
            self.post_message(self.Submitted(self))
            return
        if event.character is None or not event.character.isdigit():
            return
        event.stop()
        digit = int(event.character)
        now = monotonic()
        if digit == 0 and self.value == 1 and now - self._last_one < TEN_WINDOW:
            self.value = 10
        else:
            self.value = digit
        self._last_one = now if digit == 1 else -1.0
