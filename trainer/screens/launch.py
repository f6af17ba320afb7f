"""Home's first frame, painted before the content and the journal load (``TrainerApp``'s launch).

A returning person sees the introduction and the menu as Home lays them out while the app loads the
content, opens the journal and works out today's suggestion; Home then takes its place with everything.
Nothing here needs the content or the journal (Textual and ``home_menu`` only), so the frame comes about as
soon as Textual can paint. Keys pressed meanwhile are kept and handed to Home once it shows.

Beneath a session asked for on the command line (``backtrainer start``) it keeps Home's place instead, and
Home is built once the session is over: composed beneath the session, Home would hold about 2.5 MiB the
session does not need; and as the session's own screen comes over it, its rows go too (about 0.5 MiB),
back for good with the first dialog over the session (the session can end from one). Keys pressed before
the session's first screen shows are handed to that screen.
"""

from __future__ import annotations

import asyncio

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from trainer.screens.home_menu import INTRO, MENU, MENU_KEYS, fit_to_height, menu_prompt

LOADING = "Reading your journal…"

HELD_KEYS = MENU_KEYS | {"q", "v", "up", "down", "enter"}
"""Keys that mean something on Home: kept until it shows (Ctrl+Q quits at once; F1 asks ``open_help``)."""


class LaunchScreen(Screen[None]):
    """The app's first screen at a returning person's launch: Home's rows, then Home (``TrainerApp``); at
    ``backtrainer start``, Home's place beneath the session, and Home once the session is over."""

    SUB_TITLE = "Home"

    def __init__(self, *, logged: bool = True, coaching: bool = False, session_first: bool = False) -> None:
        """Laid out as Home will be (home.tcss, which the app loads: Textual loads no default screen's
        CSS_PATH): ``logged``, once the journal has something in it; ``coaching``, while a programme runs.
        ``session_first``: a session's screens come over it first, and Home once they have gone."""
        classes = ["home", *(["-returning"] if logged else []), *(["-coach"] if coaching else [])]
        super().__init__(classes=" ".join(classes))
        self._held: list[events.Key] | None = []
        """Keys pressed before the next screen showed, in order (None once they have been handed on)."""
        self._holding: frozenset[str] | None = None if session_first else HELD_KEYS
        """The keys kept: those that mean something on Home; every key, for a session's first screen."""
        self.keys_handed_on = asyncio.Event()
        """Set once every key kept has done its work (at once if none was kept)."""
        self._home_when_shown_again = False
        """Home opens over this screen when it is on top again (``open_home_once_uncovered``)."""
        self._rows_gone = False
        """Its rows were let go beneath a session, and no dialog has come over the session since."""

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with Vertical(id="home"):
            yield Static(INTRO, id="intro")
            yield OptionList(
                *(Option(menu_prompt(key, title, text), id=name) for name, key, title, text in MENU), id="menu"
            )
            yield Static(Content.styled(LOADING, "$foreground-muted"), id="suggestion")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        fit_to_height(self, event.size.height)

    def on_key(self, event: events.Key) -> None:
        if self._holding is not None and event.key not in self._holding:
            return
        if self._held is None and self.app.screen is self:
            return  # (nothing is on its way)
        event.stop()
        event.prevent_default()
        self._hold(events.Key(event.key, event.character))

    def on_mount(self) -> None:
        if self._holding is None:  # the keys kept go to the session's first screen, once it is on top
            self.app.screen_change_signal.subscribe(self, self._screen_changed)
            if self.app.screen is not self:  # (it came before this screen was mounted)
                self._screen_changed(self.app.screen)

    def _screen_changed(self, screen: Screen[object]) -> None:
        if self._rows_gone and isinstance(screen, ModalScreen):  # (the session may end from it: see below)
            self._rows_gone = False
            self.call_later(self.recompose)
        if self._held is None or self._holding is not None:
            return
        if screen is not self:
            self.app.call_after_refresh(self.hand_on_keys)  # (after the screen's first frame: it has mounted)
        else:  # gone before its first frame: the keys kept were for it
            self._held = []
            self.hand_on_keys()

    def on_screen_resume(self) -> None:
        if self._home_when_shown_again and self.app.screen is self:  # (not a resume from before it was covered)
            self._home_when_shown_again = False
            self.open_home()

    def open_home_once_uncovered(self) -> None:
        """Home, over this screen: now if nothing covers it, else once the screens that do (a session's)
        have gone. Meanwhile its rows go (about 0.5 MiB of a session's memory): the session's own screen
        hides them whole. They come back with the first dialog over the session, since a session ends
        from one (the questions after it, the stop reasons) and this screen then shows, for a frame or
        two, before Home is over it."""
        if self.app.screen is self:
            self.open_home()
        else:
            self._home_when_shown_again = True
            self._rows_gone = not isinstance(self.app.screen, ModalScreen)
            if self._rows_gone:
                self.remove_children()

    def open_home(self) -> None:
        """Home, over this screen, unless it is open already; the keys pressed until it shows go to it."""
        from trainer.screens.home import HomeScreen  # (only now: the launch frame does not need it)

        if any(isinstance(screen, HomeScreen) for screen in self.app.screen_stack):
            return
        self._held, self._holding = [], HELD_KEYS
        self.keys_handed_on.clear()
        self.app.push_screen(HomeScreen())
        self.app.call_after_refresh(self.hand_on_keys)

    def open_help(self) -> None:
        """F1 (the app's key): When to get help opens over Home, as soon as Home shows."""
        self._hold(events.Key("h", "h"))

    def _hold(self, key: events.Key) -> None:
        if self._held is None:  # (it reached this screen after the keys were handed on)
            self.app.post_message(key)
        else:
            self._held.append(key)

    def hand_on_keys(self) -> None:
        """Once the screen they were kept for shows (Home, or a session's first screen): each key kept does
        what it is bound to on the screen then on top, one after the other (``l q j``: the Library, back
        from it, the Journal); on a session's first screen a key bound to nothing goes to its focused widget
        (a number for the pain scale). Any key that still comes here goes to the app.

        Posting them all to the app at once raced: Textual forwards a key to a screen's own queue, so ``q``
        could reach Home before Home had opened the Library for ``l``, and quit. The keys are pressed from
        a worker, since an action may wait for the app (popping a screen does)."""
        held, self._held = self._held or [], None
        if held:
            self.run_worker(self._press(held), name="keys pressed before their screen showed")
        else:
            self.keys_handed_on.set()

    async def _press(self, keys: list[events.Key]) -> None:
        try:
            for key in keys:
                screen = self.app.screen
                active = screen.active_bindings.get(key.key)
                if active is not None and active.enabled:
                    await self.app.run_action(active.binding.action, active.node)
                elif self._holding is None:  # (typed into a session's first screen: its focused widget's)
                    (screen.focused or screen).post_message(events.Key(key.key, key.character))
                else:
                    continue
                await self.app.screen.wait_for_refresh()  # a screen it opened has mounted: the next key is its
        finally:
            self.keys_handed_on.set()
