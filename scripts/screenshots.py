"""Write an SVG of each screen of the real app into screenshots/.

Run after any UI change, then look at the files (the README shows them):

    python scripts/screenshots.py [--size 100x30] [--only home,library]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parents[1] / "screenshots"
NOW = datetime(2026, 11, 24, 18, 30, tzinfo=timezone(timedelta(hours=1)))

# name -> (keys pressed after start, show the first-run screen?)
# Every shot but the first run has three months of demo journal (scripts/demo_journal.py).
SHOTS: dict[str, tuple[tuple[str, ...], bool]] = {
    "first-run": ((), True),
    "home": ((), False),
    "journal-trends": (("j",), False),
    "journal-entries": (("j", "e"), False),
    "journal-check-in": (("c", "4"), False),
    "library": (("l",), False),
    "library-search": (("l", *"stretch"), False),
    "exercise": (("l", "slash", *"bird", "enter", "enter"), False),
    "routines": (("l", "r"), False),
    "routine": (("l", "r", "enter"), False),
    "tips": (("t", "down", "down", "down", "down"), False),
    "help": (("h",), False),
}

# The coach: getting started's tailored start (after three answers and a goal), and Home with Today on a
# calm day of week 2 (a small journal of its own: a check-in with a walk, yesterday's session).
PROGRAMME_SHOTS: dict[str, tuple[str, ...]] = {
    "getting-started": (
        *("p", "enter", "right", "space", "enter", "n", "n", "enter", "enter", *"Carry the shopping home"),
        *("tab", *"20 Feb", "enter", "enter"),
    ),
    "home-today": (),
}

# name -> (routine started with 'backtrainer start', seconds into the session, keys pressed then)
SESSION_SHOTS: dict[str, tuple[str, float, tuple[str, ...]]] = {
    "session": ("back-basics", 25.3, ()),
    "session-hold": ("desk-break", 150.0, ()),
    "session-high-contrast": ("back-basics", 25.3, ()),
}
HIGH_CONTRAST_SHOTS = ("session-high-contrast",)
"""Shots with the high-contrast colours chosen in Settings."""

# The coach, on the demo journal with its programme started two weeks before NOW: the proposal after a
# session of its first routine whose highest pain was 9 (red), and the week 2 review, due now.
COACH_SHOTS = ("coach-proposal", "coach-review")
PROGRAMME_DAYS = 14


class StoppedClock:
    """The session clock for a screenshot: it moves only when the script says."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


async def shoot(
    name: str, keys: tuple[str, ...], first_run: bool, size: tuple[int, int], session: tuple[str, float] | None = None
) -> Path:
    from demo_journal import generate

    from trainer.app import make_app
    from trainer.catalog.loader import load_catalog
    from trainer.journal.store import JournalStore
    from trainer.paths import resolve_paths

    with tempfile.TemporaryDirectory() as home:
        os.environ["BACKTRAINER_HOME"] = home
        if not first_run:
            store = JournalStore(resolve_paths().journal_dir)
            store.update_settings(disclaimer_seen=True)
            store.import_entries(generate(3, seed=7, today=NOW.date(), catalog=load_catalog(), zone=NOW.tzinfo))
            if name in HIGH_CONTRAST_SHOTS:
                store.update_settings(colours="high-contrast")
        clock = StoppedClock(1000.0)
        start = session[0] if session else None
        app = make_app(resolve_paths(), now=lambda: NOW, session_clock=clock, start=start)
        async with app.run_test(size=size) as pilot:
            if session is not None:
                await pilot.press("4", "enter")  # pain before the session
                clock.advance(session[1])
                app.screen.refresh_display()  # type: ignore[attr-defined]
            await pilot.press(*keys)
            await pilot.pause(0.2)
            svg = app.export_screenshot(title=f"backtrainer: {name}")
    target = OUT_DIR / f"{name}.svg"
    target.write_text(svg, encoding="utf-8")
    return target


