"""Keys for plain mode from standard input: single keys from a terminal, lines from a pipe.

On a terminal, keys come one at a time without Enter (cbreak mode, no echo; restored on exit). From a pipe
or a file, each character is a key, a line's end is Enter (harmless where Enter counts nothing). Escape
sequences (arrows, function keys) are dropped: plain mode's keys are letters, space and Enter. Questions
(``read_line``) read lines from the same input, after the keys already read.
"""

from __future__ import annotations

import os
import re
import select
import sys
import termios
import time
import tty
from types import TracebackType
from typing import Any, TextIO

from trainer.plain.session import END_OF_KEYS

ESCAPES = re.compile(r"\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?")
"""CSI sequences, SS3 (F1-F4 on many terminals) and lone ESC: none is a plain-mode key."""


class TerminalKeys:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdin
        self.fd = self.stream.fileno()
        self.is_terminal = os.isatty(self.fd)
        self._pending: list[str] = []
        self._ended = False
        self._saved: list[Any] | None = None

    def __enter__(self) -> TerminalKeys:
        if self.is_terminal:  # single keys, no echo
            self._saved = termios.tcgetattr(self.fd)
            tty.setcbreak(self.fd)
            attributes = termios.tcgetattr(self.fd)
            attributes[3] &= ~termios.ECHO
            termios.tcsetattr(self.fd, termios.TCSADRAIN, attributes)
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        if self._saved is not None:  # the terminal as it was: line input with echo
            termios.tcsetattr(self.fd, termios.TCSADRAIN, self._saved)

    def read(self, timeout: float | None) -> str | None:
        if self._pending:
            return self._pending.pop(0)
        if self._ended:
            if timeout is not None:
                time.sleep(timeout)  # the session goes on by itself meanwhile
            return END_OF_KEYS
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return None
        data = os.read(self.fd, 4096).decode("utf-8", errors="replace")
        if not data:
            self._ended = True
            return self.read(timeout)
        self._pending += self._keys(data)
        return self._pending.pop(0) if self._pending else None

    def _keys(self, data: str) -> list[str]:
        return list(ESCAPES.sub("", data.replace("\r\n", "\n")).replace("\r", "\n"))

    def read_line(self) -> str | None:
        """One line typed, without its end; None once the input has ended. The terminal stays in single
        keys throughout (switching modes loses what was typed meanwhile), so the line is echoed and
        edited here: Backspace removes the last character."""
        line = ""
        while True:
            key = self.read(None)
            if key == END_OF_KEYS:
                return line or None
            if key is None:
                continue
            if key == "\n":
                self._echo("\n")
                return line
            if key in ("\x7f", "\b"):
                if line:
                    line = line[:-1]
                    self._echo("\b \b")
            elif key.isprintable():
                line += key
                self._echo(key)

    def _echo(self, text: str) -> None:
        if self.is_terminal:
            sys.stdout.write(text)
            sys.stdout.flush()
