"""A progress bar that repaints only when what it shows changes.

Textual's ProgressBar refreshes itself every second for its ETA, even with
the ETA hidden: during a 30 s hold that doubles the frames written to the
terminal and delays the frame that matters (bench/RESULTS.md, session timing).
It also repaints at every new value of its progress, even one too small to
show: the session moves its bars at every tick (each second, each frame of the
figure), and each repaint makes the compositor render the screen's widgets
again. ``show`` passes a new value on only when the bar's picture changes
(Textual's bar draws in half cells).
"""

from __future__ import annotations

from textual.events import Mount, Resize
from textual.widgets import ProgressBar


class QuietProgressBar(ProgressBar):
    def __init__(self, total: float, *, id: str | None = None) -> None:
        super().__init__(total=total, show_eta=False, show_percentage=False, id=id)
        self._wanted = 0.0
        """The progress asked for last (shown, or too close to what is shown to repaint)."""

    def on_mount(self, event: Mount) -> None:  # type: ignore[override]  # Textual passes the event when asked for
        event.prevent_default()  # skip ProgressBar.on_mount and its once-a-second timer
        self.update()

    def _half_cells(self, progress: float) -> int:
        """How many half cells of the bar ``progress`` fills at the bar's width now."""
        width = self.query_one("#bar").size.width  # the ProgressBar's Bar * 2
        return int(min(max(progress / self.total, 0.0), 1.0) * width) if self.total else width

    def show(self, progress: float) -> None:
        """Move to ``progress``, repainting only if the bar then looks different."""
        self._wanted = progress
        if self._half_cells(progress) != self._half_cells(self.progress):
            self.update(progress=progress)

    def on_resize(self, event: Resize) -> None:
        self.update(progress=self._wanted)  # at another width the last value may show differently
