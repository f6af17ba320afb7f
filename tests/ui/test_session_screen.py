"""The session player by keyboard, on a fake clock: start points, pause, skip, stops, records, checkpoints."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

import trainer.app
from tests.clock import FakeClock
from tests.conftest import COLLECTOR_LEFT_ALONE, FIXED_NOW
from trainer.app import TrainerApp
from trainer.engine.plan import StepKind
from trainer.journal.models import SessionRecord
from trainer.journal.store import JournalStore
from trainer.screens.exercise import ExerciseScreen
from trainer.screens.help import HelpScreen
from trainer.screens.home import HomeScreen
from trainer.screens.session import SessionScreen
from trainer.screens.session_dialogs import (
    AfterSessionScreen,
    ExerciseStepsScreen,
    HighPainScreen,
    PainBeforeScreen,
    QuitSessionScreen,
    StopReasonScreen,
    UnfinishedSessionScreen,
)
from trainer.screens.too_small import TooSmallScreen
from trainer.services.core import Services, make_services
from trainer.widgets.big_text import BigText


def text_of(screen, selector: str) -> str:
    widget = screen.query_one(selector)
    return widget.text if isinstance(widget, BigText) else str(widget.render())


def countdown(screen) -> str:
    return screen.query_one("#countdown", BigText).text


def sessions(paths) -> list[SessionRecord]:
    return [entry for entry in JournalStore(paths.journal_dir).entries() if isinstance(entry, SessionRecord)]


def checkpoint_files(paths) -> list[str]:
    """What the sessions folder holds (checkpoints and their lock files)."""
    folder = paths.journal_dir / "sessions"
    return sorted(path.name for path in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(1000.0)


def footer_text(app) -> str:
    return " ".join(f"{key.key_display} {key.description}" for key in app.screen.query("FooterKey"))


async def advance(pilot, clock: FakeClock, seconds: float) -> None:
    clock.advance(seconds)
    pilot.app.screen.refresh_display()
    await pilot.pause()


async def test_start_from_home_asks_pain_then_plays_the_suggestion(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        assert "Gentle start" in text_of(app.screen, "#suggestion")
        await pilot.press("s")
        assert isinstance(app.screen, PainBeforeScreen)
        await pilot.press("3", "enter")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.plan.routine_id == "gentle-start" and screen.recorder.pain_before == 3
        first = screen.plan.exercises[0].exercise.name
        assert text_of(screen, "#cue") == "GET READY" and first in text_of(screen, "#cue-detail")
        assert countdown(screen) == "0:10"  # the time to get ready (a setting)
        await advance(pilot, clock, 2.4)
        assert countdown(screen) == "0:08"
        assert "left" in text_of(screen, "#session-left")


class SteppingClock(FakeClock):
    """A clock that moves a little at every read, as a busy machine's does between two lines of code."""

    def __call__(self) -> float:
        self.now += 0.05
        return self.now


class FrameNotingApp(TrainerApp):
    """The app noting the session clock each time a frame of a session has gone out, before anyone is told."""

    CSS_PATH = [Path(trainer.app.__file__).parent / name for name in TrainerApp.CSS_PATH]  # (beside the app)

    def __init__(self, services: Services, clock: SteppingClock) -> None:
        super().__init__(services, start="cat-cow")
        self.clock = clock
        self.session_frames_out: list[float] = []

    def post_display_hook(self) -> None:
        if isinstance(self.screen, SessionScreen):
            self.session_frames_out.append(self.clock.now)
        super().post_display_hook()


