"""Plain mode's keys from a pipe: one character a key, escape sequences dropped, questions read lines."""

from __future__ import annotations

import os

from trainer.plain.keys import TerminalKeys
from trainer.plain.session import END_OF_KEYS


def keys_from(data: bytes) -> TerminalKeys:
    read_end, write_end = os.pipe()
    os.write(write_end, data)
    os.close(write_end)
    reader = os.fdopen(read_end)
    return TerminalKeys(reader)


def test_each_character_is_a_key_and_escape_sequences_are_dropped() -> None:
    keys = keys_from(b"n \x1b[A\x1bOPt\r\n")
    with keys:
        read = [keys.read(1.0) for _ in range(4)]
        assert read == ["n", " ", "t", "\n"]
        assert keys.read(0.0) == END_OF_KEYS


def test_a_question_reads_the_rest_of_its_line_after_the_keys() -> None:
    keys = keys_from(b"n4\nfelt fine\n")
    assert keys.read(1.0) == "n"
    assert keys.read_line() == "4"
    assert keys.read_line() == "felt fine"
    assert keys.read_line() is None
