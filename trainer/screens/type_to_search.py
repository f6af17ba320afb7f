"""Screens with a search box over a list: typing on the list starts a search."""

from __future__ import annotations

from textual.events import Key
from textual.widgets import Input, Select

from trainer.screens.base import TrainerScreen


class SearchableScreen(TrainerScreen):
    """A screen with a search ``Input`` (``SEARCH``) that filters a list (``RESULTS``).

    - ``/`` focuses the search box;
    - a printable key pressed on the list that nothing is bound to goes into
      the search box (type-to-search);
    - Enter, Esc or ``q`` in the search box return to the list; elsewhere
      ``q``/Esc leave the screen.
    """

    SEARCH = "#search"
    RESULTS = "#results"

    def search_is_active(self) -> bool:
        """Whether typing should go to the search box right now."""
        return True

    def on_key(self, event: Key) -> None:
        if not self.search_is_active():
            return
        focused = self.focused
        if focused is not None and any(isinstance(node, (Input, Select)) for node in focused.ancestors_with_self):
            return
        if not event.is_printable or not event.character or event.character.isspace():
            return
        if event.key in self.active_bindings:
            return
        event.stop()
        event.prevent_default()
        search = self.query_one(self.SEARCH, Input)
        search.focus()
        search.insert_text_at_cursor(event.character)

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