async def test_the_session_clock_starts_when_its_first_frame_is_out_not_when_it_is_drawn_or_handled(
    paths, catalog
) -> None:
    """The first frame is drawn, then written out, then the start is handled: on a busy machine each takes a
    while (a stepping clock stands for it). The session starts when the frame is out, as the person sees it."""
    clock = SteppingClock(1000.0)
    JournalStore(paths.journal_dir).update_settings(disclaimer_seen=True)
    services = make_services(
        paths, catalog=catalog, now=lambda: FIXED_NOW, session_clock=clock, session_collector=COLLECTOR_LEFT_ALONE
    )
    app = FrameNotingApp(services, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await pilot.pause()
        started = screen.runner.started_at
        first_frame_out = app.session_frames_out[0]
        assert started is not None
        assert started == pytest.approx(first_frame_out + 0.05)  # the next read of the clock after the frame
        assert clock.now > started  # the clock was read again later, when the start was handled


class SaveNotingApp(TrainerApp):
    """The app noting, at each frame of a session that has ended, whether its record was saved by then."""

    CSS_PATH = FrameNotingApp.CSS_PATH

    def __init__(self, services: Services) -> None:
        super().__init__(services, start="cat-cow")
        self.saved_at_end_frames: list[bool] = []

    def post_display_hook(self) -> None:
        screen = self.screen
        if isinstance(screen, SessionScreen) and screen.runner.state in ("finished", "stopped"):
            self.saved_at_end_frames.append(screen.recorder.record is not None)
        super().post_display_hook()


async def test_the_end_is_on_screen_before_its_record_is_saved(paths, catalog, clock) -> None:
    """Saving waits for the disk (and on a busy machine for much more): the end's frame goes out first."""
    JournalStore(paths.journal_dir).update_settings(disclaimer_seen=True)
    services = make_services(
        paths, catalog=catalog, now=lambda: FIXED_NOW, session_clock=clock, session_collector=COLLECTOR_LEFT_ALONE
    )
    app = SaveNotingApp(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, clock, 12)
        await pilot.press("p")
        await pilot.pause()
        assert app.saved_at_end_frames[:1] == [False]  # the first frame of the end, before the save
        assert [record.ended_how for record in sessions(paths)] == ["stopped-pain"]


async def test_quitting_as_the_end_shows_saves_the_session(paths, catalog, clock) -> None:
    JournalStore(paths.journal_dir).update_settings(disclaimer_seen=True)
    services = make_services(
        paths, catalog=catalog, now=lambda: FIXED_NOW, session_clock=clock, session_collector=COLLECTOR_LEFT_ALONE
    )
    app = TrainerApp(services, start="cat-cow")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, clock, 12)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.action_pain_stop()  # the end begins ...
        assert screen.recorder.record is None  # ... and waits for its frame to go out
        await app.action_quit()  # Ctrl+Q at that moment
    assert [record.ended_how for record in sessions(paths)] == ["stopped-pain"]
    assert checkpoint_files(paths) == []


async def test_q_backs_out_of_the_pain_question_without_a_session(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, PainBeforeScreen)
        await pilot.press("q")
        assert isinstance(app.screen, HomeScreen)
        assert sessions(paths) == []


async def test_cues_follow_the_tempo_and_the_counts_show_set_and_rep(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="back-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")  # skip the pain question
        screen = app.screen
        step = screen.plan.steps[1]
        await advance(pilot, clock, screen.plan.starts[1])  # past getting ready
        assert text_of(screen, "#cue") == step.phases[0].cue.upper()
        assert f"Rep 1 of {step.reps}" in text_of(screen, "#counts")
        await advance(pilot, clock, step.phases[0].seconds)
        assert text_of(screen, "#cue") == step.phases[1].cue.upper()


