"""TrainerApp: loads the content, owns the global keys, and moves between screens."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from time import monotonic

from textual.app import App
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.notifications import SeverityLevel

from trainer.catalog.loader import Catalog, load_catalog
from trainer.catalog.problems import ContentError, ContentProblem
from trainer.journal.checkpoints import OrphanedSession
from trainer.journal.models import SessionRecord, Settings
from trainer.journal.store import JournalError, JournalStore
from trainer.paths import Paths
from trainer.screens.base import TrainerScreen
from trainer.screens.content_error import ContentErrorScreen
from trainer.screens.first_run import FirstRunScreen
from trainer.screens.help import HelpScreen
from trainer.screens.home import HomeScreen
from trainer.screens.session_dialogs import UnfinishedSessionScreen
from trainer.screens.start import start_session
from trainer.screens.too_small import TooSmallScreen
from trainer.theme import CALM_THEME
from trainer.widgets.literal import shown

MIN_SIZE = Size(76, 22)
"""Below this the layout cannot be read; a notice asks to enlarge the terminal."""


def describe_unfinished(session: SessionRecord, number: int = 1, of: int = 1) -> str:
    done = sum(1 for exercise in session.exercises if exercise.sets_done)
    which = f"Unfinished session {number} of {of}: " if of > 1 else ""
    return (
        f"{which}{session.title}, started {session.at:%a %d %b at %H:%M}, was not finished "
        f"(the app was closed during it). {done} of {len(session.exercises)} exercises had work done, "
        f"{session.completion:.0%} of the plan. Save what you did to your journal?"
    )


class TrainerApp(App[None]):
    TITLE = "backtrainer"
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("h", "get_help", "Get help", tooltip="When to get help"),
        Binding("f1", "get_help", "Get help", key_display="F1", priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        paths: Paths,
        catalog: Catalog | None = None,
        now: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        start: str | None = None,
        session_clock: Callable[[], float] = monotonic,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.now = now
        """The current local time (aware); tests pass a fixed one."""
        self.session_clock = session_clock
        """The monotonic clock sessions run on; tests pass a fake one."""
        self.start_id = start
        """A routine or exercise id to start as soon as the app opens (``backtrainer start ID``)."""
        self.content_problems: tuple[ContentProblem, ...] = ()
        self._catalog = catalog
        if catalog is None:
            try:
                self._catalog = load_catalog(packs_dir=paths.content_packs_dir)
            except ContentError as error:
                self.content_problems = error.problems
        self.journal = JournalStore(paths.journal_dir)
        self.settings: Settings = self.journal.load_settings()
        self._unfinished: list[OrphanedSession] = []
        """Unfinished sessions of apps that are gone, still to offer (their locks held meanwhile)."""
        self._offered = 0

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Every notification is literal: its text often holds a file name, an exercise name or a note,
        so markup is never parsed (whatever a caller asks) and control characters show as pictures."""
        super().notify(shown(message), title=shown(title), severity=severity, timeout=timeout)

    def today(self) -> date:
        return self.now().date()

    @property
    def catalog(self) -> Catalog:
        """The loaded content (screens are only opened when it loaded)."""
        assert self._catalog is not None, "content failed to load"
        return self._catalog

    def on_mount(self) -> None:
        self.register_theme(CALM_THEME)
        self.theme = CALM_THEME.name
        if self._catalog is None:
            self.push_screen(ContentErrorScreen(self.content_problems))
            return
        self.push_screen(HomeScreen())
        for problem in self._catalog.pack_problems:
            self.notify(
                f"{problem}\nThis content pack was skipped. Run 'backtrainer check-content' for details.",
                title="Content pack not loaded",
                severity="warning",
                timeout=20,
            )
        self._notify_conflict_copies()
        if not self.settings.disclaimer_seen:
            self.push_screen(FirstRunScreen(), callback=self._disclaimer_accepted)
        else:
            self._after_first_run()
        self._fit_to(self.size)

    def _disclaimer_accepted(self, accepted: bool | None) -> None:
        if accepted:
            self.settings = self.settings.model_copy(update={"disclaimer_seen": True})
            try:
                self.settings = self.journal.update_settings(disclaimer_seen=True)
            except JournalError as error:
                self.notify(f"Could not remember this choice: {error}", severity="warning")
        self._after_first_run()

    def _notify_conflict_copies(self) -> None:
        try:
            copies = self.journal.conflict_copies()
        except JournalError:
            return  # Home says the journal cannot be read
        for copy in copies:
            self.notify(
                copy.advice(self.paths.profile),
                title="A copy left by a sync tool",
                severity="warning",
                timeout=30,
            )

    def _after_first_run(self) -> None:
        """Offer each unfinished session in turn, then start the session asked for on the command line."""
        try:
            self._unfinished = self.journal.unfinished_sessions()
        except JournalError as error:
            self.notify(f"Could not look for unfinished sessions: {error}", severity="warning")
        self._offer_unfinished()

    def _offer_unfinished(self) -> None:
        if not self._unfinished:
            if self.start_id:
                self._start_requested()
            return
        orphan = self._unfinished[0]
        self._offered += 1
        description = describe_unfinished(orphan.record, self._offered, self._offered + len(self._unfinished) - 1)
        self.push_screen(UnfinishedSessionScreen(description), lambda save: self._keep_unfinished(orphan, save))

    def _keep_unfinished(self, orphan: OrphanedSession, save: bool | None) -> None:
        self._unfinished.remove(orphan)
        try:
            if save:
                orphan.save()
                self.notify("The unfinished session is in your journal.")
            elif save is not None:
                orphan.discard()
            else:
                orphan.release()  # not decided: offered again at the next start
        except JournalError as error:
            orphan.release()
            self.notify(f"Could not save the unfinished session: {error}", severity="error")
        self._offer_unfinished()

    def on_unmount(self) -> None:
        for orphan in self._unfinished:  # closed while asking: offered again at the next start
            orphan.release()

    def _start_requested(self) -> None:
        catalog = self.catalog
        start_id, self.start_id = self.start_id or "", None
        if start_id in catalog.routines:
            start_session(self, routine=catalog.routines[start_id])
        elif start_id in catalog.exercises:
            start_session(self, exercise=catalog.exercises[start_id])
        else:
            self.notify(f"There is no routine or exercise called {start_id!r}.", severity="error")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without content there are no help lists to show: the key is not offered (the error screen
        gives the emergency advice itself)."""
        return not (action == "get_help" and self._catalog is None)

    def action_get_help(self) -> None:
        screen = self.screen
        if isinstance(screen, TrainerScreen):
            screen.open_help()  # each screen decides: a session pauses, Help itself is already there
        elif not isinstance(screen, TooSmallScreen):
            self.push_screen(HelpScreen())  # over a dialog or the first-run screen

    def on_resize(self, event: Resize) -> None:
        self._fit_to(event.size)

    def _fit_to(self, size: Size) -> None:
        too_small = size.width < MIN_SIZE.width or size.height < MIN_SIZE.height
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen(MIN_SIZE))
        elif not too_small and showing:
            self.pop_screen()
