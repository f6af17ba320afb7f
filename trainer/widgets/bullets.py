"""A list whose wrapped lines hang under the text, not under the bullet.

One widget for the whole list, drawn by one ``Visual`` that wraps each item at the width it gets, not a
row of widgets per item: the first-run notice and Help hold dozens of items, and each widget costs time to
mount and lay out.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Static

from trainer.widgets.literal import literal


def _hang(marker: str) -> int:
    """Cells before an item's text: its marker and a space, at least two."""
    return max(2, len(marker) + 1)


class HangingItems(Visual):
    """Items after their markers (bold, then a space); an item's wrapped lines start under its text."""

    def __init__(self, items: Sequence[tuple[str, Content]]) -> None:
        self.items = list(items)
        self._lines: dict[int, list[Content]] = {}

    def lines(self, width: int) -> list[Content]:
        if width not in self._lines:
            rows: list[Content] = []
            for marker, text in self.items:
                hang = _hang(marker)
                for number, line in enumerate(text.wrap(max(1, width - hang)) or [Content()]):
                    lead = Content.styled(marker.ljust(hang), "bold") if number == 0 else Content(" " * hang)
                    rows.append(lead + line)
            self._lines[width] = rows
        return self._lines[width]

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        return Content("\n").join(self.lines(width)).render_strips(width, height, style, options)

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        widest = max((_hang(marker) + text.cell_length for marker, text in self.items), default=0)
        return min(widest, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return len(self.lines(width))

    def __str__(self) -> str:
        """The items unwrapped, one a line (what the list says, whatever the width)."""
        return "\n".join(f"{marker} {text.plain}" for marker, text in self.items)


class BulletList(Static):
    DEFAULT_CSS = """
    BulletList {
        width: 1fr;
        height: auto;
    }
    """

    def __init__(
        self, items: Sequence[str], *, numbered: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        width = len(str(len(items))) + 1
        markers = [f"{index}.".rjust(width) if numbered else "•" for index in range(1, len(items) + 1)]
        self._visual = HangingItems([(marker, literal(item)) for marker, item in zip(markers, items, strict=True)])

    def render(self) -> HangingItems:
        return self._visual
