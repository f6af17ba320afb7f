"""The text types of the models: text from outside that refuses control characters (``trainer.text_rules``).

Apart from ``text_rules`` so that printing (``trainer.cli.output``) never loads pydantic.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator

from trainer.text_rules import refuse_controls


def _single_line(text: str) -> str:
    return refuse_controls(text)


def _multiline(text: str) -> str:
    return refuse_controls(text, multiline=True)


PlainText = Annotated[str, AfterValidator(_single_line)]
"""One line of text from outside: no control characters, line breaks or bidi overrides."""

MultilineText = Annotated[str, AfterValidator(_multiline)]
"""Text that may run over several lines (a note, a Markdown body): line breaks and tabs allowed."""
