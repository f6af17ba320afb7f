"""Adding many entries at once (``JournalStore.import_entries``, ``backtrainer import``).

Under the journal's lock: every month the entries touch is checked writable first (a damaged month refuses
the whole import, and nothing is written); an id the journal already holds is counted as already there;
each month's new entries fill this device's last part of it, then new parts of ``part_bytes`` each
(``layout``), one write per part. An entry this device deleted comes back: its deletion in this device's
file is taken back first (a deletion recorded after the entry's version would hide it, ``versions``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from trainer.journal.layout import part_key, part_path
from trainer.journal.models import AnyEntry

if TYPE_CHECKING:
    from trainer.journal.store import JournalStore


def import_entries(store: JournalStore, entries: Iterable[AnyEntry]) -> tuple[int, int]:
    """Add entries not already present (by id); returns (added, already there). See the module's notes."""
    by_month: dict[tuple[int, int], list[AnyEntry]] = {}
    for entry in entries:
        by_month.setdefault((entry.at.year, entry.at.month), []).append(entry)
    added = skipped = 0
    with store._locked():
        targets = {month: store._target_part(batch[0].at) for month, batch in by_month.items()}
        for path in targets.values():
            store._writable(path)
        known: set[str] = set()
        deleted_here: dict[str, set[Path]] = {}
        """Ids this device's files record as deleted, with the files."""
        for path in store.month_files():
            found, deletions = store._try_read_versions(path)
            known.update(entry.id for entry in found)
            for entry_id in deletions if path.parent == store.own_directory else ():
                deleted_here.setdefault(entry_id, set()).add(path)
        for month, batch in sorted(by_month.items()):
            taken_back: dict[Path, set[str]] = {}
            for entry in batch:
                for path in deleted_here.pop(entry.id, ()):
                    taken_back.setdefault(path, set()).add(entry.id)
            for path, ids in sorted(taken_back.items()):
                store._rewrite_month(path, [], undelete=ids)
            fresh = []
            for entry in batch:
                if entry.id in known:
                    skipped += 1
                else:
                    known.add(entry.id)
                    fresh.append(store._document(entry))
            for path, documents in fill_parts(store, targets[month], batch[0].at, fresh):
                with store._table(path) as table:
                    table.insert_multiple(documents)
            added += len(fresh)
    return added, skipped


def fill_parts(
    store: JournalStore, first: Path, moment: datetime, documents: list[dict[str, Any]]
) -> list[tuple[Path, list[dict[str, Any]]]]:
    """``documents`` shared out from the part ``first``: each part takes them until it holds
    ``part_bytes`` (whole documents, so a part may go over by one), then the next part starts."""
    try:
        size = first.lstat().st_size
    except OSError:
        size = 0
    path, number = first, (part_key(first) or (0, 0, 1))[2]
    batches: list[tuple[Path, list[dict[str, Any]]]] = [(path, [])]
    for document in documents:
        if size >= store.part_bytes and batches[-1][1]:
            number += 1
            path, size = part_path(store.own_directory, moment.year, moment.month, number), 0
            batches.append((path, []))
        batches[-1][1].append(document)
        size += len(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")) + 8
    return [(path, batch) for path, batch in batches if batch]
