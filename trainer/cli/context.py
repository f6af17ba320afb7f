"""What every command is given: the paths and the clock (kept light: ``status`` starts from here)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from trainer.paths import Paths

if TYPE_CHECKING:
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
        from trainer.journal.store import JournalStore  # pydantic and TinyDB, for the commands that write

        return JournalStore(self.paths.journal_dir)
