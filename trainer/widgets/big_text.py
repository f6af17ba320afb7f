"""A word or a time in block letters, as large as the space it is given (``block_font``).

Used for the session's cue (LIFT, HOLD, REST) and countdown. The fill character carries the kind of
moment as well as the colour does, so it reads in 16 colours and with ``NO_COLOR``: solid blocks for
work, a lighter shade for rest and getting ready, the lightest when paused. Text that fits no face (a
long cue such as "Get ready: Bird-dog") is shown as one bold line instead.
"""

from __future__ import annotations

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

from trainer.widgets.block_font import best_face, draw
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

    @property
    def face_name(self) -> str:
        """Which face the text is drawn in now ('small', 'large', 'huge'), or 'line' when it fits none."""
        face = best_face(self.text, self.size.width, self.size.height)
        return face.name if face is not None else "line"

    def render(self) -> Content:
        face = best_face(self.text, self.size.width, self.size.height)
        if face is None:
            return literal(self.text, "bold")
        rows = draw(self.text, face, FILLS.get(self.kind, "█"))
        return Content("\n".join(rows))
