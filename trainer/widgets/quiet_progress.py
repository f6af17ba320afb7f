"""A progress bar that repaints only when its progress changes.

Textual's ProgressBar refreshes itself every second for its ETA, even with
the ETA hidden: during a 30 s hold that doubles the frames written to the
terminal and delays the frame that matters (bench/RESULTS.md, session timing).
"""

from __future__ import annotations

from textual.events import Mount
from textual.widgets import ProgressBar


class QuietProgressBar(ProgressBar):
    def __init__(self, total: float, *, id: str | None = None) -> None:
        super().__init__(total=total, show_eta=False, show_percentage=False, id=id)

    def on_mount(self, event: Mount) -> None:  # type: ignore[override]  # Textual passes the event when asked for
        event.prevent_default()  # skip ProgressBar.on_mount and its once-a-second timer
        self.update()
