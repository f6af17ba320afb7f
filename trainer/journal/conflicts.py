"""Copies that sync tools leave beside a journal file, and merging their entries back in.

A journal folder kept in a sync tool gets a conflict copy when two machines
change the same file before they sync. Names recognised (beside a month file
or ``settings.json``)::

    entries-2026-11.sync-conflict-20261130-123456-ABCDEFG.json      Syncthing
    entries-2026-11 (conflicted copy 2026-11-30).json               Dropbox
    entries-2026-11 (Alice's conflicted copy 2026-11-30).json       Dropbox
    entries-2026-11 (conflicted copy 2026-11-30 123456).json        Nextcloud
    entries-2026-11.2.sync-conflict-20261130-123456-ABCDEFG.json    (a copy of a month's second part)

The store reports them (``JournalStore.conflict_copies``); ``merge_copy``
(``backtrainer merge FILE``) brings a month file's copy in:

- the copy is read like a month file and every entry validated; if any entry
  is wrong, nothing is merged and the message names the entry and the field;
- entries not in the journal are added; for an id in both, the version with
  the later ``recorded`` time is kept (an entry deleted from the journal but
  still in the copy comes back: a copy cannot tell a deletion from an entry
  the other machine never had);
- all of it under the journal's lock, each month file written once, whole;
  an entry that moves month is written to its new month before it leaves the
  old one, so a failure half-way loses nothing, and merging again finishes
  the job (what was done counts as "already the same");
- the journal's files are those of every device; only this device's own are
  written (``versions``: a newer version in this device's file wins over the
  other devices' older ones). Copies beside a month file in a device's folder
  are read as that device's files, with no merge needed; the older layout's
  copies in the journal folder itself are merged when its files move into
  device files (``migration``: on first open or write), or by hand here;
- last, the copy is renamed ``<name>.merged-<stamp>.bak``, so it is no longer
  reported (its bytes are kept).
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ConfigDict, TypeAdapter, ValidationError

from trainer.files import FileReadError, read_regular_file
from trainer.journal.errors import JournalError
from trainer.journal.folder import ENTRIES_TABLE, SETTINGS_FILE, SETTINGS_TABLE
from trainer.journal.layout import CONFLICT_COPY as CONFLICT_COPY
from trainer.journal.limits import explain
from trainer.journal.models import JOURNAL_SCHEMA_VERSION, AnyEntry, Entry
from trainer.journal.storage import JournalFileError, parse_json_object
from trainer.wording import plural

if TYPE_CHECKING:
    from trainer.journal.store import JournalStore

MAX_PROBLEMS_SHOWN = 5
_ENTRY: TypeAdapter[AnyEntry] = TypeAdapter(Entry, config=ConfigDict(defer_build=True))


class MergeFileError(JournalError):
    """A file ``merge`` cannot take; nothing was merged."""


@dataclass(frozen=True)
class ConflictCopy:
    path: Path
    original: Path
    """The journal file it is a copy of (a month file or settings.json)."""

    @property
    def of_settings(self) -> bool:
        return self.original.name == SETTINGS_FILE

    def advice(self, profile: str | None = None) -> str:
        """What it is and what to do, naming the command that brings its entries in."""
        quoted = shlex.quote(str(self.path))
        if self.of_settings:
            return (
                f"{self.path} is a copy of your settings that a sync tool left; the app uses {self.original.name}. "
                f"Choose again in the app any setting you want from it, then remove it: rm {quoted}"
            )
        command = "backtrainer" + (f" --profile {profile}" if profile else "")
        return (
            f"{self.path} is a copy of {self.original.name} that a sync tool left; its entries are not in your "
            f"journal until you merge it: {command} merge {quoted}"
        )


def find_copies(listing: Iterable[Path]) -> list[ConflictCopy]:
    """The conflict copies among the files of a journal folder."""
    found = []
    for path in listing:
        match = CONFLICT_COPY.match(path.name)
        if match:
            found.append(ConflictCopy(path, path.with_name(f"{match['original'].lower()}.json")))
    return sorted(found, key=lambda copy: copy.path.name)


@dataclass(frozen=True)
class MergeResult:
    added: int
    updated: int
    same: int
    older: int
    """Entries whose journal version was recorded later: the journal's was kept."""
    kept_as: Path
    """Where the copy went once merged."""

    def __str__(self) -> str:
        noun = "entry" if self.added == 1 else "entries"
        were = "was" if self.same == 1 else "were"
        text = f"Added {self.added} {noun}, updated {self.updated}, {self.same} {were} already the same"
        if self.older:
            text += f"; {plural(self.older, 'older version')} kept the journal's newer one"
        return text


