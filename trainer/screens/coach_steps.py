"""What the coach does after a session and after the morning answer: a proposal, then a review that is due.

Each step runs in the caller's worker (it waits for its dialogs); with no programme running it shows nothing.
A journal that cannot be read is said so, and the rest of the step is left out. A review that has come due is
offered once a run (``ReviewDueScreen``); Home keeps offering it on ``v`` until it is done.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Static

from trainer.engine.decisions import Proposal
from trainer.engine.review import ReviewQuestions
from trainer.journal.errors import JournalError
from trainer.journal.models import SessionRecord
from trainer.screens.base import services_of
from trainer.screens.dialogs import Dialog
from trainer.screens.proposal import offer_proposal
from trainer.screens.review import ReviewScreen
from trainer.widgets.literal import literal


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


class ReviewDueScreen(Dialog[bool]):
    """Offered after a session or a check-in: open the review that is due now (True), or later."""

    BINDINGS = [
        Binding("y,enter", "answer(True)", "Open the review"),
        Binding("n,l,q,escape", "answer(False)", "Later"),
    ]

    def __init__(self, questions: ReviewQuestions) -> None:
        super().__init__()
        self.questions = questions

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Content(f"Your week {self.questions.week} review is due"), classes="dialog-title")
            yield Static(literal(self.questions.point.title, "bold"))
            yield Static(
                Content(
                    "A few minutes to look back at your pain, your sessions and your goals, and to choose "
                    "what comes next. Home offers it (v) until it is done."
                ),
                classes="question",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Later (n)", id="later", compact=True)
                yield Button("Open the review (y)", id="open", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#open").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "open")

    def action_answer(self, open_it: bool) -> None:
        self.dismiss(open_it)


async def offer_review(app: App[Any]) -> None:
    """After a session or a check-in: offer the review that is due, once a run (run in a worker)."""
    services = services_of(app)
    try:
        questions = services.coach.review_due()
    except JournalError:
        return  # the screens that read the journal say so
    if questions is None:
        return
    key = (questions.programme_id, questions.week)
    if key in services.offered_reviews:
        return
    services.offered_reviews.add(key)
    if await app.push_screen_wait(ReviewDueScreen(questions)):
        await app.push_screen_wait(ReviewScreen(questions))
