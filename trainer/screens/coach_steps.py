"""What the coach does after a session and after the morning answer: a proposal, then a review that is due.

Each step runs in the caller's worker (it waits for its dialogs); with no programme running it shows nothing.
A journal that cannot be read is said so, and the rest of the step is left out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from trainer.engine.decisions import Proposal
from trainer.journal.errors import JournalError
from trainer.journal.models import SessionRecord
from trainer.screens.base import services_of
from trainer.screens.proposal import offer_proposal
from trainer.screens.review import offer_review


async def after_session(app: App[Any], record: SessionRecord) -> None:
    """The session as saved (with its "how did it go" answers): red or amber propose; then a review."""
    coach = services_of(app).coach
    await _propose(app, lambda: coach.after_session(record))


async def after_morning_answer(app: App[Any], session: SessionRecord, worse: bool) -> None:
    """The morning answer about ``session``, saved on the check-in: it may settle a step up; then a review."""
    coach = services_of(app).coach
    await _propose(app, lambda: coach.after_morning_answer(session, worse))


async def _propose(app: App[Any], judge: Callable[[], Proposal | None]) -> None:
    try:
        proposal = judge()
    except JournalError as error:
        app.notify(f"The coach could not read the journal: {error}", severity="warning")
        return
    if proposal is not None:
        await offer_proposal(app, proposal)
    await offer_review(app)
