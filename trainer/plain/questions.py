"""Questions in plain mode, each answered with a line: Enter skips one, a wrong answer is asked again.

Every question goes the same way (``ask``): it is said with "Enter skips.", the answer is read as a line,
and one that cannot be taken is explained and the question asked again, up to ``TRIES`` times.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar

from trainer.plain.session import Keys
from trainer.text_rules import forbidden_problem

TRIES = 3
"""Times a question is asked in all before it counts as skipped."""

T = TypeVar("T")
Choice = TypeVar("Choice", bound=str)
Say = Callable[[str], None]


class LineKeys(Keys, Protocol):
    def read_line(self) -> str | None:
        """A line typed, without its end; None once the input has ended."""
        ...


def ask(keys: LineKeys, say: Say, question: str, parse: Callable[[str], T], again: str, skipped: T) -> T:
    """The answer to ``question`` as ``parse`` reads it, or ``skipped`` (Enter, the end of the input, or
    ``TRIES`` answers ``parse`` refused with ``ValueError``; ``again`` says why, with ``{reason}``)."""
    for _ in range(TRIES):
        say(f"{question} Enter skips.")
        answer = (keys.read_line() or "").strip()
        if not answer:
            return skipped
        try:
            return parse(answer)
        except ValueError as reason:
            say(again.format(reason=reason))
    return skipped


def _whole_number(most: int) -> Callable[[str], int]:
    def parse(answer: str) -> int:
        if not answer.isdigit() or int(answer) > most:
            raise ValueError(answer)
        return int(answer)

    return parse


def ask_number(keys: LineKeys, say: Say, question: str) -> int | None:
    """A number from 0 to 10, or None."""
    return ask(keys, say, question, _whole_number(10), "Please answer with a whole number from 0 to 10.", None)


def ask_minutes(keys: LineKeys, say: Say, question: str) -> int | None:
    """Whole minutes in a day, or None."""
    return ask(keys, say, question, _whole_number(1440), "Please answer with whole minutes, from 0 to 1440.", None)


def ask_note(keys: LineKeys, say: Say) -> str:
    """A note (the journal's rule for text: no control characters), or empty."""

    def parse(note: str) -> str:
        problem = forbidden_problem(note)
        if problem is not None:
            raise ValueError(problem)
        return note

    return ask(keys, say, "A note, if you like.", parse, "That note cannot be kept: {reason}.", "")


def ask_choices(
    keys: LineKeys, say: Say, question: str, choices: Sequence[Choice], labels: Sequence[str]
) -> list[Choice]:
    """Some of ``choices``, by their numbers ('1 3'); none on Enter."""
    listed = "; ".join(f"{number}: {label}" for number, label in enumerate(labels, 1))

    def parse(answer: str) -> list[Choice]:
        numbers = answer.replace(",", " ").split()
        if not all(part.isdigit() and 1 <= int(part) <= len(choices) for part in numbers):
            raise ValueError(answer)
        return list(dict.fromkeys(choices[int(part) - 1] for part in numbers))

    return ask(
        keys,
        say,
        f"{question} Numbers separated by spaces ({listed}).",
        parse,
        f"Please answer with numbers from 1 to {len(choices)}.",
        [],
    )
