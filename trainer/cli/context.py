"""What every command is given: where the data lives and the clock. Light: no journal, no pydantic."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import click

from trainer.paths import Paths, ProfileNameError, check_profile_name

if TYPE_CHECKING:  # the store is loaded only by the commands that use it
    from trainer.journal.store import JournalStore


def local_now() -> datetime:
    """The current local time, aware."""
    return datetime.now().astimezone()


@dataclass(frozen=True)
class Context:
    """What every command is given (``click.pass_obj``): where the data lives, and the clock."""

    paths: Paths
    now: Callable[[], datetime] = local_now

    def store(self) -> JournalStore:
        from trainer.journal.store import JournalStore

        return JournalStore(self.paths.journal_dir, counts_cache=self.paths.cache_dir)


def current_time() -> datetime:
    """Now, by the command's clock (a test passes its own with ``CliRunner.invoke(..., obj=clock)``)."""
    context = click.get_current_context(silent=True)
    found = context.find_object(Context) if context is not None else None
    return found.now() if found is not None else local_now()


def profile_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--profile NAME``, checked as a profile name (letters, digits, - and _)."""
    if value is None:
        return None
    try:
        return check_profile_name(value)
    except ProfileNameError as error:
        raise click.BadParameter(str(error)) from None
