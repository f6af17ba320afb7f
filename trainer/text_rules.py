"""What text from outside may hold, and how it is shown.

Text that comes from files or people (content packs, journal files, imports,
notes, tags, command-line values) is untrusted: a terminal would act on a
control character (``ESC[2J`` clears the screen, OSC 52 sets the clipboard,
OSC 0 the window title) and a bidirectional override makes text read in a
different order than it is stored. So:

- **In:** every text field of the content and journal models refuses C0 and
  C1 control characters, DEL, line and paragraph separators and Unicode
  bidirectional embeddings, overrides and isolates (``refuse_controls``); a
  Markdown body or a note may keep line breaks and tabs (``multiline``).
- **Out:** ``visible`` shows any such character that reaches a printer anyway
  (from an old file, say) as a visible stand-in instead of sending it: caret
  notation for a terminal (``ESC`` as ``^[``), control pictures for the app.

Pure standard library: the catalog, the journal and both user interfaces use it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Annotated, Any, Literal

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""Embeddings, overrides and isolates (LRE RLE PDF LRO RLO LRI RLI FSI PDI)."""

_FORBIDDEN = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029{BIDI_CONTROLS}]")
_LINE_BREAKS_AND_TABS = "\n\t"


def code_point(char: str) -> str:
    """``'\\x1b'`` -> ``U+001B``."""
    return f"U+{ord(char):04X}"


def _kind(char: str) -> str:
    if char in BIDI_CONTROLS:
        return "bidirectional control character"
    if char in "\u2028\u2029":
        return "line separator"
    if char in _LINE_BREAKS_AND_TABS:
        return "line break" if char == "\n" else "tab"
    return "control character"


def first_forbidden(text: str, *, multiline: bool = False) -> str | None:
    """The first character ``text`` may not hold, or None."""
    for match in _FORBIDDEN.finditer(text):
        char = match.group()
        if not (multiline and char in _LINE_BREAKS_AND_TABS):
            return char
    return None


def refuse_controls(text: str, *, multiline: bool = False) -> str:
    """``text`` unchanged, or ``ValueError`` naming the first character it may not hold."""
    char = first_forbidden(text, multiline=multiline)
    if char is not None:
        raise ValueError(f"{_kind(char)} {code_point(char)} is not allowed")
    return text


def forbidden_problem(text: str, *, multiline: bool = False) -> str | None:
    """What is wrong with ``text`` in words ('control character U+001B is not allowed'), or None."""
    try:
        refuse_controls(text, multiline=multiline)
    except ValueError as error:
        return str(error)
    return None


def _single_line(text: str) -> str:
    return refuse_controls(text)


def _multiline(text: str) -> str:
    return refuse_controls(text, multiline=True)


class _Checked:
    """A pydantic annotation that runs ``check`` after the string is validated (what pydantic's
    ``AfterValidator`` does), written without importing pydantic: the command line's printing uses this
    module, and ``backtrainer status`` must start without pydantic."""

    def __init__(self, check: Callable[[str], str]) -> None:
        self.check = check

    def __get_pydantic_core_schema__(self, source: Any, handler: Callable[[Any], Any]) -> Any:
        from pydantic_core import core_schema  # only ever called by pydantic, which has it loaded

        return core_schema.no_info_after_validator_function(self.check, handler(source))


PlainText = Annotated[str, _Checked(_single_line)]
"""One line of text from outside: no control characters, line breaks or bidi overrides."""

MultilineText = Annotated[str, _Checked(_multiline)]
"""Text that may run over several lines (a note, a Markdown body): line breaks and tabs allowed."""


# --- showing text --------------------------------------------------------------------

Style = Literal["caret", "pictures"]


def _stand_in(char: str, style: Style) -> str:
    number = ord(char)
    if number < 0x20 or number == 0x7F:
        if style == "caret":
            return "^" + chr(number ^ 0x40)  # ESC -> ^[, NUL -> ^@, DEL -> ^?
        return chr(0x2400 + number) if number < 0x20 else "\u2421"  # the Control Pictures block
    return f"<{code_point(char)}>"


def visible(text: str, *, style: Style = "caret", keep: str = _LINE_BREAKS_AND_TABS) -> str:
    """``text`` with every character a printer would act on shown as a visible stand-in.

    ``keep`` lists the characters passed through as they are (line breaks and
    tabs by default; ``keep=""`` for one table cell).
    """
    return _FORBIDDEN.sub(
        lambda match: match.group() if match.group() in keep else _stand_in(match.group(), style), text
    )


def one_line(text: str) -> str:
    """``text`` on one line for a terminal: line breaks and tabs become spaces, the rest is made visible."""
    return visible(text.replace("\r\n", " ").replace("\n", " ").replace("\t", " "), keep="")
