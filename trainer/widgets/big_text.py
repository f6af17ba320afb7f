"""A word or a time in block letters, as large as the space it is given (``block_font``).

``BigText`` is the session's cue (LIFT, HOLD, REST), ``BigClock`` its countdown. The fill character
carries the kind of moment as well as the colour does, so it reads in 16 colours and with ``NO_COLOR``:
solid blocks for work, a lighter shade for rest and getting ready, the lightest when paused. Text that
fits no face (a long cue such as "Get ready: Bird-dog") is shown as one bold line instead.

A ``BigText`` is one widget: a new word repaints it whole, which is the cheapest way to write a new word
(one piece of each row). A ``BigClock`` gives each character its own small widget (``Glyph``), centred in
a row: Textual writes a changed widget's piece of a row from that widget's left edge, so when the time
goes from 0:58 to 0:57 only the last digit is written to the terminal, not the whole time (half the bytes
of a one-widget countdown during a hold: bench/RESULTS.md, session terminal traffic). Its glyphs are
built again only when the characters' sizes change (another face, another length, about once a step);
otherwise each repaints only when its own picture changed.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.content import Content
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget
from textual.widgets import Static

from trainer.widgets.block_font import Face, best_face, draw
from trainer.widgets.literal import literal

FILLS = {"work": "█", "switch": "▓", "rest": "▒", "ready": "▒", "paused": "░", "stopped": "░", "finished": "█"}


class BigText(Widget):
    DEFAULT_CSS = """
    BigText {
        width: 100%;
        height: 5;
        content-align: center middle;
        text-align: center;
    }
    """

    text: reactive[str] = reactive("", layout=False)
    kind: reactive[str] = reactive("work")
    """The moment's kind (a CUE class: work, rest, switch, ready, paused ...): sets the fill."""

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.set_reactive(BigText.text, text)

    def _face(self) -> Face | None:
        return best_face(self.text, self.size.width, self.size.height)

    @property
    def face_name(self) -> str:
        """Which face the text is drawn in now ('small', 'large', 'huge'), or 'line' when it fits none."""
        face = self._face()
        return face.name if face is not None else "line"

    def render(self) -> Content:
        face = self._face()
        if face is None:
            return literal(self.text, "bold")
        rows = draw(self.text, face, FILLS.get(self.kind, "█"))
        return Content("\n".join(rows))


class Glyph(Widget):
    """One character of a ``BigClock`` in block letters (with the gap before it, but for the first)."""

    DEFAULT_CSS = """
    Glyph {
        width: auto;
        height: auto;
    }
    """

    def __init__(self, lines: list[str]) -> None:
        super().__init__()
        self.lines = lines
        self.styles.width = len(lines[0]) if lines else 0
        self.styles.height = len(lines)

    def show(self, lines: list[str]) -> None:
        """Another picture of the same size: repainted only if it differs."""
        if lines != self.lines:
            self.lines = lines
            self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        line = self.lines[y] if y < len(self.lines) else ""
        return Strip([Segment(line.ljust(width)[:width], self.visual_style.rich_style)], width)


class BigClock(BigText):
    """A ``BigText`` whose characters are drawn one widget each, so a new second repaints one digit."""

    DEFAULT_CSS = """
    BigClock {
        layout: horizontal;
        align: center middle;
    }
    BigClock > Static {
        width: 100%;
        height: auto;
        text-align: center;
        text-style: bold;
    }
    """

    text: reactive[str] = reactive("", repaint=False)
    kind: reactive[str] = reactive("work", repaint=False)

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(text, id=id, classes=classes)
        self._shape: tuple[object, ...] | None = None
        """What the glyphs were built for: each character's width and height (or the line's text)."""
        self._glyphs: list[Glyph] = []
        """The glyphs shown now (not those being removed)."""

    def render(self) -> Content:
        return Content()  # the glyphs draw the text

    def pictures(self) -> list[list[str]] | None:
        """Each character's rows as drawn now (the gap before it included), or None when no face fits."""
        face = self._face()
        if face is None:
            return None
        fill = FILLS.get(self.kind, "█")
        gap = " " * face.gap
        return [
            [("" if index == 0 else gap) + row for row in draw(char, face, fill)]
            for index, char in enumerate(self.text.upper())
        ]

    def on_resize(self) -> None:
        self._update()

    def watch_text(self) -> None:
        self._update()

    def watch_kind(self) -> None:
        self._update()

    def _update(self) -> None:
        """Show the text: new glyphs when the sizes changed, else each glyph repaints itself if it must."""
        if not self.is_mounted:
            return
        pictures = self.pictures()
        shape: tuple[object, ...] = (
            ("line", self.text) if pictures is None else tuple((len(lines[0]), len(lines)) for lines in pictures)
        )
        if shape == self._shape:
            for glyph, lines in zip(self._glyphs, pictures or [], strict=True):
                glyph.show(lines)
            return
        self._shape = shape
        self._glyphs = [Glyph(lines) for lines in pictures or []]
        with self.app.batch_update():
            self.remove_children()
            self.mount_all(self._glyphs or [Static(literal(self.text))])
