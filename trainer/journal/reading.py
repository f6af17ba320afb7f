"""Reading entries back: a period, the first days of the journal, or the newest few.

``JournalReader`` (the reading half of ``JournalStore``) reads only the month files that can hold what is
asked for, so a command's cost follows what it shows rather than the length of the history. Unreadable
files are skipped and listed in ``problems``. Two copies of an entry (an interrupted move): the one
recorded last counts.
"""

from __future__ import annotations

import stat
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import groupby
from pathlib import Path

from trainer.journal.folder import JournalFolder
from trainer.journal.layout import part_key
from trainer.journal.models import AnyEntry, EntryKind

ZONE_SLACK = timedelta(days=2)
"""Files are named by the month of ``at`` in its own time zone: reads widen by this so an entry near a
month's edge in another zone is not missed."""


def _month_of(moment: datetime) -> tuple[int, int]:
    return moment.year, moment.month


def _month_start(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=UTC)


class JournalReader(JournalFolder):
    """Entries read back from the month files."""

    def entries(
        self,
        since: datetime | None = None,
        until: datetime | None = None,
        kinds: Iterable[EntryKind] | None = None,
    ) -> list[AnyEntry]:
        """Entries with ``since <= at <= until``, newest first.

        Only the month files that can hold such entries are read. Unreadable
        files are skipped and listed in ``problems``.
        """
        return self._entries_of(self.month_files(), since, until, kinds)

    def _entries_of(
        self,
        paths: Iterable[Path],
        since: datetime | None,
        until: datetime | None,
        kinds: Iterable[EntryKind] | None = None,
        already_read: dict[Path, list[AnyEntry]] | None = None,
    ) -> list[AnyEntry]:
        """``entries`` from these month files; ``already_read`` spares reading a file twice."""
        found: dict[str, AnyEntry] = {}
        for path in self._months_between(paths, since, until):
            read = (already_read or {}).get(path)
            self._gather(found, read if read is not None else self._try_read_month(path), since, until, kinds)
        return sorted(found.values(), key=lambda entry: entry.at, reverse=True)

    @staticmethod
    def _months_between(paths: Iterable[Path], since: datetime | None, until: datetime | None) -> list[Path]:
        first = _month_of(since - ZONE_SLACK) if since is not None and since.year > 1 else None
        last = _month_of(until + ZONE_SLACK) if until is not None and until.year < 9999 else None
        kept = []
        for path in paths:
            year, month, _ = part_key(path) or (0, 0, 0)
            if (first is not None and (year, month) < first) or (last is not None and (year, month) > last):
                continue
            kept.append(path)
        return kept

    @staticmethod
    def _gather(
        found: dict[str, AnyEntry],
        entries: Iterable[AnyEntry],
        since: datetime | None,
        until: datetime | None,
        kinds: Iterable[EntryKind] | None,
    ) -> None:
        wanted = set(kinds) if kinds is not None else None
        for entry in entries:
            if since is not None and entry.at < since:
                continue
            if until is not None and entry.at > until:
                continue
            if wanted is not None and entry.kind not in wanted:
                continue
            known = found.get(entry.id)  # two copies: a move was interrupted; the newer one counts
            if known is None or entry.recorded > known.recorded:
                found[entry.id] = entry

    def newest(
        self, limit: int, since: datetime | None = None, kinds: Iterable[EntryKind] | None = None
    ) -> tuple[list[AnyEntry], int]:
        """The newest ``limit`` entries with ``since <= at`` (of ``kinds``), newest first, and how many
        such entries the journal holds in all.

        Month files are read newest first, and only until ``limit`` entries are certainly the newest
        (no older month can hold a later one, whatever its time zone); the older files are only counted
        (``counts``: from their bytes, or the counts kept while they are unchanged), unless they reach back
        to ``since``. Their problems are not looked for here (``check_every_file`` does).
        """
        self.note_odd_files()
        wanted = list(kinds) if kinds is not None else None
        months = [
            (key, list(parts))
            for key, parts in groupby(
                reversed(self._months_between(self.month_files(), since, None)),
                key=lambda path: (part_key(path) or (0, 0, 0))[:2],
            )
        ]
        found: dict[str, AnyEntry] = {}
        read = 0
        for (year, month), parts in months:
            for path in parts:
                self._gather(found, self._try_read_month(path), since, None, wanted)
            read += 1
            safe = _month_start(year, month) + ZONE_SLACK  # nothing in an older month is later than this
            if sum(entry.at >= safe for entry in found.values()) >= limit:
                break
        newest = sorted(found.values(), key=lambda entry: entry.at, reverse=True)
        total = len(newest)
        for (year, month), parts in months[read:]:
            whole = since is None or _month_start(year, month) - ZONE_SLACK >= since
            for path in parts:
                if whole:
                    total += self.counts.count(path, wanted)
                else:  # the month of ``since``: only some of its entries count
                    edge: dict[str, AnyEntry] = {}
                    self._gather(edge, self._try_read_month(path), since, None, wanted)
                    total += len(edge.keys() - found.keys())
        self.counts.save()
        return newest[:limit], total

    def first_entries(self, days: int = 14, starting_with: EntryKind | None = None) -> list[AnyEntry]:
        """Entries (of every kind) in the ``days`` days from the first entry of the journal.

        With ``starting_with``, the days start at the first entry of that kind:
        "change since you started" compares with the first week of check-ins,
        which may begin after a session or a weekly check.
        """
        paths = self.month_files()
        read: dict[Path, list[AnyEntry]] = {}
        for _, parts in groupby(paths, key=lambda path: (part_key(path) or (0, 0, 0))[:2]):
            starts = []
            for path in parts:
                read[path] = self._try_read_month(path)
                starts += [entry.at for entry in read[path] if starting_with in (None, entry.kind)]
            if starts:
                first = min(starts)
                return self._entries_of(paths, first, first + timedelta(days=days), already_read=read)
        return []

    def note_odd_files(self) -> None:
        """Note every month file that is not a regular file (a FIFO, a folder, a link ...) as a problem,
        whether or not a read needs it: only the folder's listing and each file's ``lstat`` are read."""
        for path in self.month_files():
            try:
                regular = stat.S_ISREG(path.lstat().st_mode)
            except OSError:
                regular = False
            if not regular:
                self._try_read_month(path)  # opened without blocking or following links: notes what it is

    def month_entries(self, moment: datetime) -> list[AnyEntry]:
        """Every entry in the files of the month of ``moment`` (all its parts)."""
        return [entry for path in self.month_parts(moment) for entry in self._try_read_month(path)]

    def get(self, entry_id: str) -> AnyEntry | None:
        return next((entry for entry in self.entries() if entry.id == entry_id), None)