def _field(location: Iterable[str | int], kind: object) -> str:
    parts = list(location)
    if parts and parts[0] == kind:
        parts = parts[1:]  # the discriminator's tag, not a field
    return ".".join(str(part) for part in parts) or "(the entry)"


def read_copy(path: Path) -> list[AnyEntry]:
    """Every entry of a month file's copy, validated; ``MergeFileError`` naming each bad entry and field."""
    try:
        raw = read_regular_file(path)
    except FileReadError as error:
        raise MergeFileError(f"{path} cannot be read: {error.reason}; nothing was merged") from None
    try:
        data = parse_json_object(path, raw)
    except JournalFileError as error:
        raise MergeFileError(f"{path}: {error.reason}; nothing was merged") from None
    if ENTRIES_TABLE not in data:
        what = "a copy of the settings" if SETTINGS_TABLE in data else "not a backtrainer month file"
        raise MergeFileError(f"{path} is {what}, with no entries in it: nothing to merge")
    problems = []
    entries = []
    for doc_id, document in data[ENTRIES_TABLE].items():
        named = isinstance(document, dict) and isinstance(document.get("id"), str)
        where = f"entry {doc_id}" + (f" (id {document['id']})" if named else "")
        if not isinstance(document, dict):
            problems.append(f"{where}: not a JSON object")
            continue
        version = document.get("schema_version")
        if isinstance(version, int) and not isinstance(version, bool) and version > JOURNAL_SCHEMA_VERSION:
            problems.append(f"{where}: written by a newer backtrainer (entry version {version}); update to merge it")
            continue
        try:
            entries.append(_ENTRY.validate_python(document))
        except ValidationError as error:
            for detail in error.errors(include_url=False):
                problems.append(f"{where}: {_field(detail['loc'], document.get('kind'))}: {explain(detail)}")
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN] + (
            [f"... and {len(problems) - MAX_PROBLEMS_SHOWN} more"] if len(problems) > MAX_PROBLEMS_SHOWN else []
        )
        lines = "\n  ".join(shown)
        raise MergeFileError(f"{path} does not match the journal format; nothing was merged:\n  {lines}")
    return entries


def merge_copy(store: JournalStore, path: Path, now: Callable[[], datetime]) -> MergeResult:
    """Bring the entries of ``path`` (a copy of a month file) into the journal; see the module's notes."""
    own = {file.resolve() for file in [*store.month_files(), store.settings_file]}
    if path.resolve() in own:
        raise MergeFileError(f"{path} is one of the journal's own files, not a copy: nothing to merge")
    copied = read_copy(path)
    newest: dict[str, AnyEntry] = {}
    for entry in copied:  # an id twice in the copy: the later version
        if entry.id not in newest or entry.recorded > newest[entry.id].recorded:
            newest[entry.id] = entry
    store._merging = path  # every write moves an older layout's files first (``migration``): all but this copy
    try:
        with store._locked():
            store._refuse_if_newer()
            held: dict[str, list[tuple[AnyEntry, Path]]] = {}
            for month in store.month_files():  # every month must be readable: an id may be in any of them
                for entry in store._writable(month):
                    held.setdefault(entry.id, []).append((entry, month))
            put: dict[Path, list[AnyEntry]] = {}
            remove: dict[Path, set[str]] = {}
            counts = {"added": 0, "updated": 0, "same": 0, "older": 0}
            for entry_id, theirs in newest.items():
                copies = held.get(entry_id, [])
                ours = max((known for known, _ in copies), key=lambda known: known.recorded, default=None)
                outcome = (
                    "added"
                    if ours is None
                    else "same"
                    if ours == theirs
                    else "updated"
                    if theirs.recorded > ours.recorded
                    else "older"
                )
                counts[outcome] += 1
                keep = theirs if ours is None or outcome == "updated" else ours
                target = store._target_part(keep.at)
                if keep is theirs:
                    put.setdefault(target, []).append(theirs)
                for _, month in copies:  # the old version's place, and any copy an interrupted move left
                    if month != target and month.parent == store.own_directory:
                        remove.setdefault(month, set()).add(entry_id)
            for month in put.keys() - {path for copies in held.values() for _, path in copies}:
                store._writable(month)  # a month not read above (a new one, or a link or folder in its place)
            for month, entries in sorted(put.items()):  # every new version first: a failure leaves two, never none
                store._rewrite_month(month, entries)
            for month, ids in sorted(remove.items()):
                store._rewrite_month(month, [], ids)
            kept_as = store._rename_aside(path, "merged", now)
    finally:
        store._merging = None
    return MergeResult(counts["added"], counts["updated"], counts["same"], counts["older"], kept_as)