async def test_pause_freezes_the_countdown_and_resume_counts_3_2_1_first(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await advance(pilot, clock, 1.0)
        await pilot.press("space")
        assert text_of(screen, "#cue") == "PAUSED"
        assert "space Resume" in footer_text(app)
        shown = countdown(screen)
        await advance(pilot, clock, 30)
        assert countdown(screen) == shown
        await pilot.press("space")
        assert (text_of(screen, "#cue"), countdown(screen)) == ("READY", "3")
        assert "space Pause" in footer_text(app)
        await advance(pilot, clock, 3.0)
        assert text_of(screen, "#cue") == "GET READY"
        assert countdown(screen) == shown


async def test_skip_back_and_skip_exercise(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="back-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await pilot.press("n")
        assert screen.runner.index == 1
        await pilot.press("b")
        assert screen.runner.index == 0
        await pilot.press("e")
        assert screen.runner.step.exercise_index == 1
        assert "Exercise 2 of" in text_of(screen, "#exercise-name")


async def test_stop_asks_why_and_saves_the_record_with_answers(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("6", "enter")
        await advance(pilot, clock, 20)
        await pilot.press("s")
        assert isinstance(app.screen, StopReasonScreen)
        await pilot.press("c")  # carry on
        assert isinstance(app.screen, SessionScreen) and app.screen.runner.state == "running"
        await pilot.press("s", "2")  # tired
        await pilot.pause()
        assert isinstance(app.screen, AfterSessionScreen)
        (saved,) = sessions(paths)
        assert (saved.ended_how, saved.stop_reason, saved.pain_before) == ("stopped-choice", "tired", 6)
        assert 0 < saved.completion < 1
        await pilot.press("3", "tab", "4", "tab", "2", "enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    (saved,) = sessions(paths)
    assert (saved.pain_after, saved.pain_peak, saved.effort) == (3, 4, 2)


async def test_pain_stop_ends_at_once_records_it_and_shows_the_rules(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="back-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await advance(pilot, clock, 12)
        await pilot.press("p")
        await pilot.pause()
        (saved,) = sessions(paths)
        assert (saved.ended_how, saved.stop_reason) == ("stopped-pain", "pain")
        assert isinstance(app.screen, HelpScreen)  # the help lists and the stop rules come first
        shown = " ".join(str(widget.render()) for widget in app.screen.query("Static"))
        safety = app.services.catalog.safety
        assert safety.stop_rules[0] in shown and safety.help_lists[0].items[0] in shown
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, AfterSessionScreen)
        await pilot.press("h")  # help is one key away in the questions too
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_help_pauses_the_session_and_it_comes_back_paused(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await advance(pilot, clock, 2.0)
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen) and screen.runner.state == "paused"
        clock.advance(60)
        await pilot.press("q")
        assert app.screen is screen and screen.runner.state == "paused"  # no clock running behind your back
        assert countdown(screen) == "0:08"  # the minute under Help did not count
        await pilot.press("space")
        await advance(pilot, clock, 3.0)  # the 3-2-1
        assert screen.runner.state == "running" and countdown(screen) == "0:08"


async def test_a_session_over_while_a_screen_is_on_top_leaves_when_it_closes(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await app.push_screen(HelpScreen())  # e.g. h pressed in the moment the questions closed
        screen._leave()
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_the_steps_screen_can_stop_for_pain(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "i")
        assert isinstance(app.screen, ExerciseStepsScreen)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
    (saved,) = sessions(paths)
    assert saved.ended_how == "stopped-pain"


async def test_high_pain_offers_the_gentle_routine(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="core-and-back-strength")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("8", "enter")
        assert isinstance(app.screen, HighPainScreen)
        await pilot.press("h")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q", "g")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.plan.routine_id == "flare-up-gentle" and app.screen.recorder.pain_before == 8


async def test_a_finished_session_is_saved_whole(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        total = app.screen.plan.total_seconds
        await advance(pilot, clock, total + 1)
        assert isinstance(app.screen, AfterSessionScreen)
        await pilot.press("escape")
    (saved,) = sessions(paths)
    assert saved.ended_how == "finished" and saved.completion == 1.0
    assert all(done.sets_done == done.sets_planned for done in saved.exercises)
    assert round(saved.minutes * 60) == round(total)
    assert checkpoint_files(paths) == []


async def test_closing_mid_session_keeps_a_checkpoint_offered_at_next_start(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        first_exercise = [step for step in app.screen.plan.steps if step.exercise_index == 0]
        await advance(pilot, clock, sum(step.seconds for step in first_exercise) + 1)
        app.exit()  # the terminal closed, or the connection dropped
    (orphan,) = JournalStore(paths.journal_dir).unfinished_sessions()
    unfinished = orphan.record
    orphan.release()
    assert unfinished.exercises[0].sets_done == 1
    again = make_app()
    async with again.run_test(size=(80, 24)) as pilot:
        assert isinstance(again.screen, UnfinishedSessionScreen)
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(again.screen, HomeScreen)
    (saved,) = sessions(paths)
    assert saved.id == unfinished.id and saved.ended_how == "stopped-choice"
    assert checkpoint_files(paths) == []


async def test_the_checkpoint_and_the_final_record_are_one_session(make_app, clock, paths) -> None:
    """Both carry the id fixed when the session started: saving either, or both, gives one entry."""
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        first_exercise = [step for step in screen.plan.steps if step.exercise_index == 0]
        await advance(pilot, clock, sum(step.seconds for step in first_exercise) + 1)
        (checkpoint,) = (paths.journal_dir / "sessions").glob("*.json")
        assert checkpoint.stem == screen.recorder.session_id
        assert JournalStore(paths.journal_dir).unfinished_sessions() == []  # live: not offered, even here
        await advance(pilot, clock, screen.plan.total_seconds)
        assert isinstance(app.screen, AfterSessionScreen)
        await pilot.press("escape")
    (saved,) = sessions(paths)
    assert saved.id == checkpoint.stem and saved.ended_how == "finished"
    assert checkpoint_files(paths) == []


async def test_the_end_is_drawn_before_the_session_is_saved(make_app, clock, paths) -> None:
    """Saving waits for the disk (fsync, the journal's lock): the end's view goes out first, then the save."""
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        clock.advance(screen.plan.total_seconds)
        screen.refresh_display()
        assert text_of(screen, "#cue") == "DONE"
        for _ in range(3):  # tasks run (a worker started now would save), no frame yet
            await asyncio.sleep(0)
        assert screen.recorder.record is None  # not saved before the end's frame
        await pilot.pause()
        assert screen.recorder.record is not None and sessions(paths)[0].ended_how == "finished"


async def test_self_paced_reps_count_with_enter(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="back-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await advance(pilot, clock, screen.plan.starts[1])  # past getting ready
        await pilot.press("r")
        assert text_of(screen, "#cue") == "REP 1" and "own pace" in text_of(screen, "#cue-detail")
        reps = screen.runner.step.reps
        await pilot.press(*["enter"] * reps)
        assert screen.runner.index == 2


async def test_bell_rings_at_changes_and_can_be_turned_off(make_app, clock, paths, monkeypatch) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    rings: list[int] = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await advance(pilot, clock, screen.plan.starts[1])  # past getting ready
        assert rings
        await pilot.press("m")
        before = len(rings)
        await advance(pilot, clock, screen.plan.starts[2] - screen.plan.starts[1])
        assert len(rings) == before
    assert JournalStore(paths.journal_dir).load_settings().bell is False


async def test_steps_are_one_key_away_and_pause_the_session(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "i")
        assert isinstance(app.screen, ExerciseStepsScreen)
        await pilot.press("i")
        assert isinstance(app.screen, SessionScreen) and app.screen.runner.state == "paused"


async def test_ctrl_q_mid_session_asks_and_keep_going_comes_back_paused(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await advance(pilot, clock, 2.0)
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, QuitSessionScreen) and screen.runner.state == "paused"
        await pilot.press("k")
        assert app.screen is screen and app.is_running and screen.runner.state == "paused"


async def test_ctrl_q_then_save_and_quit_keeps_a_fresh_checkpoint(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await advance(pilot, clock, screen.plan.starts[1] + 2.0)  # into the first set: no checkpoint yet
        await pilot.press("ctrl+q", "y")
        await pilot.pause()
        assert not app.is_running
    (orphan,) = JournalStore(paths.journal_dir).unfinished_sessions()
    assert orphan.record.exercises[0].seconds > 0  # what was done up to the quit, not the last set's end
    orphan.release()


async def test_a_terminal_too_small_pauses_the_session_and_it_comes_back_paused(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        await advance(pilot, clock, 2.0)
        shown = countdown(screen)
        await pilot.resize_terminal(60, 18)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen) and screen.runner.state == "paused"
        clock.advance(30)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert app.screen is screen and screen.runner.state == "paused" and countdown(screen) == shown


async def test_checkpoints_are_kept_after_every_set(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="back-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        first_set = next(index for index, step in enumerate(screen.plan.steps) if step.kind == StepKind.REPS)
        await advance(pilot, clock, screen.plan.starts[first_set + 1] + 0.5)  # just past the first set
        screen.recorder._wait_for_writes()
        (checkpoint,) = (paths.journal_dir / "sessions").glob("*.json")
        assert '"sets_done":1' in checkpoint.read_text().replace(" ", "")


async def test_start_a_single_exercise_and_a_routine_from_the_library(make_app, clock) -> None:
    app = make_app(session_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"bird-dog", "enter", "enter")
        assert isinstance(app.screen, ExerciseScreen)
        await pilot.press("s", "s")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.plan.routine_id is None and app.screen.plan.exercises[0].exercise.id == "bird-dog"
        await pilot.press("p")
        await pilot.pause()
        await pilot.press("q", "escape")  # the help lists, then the questions
        await pilot.press("q", "r", "enter", "s", "s")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.plan.routine_id == next(iter(app.services.catalog.routines))


async def test_help_is_one_key_away_during_a_session(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="desk-break")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "h")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        assert isinstance(app.screen, SessionScreen)


async def test_my_dose_is_saved_and_used_by_sessions(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "slash", *"glute bridge", "enter", "enter", "d")
        await pilot.press(*"99", "ctrl+s")
        assert "from 1 to 10" in str(app.screen.query_one("#dose-error").render())
        app.screen.query_one("#sets").value = "2"
        app.screen.query_one("#reps").value = "8"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "2 x 8 reps" in str(app.screen.query_one("#my-dose").render())
        await pilot.press("s", "s")
        planned = app.screen.plan.exercises[0].prescription
        assert (planned.sets, planned.reps) == (2, 8)
    saved = JournalStore(paths.journal_dir).load_settings().dose_changes["glute-bridge"]
    assert (saved.sets, saved.reps, saved.hold_seconds) == (2, 8, None)


async def test_a_routine_note_shows_in_the_session_and_minus_swaps_to_the_easier_choice(make_app, clock, paths) -> None:
    app = make_app(session_clock=clock, start="back-basics")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        screen = app.screen
        catalog = app.services.catalog
        item = next(item for item in catalog.routines["back-basics"].items if item.exercise == "back-extension")
        while screen.runner.step.exercise.id != "back-extension":
            await pilot.press("e")
        note = text_of(screen, "#note")
        easier = catalog.exercises[item.instead or ""]
        assert (item.note or "")[:40] in note and f"Press - to swap to {easier.name}." in note
        await pilot.press("minus")
        assert screen.runner.step.exercise.id == easier.id
        assert easier.name in text_of(screen, "#exercise-name")
        assert screen.runner.step.prescription.reps is not None  # a dose for the new exercise
        await advance(pilot, clock, screen.plan.total_seconds)
        await pilot.press("escape")
    (saved,) = sessions(paths)
    assert easier.id in [done.exercise_id for done in saved.exercises]
    assert "back-extension" not in [done.exercise_id for done in saved.exercises]


async def test_minus_says_so_when_an_exercise_has_no_easier_choice(make_app, clock) -> None:
    app = make_app(session_clock=clock, start="walking")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s", "minus")
        await pilot.pause()
        assert app.screen.runner.step.exercise.id == "walking"
        assert any("no easier choice" in notification.message for notification in app._notifications)


async def test_a_session_keeps_the_app_s_objects_out_of_collections_while_it_runs(make_app, clock) -> None:
    import gc

    from trainer.start_up import SESSION_COLLECTION_EVERY, SessionCollector, collect_session_garbage

    app = make_app(session_clock=clock, start="cat-cow", session_collector=SessionCollector())  # (the app's way)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen) and gc.get_freeze_count() > 0
        collection = screen.garbage_collection  # and frees what the session itself leaves, every few seconds
        assert collection is not None and collection._callback is collect_session_garbage
        assert collection._interval == SESSION_COLLECTION_EVERY and collection._repeat is None  # (for ever)
        await pilot.press("p", "q")  # a pain stop ends it: the stop rules, then the questions
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert gc.get_freeze_count() == 0
        assert collection._task is None or collection._task.done()  # (stopped with the session's screen)


async def test_each_session_freezes_once_as_it_begins_and_thaws_once_as_it_goes(make_app, clock) -> None:
    from trainer.start_up import SessionCollector

    calls: list[str] = []
    collector = SessionCollector(
        freeze=lambda: calls.append("freeze"),
        collect=lambda: calls.append("collect"),
        thaw=lambda: calls.append("thaw"),
    )
    app = make_app(session_clock=clock, start="cat-cow", session_collector=collector)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("s")  # (the pain question skipped)
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and calls == ["freeze"]
        await pilot.press("p", "q")  # a pain stop ends it
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and calls == ["freeze", "thaw"]
