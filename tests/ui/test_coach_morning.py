"""The coach's morning question in the check-in form: only at the first check-in on a day after a programme
session, saved on the check-in, optional, and followed by a proposal when the answer settles one."""

from __future__ import annotations

import pytest

from tests.ui.coach_app import Now, coach_app, decisions, morning_check_in, played, rungs
from trainer.journal.coach_models import MORNING_QUESTION
from trainer.journal.models import CheckIn
from trainer.journal.store import JournalStore
from trainer.screens.journal import JournalScreen
from trainer.screens.journal_form import CheckInForm
from trainer.screens.proposal import ProposalScreen


@pytest.fixture
def now() -> Now:
    return Now()


def todays_routine(app) -> str:
    today = app.services.coach.today()
    assert today is not None and today.routine is not None
    return today.routine.id


def check_ins(paths) -> list[CheckIn]:
    return [entry for entry in JournalStore(paths.journal_dir).entries() if isinstance(entry, CheckIn)]


def question_shown(app) -> str | None:
    """The morning question as the form shows it, or None when it is hidden."""
    box = app.screen.query_one("#morning-question")
    if not box.display:
        return None
    assert box.region.height >= 3  # the question and its answers on screen, not an empty strip
    return str(app.screen.query_one("#label-morning").render())


async def test_the_question_shows_only_at_the_first_check_in_on_the_day_after_a_session(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    now.set(0, 18)
    session = played(app.services, todays_routine(app))
    now.set(0, 21)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert isinstance(app.screen, JournalScreen)
        assert question_shown(app) is None  # the same evening: nothing to settle yet
        await pilot.press("q")
        now.set(1, 8)
        await pilot.press("c")
        shown = question_shown(app)
        assert shown is not None and shown.startswith(MORNING_QUESTION)
        await pilot.press("3", "tab", "right", "ctrl+s")  # pain 3; worse? no
        await pilot.pause()
        (saved,) = check_ins(paths)
        assert (saved.session_worse, saved.about_session) == (False, session.id)
        assert question_shown(app) is None  # answered: the next check-in of the day does not ask
        await pilot.press("q")
        now.set(1, 20)
        await pilot.press("c")
        assert question_shown(app) is None


async def test_the_question_may_be_left_unanswered(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    now.set(0, 18)
    played(app.services, todays_routine(app))
    now.set(1, 8)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        assert question_shown(app) is not None
        await pilot.press("3", "enter")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)  # no proposal
    (saved,) = check_ins(paths)
    assert (saved.session_worse, saved.about_session) == (None, None)
    assert decisions(paths) == []


async def test_the_answer_belongs_to_a_check_in_on_a_later_day(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    now.set(0, 18)
    played(app.services, todays_routine(app))
    now.set(1, 8)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "3", "tab", "right")
        form = app.screen.query_one(CheckInForm)
        form.query_one("#when").value = "yesterday 21:00"  # the evening of the session
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert check_ins(paths) == []
        assert "for a check-in on a day after the session" in str(app.screen.query_one("#label-morning").render())


async def test_the_second_settled_green_proposes_a_step_up_and_accepting_moves_the_rungs(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    services = app.services
    before = rungs(services)
    now.set(0, 18)
    played(services, todays_routine(app))
    now.set(1, 8)
    morning_check_in(services, worse=False)
    now.set(1, 18)
    played(services, todays_routine(app))
    now.set(2, 8)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "3", "tab", "right", "ctrl+s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ProposalScreen)
        shown = "\n".join(str(widget.render()) for widget in screen.query("Static"))
        assert "Ready for a little more" in shown and "● Green  Your last two sessions were green." in shown
        assert rungs(services) == before
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, JournalScreen)
    moved = {step.ladder.exercise for step in screen.proposal.steps}
    after = rungs(services)
    assert moved and all(after[ladder] == before[ladder] + 1 for ladder in moved)
    recorded = decisions(paths)
    assert {decision.exercise_id for decision in recorded} == moved
    assert all(decision.source == "morning" and decision.choice == "accepted" for decision in recorded)
    assert recorded[0].reason.startswith("Your last two sessions were green: ")


async def test_worse_the_morning_after_a_green_proposes_keeping_the_dose(paths, catalog, now) -> None:
    app = coach_app(paths, catalog, now)
    before = rungs(app.services)
    now.set(0, 18)
    played(app.services, todays_routine(app))
    now.set(1, 8)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c", "3", "tab", "right", "right", "ctrl+s")  # worse? yes
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen)
        shown = "\n".join(str(widget.render()) for widget in app.screen.query("Static"))
        assert "▲ Amber" in shown and "your back was worse the next morning" in shown
        await pilot.press("k")
        await pilot.pause()
    (saved,) = check_ins(paths)
    assert saved.session_worse is True
    assert rungs(app.services) == before
    recorded = decisions(paths)
    assert recorded and all(decision.choice == "kept" and decision.source == "morning" for decision in recorded)
