"""The one way the command line prints.

Everything a command prints, to standard output or standard error, goes
through ``say`` (or ``say_data`` for an export, ``show_error`` for an error):

- control characters and bidi overrides from content or the journal are shown
  visibly (``ESC`` as ``^[``), so a note or a pack name can never move the
  cursor, set the clipboard (OSC 52) or the window title (OSC 0);
- under a locale that cannot show them (a non-UTF-8 terminal), arrows,
  ellipses and bars fall back to ASCII, decided once per stream encoding, and
  any other character that cannot be shown becomes ``?``: printing never fails,
  so a check-in already saved is never followed by a traceback.

An export written to a file or a pipe is data, not display: ``say_data`` writes
it byte for byte as UTF-8.
"""

from __future__ import annotations

import codecs
import sys
from dataclasses import dataclass
from functools import cache
from typing import IO

import click

from trainer import wording
from trainer.text_rules import visible

UNICODE_SYMBOLS = "→…█▏▎▍▌▋▊▉—–·’"
ASCII_FALLBACK = str.maketrans(
    {
        "→": "->",
        "…": "...",
        "█": "#",
        "▏": " ",
        "▎": " ",
        "▍": " ",
        "▌": "+",
        "▋": "+",
        "▊": "+",
        "▉": "+",
        "—": "-",
        "–": "-",
        "·": "-",
        "’": "'",
    }
)


@dataclass(frozen=True)
class Symbols:
    unicode: bool
    """False when the stream's encoding cannot show arrows, ellipses and bars."""

    @property
    def ellipsis(self) -> str:
        return "…" if self.unicode else "..."


@cache
def symbols_for(encoding: str) -> Symbols:
    try:
        UNICODE_SYMBOLS.encode(codecs.lookup(encoding).name)
    except (UnicodeEncodeError, LookupError):
        return Symbols(unicode=False)
    return Symbols(unicode=True)


def _stream(err: bool) -> IO[str]:
    return sys.stderr if err else sys.stdout  # looked up at each call: a test may have replaced them


def _encoding(stream: IO[str]) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def output_symbols(err: bool = False) -> Symbols:
    """What the terminal (standard output, or standard error) can show."""
    return symbols_for(_encoding(_stream(err)))


def displayable(text: str, encoding: str) -> str:
    """``text`` as it can be printed in ``encoding``: controls made visible, symbols in ASCII if need be."""
    shown = visible(text)
    if not symbols_for(encoding).unicode:
        shown = shown.translate(ASCII_FALLBACK)
    try:
        shown.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        shown = shown.encode(encoding, errors="replace").decode(encoding, errors="replace")
    return shown


class VisibleStream:
    """A text stream that shows what it is given the way ``say`` does (for click's own error printing)."""

    def __init__(self, err: bool) -> None:
        self.err = err

    def write(self, text: str) -> int:
        stream = _stream(self.err)
        stream.write(displayable(text, _encoding(stream)))
        return len(text)

    def flush(self) -> None:
        _stream(self.err).flush()


def say(text: str = "", *, err: bool = False, nl: bool = True) -> None:
    """Print a line of the command's output (to standard error with ``err``)."""
    stream = VisibleStream(err)
    stream.write(text + ("\n" if nl else ""))
    stream.flush()


def say_data(text: str) -> None:
    """An export to standard output: exact UTF-8 bytes into a file or a pipe; shown like ``say`` on a terminal."""
    stdout = _stream(False)
    if stdout.isatty():
        say(text, nl=False)
        return
    buffer = getattr(stdout, "buffer", None)
    if buffer is None:  # a text-only stream (tests): keep the text exactly
        stdout.write(text)
    else:
        stdout.flush()
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def show_error(error: click.ClickException) -> None:
    """Print a click error (usage errors with their usage line) the way ``say`` prints."""
    error.show(file=VisibleStream(err=True))  # type: ignore[arg-type]  # click writes str to any .write()


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, ending in the ellipsis this terminal can show."""
    return wording.fit(text, width, output_symbols().ellipsis)
