"""The app's colours: calm by default, high contrast on request (Settings), and readable in 16 colours.

Both themes keep the cue's kinds apart by more than colour (the block letters' fill: solid for work, a
shade for rest, the lightest when paused), so they read in 16 colours and with ``NO_COLOR`` too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.theme import Theme

if TYPE_CHECKING:  # (the launch frame picks its theme before the models load)
    from trainer.journal.models import Colours

CALM_THEME = Theme(
    name="backtrainer",
    primary="#5AA9B5",
    secondary="#8FA8D8",
    accent="#E3B55F",
    foreground="#DDE3EA",
    background="#161B21",
    surface="#1E252D",
    panel="#28313B",
    success="#83C092",
    warning="#E3B55F",
    error="#E5737D",
    dark=True,
)

HIGH_CONTRAST_THEME = Theme(
    name="backtrainer-high-contrast",
    primary="#00E5FF",
    secondary="#FFFFFF",
    accent="#FFD700",
    foreground="#FFFFFF",
    background="#000000",
    surface="#333333",
    panel="#1A1A1A",
    success="#00FF66",
    warning="#FFD700",
    error="#FF5555",
    dark=True,
    variables={
        "foreground-muted": "#E6E6E6",
        "text-muted": "#E6E6E6",
        "footer-key-foreground": "#FFD700",
        "block-cursor-foreground": "#FFFFFF",
        "block-cursor-background": "#003E80",
        "block-cursor-text-style": "bold",
    },
)

THEMES: dict[Colours, Theme] = {"calm": CALM_THEME, "high-contrast": HIGH_CONTRAST_THEME}
"""The Settings choice -> the theme it shows."""


def show_theme(app: App[Any], colours: Colours) -> None:
    """The app in the theme of ``colours``. Before it runs, the theme is set without its watcher, which would
    parse every stylesheet again just before the first frame (the first parse then uses its colours), and
    the classes the watcher would set are set here."""
    theme = THEMES[colours].name
    if app.theme == theme:
        return
    if app.is_running:
        app.theme = theme
        return
    app.set_reactive(App.theme, theme)
    app.stylesheet.set_variables(app.get_css_variables())  # (nothing is parsed yet)
    dark = app.current_theme.dark
    classes = {name: False for name in app.classes if name.startswith("-theme-")}
    classes |= {f"-theme-{theme}": True, "-dark-mode": dark, "-light-mode": not dark}
    app.update_classes(classes, update=False)
