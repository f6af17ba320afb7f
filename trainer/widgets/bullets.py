"""A list whose wrapped lines hang under the text, not under the bullet.

One widget for the whole list (its lines wrapped here, at the width it gets), not a row of widgets per
item: the first-run notice and Help hold dozens of items, and each widget costs time to mount and lay out.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from trainer.widgets.literal import literal


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
        self.items = list(items)
        self.numbered = numbered

    def _markers(self) -> list[str]:
        width = len(str(len(self.items))) + 1
        return [f"{index}.".rjust(width) if self.numbered else "•" for index in range(1, len(self.items) + 1)]

    def lines(self, width: int) -> list[Content]:
        """The list at ``width`` cells: each item's first line after its marker (bold, then a space), the
        rest under its text."""
        rows: list[Content] = []
        for marker, item in zip(self._markers(), self.items, strict=True):
            hang = max(2, len(marker) + 1)
            for number, line in enumerate(literal(item).wrap(max(1, width - hang)) or [Content()]):
                lead = Content.styled(marker.ljust(hang), "bold") if number == 0 else Content(" " * hang)
                rows.append(lead + line)
        return rows

    def render(self) -> Content:
        return Content("\n").join(self.lines(self.content_size.width))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))
