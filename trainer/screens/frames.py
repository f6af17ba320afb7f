"""When a frame has gone to the terminal, for a screen whose clock must start when the person can see it.

Textual draws a frame in two halves: the compositor asks each widget for its lines, then the app turns them
into the terminal's bytes and hands them to the driver, which writes them from its own thread. On a busy
machine the second half takes a while: with fifty sessions launching at once on two cores, the session's
first frame reached its terminal about 170 ms after its screen was first asked for lines, and every step
of it then looked that much early. Textual calls ``App.post_display_hook`` as soon as the driver has a
frame; ``FrameReporter`` passes that on to whoever asked.
"""

from __future__ import annotations

from collections.abc import Callable


class FrameReporter:
    """Mixed into an app, before Textual's ``App``: ``after_next_frame`` callbacks run once each, just after
    the next frame has been handed to the terminal's driver (or, headless, would have been)."""

    _waiting_for_frame: list[Callable[[], None]] | None = None

    def after_next_frame(self, callback: Callable[[], None]) -> None:
        """Call ``callback`` right after the next frame is out: from inside Textual's refresh, so it should
        only note the time and post what else it does (``call_later``)."""
        if self._waiting_for_frame is None:
            self._waiting_for_frame = []
        self._waiting_for_frame.append(callback)

    def post_display_hook(self) -> None:
        """Textual's: called after each frame is written (App's own does nothing)."""
        waiting, self._waiting_for_frame = self._waiting_for_frame, None
        if waiting is None:  # (the usual frame: nobody asked)
            return
        for callback in waiting:
            callback()
