"""The app's colours: calm, high contrast, and still readable in 16 colours."""

from textual.theme import Theme

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
