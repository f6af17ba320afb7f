"""Reading entries back: a period, the first days of the journal, or the newest few.

``JournalReader`` (the reading half of ``JournalStore``) reads only the month files that can hold what is
asked for, so a command's cost follows what it shows rather than the length of the history. Unreadable
files are skipped and listed in ``problems``. Two copies of an entry (an interrupted move): the one
recorded last counts. Every read merges every device's files by the rule of ``versions``: the last change
recorded wins, deletions included.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from itertools import groupby
from pathlib import Path

from trainer.files import FileReadError, read_regular_file
from trainer.journal.folder import JournalFolder, Versions
from trainer.journal.layout import DELETED_TABLE, device_of, source_key
from trainer.journal.models import AnyEntry, EntryKind
from trainer.journal.versions import Merge, deletion_key, recorded_at, version_key

ZONE_SLACK = timedelta(days=2)
"""Files are named by the month of ``at`` in its own time zone: reads widen by this so an entry near a
month's edge in another zone is not missed."""


_VERSION = re.compile(
    rb'\{"schema_version":\d+,"id":"([0-9a-f]{32})","at":"[^"\\]*","recorded":"([^"\\]*)","kind":"([a-z-]+)"'
)
_DELETION = re.compile(rb'\{"schema_version":\d+,"id":"([0-9a-f]{32})","recorded":"([^"\\]*)"\}')
"""A version's and a deletion's start as the store writes them (counted from bytes, without validating)."""


def _text(entry: AnyEntry) -> str:
    return entry.model_dump_json()


def _month_key(path: Path) -> tuple[int, int]:
    return (source_key(path) or (0, 0, 0))[:2]


def _month_of(moment: datetime) -> tuple[int, int]:
    return moment.year, moment.month


def _month_start(year: int, month: int) -> datetime:
    return datetime(year, month, 1, tzinfo=UTC)


