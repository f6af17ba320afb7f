"""How the versions of an entry from several devices merge into one journal: the rule every read follows.

A journal shared by a sync tool holds each device's own files (``layout``). Each file holds at most one
version of an entry and the deletions that device recorded (``{"id", "recorded"}`` in its ``deleted``
table). An edit writes a new version with a later ``recorded``; a delete, a deletion recorded now; an entry
moved to another month, its new version there and a deletion of the same time in its old month (so a read
of the old month alone no longer shows it). Of all the versions and deletions of an id that a read meets,
the one with the greatest key wins::

    (recorded, device id, a version before a deletion, the version's JSON)

- the last change wins, by the time it was recorded (each device's own clock: a clock far off makes its
  changes win or lose wrongly);
- at the same time, the greater device id (the root's files of the older layouts, ``""``, lose to all);
- a deletion and a version of the same time and device: the version (a move writes both);
- the same in all of these: the JSON text, so that every device picks the same one.

So a delete beats every older edit, and an edit recorded after a delete brings the entry back (nothing the
person did last is lost). Standard library only: the reminders' quick glance merges with it too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from typing import Generic, TypeVar

Value = TypeVar("Value")

Key = tuple[datetime, str, int]
"""(recorded, device, 1 for a version / 0 for a deletion); the JSON text breaks a tie of the whole key."""


def recorded_at(stamp: object) -> datetime:
    """A ``recorded`` time as a file holds it (text or its bytes), aware; the earliest time there is when it
    cannot be read, so that every readable version wins over it (the reads of raw files: the counts, the
    reminders' glance)."""
    if isinstance(stamp, bytes):
        stamp = stamp.decode("ascii", errors="replace")
    try:
        moment = datetime.fromisoformat(stamp) if isinstance(stamp, str) else datetime.min
    except ValueError:
        moment = datetime.min
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def version_key(recorded: datetime, device: str) -> Key:
    return recorded, device, 1


def deletion_key(recorded: datetime, device: str) -> Key:
    return recorded, device, 0


class Merge(Generic[Value]):
    """The winning version of every id offered (``None`` for a deletion), by the rule above.

    ``text`` gives a version's JSON, asked only when two keys are equal."""

    def __init__(self, text: Callable[[Value], str]) -> None:
        self._text = text
        self._best: dict[str, tuple[Key, Value | None]] = {}

    def offer(self, entry_id: str, key: Key, value: Value | None) -> None:
        known = self._best.get(entry_id)
        if known is None or key > known[0]:
            self._best[entry_id] = (key, value)
        elif key == known[0] and value is not None and known[1] is not None:
            if self._text(value) > self._text(known[1]):
                self._best[entry_id] = (key, value)

    def winners(self) -> Iterator[tuple[str, Value]]:
        """Every id whose winner is a version, with it."""
        for entry_id, (_, value) in self._best.items():
            if value is not None:
                yield entry_id, value

    def deleted(self, entry_id: str) -> bool:
        """Whether a deletion wins for this id."""
        known = self._best.get(entry_id)
        return known is not None and known[1] is None

    def key_of(self, entry_id: str) -> Key | None:
        known = self._best.get(entry_id)
        return None if known is None else known[0]
