"""A row of on/off choices in one widget: ``Lower back  [x] centre  [ ] left  [ ] right``.

Left/right move between choices, space (or x) turns one on or off, a click
toggles it. One widget per row keeps big forms quick to open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ToggleRow(Widget, can_focus=True):
    DEFAULT_CSS = """
    ToggleRow {
        height: 1;
        width: 1fr;
    }
    ToggleRow:focus {
        background: $boost;
    }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "Previous", show=False),
        Binding("right", "move(1)", "Next", show=False),
        Binding("space,x", "tick", "Tick", show=False),
    ]

    cursor: reactive[int] = reactive(0)
    chosen: reactive[frozenset[str]] = reactive(frozenset(), init=False)

    class Changed(Message):
        def __init__(self, row: ToggleRow) -> None:
            super().__init__()
            self.row = row

        @property
        def control(self) -> ToggleRow:
            return self.row

    def __init__(
        self,
        options: Sequence[tuple[str, str]],
        *,
        label: str = "",
        label_width: int = 0,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.options = list(options)
        self.label = label
        self.label_width = label_width
        self._spans: list[tuple[int, int]] = []

    @property
    def values(self) -> list[str]:
        """The ticked values, in the order of the options."""
        return [value for value, _ in self.options if value in self.chosen]

    def set_values(self, values: Iterable[str]) -> None:
        self.chosen = frozenset(values) & {value for value, _ in self.options}

    def render(self) -> Content:
        parts: list[str | tuple[str, str]] = []
        position = 0
        if self.label or self.label_width:
            text = f"{self.label:<{self.label_width}}"
            parts.append((text, "$text-muted"))
            position += len(text)
        self._spans = []
        for index, (value, text) in enumerate(self.options):
            box = "[x]" if value in self.chosen else "[ ]"
            piece = f"{box} {text}"
            style = "bold $accent" if value in self.chosen else ""
            if self.has_focus and index == self.cursor:
                style += " reverse"
            parts += [(piece, style.strip()), "  "]
            self._spans.append((position, position + len(piece)))
            position += len(piece) + 2
        return Content.assemble(*parts)

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(self.options)

    def action_tick(self) -> None:
        self._toggle(self.cursor)

    def _toggle(self, index: int) -> None:
        value = self.options[index][0]
        self.chosen = self.chosen ^ {value}
        self.post_message(self.Changed(self))

    def on_click(self, event: Click) -> None:
        for index, (start, end) in enumerate(self._spans):
            if start <= event.x < end:
                self.cursor = index
                self._toggle(index)
                return
