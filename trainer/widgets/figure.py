"""The exercise's stick figure, at one moment between its start and end poses.

The interface the screens use (kept stable):

- ``Figure(poses, *, frames=8, id=None, classes=None)``: ``poses`` is ``Exercise.poses`` (``None``: nothing
  to show); ``frames`` from the start pose to the end pose.
- ``show(t, *, mirrored)``: the moment to draw, ``t`` from 0 (the start pose) to 1 (the end pose), values
  outside clamped; ``mirrored`` for the right side of a per-side exercise (a figure with ``facing: left``
  turns the other way again). ``t`` is rounded to one of ``frames + 1`` frames, and nothing is redrawn
  until the frame or the side changes: a 2 s lift is 8 redraws, whatever the caller's tick. Then only the
  rows that changed are repainted, up to their last changed cell. Returns whether it redraws.
- ``set_poses(poses)``: another exercise (``None`` hides the figure).
- ``frame`` (0 to ``frames``), ``mirrored`` and ``poses``: what is shown.

Terminal traffic, measured in an 80 x 24 pseudo-terminal with truecolor, the figure moving start to end and
back without a pause (4 frames a second): 1.3 to 3.4 KB/s for a 30 x 12 figure, 2.7 to 6.9 KB/s at 50 x 20
(a bird-dog least, walking most: the whole body moves); repainting the whole figure would be 4.5 and 9.3
KB/s. Fewer ``frames`` cost proportionally less.

The figure fills the space it is given (``width``/``height`` in CSS; at least about 20 x 8 cells reads)
and redraws when resized. It hides itself (``display: none``, by the class ``-no-poses``) when there are
no poses; ``Figure.HIDDEN`` (the class ``-hidden``) hides it too, for a key that toggles it. It draws in
the foreground colour alone, so it reads in 16 colours and with ``NO_COLOR``: the shape carries the meaning.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.events import Resize
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

from trainer.catalog.models import Poses
from trainer.engine.figure import between, render

FRAMES = 8
"""Frames from the start pose to the end pose."""


def frame_of(t: float, frames: int = FRAMES) -> int:
    """The frame shown for ``t`` (0 = start, ``frames`` = end)."""
    return round(min(1.0, max(0.0, t)) * frames)


class Figure(Widget):
    DEFAULT_CSS = """
    Figure {
        width: 1fr;
        height: 1fr;
        color: $foreground;
    }
    Figure.-no-poses, Figure.-hidden {
        display: none;
    }
    """

    HIDDEN = "-hidden"
    """Add this class to hide the figure (it keeps its poses and frame)."""

    def __init__(
        self, poses: Poses | None, *, frames: int = FRAMES, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        if frames < 1:
            raise ValueError(f"a figure needs at least one frame from start to end, not {frames}")
        self.frames = frames
        self._poses = poses
        self._frame = 0
        self._mirrored = False
        self._lines: tuple[str, ...] = ()
        self.set_class(poses is None, "-no-poses")

    @property
    def poses(self) -> Poses | None:
        return self._poses

    @property
    def frame(self) -> int:
        return self._frame

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    def show(self, t: float, *, mirrored: bool) -> bool:
        """Draw the moment ``t`` of the movement (see the module); True when that changed the frame or side."""
        frame = frame_of(t, self.frames)
        if (frame, mirrored) == (self._frame, self._mirrored):
            return False
        self._frame, self._mirrored = frame, mirrored
        self._redraw()
        return True

    def set_poses(self, poses: Poses | None) -> None:
        """Show another exercise's figure (from the frame and side already shown), or none."""
        if poses == self._poses:
            return
        self._poses = poses
        self.set_class(poses is None, "-no-poses")
        self._redraw(whole=True)

    def picture(self) -> tuple[str, ...]:
        """The lines of the current frame at the current size (empty when there is nothing to draw)."""
        poses = self._poses
        width, height = self.size
        if poses is None or not width or not height:
            return ()
        start, end = poses.start, poses.end
        pose = between(start, end, self._frame / self.frames)
        turned = self._mirrored != (poses.facing == "left")
        return render(pose, width, height, mirrored=turned, fit=(start, end))

    def on_resize(self, event: Resize) -> None:
        self._redraw(whole=True)

    def _redraw(self, *, whole: bool = False) -> None:
        """Draw the current frame, repainting only the cells that changed since the last one."""
        old, new = self._lines, self.picture()
        self._lines = new
        if whole or len(old) != len(new) or any(len(a) != len(b) for a, b in zip(old, new, strict=True)):
            self.refresh()
            return
        for y, (before, after) in enumerate(zip(old, new, strict=True)):
            if before != after:  # one region a row: Textual writes a dirty row from the widget's left edge anyway
                changed = [x for x, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
                self.refresh(Region(changed[0], y, changed[-1] - changed[0] + 1, 1))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        line = self._lines[y] if y < len(self._lines) else ""
        return Strip([Segment(line.ljust(width)[:width], self.visual_style.rich_style)], width)
