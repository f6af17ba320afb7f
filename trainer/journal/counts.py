"""How many entries of each kind a month file holds, kept between runs while the file is unchanged.

``backtrainer journal`` says "the newest 20 of N": N counts every entry, and counting means reading every
month file's bytes, which grows with the years of history. The counts are kept in the cache folder (never
in the journal folder, which a sync tool copies), one small JSON file per journal, each file's counts with
what identifies its version on disk: size, modification and change times, inode. Any difference, or a
cache file that cannot be read or makes no sense, and the file is counted again from its bytes: the cache
can make a count faster, never different.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from trainer.files import FileReadError, read_regular_file
from trainer.journal.layout import DELETED_TABLE
from trainer.journal.models import EntryKind
from trainer.journal.storage import atomic_write
from trainer.paths import ensure_private_dir

FORMAT = 2
_KIND = re.compile(rb'"kind"\s*:\s*"([a-z-]+)"')
"""An entry's kind as its file holds it. Text the person typed has its quotes escaped (``\\"``), and no
part of an entry other than the entry itself has a ``kind``, so each match is one entry."""

Version = tuple[int, int, int, int]
"""Size, modification time, change time (ns) and inode: a file with the same four is the same file."""


DELETIONS = "\0deletions"
"""Kept beside the kinds: whether the file may record deletions (then only a merged read can count it)."""


def kinds_in(raw: bytes) -> Counter[str]:
    """Entries by kind in a month file's bytes, without validating them; ``DELETIONS`` when the file may
    hold the table of deletions of a device's file (any mention of its name counts, to be safe)."""
    counts = Counter(match[1].decode("ascii") for match in _KIND.finditer(raw))
    if DELETED_TABLE.encode() in raw:
        counts[DELETIONS] = 1
    return counts


def _version(path: Path) -> Version | None:
    try:
        facts = path.lstat()
    except OSError:
        return None
    return (facts.st_size, facts.st_mtime_ns, facts.st_ctime_ns, facts.st_ino)


class EntryCounts:
    def __init__(self, journal_dir: Path, cache_dir: Path | None) -> None:
        self._file: Path | None = None
        if cache_dir is not None:
            digest = hashlib.sha256(str(journal_dir.absolute()).encode()).hexdigest()[:24]
            self._file = cache_dir / "journal-counts" / f"{digest}.json"
        self._known: dict[str, tuple[Version, dict[str, int]]] | None = None
        self._changed = False

    def count(self, path: Path, kinds: Iterable[EntryKind] | None = None) -> int:
        """Entries (of ``kinds``) in ``path``; an unreadable file counts none (its reading reports it)."""
        counts = {kind: n for kind, n in self._counts(path).items() if kind != DELETIONS}
        if kinds is None:
            return sum(counts.values())
        return sum(counts.get(kind, 0) for kind in set(kinds))

    def plain_count(self, path: Path, kinds: Iterable[EntryKind] | None = None) -> int | None:
        """``count``, or None when the file may record deletions (a merged read must count it)."""
        return None if DELETIONS in self._counts(path) else self.count(path, kinds)

    def _counts(self, path: Path) -> dict[str, int]:
        known = self._load()
        version = _version(path)
        held = known.get(path.name)
        if version is not None and held is not None and held[0] == version:
            return held[1]
        try:
            counts = dict(kinds_in(read_regular_file(path, follow_symlinks=False)))
        except FileReadError:
            return {}
        if version is not None and version == _version(path):  # not changed while it was read
            known[path.name] = (version, counts)
            self._changed = True
        return counts

    def _load(self) -> dict[str, tuple[Version, dict[str, int]]]:
        if self._known is None:
            self._known = _read(self._file) if self._file is not None else {}
        return self._known

    def save(self) -> None:
        """Keep what was counted for the next run (best effort: a cache that cannot be written is skipped)."""
        if self._file is None or not self._changed or self._known is None:
            return
        document = {"format": FORMAT, "files": {name: [list(v), c] for name, (v, c) in self._known.items()}}
        try:
            ensure_private_dir(self._file.parent)
            atomic_write(self._file, json.dumps(document).encode("utf-8"))
        except OSError:
            return
        self._changed = False


def _read(file: Path) -> dict[str, tuple[Version, dict[str, int]]]:
    """The kept counts, or none at all when the file is missing, unreadable or not what this module wrote."""
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
        if document.get("format") != FORMAT:
            return {}
        known: dict[str, tuple[Version, dict[str, int]]] = {}
        for name, (version, counts) in document["files"].items():
            if len(version) != 4 or not all(isinstance(value, int) for value in version):
                return {}
            if not all(isinstance(kind, str) and isinstance(n, int) and n >= 0 for kind, n in counts.items()):
                return {}
            known[str(name)] = ((version[0], version[1], version[2], version[3]), dict(counts))
        return known
    except (OSError, ValueError, TypeError, AttributeError, KeyError):
        return {}
