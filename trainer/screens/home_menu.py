"""What Home shows before anything is read: the introduction, the menu and how the layout fits the height.

Light on purpose (Textual's ``Content`` only): the launch frame (``screens.launch``) shows the same rows
before the content and the journal have loaded, and Home builds its menu from them.
"""

from __future__ import annotations

from textual.content import Content
from textual.dom import DOMNode

INTRO = (
    "A calm coach for a sore lower back: short guided exercise sessions, "
    "a pain journal, and plain self-care advice based on published guidelines."
)
MENU = (
    ("start", "s", "Start a session", "The suggested routine (below), guided rep by rep"),
    ("programme", "p", "12-week programme", "A few questions for a start that suits you"),
    ("check-in", "c", "Check in", "Log how your back feels: a few seconds"),
    ("journal", "j", "Journal", "Your entries and how things are trending"),
    ("library", "l", "Library", "Exercises and routines, step by step"),
    ("tips", "t", "Tips", "Sitting, sleep, heat and cold, lifting, medicines"),
    ("settings", "o", "Settings", "The bell, time to get ready, your weekly goal"),
    ("help", "h", "When to get help", "Symptoms that need a doctor today, or now"),
)
MENU_KEYS = frozenset(key for _, key, _, _ in MENU)
ROOMY = 40
"""Rows from which Home shows everything beside Today (the introduction, what the phase is about, the
message); below, Today and Your week come first (home.tcss)."""
RUNNING_MENU = {
    "start": ("Today's session", "Today's routine (below), guided rep by rep"),
    "programme": ("Your programme", "Your answers and goals; or leave the programme"),
}
"""The rows that read differently while a programme is running."""


def menu_prompt(key: str, title: str, description: str) -> Content:
    return Content.assemble(
        (f" {key} ", "bold $accent"),
        " ",
        (f"{title:<18}", "bold"),
        (description, "$foreground-muted"),
    )


def fit_to_height(node: DOMNode, height: int) -> None:
    """The classes of home.tcss that give way as the terminal gets shorter."""
    node.update_classes({"-medium": height < ROOMY, "-short": height < 30, "-tiny": height < 24})  # (one restyle)
