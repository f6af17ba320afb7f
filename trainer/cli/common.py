"""What the commands share: the context (paths and the clock, in ``context``), WHEN values, journal errors.

A journal that cannot be used gives exit status 1 and the store's message, never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import click

from trainer.cli.context import current_time
from trainer.cli.output import say
from trainer.journal.store import JournalError, JournalStore
from trainer.journal.when import entry_time_problem, parse_when
from trainer.paths import Paths
from trainer.wording import format_moment, plural

WHEN_HELP = "now, today, yesterday 21:00, 3 days ago, monday, 21:00, 2026-11-20 or 2026-11-20 21:00"


class When(click.ParamType):  # type: ignore[type-arg]  # not subscripted: older click is not generic
    """A --at / --since value, read by ``parse_when`` against ``now()``."""

    name = "when"

    def __init__(self, *, start_of_day: bool, for_entry: bool = False) -> None:
        self.start_of_day = start_of_day
        self.for_entry = for_entry
        """An entry's own time (``--at``): from 1 January 2000 on."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        current = current_time()
        try:
            moment = parse_when(str(value), current, start_of_day=self.start_of_day)
        except ValueError as error:
            self.fail(str(error), param, ctx)
        problem = entry_time_problem(moment, current) if self.for_entry else None
        if problem is not None:
            self.fail(problem, param, ctx)
        return moment


class WholeNumber(click.ParamType):  # type: ignore[type-arg]  # (as When)
    """A whole number within bounds, refused in the project's words: "'abc' is not a whole number; give
    a number of days from 1 to 3660", never click's "'abc' is not a valid integer range" or "x>=0"."""

    name = "whole number"

    def __init__(self, minimum: int, maximum: int | None = None, *, wanted: str) -> None:
        self.minimum = minimum
        self.maximum = maximum
        self.wanted = wanted
        """What a good value looks like, for the message: 'a number of days from 1 to 3660'."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif re.fullmatch(r"\s*[+-]?\d+\s*", str(value)):
            number = int(str(value))
        else:
            self.fail(f"{str(value)!r} is not a whole number; give {self.wanted}", param, ctx)
        if number < self.minimum:
            self.fail(f"{number} is below {self.minimum}; give {self.wanted}", param, ctx)
        if self.maximum is not None and number > self.maximum:
            self.fail(f"{number} is above {self.maximum}; give {self.wanted}", param, ctx)
        return number


@contextmanager
def journal_errors(store: JournalStore) -> Iterator[None]:
    """Turn store and disk errors into a one-line message with exit status 1; after a write that could not
    first move an older version's files (``journal.migration``), a note that says so."""
    try:
        yield
        failure, store.migration_failure = store.migration_failure, None
        if failure is not None:
            say(f"Note: {failure}", err=True)
    except JournalError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(
            f"cannot use the journal folder {store.directory} ({error.strerror or error}); nothing was changed"
        ) from None


def report_problems(store: JournalStore) -> None:
    """List the journal files that could not be read (the command went on without them)."""
    problems = store.problems
    if not problems:
        return
    count = len(problems)
    say(
        f"Note: {plural(count, 'journal file')} could not be read and {'were' if count != 1 else 'was'} left out:",
        err=True,
    )
    for problem in problems:
        say(f"  {problem}", err=True)
    if any(not problem.newer for problem in problems):
        say("  Nothing in them was changed. Open the Journal in the app to set a damaged file aside.", err=True)


def when_label(moment: datetime, current: datetime) -> str:
    """``Tue 24 Nov 21:00`` this year, ``Mon 24 Nov 2025 21:00`` another: the app's date style."""
    return format_moment(moment, current)


def unique(values: Sequence[str]) -> list[str]:
    """``values`` without repeats (ignoring case), first spelling kept."""
    seen: set[str] = set()
    kept = []
    for value in values:
        key = value.strip().casefold()
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


def report_conflict_copies(paths: Paths) -> None:
    """Name, on standard error, each copy a sync tool left in the journal folder, and how to merge it."""
    try:
        copies = JournalStore(paths.journal_dir).conflict_copies()
    except JournalError:
        return  # the command itself says what is wrong with the folder
    for copy in copies:
        say(f"Note: {copy.advice(paths.profile)}", err=True)
