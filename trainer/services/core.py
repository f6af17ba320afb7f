"""The services a running app (and its screens) use, built in one place: ``make_services``.

Screens reach these through ``trainer.screens.base.services_of``, never through the app's attributes;
tests and the CLI build them the same way (``trainer.app.make_app``), passing clocks and timings as
arguments instead of patching module globals.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from time import monotonic

from trainer import __version__
from trainer.catalog.cache import load_catalog_cached
from trainer.catalog.problems import ContentError, ContentProblem
from trainer.catalog.validated import Catalog
from trainer.journal.checkpoints import OrphanedSession
from trainer.journal.errors import JournalProblem
from trainer.journal.store import JournalStore
from trainer.paths import Paths
from trainer.services.coach import Coach
from trainer.services.plans import PlanBuilder
from trainer.services.recorder import SessionRecorder
from trainer.services.settings import SettingsService
from trainer.start_up import SessionCollector

__all__ = ["OrphanedSession", "Services", "Timings", "local_now", "make_services"]
"""(``OrphanedSession``: the type of an unfinished session the app offers to save.)"""


def local_now() -> datetime:
    """The current local time, aware."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Timings:
    """Pauses the app makes for people (tests set them to 0)."""

    session_end_pause: float = 0.3
    """Seconds the end of a session shows before the 'how did it go' questions."""
    journal_scan_delay: float = 0.5
    """Seconds after the Journal opens before the whole journal is checked in the background."""
    bell_flash: float = 0.15
    """Seconds the screen's edge flashes for a bell in a browser (where the terminal bell is silent)."""


@dataclass
class Services:
    paths: Paths
    journal: JournalStore
    settings: SettingsService
    now: Callable[[], datetime] = local_now
    """The current local time (aware)."""
    session_clock: Callable[[], float] = monotonic
    """The monotonic clock sessions run on."""
    timings: Timings = field(default_factory=Timings)
    session_collector: SessionCollector = field(default_factory=SessionCollector)
    """What sessions do with the garbage collector."""
    loaded: Catalog | None = None
    """The content, or None when it failed to load (``content_problems`` say why)."""
    content_problems: tuple[ContentProblem, ...] = ()
    coach_service: Coach | None = None
    """Built by ``make_services`` when the content loaded (``coach`` builds it otherwise)."""
    offered_reviews: set[tuple[str, int]] = field(default_factory=set)
    """The reviews (programme, week) the app has offered after a session or a check-in in this run: each
    once (Home keeps offering it on a key until it is done)."""

    @property
    def catalog(self) -> Catalog:
        """The loaded content (screens other than the content-error screen open only when it loaded)."""
        if self.loaded is None:
            raise RuntimeError("the content failed to load")
        return self.loaded

    @property
    def plans(self) -> PlanBuilder:
        settings = self.settings
        return PlanBuilder(
            self.catalog,
            lambda: settings.current.dose_changes,
            lambda: settings.current.get_ready_seconds,
            lambda: settings.current.programme,
        )

    @property
    def coach(self) -> Coach:
        """The coach (``trainer.services.coach``): the programme, its decisions and reviews."""
        if self.coach_service is None:
            self.coach_service = Coach(self.catalog, self.journal, self.settings, self.now)
        return self.coach_service

    def today(self) -> date:
        return self.now().date()

    def check_every_file(self) -> list[JournalProblem]:
        """Read the whole journal for damaged or newer files, on a store of its own (safe in a thread)."""
        return JournalStore(self.journal.directory).check_every_file()

    def migrate_journal(self) -> Path | None:
        """Move the month files of an older version into this device's folder, a backup kept (``migration``),
        on a store of its own (safe in a thread); the backup folder, or None if nothing moved."""
        journal = self.journal
        return JournalStore(
            journal.directory, write_file=journal.write_file, lock_timeout=journal.lock_timeout
        ).migrate()

    def new_recorder(self, pain_before: int | None) -> SessionRecorder:
        return SessionRecorder(self.journal, pain_before=pain_before, now=self.now)


def make_services(
    paths: Paths,
    *,
    catalog: Catalog | None = None,
    now: Callable[[], datetime] = local_now,
    session_clock: Callable[[], float] = monotonic,
    timings: Timings | None = None,
    session_collector: SessionCollector | None = None,
    report: Callable[[str], None] = lambda message: None,
) -> Services:
    """Load the content (unless given; from the cache folder while its files are unchanged) and open the
    journal and the settings of ``paths``."""
    problems: tuple[ContentProblem, ...] = ()
    if catalog is None:
        try:
            catalog = load_catalog_cached(paths.cache_dir, __version__, packs_dir=paths.content_packs_dir)
        except ContentError as error:
            problems = error.problems
    journal = JournalStore(paths.journal_dir)
    settings = SettingsService(journal, report)
    return Services(
        paths=paths,
        journal=journal,
        settings=settings,
        now=now,
        session_clock=session_clock,
        timings=timings or Timings(),
        session_collector=session_collector or SessionCollector(),
        loaded=catalog,
        content_problems=problems,
        coach_service=Coach(catalog, journal, settings, now) if catalog is not None else None,
    )
