"""Untrusted text into Textual: always literal, never markup, never a raw control character.

Textual parses console markup in a ``str`` given to ``Static``, ``Label``,
``Button``, ``border_title``, ``notify``, ``OptionList`` and ``Select`` prompts
(``[@click=app.quit]`` would run an action) and Rich markup in ``DataTable``
cells. Text from content packs and the journal goes through these helpers
instead, so it shows exactly as written. The models already refuse control
characters (``trainer.text_rules``); any that arrive anyway show as control
pictures (``ESC`` as ``␛``) rather than reaching the terminal.
"""

from __future__ import annotations

from rich.text import Text
from textual.content import Content

from trainer.text_rules import visible


def shown(text: str) -> str:
    """``text`` with control characters made visible, for the few Textual APIs that take only a ``str``
    and show it literally (``Screen.sub_title``, a notification with markup off)."""
    return visible(text, style="pictures")


def literal(text: str, style: str = "") -> Content:
    """``text`` as literal Content, optionally styled (``"bold"``, ``"$foreground-muted"``)."""
    content = Content(shown(text))
    return content.stylize(style) if style else content


def cell(text: str, *, no_wrap: bool = True) -> Text:
    """A DataTable cell that shows ``text`` literally (a plain ``str`` cell is parsed as Rich markup)."""
    return Text(shown(text), no_wrap=no_wrap, overflow="ellipsis", end="")