class JournalReader(JournalFolder):
    """Entries read back from the month files of every device, merged (``versions``)."""

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
        already_read: dict[Path, Versions] | None = None,
    ) -> list[AnyEntry]:
        """``entries`` from these month files; ``already_read`` spares reading a file twice."""
        merge: Merge[AnyEntry] = Merge(_text)
        for path in self._months_between(paths, since, until):
            read = (already_read or {}).get(path)
            self._offer(merge, path, read if read is not None else self._try_read_versions(path))
        return self._select(merge, since, until, kinds)

    @staticmethod
    def _offer(merge: Merge[AnyEntry], path: Path, versions: Versions) -> None:
        device = device_of(path)
        entries, deletions = versions
        for entry in entries:
            merge.offer(entry.id, version_key(entry.recorded, device), entry)
        for entry_id, when in deletions.items():
            merge.offer(entry_id, deletion_key(when, device), None)

    @staticmethod
    def _select(
        merge: Merge[AnyEntry],
        since: datetime | None,
        until: datetime | None,
        kinds: Iterable[EntryKind] | None,
    ) -> list[AnyEntry]:
        """The winners with ``since <= at <= until`` (of ``kinds``), newest first."""
        wanted = set(kinds) if kinds is not None else None
        found = [
            entry
            for _, entry in merge.winners()
            if (since is None or entry.at >= since)
            and (until is None or entry.at <= until)
            and (wanted is None or entry.kind in wanted)
        ]
        return sorted(found, key=lambda entry: entry.at, reverse=True)

    @staticmethod
    def _months_between(paths: Iterable[Path], since: datetime | None, until: datetime | None) -> list[Path]:
        first = _month_of(since - ZONE_SLACK) if since is not None and since.year > 1 else None
        last = _month_of(until + ZONE_SLACK) if until is not None and until.year < 9999 else None
        kept = []
        for path in paths:
            year, month = _month_key(path)
            if (first is not None and (year, month) < first) or (last is not None and (year, month) > last):
                continue
            kept.append(path)
        return kept

    def newest(
        self, limit: int, since: datetime | None = None, kinds: Iterable[EntryKind] | None = None
    ) -> tuple[list[AnyEntry], int]:
        """The newest ``limit`` entries with ``since <= at`` (of ``kinds``), newest first, and how many
        such entries the journal holds in all.

        Month files are read newest first, and only until ``limit`` entries are certainly the newest
        (no older month can hold a later one, whatever its time zone); the older files are only counted
        (``count_month``: from their bytes, or the counts kept while a file is unchanged), unless they reach
        back to ``since``. Their problems are not looked for here (``check_every_file`` does).
        """
        self.note_odd_files()
        wanted = list(kinds) if kinds is not None else None
        months = [
            (key, list(parts))
            for key, parts in groupby(reversed(self._months_between(self.month_files(), since, None)), key=_month_key)
        ]
        merge: Merge[AnyEntry] = Merge(_text)
        read = 0
        newest: list[AnyEntry] = []
        for (year, month), parts in months:
            for path in parts:
                self._offer(merge, path, self._try_read_versions(path))
            read += 1
            newest = self._select(merge, since, None, wanted)
            safe = _month_start(year, month) + ZONE_SLACK  # nothing in an older month is later than this
            if sum(entry.at >= safe for entry in newest) >= limit:
                break
        total = len(newest)
        for (year, month), parts in months[read:]:
            if since is None or _month_start(year, month) - ZONE_SLACK >= since:
                total += self.count_month(parts, wanted)
            else:  # the month of ``since``: only some of its entries count
                edge: Merge[AnyEntry] = Merge(_text)
                for path in parts:
                    self._offer(edge, path, self._try_read_versions(path))
                shown = {entry.id for entry in newest}
                total += sum(entry.id not in shown for entry in self._select(edge, since, None, wanted))
        self.counts.save()
        return newest[:limit], total

    def count_month(self, parts: list[Path], kinds: Iterable[EntryKind] | None = None) -> int:
        """How many entries (of ``kinds``) the files of one month hold once merged (``versions``), from
        their bytes; a file written otherwise than the store writes is read and validated instead. Times are
        parsed only for an id met more than once (another device's version, or a deletion)."""
        wanted = None if kinds is None else {kind.encode("ascii") for kind in kinds}
        if len(parts) == 1:
            plain = self.counts.plain_count(parts[0], kinds)  # one file, nothing deleted: the plain count
            if plain is not None:
                return plain
        seen: dict[bytes, list[tuple[bytes, str, bytes | None]]] = {}
        for path in parts:
            try:
                raw = read_regular_file(path, follow_symlinks=False)
            except FileReadError:
                continue
            device = device_of(path)
            versions = _VERSION.findall(raw)
            if len(versions) != raw.count(b'"kind":'):  # not as the store writes: read it properly
                entries, deletions = self._try_read_versions(path)
                found = [(e.id.encode(), e.recorded.isoformat().encode(), e.kind.encode()) for e in entries]
                gone = [(i.encode(), when.isoformat().encode()) for i, when in deletions.items()]
            else:
                found = versions
                gone = _DELETION.findall(raw) if DELETED_TABLE.encode() in raw else []
            for entry_id, when, written in found:
                seen.setdefault(entry_id, []).append((when, device, written))
            for entry_id, when in gone:
                seen.setdefault(entry_id, []).append((when, device, None))
        count = 0
        kind: bytes | None
        for offers in seen.values():
            if len(offers) == 1:
                kind = offers[0][2]
            else:
                merge: Merge[bytes] = Merge(repr)
                for when, device, offered in offers:
                    key = (version_key if offered is not None else deletion_key)(recorded_at(when), device)
                    merge.offer("", key, offered)
                kind = next((value for _, value in merge.winners()), None)
            count += kind is not None and (wanted is None or kind in wanted)
        return count

    def first_entries(self, days: int = 14, starting_with: EntryKind | None = None) -> list[AnyEntry]:
        """Entries (of every kind) in the ``days`` days from the first entry of the journal.

        With ``starting_with``, the days start at the first entry of that kind:
        "change since you started" compares with the first week of check-ins,
        which may begin after a session or a weekly check.
        """
        paths = self.month_files()
        read: dict[Path, Versions] = {}
        merge: Merge[AnyEntry] = Merge(_text)
        first: datetime | None = None
        for (year, month), parts in groupby(paths, key=_month_key):
            if first is not None and _month_start(year, month) - ZONE_SLACK > first:
                break  # no entry of this month or later can be earlier
            for path in parts:
                read[path] = self._try_read_versions(path)
                self._offer(merge, path, read[path])
            starts = [entry.at for _, entry in merge.winners() if starting_with in (None, entry.kind)]
            if starts:
                # the next month's file may still hold an earlier moment: one written in a zone ahead
                first = min(starts)
        if first is None:
            return []
        return self._entries_of(paths, first, first + timedelta(days=days), already_read=read)

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
        """Every entry of the month of ``moment``, from every device's files (merged)."""
        merge: Merge[AnyEntry] = Merge(_text)
        for path in self.sources_of(moment):
            self._offer(merge, path, self._try_read_versions(path))
        return self._select(merge, None, None, None)

    def get(self, entry_id: str) -> AnyEntry | None:
        return next((entry for entry in self.entries() if entry.id == entry_id), None)
