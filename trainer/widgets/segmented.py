"""A one-line choice between a few options, all visible: ``[30 days] 90 days  1 year``.

Left/right (or a bound key on the screen) change it. Much lighter than a
Select, and every option is on screen without opening anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Generic, TypeVar

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

ValueT = TypeVar("ValueT")


class Segmented(Widget, Generic[ValueT], can_focus=True):
    DEFAULT_CSS = """
    Segmented {
        height: 1;
        width: auto;
    }
    Segmented:focus {
        background: $boost;
    }
    """
    BINDINGS = [
        Binding("left", "step(-1)", "Previous", show=False),
        Binding("right", "step(1)", "Next", show=False),
    ]

    index: reactive[int] = reactive(0, init=False)

    class Changed(Message):
        def __init__(self, segmented: Segmented[object], value: object) -> None:
            super().__init__()
            self.segmented = segmented
            self.value = value

        @property
        def control(self) -> Segmented[object]:
            return self.segmented

    def __init__(self, label: str, options: Sequence[tuple[str, ValueT]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label = label
        self.options = list(options)

    @property
    def value(self) -> ValueT:
        return self.options[self.index][1]

    def render(self) -> Content:
        parts: list[str | tuple[str, str]] = [(f"{self.label} ", "$foreground-muted")] if self.label else []
        for position, (text, _) in enumerate(self.options):
            if position == self.index:
                parts.append((f" {text} ", "bold reverse $accent"))
            else:
                parts.append((f" {text} ", ""))
        return Content.assemble(*parts)

    def select(self, value: ValueT) -> None:
        """Show ``value`` as chosen (the first option when it is none of them), with no ``Changed`` message:
        for a form filled with answers given before."""
        index = next((index for index, (_, option) in enumerate(self.options) if option == value), 0)
        self.set_reactive(Segmented.index, index)
        self.refresh()

    def action_step(self, delta: int) -> None:
        self.index = (self.index + delta) % len(self.options)

    def cycle(self) -> None:
        self.action_step(1)

    def watch_index(self) -> None:
        self.post_message(self.Changed(self, self.value))  # type: ignore[arg-type]
