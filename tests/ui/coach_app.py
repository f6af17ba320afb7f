"""An app with the coach's programme running, on a clock the test moves (a plain module: import it)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone

from tests.clock import FakeClock
from tests.conftest import COLLECTOR_LEFT_ALONE
from tests.unit.coach_builders import session_of
from trainer.app import TrainerApp, make_app
from trainer.catalog.validated import Catalog
from trainer.journal.coach_models import Decision, Goal, Review, StartAnswers
from trainer.journal.models import CheckIn, SessionRecord, WeeklyCheck
from trainer.journal.store import JournalStore
from trainer.paths import Paths
from trainer.services.core import Services, Timings

ZONE = timezone(timedelta(hours=1))
START = date(2026, 11, 2)
"""A Monday: the programme starts on it."""
GOAL = "Carry the shopping home"


@dataclass
class Now:
    """The app's wall clock: moved by the test, never by the time that passes."""

    at: datetime = datetime.combine(START, time(8, 0), tzinfo=ZONE)

    def __call__(self) -> datetime:
        return self.at

    def set(self, day: int, hour: int, minute: int = 0) -> datetime:
        """``day`` days after the programme's start, at ``hour:minute``."""
        self.at = datetime.combine(START + timedelta(days=day), time(hour, minute), tzinfo=ZONE)
        return self.at


def coach_app(
    paths: Paths, catalog: Catalog, now: Now, *, programme: bool = True, clock: FakeClock | None = None, **kwargs
) -> TrainerApp:
    """The app on ``paths`` at ``now``; with ``programme``, the coach's programme started on ``START``."""
    JournalStore(paths.journal_dir).update_settings(disclaimer_seen=True)
    app = make_app(
        paths,
        catalog=catalog,
        now=now,
        session_clock=clock or FakeClock(1000.0),
        timings=Timings(session_end_pause=0.0),
        session_collector=COLLECTOR_LEFT_ALONE,
        **kwargs,
    )
    if programme:
        started_at = now.at
        now.set(0, 8)
        app.services.coach.start(StartAnswers(goals=[Goal(text=GOAL, target=date(2027, 1, 15))]))
        now.at = started_at
    return app


def played(services: Services, routine_id: str, *, peak: int = 3, after: int = 3, before: int = 3) -> SessionRecord:
    """A session of the routine as the plan builder plans it now, every set done, saved to the journal."""
    plan = services.plans.for_routine(services.catalog.routines[routine_id])
    record = session_of(plan, services.now(), before=before, peak=peak, after=after, recorded=None)
    services.journal.add(record)
    return record


def morning_check_in(services: Services, worse: bool) -> None:
    """The first check-in of a morning, answering the coach's question (as the form saves it)."""
    asked = services.coach.morning_question()
    assert asked is not None
    services.journal.add(CheckIn(at=services.now(), pain_now=3, session_worse=worse, about_session=asked.id))


def rungs(services: Services) -> dict[str, int]:
    """Each ladder's rung now."""
    standing = services.coach.standing()
    assert standing is not None
    return {ladder.exercise: standing.rung(ladder) for ladder in standing.ladders()}


def decisions(paths: Paths) -> list[Decision]:
    return [entry for entry in JournalStore(paths.journal_dir).entries() if isinstance(entry, Decision)]


def reviews(paths: Paths) -> list[Review]:
    return [entry for entry in JournalStore(paths.journal_dir).entries() if isinstance(entry, Review)]


def two_weeks(services: Services, now: Now, *, pains: tuple[int, ...] = (5, 5, 4, 5, 4, 4, 3)) -> None:
    """Two weeks of the programme in the journal: a check-in every morning from a week before the start
    (pain easing through ``pains``, one a day in turn per half-week), a session every other day (one amber),
    the answers the next morning, and a weekly check on the first Sunday. The clock is left on day 14."""
    for day in range(-7, 14):
        now.set(day, 8)
        asked = services.coach.morning_question() if day > 0 else None
        pain = pains[min(len(pains) - 1, max(0, (day + 7) // 3))]
        services.journal.add(
            CheckIn(
                at=now.at,
                pain_now=pain,
                walked_minutes=20,
                session_worse=False if asked is not None else None,
                about_session=asked.id if asked is not None else None,
            )
        )
        if day >= 0 and day % 2 == 0:
            now.set(day, 18)
            today = services.coach.today()
            routine = today.routine.id if today is not None and today.routine is not None else "gentle-start"
            peak = pain + 3 if day == 8 else pain + 1
            played(services, routine, before=pain, peak=peak, after=pain)
        if day == 6:
            now.set(day, 20)
            services.journal.add(
                WeeklyCheck(
                    at=now.at, activity_interference=4, enjoyment_interference=3, global_change="a-little-better"
                )
            )
    now.set(14, 9)
