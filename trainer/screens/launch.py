"""Home's first frame, painted before the content and the journal load (``TrainerApp``'s launch).

A returning person sees the introduction and the menu as Home lays them out while the app loads the
content, opens the journal and works out today's suggestion; Home then takes its place with everything.
Nothing here needs the content or the journal (Textual and ``home_menu`` only), so the frame comes about as
soon as Textual can paint. Keys pressed meanwhile are kept and handed to Home once it shows.
"""

from __future__ import annotations

import asyncio

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from trainer.screens.home_menu import INTRO, MENU, MENU_KEYS, fit_to_height, menu_prompt

LOADING = "Reading your journal…"

HELD_KEYS = MENU_KEYS | {"q", "v", "up", "down", "enter"}
"""Keys that mean something on Home: kept until it shows (Ctrl+Q quits at once; F1 asks ``open_help``)."""


class LaunchScreen(Screen[None]):
    """The app's first screen at a returning person's launch: Home's rows, then Home (``TrainerApp``)."""

    SUB_TITLE = "Home"

    def __init__(self, *, logged: bool = True, coaching: bool = False) -> None:
        """Laid out as Home will be (home.tcss, which the app loads: Textual loads no default screen's
        CSS_PATH): ``logged``, once the journal has something in it; ``coaching``, while a programme runs."""
        classes = ["home", *(["-returning"] if logged else []), *(["-coach"] if coaching else [])]
        super().__init__(classes=" ".join(classes))
        self._held: list[events.Key] | None = []
        """Keys pressed before Home showed, in order (None once they have been handed on)."""
        self.keys_handed_on = asyncio.Event()
        """Set once every key kept has done what it is bound to (at once if none was kept)."""

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
        if event.key not in HELD_KEYS:
            return
        event.stop()
        event.prevent_default()
        self._hold(events.Key(event.key, event.character))

    def open_help(self) -> None:
        """F1 (the app's key): When to get help opens over Home, as soon as Home shows."""
        self._hold(events.Key("h", "h"))

    def _hold(self, key: events.Key) -> None:
        if self._held is None:  # (it reached this screen after Home had opened)
            self.app.post_message(key)
        else:
            self._held.append(key)

    def hand_on_keys(self) -> None:
        """Once Home shows: each key kept does what it is bound to on the screen then on top, one after the
        other (``l q j``: the Library, back from it, the Journal); any key that still comes here goes to
        the app.

        Posting them all to the app at once raced: Textual forwards a key to a screen's own queue, so ``q``
        could reach Home before Home had opened the Library for ``l``, and quit. The keys are pressed from
        a worker, since an action may wait for the app (popping a screen does)."""
        held, self._held = self._held or [], None
        if held:
            self.run_worker(self._press(held), name="keys pressed before Home showed")
        else:
            self.keys_handed_on.set()

    async def _press(self, keys: list[events.Key]) -> None:
        try:
            for key in keys:
                active = self.app.screen.active_bindings.get(key.key)
                if active is not None and active.enabled:
                    await self.app.run_action(active.binding.action, active.node)
                    await self.app.screen.wait_for_refresh()  # a screen it opened has mounted: the next key is its
        finally:
            self.keys_handed_on.set()