def running_programme(journal_dir: Path) -> None:
    """Week 2 of the programme (started Mon 16 Nov) with two goals, a walk logged and yesterday's session."""
    from trainer.journal.coach_models import Goal, ProgrammeProgress, StartAnswers
    from trainer.journal.models import CheckIn, SessionRecord
    from trainer.journal.store import JournalStore

    store = JournalStore(journal_dir)
    answers = StartAnswers(
        worse_with=["sitting"],
        goals=[
            Goal(text="Carry the shopping home", target=NOW.date() + timedelta(days=57)),
            Goal(text="Sit through a film"),
        ],
    )
    progress = ProgrammeProgress(programme_id="twelve-weeks", started=NOW.date() - timedelta(days=8), answers=answers)
    store.update_settings(disclaimer_seen=True, programme=progress.model_dump(mode="json"))
    store.add(CheckIn(at=NOW - timedelta(hours=10), pain_now=3, walked_minutes=12))
    at = NOW - timedelta(days=1, hours=2)
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


async def shoot_programme(name: str, keys: tuple[str, ...], size: tuple[int, int]) -> Path:
    from trainer.app import make_app
    from trainer.journal.store import JournalStore
    from trainer.paths import resolve_paths

    with tempfile.TemporaryDirectory() as home:
        os.environ["BACKTRAINER_HOME"] = home
        journal_dir = resolve_paths().journal_dir
        if name == "home-today":
            running_programme(journal_dir)
        else:
            JournalStore(journal_dir).update_settings(disclaimer_seen=True)
        app = make_app(resolve_paths(), now=lambda: NOW)
        async with app.run_test(size=size) as pilot:
            await pilot.press(*keys)
            await pilot.pause(0.2)
            svg = app.export_screenshot(title=f"backtrainer: {name}")
    target = OUT_DIR / f"{name}.svg"
    target.write_text(svg, encoding="utf-8")
    return target


async def shoot_coach(name: str, size: tuple[int, int]) -> Path:
    from demo_journal import generate

    from trainer.app import make_app
    from trainer.catalog.loader import load_catalog
    from trainer.journal.coach_models import Goal, StartAnswers
    from trainer.journal.store import JournalStore
    from trainer.paths import resolve_paths
    from trainer.services.core import Timings

    with tempfile.TemporaryDirectory() as home:
        os.environ["BACKTRAINER_HOME"] = home
        store = JournalStore(resolve_paths().journal_dir)
        store.update_settings(disclaimer_seen=True)
        store.import_entries(generate(3, seed=7, today=NOW.date(), catalog=load_catalog(), zone=NOW.tzinfo))
        clock = StoppedClock(1000.0)
        moment = [NOW - timedelta(days=PROGRAMME_DAYS)]
        start = "gentle-start" if name == "coach-proposal" else None
        timings = Timings(session_end_pause=0.0)  # the questions at once
        app = make_app(resolve_paths(), now=lambda: moment[0], session_clock=clock, start=start, timings=timings)
        app.services.coach.start(StartAnswers(goals=[Goal(text="Carry the shopping home from the market")]))
        moment[0] = NOW
        async with app.run_test(size=size) as pilot:
            if start is not None:
                await pilot.press("3", "enter")  # pain before the session
                clock.advance(app.screen.plan.total_seconds + 1)  # type: ignore[attr-defined]
                app.screen.refresh_display()  # type: ignore[attr-defined]
                await pilot.pause()
                await pilot.press("4", "tab", "9", "ctrl+s")  # pain after, and the highest during it
            else:
                await pilot.press("v")
            await pilot.pause(0.2)
            svg = app.export_screenshot(title=f"backtrainer: {name}")
    target = OUT_DIR / f"{name}.svg"
    target.write_text(svg, encoding="utf-8")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100x30", help="terminal size, WIDTHxHEIGHT (default 100x30)")
    parser.add_argument("--only", default="", help="comma-separated names (default: all)")
    args = parser.parse_args()
    width, height = (int(part) for part in args.size.lower().split("x"))
    names = [name for name in args.only.split(",") if name] or [*SHOTS, *PROGRAMME_SHOTS, *SESSION_SHOTS, *COACH_SHOTS]
    OUT_DIR.mkdir(exist_ok=True)
    for name in names:
        if name in PROGRAMME_SHOTS:
            print(asyncio.run(shoot_programme(name, PROGRAMME_SHOTS[name], (width, height))))
        elif name in COACH_SHOTS:
            print(asyncio.run(shoot_coach(name, (width, height))))
        elif name in SESSION_SHOTS:
            routine, seconds, keys = SESSION_SHOTS[name]
            print(asyncio.run(shoot(name, keys, False, (width, height), (routine, seconds))))
        else:
            keys, first_run = SHOTS[name]
            print(asyncio.run(shoot(name, keys, first_run, (width, height))))


if __name__ == "__main__":
    main()
