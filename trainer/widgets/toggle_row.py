"""A row of on/off choices in one widget: ``Lower back  [x] centre  [ ] left  [ ] right``.

Choices that do not fit the width go on to the next line, never split.

Left/right move between choices, space (or x) turns one on or off, a click
toggles it. One widget per row keeps big forms quick to open.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class ToggleRow(Widget, can_focus=True):
    DEFAULT_CSS = """
    ToggleRow {
        height: auto;
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
        self._spans: list[tuple[int, int, int]] = []
        """(line, first column, column after) of each choice as last drawn."""

    @property
    def values(self) -> list[str]:
        """The ticked values, in the order of the options."""
        return [value for value, _ in self.options if value in self.chosen]

    def set_values(self, values: Iterable[str]) -> None:
        self.chosen = frozenset(values) & {value for value, _ in self.options}

    def _lines(self, width: int) -> list[list[tuple[int, int]]]:
        """Where each choice goes: per line, (option index, column); a choice never splits across lines."""
        indent = len(f"{self.label:<{self.label_width}}") if (self.label or self.label_width) else 0
        lines: list[list[tuple[int, int]]] = [[]]
        column = indent
        for index, (_, text) in enumerate(self.options):
            length = len(text) + 4  # "[x] " and the text
            if lines[-1] and width > 0 and column + length > width:
                lines.append([])
                column = indent
            lines[-1].append((index, column))
            column += length + 2
        return lines

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        label = f"{self.label:<{self.label_width}}" if (self.label or self.label_width) else ""
        rows: list[Content] = []
        self._spans = []
        for number, line in enumerate(self._lines(self.content_region.width)):
            parts: list[str | tuple[str, str]] = [(label if number == 0 else " " * len(label), "$foreground-muted")]
            for index, column in line:
                value, text = self.options[index]
                piece = f"{'[x]' if value in self.chosen else '[ ]'} {text}"
                style = "bold $accent" if value in self.chosen else ""
                if self.has_focus and index == self.cursor:
                    style += " reverse"
                parts += ["  " if parts[1:] else "", (piece, style.strip())]
                self._spans.append((number, column, column + len(piece)))
            rows.append(Content.assemble(*parts))
        return Content("\n").join(rows)

    def action_move(self, delta: int) -> None:
        self.cursor = (self.cursor + delta) % len(self.options)

    def action_tick(self) -> None:
        self._toggle(self.cursor)

    def _toggle(self, index: int) -> None:
        value = self.options[index][0]
        self.chosen = self.chosen ^ {value}
        self.post_message(self.Changed(self))

    def on_click(self, event: Click) -> None:
        for index, (line, start, end) in enumerate(self._spans):
            if line == event.y and start <= event.x < end:
                self.cursor = index
                self._toggle(index)
                return
