"""A list whose wrapped lines hang under the text, not under the bullet."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Static

from trainer.widgets.literal import literal


class BulletList(Vertical):
    DEFAULT_CSS = """
    BulletList {
        height: auto;
    }
    BulletList > Horizontal {
        height: auto;
    }
    BulletList .marker {
        width: auto;
        min-width: 2;
        padding-right: 1;
        text-style: bold;
    }
    BulletList .item {
        width: 1fr;
    }
    """

    def __init__(
        self, items: Sequence[str], *, numbered: bool = False, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.items = list(items)
        self.numbered = numbered

    def compose(self) -> ComposeResult:
        width = len(str(len(self.items))) + 1
        for index, item in enumerate(self.items, start=1):
            marker = f"{index}.".rjust(width) if self.numbered else "•"
            with Horizontal():
                yield Static(Content(marker), classes="marker")
                yield Static(literal(item), classes="item")
