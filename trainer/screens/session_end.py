"""How a session ends: stopping (why, or at once for pain), quitting mid-session, and the end itself.

``SessionEnding`` is the base of ``SessionScreen`` (``session.py`` plays the session; this module ends it).
The end is one linear worker: the record is saved once the end's frame is out, the end shows for a
moment, the help lists come first after a pain stop, then "how did it go"; with a programme running the
coach judges the session with those answers and may propose a change (``proposal.py``: nothing changes
unless the person chooses), and a review that has come due is offered once (``review.py``). Then back to
where the session was started from.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import TypeVar

from textual import work
from textual.screen import Screen

from trainer.engine.runner import Runner
from trainer.engine.session_view import end_words
from trainer.journal.errors import JournalError
from trainer.journal.models import StopReason
from trainer.screens.base import TrainerScreen
from trainer.screens.frames import FrameReporter
from trainer.screens.help import HelpScreen
from trainer.screens.session_dialogs import AfterSessionScreen, QuitSessionScreen, StopReasonScreen
from trainer.services.recorder import SessionRecorder

ResultT = TypeVar("ResultT")

END_FRAME_WAIT = 1.0
"""Seconds the end waits for its frame to go out before it saves regardless."""


class SessionEnding(TrainerScreen):
    """Stopping, quitting and the end of a session (the player, ``SessionScreen``, builds on it)."""

    runner: Runner
    recorder: SessionRecorder
    end_pause: float
    """Seconds the finished (or stopped) session shows before the 'how did it go' questions."""
    _leave_when_resumed = False
    _asked_to_quit = False
    _ending = False
    """The runner has ended and the end has begun (``_end_once_shown``: once)."""

    def refresh_display(self) -> None:
        """Show the runner's state now (the player draws it)."""
        raise NotImplementedError

    def _paused_for(self, screen: Screen[ResultT], then: Callable[[ResultT | None], None] | None = None) -> None:
        """Pause while ``screen`` is open; the session comes back paused (space carries on, after a 3-2-1),
        and ``then`` gets the screen's result."""
        self.runner.pause()
        self.refresh_display()

        def back(result: ResultT | None) -> None:
            if then is not None:
                then(result)
            self.refresh_display()

        self.app.push_screen(screen, back)

    # --- stopping and quitting -------------------------------------------------------

    def action_stop(self) -> None:
        if self.runner.state in ("finished", "stopped"):
            return

        def chosen(reason: StopReason | None) -> None:
            if reason is not None:
                self._stop(reason)
            else:
                self.runner.resume()  # "carry on": after the 3-2-1

        self._paused_for(StopReasonScreen(), chosen)

    def action_go_back(self) -> None:
        self.action_stop()

    def action_pain_stop(self) -> None:
        """Ends at once: no question first, the stop is recorded, then the stop rules show."""
        self._stop("pain")

    def _stop(self, reason: StopReason) -> None:
        self.runner.stop(reason)
        self.refresh_display()

    def quit_requested(self) -> bool:
        """Ctrl+Q mid-session asks first (save and quit, or keep going); a second Ctrl+Q quits, saved."""
        if self.runner.state in ("finished", "stopped", "ready") or self._asked_to_quit:
            self._save_before_quitting()
            return True
        self._asked_to_quit = True

        def chosen(quit_now: bool | None) -> None:
            self._asked_to_quit = False
            if quit_now:
                self._save_before_quitting()
                self.app.exit()

        self._paused_for(QuitSessionScreen(), chosen)
        return False

    def _save_before_quitting(self) -> None:
        try:
            if self.runner.state in ("running", "paused"):
                self.recorder.checkpoint(self.runner)
            elif self._ending:  # ended, and its frame perhaps not out yet: saved now, as it would have been
                self.recorder.finish(self.runner)
        except JournalError:
            pass  # the last checkpoint written stays; nothing more can be said as the app closes

    # --- the end ----------------------------------------------------------------------

    def _end_once_shown(self) -> None:
        """The runner has ended: the end's view goes to the terminal first, then the record is saved.

        Saving waits for the disk; run before the end's frame was out, that wait (and on a busy machine
        much more) came between the end and the person seeing it."""
        if self._ending:
            return
        self._ending = True
        shown = asyncio.Event()
        host = self.app
        assert isinstance(host, FrameReporter)  # (sessions run in TrainerApp)
        host.after_next_frame(shown.set)  # (the end's view differs from the last step's: a frame comes)
        self._end(shown)

    @work(exclusive=True, group="session-end")
    async def _end(self, shown: asyncio.Event) -> None:
        """Once the end is on screen, save the record, let the end show a moment, then (after a pain stop,
        the help lists first) ask how it went; then the coach."""
        with contextlib.suppress(TimeoutError):  # (no frame at all, say under a screen on top: saved anyway)
            await asyncio.wait_for(shown.wait(), END_FRAME_WAIT)
        if self.recorder.record is not None:
            return  # (saved as the app quit)
        try:
            self.recorder.finish(self.runner)
        except JournalError as error:  # kept as its checkpoint, offered again at the next start
            self.notify(f"Could not save the session: {error}", severity="error", timeout=20)
        record = self.recorder.record
        if record is None:
            return
        await asyncio.sleep(self.end_pause)  # the end shows on this screen first
        stopped_for_pain = record.ended_how == "stopped-pain"
        if stopped_for_pain:
            await self.app.push_screen_wait(HelpScreen())
        headline, summary = end_words(record)
        answers = await self.app.push_screen_wait(
            AfterSessionScreen(headline, summary, self.services.catalog.safety, stopped_for_pain)
        )
        try:
            self.recorder.save_answers(answers)
        except JournalError as error:
            self.notify(f"Could not save your answers: {error}", severity="error")
        from trainer.screens.coach_steps import after_session  # (loaded here: not held through the session)

        await after_session(self.app, self.recorder.record or record)  # as saved: with the answers, if they were
        self._leave()

    def _leave(self) -> None:
        """Back to where the session was started from; if a screen is open on top (help), once it closes."""
        if self.app.screen is self:
            self.dismiss()
        else:
            self._leave_when_resumed = True

    def on_screen_resume(self) -> None:
        if self._leave_when_resumed:
            self.dismiss()
