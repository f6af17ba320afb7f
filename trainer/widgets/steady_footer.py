"""A footer that rewords its keys in place when only their words change.

Textual's ``Footer`` rebuilds every key after the next frame whenever a screen's bindings change. In a
session the keys stay the same from step to step while their words change (Pause or Resume; what n
skips): rebuilt, the new words showed a frame or more after the step's view (a quarter of a second and
more when the machine was busy), and every step paid for the rebuild. This footer writes the new words
into the keys it shows, so they change in the same frame as the view; any other change (a key more or
less, another key, a key turned on or off) rebuilds the footer as Textual's does.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class SteadyFooter(Footer):
    def compose(self) -> ComposeResult:
        """Textual's keys, each made with the footer's style before it mounts. A key starts compact and
        takes the footer's style when it mounts: a class added, then taken away again, and every time the
        styles of the key and its parts worked out anew. Each rebuild of the footer did that for every key,
        about a fifth of the CPU of opening Home."""
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget

    def on_mount(self) -> None:
        """Told of a change as it is made (Textual's footer hears of it later, through its message queue)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed_now, immediate=True)

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Textual's footer subscribes this for later: the change has been shown already."""

    def _bindings_changed_now(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus and self._reword():
            return
        self.call_next(super().bindings_changed, screen)  # Textual's way, from the footer's own queue

    def _shown(self) -> list[tuple[Binding, bool, str]] | None:
        """The bindings the footer shows, one per action in the screen's order (as ``Footer.compose`` picks
        them); None when it would show more than keys (a group, the command palette)."""
        first: dict[str, tuple[Binding, bool, str]] = {}
        for _, binding, enabled, tooltip in self.screen.active_bindings.values():
            if binding.show:
                if binding.group is not None:
                    return None
                first.setdefault(binding.action, (binding, enabled, tooltip))
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE:
            return None
        return list(first.values())

    def _reword(self) -> bool:
        """Each key's new words, written in place; False (nothing changed) if the keys themselves differ."""
        shown = self._shown()
        keys = [child for child in self.children if isinstance(child, FooterKey)]
        if shown is None or len(keys) != len(self.children) or len(keys) != len(shown):
            return False
        pairs = list(zip(keys, shown, strict=True))
        if any(key.key != binding.key or key.has_class("-disabled") == enabled for key, (binding, enabled, _) in pairs):
            return False
        for key, (binding, _, tooltip) in pairs:
            words = (self.app.get_key_display(binding), binding.description, binding.action)
            if (key.key_display, key.description, key.action) != words:
                key.key_display, key.description, key.action = words
                key.tooltip = tooltip or None
                key.refresh(layout=True)
        return True
