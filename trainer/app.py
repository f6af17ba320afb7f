"""TrainerApp: the global keys, the start-up questions, and the way between screens.

``make_app`` builds it from ``trainer.services`` (content, journal, settings, clocks): the command line
and the tests use the same factory, passing clocks and timings as arguments. ``launch_app`` (the command
line's) paints a returning person's first frame before the services load (``screens.launch``): this module
imports only Textual and light modules at its top, the rest when it is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from time import monotonic
from typing import TYPE_CHECKING, Any

from textual import work
from textual.binding import Binding
from textual.events import Resize
from textual.geometry import Size
from textual.notifications import SeverityLevel
from textual.screen import Screen

from trainer.journal.errors import JournalError
from trainer.journal.quick_read import StartSettings, month_files, read_start_settings
from trainer.paths import Paths
from trainer.screens.frames import FrameReporter
from trainer.screens.journal_move import JournalMoving
from trainer.screens.launch import LaunchScreen
from trainer.screens.too_small import TooSmallScreen
from trainer.start_up import SessionCollector, resume_collection
from trainer.theme import THEMES, show_theme
from trainer.widgets.literal import shown

if TYPE_CHECKING:
    from trainer.catalog.notice import Notice
    from trainer.catalog.validated import Catalog
    from trainer.journal.models import Settings
    from trainer.screens.first_run import FirstRunScreen
    from trainer.services.core import OrphanedSession, Services, Timings

MIN_SIZE = Size(76, 22)
"""Below this the layout cannot be read; a notice asks to enlarge the terminal (or in a browser, the window,
or to make the text smaller)."""


def make_app(
    paths: Paths,
    *,
    catalog: Catalog | None = None,
    now: Callable[[], datetime] | None = None,
    session_clock: Callable[[], float] = monotonic,
    timings: Timings | None = None,
    session_collector: SessionCollector | None = None,
    start: str | None = None,
    web: bool | None = None,
) -> TrainerApp:
    """The app on ``paths``; ``start`` is a routine or exercise id to play as soon as it opens; ``web`` says
    whether it shows in a browser (None: as Textual's driver says, ``backtrainer serve``; tests pass True)."""
    from trainer.services.core import local_now, make_services

    services = make_services(
        paths,
        catalog=catalog,
        now=now or local_now,
        session_clock=session_clock,
        timings=timings,
        session_collector=session_collector,
    )
    return TrainerApp(services, start=start, web=web)


def launch_app(paths: Paths, *, now: Callable[[], datetime] | None = None, web: bool | None = None) -> TrainerApp:
    """The app as the command line opens it: its first screen paints before the content and the journal
    load, which they do right after: Home's rows for a returning person (``screens.launch``), the first-run
    notice at a first run (from ``safety.json`` alone). When the settings file cannot be used, or the safety
    content has a problem, everything loads first (and says what is wrong)."""
    start = read_start_settings(paths.journal_dir)
    load = partial(_load_services, paths, now)
    if start.returning:
        return TrainerApp(load, web=web, launch=start)
    if start.first_run:
        from trainer.catalog.notice import read_notice

        notice = read_notice()
        if notice is not None:
            return TrainerApp(load, web=web, launch=start, notice=notice)
    return make_app(paths, now=now, web=web)


def _load_services(paths: Paths, now: Callable[[], datetime] | None) -> Services:
    from trainer.services.core import local_now, make_services

    return make_services(paths, now=now or local_now)


class TrainerApp(FrameReporter, JournalMoving):
    TITLE = "backtrainer"
    CSS_PATH = ["app.tcss", "screens/dialogs.tcss", "screens/home.tcss", "screens/first_run.tcss"]
    """home.tcss and first_run.tcss are the app's: each screen can be the first, painted before the rest loads,
    and Textual loads no default screen's CSS_PATH."""
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [
        Binding("h", "get_help", "Get help", tooltip="When to get help"),
        Binding("f1", "get_help", "Get help", key_display="F1", priority=True),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def get_key_display(self, binding: Binding) -> str:
        """As Textual shows it; a plain one-character key (``s``, ``n``) as itself, without Textual's search
        of Unicode's character names for one called ``s`` (which finds none): that search reads about
        0.15 MiB of the name table into a session's memory."""
        modifiers, key = binding.parse_key()
        if not binding.key_display and not modifiers and len(key) == 1:
            return key
        return super().get_key_display(binding)

    def __init__(
        self,
        services: Services | Callable[[], Services],
        *,
        start: str | None = None,
        web: bool | None = None,
        launch: StartSettings | None = None,
        notice: Notice | None = None,
    ) -> None:
        """``services``, or what loads them: then the launch frame paints first, as ``launch`` says (the
        colours, the layout), and they load just after it (``launch_app``); with ``notice``, the first-run
        notice is that frame."""
        super().__init__()
        for each in THEMES.values():
            self.register_theme(each)
        self._services: Services | None = None
        self._load = services if callable(services) else None
        self._web = web
        self.start_id = start
        """A routine or exercise id to start as soon as the app opens (``backtrainer start ID``)."""
        self._unfinished: list[OrphanedSession] = []
        """Unfinished sessions of apps that are gone, still to offer (their locks held meanwhile)."""
        self._launch = launch
        self._notice = notice
        if launch is not None:
            show_theme(self, launch.colours)
        if not callable(services):
            self._take_services(services)

    @property
    def services(self) -> Services:
        """The content, the journal, the settings and the clocks; loaded here if the launch frame has not
        asked for them yet (a key that needs them, pressed before it painted)."""
        if self._services is None:
            assert self._load is not None  # (one or the other is given)
            self._take_services(self._load())
            assert self._services is not None
        return self._services

    def _take_services(self, services: Services) -> None:
        self._services = services
        services.settings.report = lambda message: self.notify(message, severity="warning", timeout=15)
        services.settings.subscribe(self._show_colours)
        self._show_colours(services.settings.current)

    @property
    def in_browser(self) -> bool:
        """Whether the app shows in a web browser (``backtrainer serve``) rather than a terminal."""
        return self.is_web if self._web is None else self._web

    def bell(self) -> None:
        """In a terminal, the terminal's bell; in a browser (whose terminal ignores the bell) a flash of the
        screen's edge instead, shorter than the gap between the bells of a pattern."""
        if not self.in_browser:
            super().bell()
            return
        if not self.screen_stack:
            return  # (Textual rings for a fatal error, after the screens have gone)
        screen = self.screen
        screen.add_class("-bell-flash")
        seconds = self.services.timings.bell_flash
        done = lambda: screen.remove_class("-bell-flash")  # noqa: E731
        if seconds > 0:
            self.set_timer(seconds, done)
        else:  # (Textual's timers need a time; a test sets none)
            self.call_after_refresh(done)

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

    def get_default_screen(self) -> Screen[Any]:
        """At a launch (``launch_app``), Home's rows or the first-run notice at the bottom of the stack
        while the rest loads."""
        if self._services is not None and self.start_id:  # (Home once the session is over: LaunchScreen)
            logged = bool(month_files(self._services.paths.journal_dir))
            coaching = self._services.settings.current.programme is not None  # (as loaded: not read again)
            return LaunchScreen(logged=logged, coaching=coaching, session_first=True)
        if self._services is not None:
            return super().get_default_screen()
        if self._notice is not None:
            from trainer.screens.first_run import FirstRunScreen

            return FirstRunScreen(self._notice)
        if self._launch is None:
            return LaunchScreen()
        return LaunchScreen(logged=self._launch.logged, coaching=self._launch.coaching)

    def on_mount(self) -> None:
        if self._services is None:
            self.call_after_refresh(self._open_after_launch)  # once the launch frame is on screen
        else:
            self._open()

    def _open_after_launch(self) -> None:
        """Load the services (the launch frame is on screen meanwhile), open Home, and hand it the keys
        pressed before it showed."""
        launch = self.screen_stack[0]
        self._open()
        if isinstance(launch, LaunchScreen):
            self.call_after_refresh(launch.hand_on_keys)

    def _open(self) -> None:
        """The first screens: Home (or the content's error), the first-run notice, the start-up questions."""
        from trainer.screens.home import HomeScreen

        self.call_after_refresh(partial(resume_collection, long_running=True))  # after the first paint (start_up)
        self.call_after_refresh(self.move_older_journal)  # (it names the sync tools' copies when done)
        catalog = self.services.loaded
        if catalog is None:
            from trainer.screens.content_error import ContentErrorScreen

            self.push_screen(ContentErrorScreen(self.services.content_problems))
            return
        first_run = not self.services.settings.current.disclaimer_seen
        home_later = bool(self.start_id) and not first_run  # (after the session: _start_requested)
        if not home_later and (not first_run or not self._journal_readable()):
            self.push_screen(HomeScreen())  # (at a first run Home comes after the notice: composing it costs time)
        for problem in catalog.pack_problems:
            self.notify(
                f"{problem}\nThis content pack was skipped. Run 'backtrainer check-content' for details.",
                title="Content pack not loaded",
                severity="warning",
                timeout=20,
            )
        self._start_up(first_run)
        self._fit_to(self.size)

    def _journal_readable(self) -> bool:
        """Whether the journal folder can be read; if not, Home goes beneath the first-run notice at once, to
        say so (as it does whenever it shows)."""
        try:
            self.services.journal.first_entries(days=0)
        except JournalError:
            return False
        return True

    def _show_colours(self, settings: Settings) -> None:
        """The theme the settings choose (calm, or high contrast), as soon as it is chosen."""
        show_theme(self, settings.colours)

    @work(group="start-up")
    async def _start_up(self, first_run: bool) -> None:
        """The first-run notice (once), Home, and then the offer to get started, each unfinished session in
        turn, then the session asked for."""
        from trainer.screens.home import HomeScreen

        settings = self.services.settings
        if first_run:
            notice = await self._first_run_notice()
            await notice.accepted.wait()
            if not isinstance(self.screen, HomeScreen):
                await self.push_screen(HomeScreen())
            settings.accept_disclaimer()
            if self._offer_getting_started():
                from trainer.screens.getting_started import GettingStartedScreen  # (only on a first run)

                await self.push_screen_wait(GettingStartedScreen())
        try:
            self._unfinished = self.services.journal.unfinished_sessions()
        except JournalError as error:
            self.notify(f"Could not look for unfinished sessions: {error}", severity="warning")
        total = len(self._unfinished)
        for number, orphan in enumerate(list(self._unfinished), 1):
            from trainer.journal.describe import describe_unfinished
            from trainer.screens.session_dialogs import UnfinishedSessionScreen  # (only when there is one)

            description = describe_unfinished(orphan.record, number, total, self.services.today())
            save = await self.push_screen_wait(UnfinishedSessionScreen(description))
            self._unfinished.remove(orphan)
            self._keep_unfinished(orphan, save)
        if self.start_id:
            await self._start_requested()

    async def _first_run_notice(self) -> FirstRunScreen:
        """The notice to accept: the launch frame (``launch_app``), unless Home went over it to say the journal
        cannot be read; otherwise a new one, on top."""
        from trainer.screens.first_run import FirstRunScreen
        from trainer.screens.home import HomeScreen

        launch = self.screen_stack[0]
        if isinstance(launch, FirstRunScreen) and not any(isinstance(each, HomeScreen) for each in self.screen_stack):
            return launch
        notice = FirstRunScreen(self.services.catalog.safety)
        await self.push_screen(notice)
        return notice

    def _offer_getting_started(self) -> bool:
        """Right after the first-run notice: the programme's questions (skippable), unless a session was
        asked for on the command line (Home offers them then) or there is no programme to start."""
        return (
            not self.start_id
            and self.services.catalog.default_programme is not None
            and self.services.coach.progress is None
        )

    def _keep_unfinished(self, orphan: OrphanedSession, save: bool) -> None:
        try:
            if save:
                orphan.save()
                self.notify("The unfinished session is in your journal.")
            else:
                orphan.discard()
        except JournalError as error:
            orphan.release()
            self.notify(f"Could not save the unfinished session: {error}", severity="error")

    def on_unmount(self) -> None:
        for orphan in self._unfinished:  # closed while asking: offered again at the next start
            orphan.release()

    async def _start_requested(self) -> None:
        """The session asked for on the command line; then Home, beneath it once it is over (as soon as the
        questions before it are backed out of)."""
        from trainer.screens.start import start_session

        catalog = self.services.catalog
        start_id, self.start_id = self.start_id or "", None
        if start_id in catalog.routines:
            await start_session(self, self.services, routine=catalog.routines[start_id])
        elif start_id in catalog.exercises:
            await start_session(self, self.services, exercise=catalog.exercises[start_id])
        else:
            self.notify(f"There is no routine or exercise called {start_id!r}.", severity="error")
        beneath = self.screen_stack[0]
        if isinstance(beneath, LaunchScreen):  # (not at a first run: Home is open already)
            beneath.open_home_once_uncovered()

    async def action_quit(self) -> None:
        """Ctrl+Q (and q on Home): quit, unless a screen asks first (a session in progress does)."""
        from trainer.screens.base import TrainerScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, TrainerScreen) and not screen.quit_requested():
                return
        self.exit()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Without content there are no help lists to show: the key is not offered (the error screen
        gives the emergency advice itself). Before the services load, it is offered (pressing it loads them)."""
        return not (action == "get_help" and self._services is not None and self._services.loaded is None)

    def action_get_help(self) -> None:
        from trainer.screens.base import TrainerScreen
        from trainer.screens.help import HelpScreen

        screen = self.screen
        if isinstance(screen, (TrainerScreen, LaunchScreen)):
            screen.open_help()  # each screen decides: a session pauses, Help itself is already there
        elif not isinstance(screen, TooSmallScreen):
            self.push_screen(HelpScreen())  # over a dialog or the first-run screen

    def on_resize(self, event: Resize) -> None:
        if self._services is not None:  # (at a launch, once Home is open: ``_open``)
            self._fit_to(event.size)

    def _fit_to(self, size: Size) -> None:
        too_small = size.width < MIN_SIZE.width or size.height < MIN_SIZE.height
        showing = isinstance(self.screen, TooSmallScreen)
        if too_small and not showing:
            self.push_screen(TooSmallScreen(MIN_SIZE, in_browser=self.in_browser))
        elif not too_small and showing:
            self.pop_screen()
