"""Layout snapshots at the two sizes we design for (80x24 and 120x40).

Update after a deliberate UI change with ``pytest tests/ui/test_snapshots.py
--snapshot-update`` and look at the SVGs before committing them.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.clock import FakeClock
from tests.conftest import FIXED_NOW
from tests.ui.coach_app import Now, coach_app, played, two_weeks
from trainer.journal.coach_models import Goal, ProgrammeProgress, StartAnswers
from trainer.journal.models import CheckIn, SessionRecord
from trainer.journal.store import JournalStore

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from demo_journal import generate  # noqa: E402

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]

# name -> keys pressed after start; names starting "journal"/"home-" run on three months of demo data
SCREENS = {
    "home": (),
    "first-run": (),
    "library": ("l",),
    "library-routines": ("l", "r"),
    "library-filter-open": ("l", "slash", "tab", "tab", "enter"),
    "my-dose": ("l", "slash", *"glute bridge", "enter", "enter", "d"),
    "exercise": ("l", "slash", *"bird", "enter", "enter"),
    "routine": ("l", "r", "enter"),
    "tips": ("t",),
    "help": ("h",),
    "home-with-journal": (),
    "journal-trends": ("j",),
    "journal-entries": ("j", "e"),
    "journal-entry-session": ("j", "e", "down", "enter"),
    "journal-check-in": ("c", "4"),
    "journal-weekly-check": ("j", "w"),
}


@pytest.fixture
def demo_journal(paths, catalog) -> JournalStore:
    store = JournalStore(paths.journal_dir)
    store.import_entries(generate(3, seed=7, today=FIXED_NOW.date(), catalog=catalog, zone=FIXED_NOW.tzinfo))
    return store


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen_layout(snap_compare, make_app, request, screen: str, size: tuple[int, int]) -> None:
    if screen.startswith(("journal", "home-")):
        request.getfixturevalue("demo_journal")
    app = make_app(first_run=screen == "first-run")
    assert snap_compare(app, press=SCREENS[screen], terminal_size=size)


# The coach: getting started (a question, and the tailored start with its reasons) and Home with Today.
TO_THE_PLAN = ("p", "enter", "right", "space", "enter", "n", "n", "enter", "enter", *"Carry the shopping home")
PROGRAMME_SCREENS = {
    "getting-started-question": ("p", "enter", "right", "space"),
    "getting-started-plan": (*TO_THE_PLAN, "tab", *"20 Feb", "enter", "enter"),
    "home-today": (),
}


def _running_programme(store: JournalStore) -> None:
    """Week 2 of the programme (started Mon 16 Nov), two goals, a check-in with a walk and a session."""
    answers = StartAnswers(
        worse_with=["sitting"],
        goals=[Goal(text="Carry the shopping home", target=date(2027, 1, 20)), Goal(text="Sit through a film")],
    )
    progress = ProgrammeProgress(programme_id="twelve-weeks", started=date(2026, 11, 16), answers=answers)
    store.update_settings(programme=progress.model_dump(mode="json"))
    store.add(CheckIn(at=FIXED_NOW - timedelta(hours=10), pain_now=3, walked_minutes=12))
    at = FIXED_NOW - timedelta(days=1, hours=2)
    store.add(
        SessionRecord(
            at=at,
            ended=at + timedelta(minutes=10),
            title="Gentle start",
            routine_id="gentle-start",
            completion=1.0,
            ended_how="finished",
            pain_before=3,
            pain_peak=3,
            pain_after=3,
        )
    )


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("screen", list(PROGRAMME_SCREENS))
def test_programme_layout(snap_compare, make_app, paths, screen: str, size: tuple[int, int]) -> None:
    if screen == "home-today":
        _running_programme(JournalStore(paths.journal_dir))
    assert snap_compare(make_app(), press=PROGRAMME_SCREENS[screen], terminal_size=size)


# The session player at its moments: getting ready, mid-rep, a hold (paused), a rest, a change of side,
# and the 3-2-1 after a pause. Seconds are from the start of the session (the time to get ready is 10 s).
SESSION_MOMENTS = {
    "session-get-ready": ("back-basics", 2.0, ()),
    "session-rep": ("back-basics", 15.3, ()),
    "session-hold-paused": ("desk-break", 150.0, ("space",)),
    "session-rest": ("core-and-back-strength", "rest", ()),
    "session-switch-side": ("bird-dog", "switch-side", ()),
    "session-lead-in": ("desk-break", 30.0, ("space", "space")),
}


def _seconds_to(app, moment: float | str) -> float:
    """A number of seconds, or the first step of that kind (plus a moment)."""
    if isinstance(moment, float):
        return moment
    plan = app.screen.plan
    index = next(index for index, step in enumerate(plan.steps) if step.kind == moment)
    return plan.starts[index] + 1.5


def _session_snapshot(snap_compare, make_app, target: str, moment: float | str, keys, size) -> bool:
    clock = FakeClock(1000.0)
    app = make_app(session_clock=clock, start=target)

    async def play(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("4", "enter")
        clock.advance(_seconds_to(pilot.app, moment))
        pilot.app.screen.refresh_display()
        await pilot.press(*keys)

    return bool(snap_compare(app, terminal_size=size, run_before=play))


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("moment", list(SESSION_MOMENTS))
def test_session_layout(snap_compare, make_app, moment: str, size: tuple[int, int]) -> None:
    target, seconds, keys = SESSION_MOMENTS[moment]
    assert _session_snapshot(snap_compare, make_app, target, seconds, keys, size)


# The figure in a session, one exercise of each base position, mid-movement or mid-hold.
FIGURE_IN_EACH_BASE = {
    "lying-on-back": "glute-bridge",
    "lying-on-front": "superman",
    "all-fours": "bird-dog",
    "sitting": "seated-cat-cow",
    "standing": "standing-hip-flexor-stretch",
    "side-lying": "side-plank",
    "kneeling": "hip-flexor-stretch",
}


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("base", list(FIGURE_IN_EACH_BASE))
def test_session_figure(snap_compare, make_app, base: str, size: tuple[int, int]) -> None:
    moment = "hold" if base in ("standing", "side-lying", "kneeling") else "reps"
    assert _session_snapshot(snap_compare, make_app, FIGURE_IN_EACH_BASE[base], moment, (), size)


# The coach: the proposal after a red session (the choices, the flare plan and help), and the week 2 review.
def _red_proposal(snap_compare, paths, catalog, size) -> bool:
    clock = FakeClock(1000.0)
    now = Now()
    now.set(0, 18)
    app = coach_app(paths, catalog, now, clock=clock, start="gentle-start")

    async def play(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.press("3", "enter")
        clock.advance(pilot.app.screen.plan.total_seconds + 1)
        pilot.app.screen.refresh_display()
        await pilot.pause()
        await pilot.press("4", "tab", "9", "ctrl+s")
        await pilot.pause()

    return bool(snap_compare(app, terminal_size=size, run_before=play))


@pytest.mark.parametrize("size", SIZES)
def test_coach_proposal_layout(snap_compare, paths, catalog, size: tuple[int, int]) -> None:
    assert _red_proposal(snap_compare, paths, catalog, size)


@pytest.mark.parametrize("size", SIZES)
def test_coach_review_layout(snap_compare, paths, catalog, size: tuple[int, int]) -> None:
    now = Now()
    app = coach_app(paths, catalog, now)
    two_weeks(app.services, now)
    assert snap_compare(app, press=("v",), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_coach_morning_question_layout(snap_compare, paths, catalog, size: tuple[int, int]) -> None:
    now = Now()
    app = coach_app(paths, catalog, now)
    now.set(0, 18)
    played(app.services, "gentle-start")
    now.set(1, 8)
    assert snap_compare(app, press=("c", "3", "tab", "right"), terminal_size=size)


# The colours: high contrast (Settings) on Home and mid-rep, and a session with NO_COLOR (no colour at all:
# the cue's kind shows in the block letters' fill).
@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("colours", ["home-high-contrast", "session-rep-high-contrast", "session-rep-no-color"])
def test_colours_layout(snap_compare, make_app, paths, monkeypatch, colours: str, size: tuple[int, int]) -> None:
    if colours.endswith("high-contrast"):
        JournalStore(paths.journal_dir).update_settings(colours="high-contrast")
    else:
        monkeypatch.setenv("NO_COLOR", "1")
    if colours.startswith("home"):
        assert snap_compare(make_app(), terminal_size=size)
    else:
        assert _session_snapshot(snap_compare, make_app, "back-basics", "reps", (), size)
