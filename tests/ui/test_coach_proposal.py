"""The coach's proposal after a session, by keyboard: accepted, kept, easier; none without a programme or with
nothing to judge; a red points to the flare plan and to when to get help. On the fake clocks of coach_app."""

from __future__ import annotations

import pytest

from tests.clock import FakeClock
from tests.ui.coach_app import Now, coach_app, decisions, rungs
from trainer.engine.decisions import FLARE_PLAN_TOPIC
from trainer.journal.errors import JournalError
from trainer.screens.help import HelpScreen
from trainer.screens.home import HomeScreen
from trainer.screens.proposal import ProposalScreen
from trainer.screens.session import SessionScreen
from trainer.screens.session_dialogs import AfterSessionScreen
from trainer.screens.tips import TipsScreen

ROUTINE = "gentle-start"
"""The programme's first routine: it plays five of its ladders."""


@pytest.fixture
def now() -> Now:
    now = Now()
    now.set(0, 18)
    return now


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


def texts(screen, selector: str = "Static") -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(selector))


async def finish_session(pilot, clock: FakeClock, *, before: str = "3", after: str | None, peak: str | None) -> None:
    """Through the pain question and the whole session to the 'how did it go' answers, and save them."""
    app = pilot.app
    await pilot.press(*((before, "enter") if before else ("s",)))  # s skips the question
    assert isinstance(app.screen, SessionScreen)
    clock.advance(app.screen.plan.total_seconds + 1)
    app.screen.refresh_display()
    await pilot.pause()
    assert isinstance(app.screen, AfterSessionScreen)
    if after is not None:
        await pilot.press(after)
    await pilot.press("tab")
    if peak is not None:
        await pilot.press(peak)
    await pilot.press("ctrl+s")
    await pilot.pause()


async def test_a_red_session_proposes_a_step_down_and_accepting_moves_the_rungs(paths, catalog, now, clock) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    before = rungs(app.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, after="4", peak="9")
        screen = app.screen
        assert isinstance(screen, ProposalScreen)
        shown = texts(screen)
        assert "Ease back a step" in shown
        assert "■ Red  Your pain went about 6 points above your usual (from about 3 to 9)." in shown
        assert "Pelvic tilt" in shown and "1x6 → 1x4" in shown
        assert rungs(app.services) == before  # nothing changes before the choice
        choices = list(screen.query(".choices Button"))
        assert len(choices) == 3 and all(0 < button.region.bottom <= 24 for button in choices)  # in view at 80x24
        assert decisions(paths) == []
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    proposal = screen.proposal
    moved = {step.ladder.exercise for step in proposal.steps}
    after = rungs(app.services)
    assert moved and all(after[ladder] == before[ladder] - 1 for ladder in moved)
    assert all(after[ladder] == before[ladder] for ladder in before if ladder not in moved)
    recorded = decisions(paths)
    assert {decision.exercise_id for decision in recorded} == moved
    assert all(decision.choice == "accepted" and decision.verdict == "red" for decision in recorded)
    assert all(decision.reason == proposal.reason for decision in recorded)
    assert recorded[0].reason.startswith("Red: your pain went about 6 points above your usual")
    assert any("From your next session: Pelvic tilt 1x6 → 1x4" in note.message for note in app._notifications)


async def test_after_a_red_the_flare_plan_and_the_help_lists_are_one_key_away(paths, catalog, now, clock) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, after="4", peak="9")
        assert isinstance(app.screen, ProposalScreen)
        assert "f opens it" in texts(app.screen) and "h shows when to get help" in texts(app.screen)
        await pilot.press("f")
        assert isinstance(app.screen, TipsScreen)
        assert app.screen.query_one("#topics").highlighted_option.id == FLARE_PLAN_TOPIC
        await pilot.press("q")
        assert isinstance(app.screen, ProposalScreen)
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, ProposalScreen)
        assert decisions(paths) == []  # reading changes nothing


