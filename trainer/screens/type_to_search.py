"""Screens with a search box over a list: typing on the list starts a search."""

from __future__ import annotations

from textual.events import Key, Paste
from textual.widgets import Input, Select

from trainer.screens.base import TrainerScreen
from trainer.text_rules import one_line


class SearchableScreen(TrainerScreen):
    """A screen with a search ``Input`` (``SEARCH``) that filters a list (``RESULTS``).

    - ``/`` focuses the search box;
    - a printable key pressed on the list that nothing is bound to goes into
      the search box (type-to-search), and so does a paste;
    - keys that arrive together with that first one (a paste without bracketed
      paste, a burst over SSH) reach the box before the focus does: they go into it
      too, in order, bound keys and spaces included ("glute bridge", not "glutbidg");
    - Enter, Esc or ``q`` in the search box return to the list; elsewhere
      ``q``/Esc leave the screen.
    """

    SEARCH = "#search"
    RESULTS = "#results"

    _typing = False
    """A search was started by typing on the list and the focus has not reached the box yet."""

    def search_is_active(self) -> bool:
        """Whether typing should go to the search box right now."""
        return True

    def _in_a_field(self) -> bool:
        focused = self.focused
        return focused is not None and any(isinstance(node, (Input, Select)) for node in focused.ancestors_with_self)

    def on_key(self, event: Key) -> None:
        if not self.search_is_active():
            return
        search = self.query_one(self.SEARCH, Input)
        if self.focused is search:
            self._typing = False
        if self._typing and event.is_printable and event.character:
            self._type(event, event.character)  # on its way with the first key: never a binding
            return
        if self._in_a_field():
            return
        if not event.is_printable or not event.character or event.character.isspace():
            return
        if event.key in self.active_bindings:
            return
        self._typing = True
        self._type(event, event.character)

    def _type(self, event: Key, text: str) -> None:
        event.stop()
        event.prevent_default()
        search = self.query_one(self.SEARCH, Input)
        search.insert_text_at_cursor(text)
        search.focus()

    def on_paste(self, event: Paste) -> None:
        """A paste on the list is a search (its first line, as a search box takes it)."""
        if not self.search_is_active() or self._in_a_field() or not event.text.strip():
            return
        event.stop()
        search = self.query_one(self.SEARCH, Input)
        search.insert_text_at_cursor(one_line(event.text.strip().splitlines()[0]))
        search.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input is self.query_one(self.SEARCH, Input):
            self.query_one(self.RESULTS).focus()

    def action_search(self) -> None:
        self.query_one(self.SEARCH, Input).focus()

    def action_go_back(self) -> None:
        if self.focused is self.query_one(self.SEARCH, Input):
            self.query_one(self.RESULTS).focus()
        else:
            self.dismiss()
