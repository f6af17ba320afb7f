"""Typing a letter while a list has focus starts a search with that letter."""

from __future__ import annotations

from textual.events import Key
from textual.screen import Screen
from textual.widgets import Input, Select


def redirect_typing(screen: Screen[object], event: Key, search: Input) -> None:
    """Send a printable key that nothing else uses to ``search``.

    Keys with a binding on this screen (q, h, / ...) keep their meaning, and
    widgets that take text themselves are left alone.
    """
    focused = screen.focused
    if focused is not None and any(isinstance(node, (Input, Select)) for node in focused.ancestors_with_self):
        return
    if not event.is_printable or not event.character or event.character.isspace():
        return
    if event.key in screen.active_bindings:
        return
    event.stop()
    event.prevent_default()
    search.focus()
    search.insert_text_at_cursor(event.character)