async def test_a_pain_stop_shows_the_help_first_then_the_red_proposal(paths, catalog, now, clock) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("3", "enter")
        screen = app.screen
        second = next(index for index, step in enumerate(screen.plan.steps) if step.exercise_index == 1)
        clock.advance(screen.plan.starts[second] + 20)  # into the pelvic tilts
        screen.refresh_display()
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, AfterSessionScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProposalScreen)
        assert "■ Red  You stopped the session for pain." in texts(app.screen)
        assert "f opens it" in texts(app.screen)  # the flare plan


async def test_an_amber_session_keeps_the_dose_on_k(paths, catalog, now, clock) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    before = rungs(app.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, after="4", peak="6")
        assert isinstance(app.screen, ProposalScreen)
        shown = texts(app.screen)
        assert "Stay where you are for now" in shown and "▲ Amber" in shown and "1x6, the same" in shown
        assert "Nothing changes unless you choose; Esc keeps your doses." in shown
        assert "f opens it" not in shown  # the flare plan is for a red
        buttons = [str(button.label) for button in app.screen.query("Button")]
        assert buttons == ["Keep the same dose (k)", "Go easier (e)"]  # accepting is keeping: one button
        assert "Suggested: k." in shown
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert rungs(app.services) == before
    recorded = decisions(paths)
    assert recorded and all(decision.choice == "kept" and not decision.changed for decision in recorded)
    assert recorded[0].reason.startswith("Amber: your pain went a little over 2 points above your usual")


async def test_esc_on_the_proposal_keeps_the_dose(paths, catalog, now, clock) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    before = rungs(app.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, after="4", peak="9")
        assert isinstance(app.screen, ProposalScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    assert rungs(app.services) == before
    recorded = decisions(paths)
    assert recorded and all(
        decision.choice == "kept" and decision.to_rung == decision.from_rung for decision in recorded
    )


async def test_going_easier_after_an_amber_steps_one_rung_down(paths, catalog, now, clock) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    before = rungs(app.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, after="4", peak="6")
        assert isinstance(app.screen, ProposalScreen)
        await pilot.press("e")
        await pilot.pause()
    recorded = decisions(paths)
    assert recorded and all(decision.choice == "easier" for decision in recorded)
    after = rungs(app.services)
    assert all(after[decision.exercise_id] == max(0, before[decision.exercise_id] - 1) for decision in recorded)
    assert any(after[ladder] < before[ladder] for ladder in before)


async def test_no_proposal_without_a_programme(paths, catalog, now, clock) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE, programme=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, after="4", peak="9")
        assert isinstance(app.screen, HomeScreen)
    assert decisions(paths) == []


@pytest.mark.parametrize(
    ("before", "after", "peak"),
    [
        pytest.param("", None, None, id="no-pain-figures"),
        pytest.param("3", "3", "4", id="green-waits-for-the-morning"),
    ],
)
async def test_no_proposal_with_nothing_to_judge_yet(paths, catalog, now, clock, before, after, peak) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, before=before, after=after, peak=peak)
        assert isinstance(app.screen, HomeScreen)
    assert decisions(paths) == []


async def test_a_journal_that_refuses_the_choice_is_said_so_and_nothing_moves(
    paths, catalog, now, clock, monkeypatch
) -> None:
    app = coach_app(paths, catalog, now, clock=clock, start=ROUTINE)
    before = rungs(app.services)
    async with app.run_test(size=(80, 24)) as pilot:
        await finish_session(pilot, clock, after="4", peak="9")
        assert isinstance(app.screen, ProposalScreen)

        def refuse(entry) -> None:
            raise JournalError("the disk is full")

        monkeypatch.setattr(app.services.journal, "add", refuse)  # this app's own store: its next write fails
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert any("Could not save your choice: the disk is full" in note.message for note in app._notifications)
    assert rungs(app.services) == before
    assert decisions(paths) == []
