"""How the journal folder names its month files, and which file a new entry goes to.

The one place the layout of the entries lives (the store, the quick glance of the reminders and the
conflict copies all ask here), standard library only:

- ``entries-YYYY-MM.json``: the first (often the only) part of a calendar month of ``at``;
- ``entries-YYYY-MM.N.json`` (N = 2, 3, ...): further parts of that month. A new entry goes to the
  month's last part unless that file is already ``PART_BYTES`` or more, when it starts the next part.
  Every part is a TinyDB document of its own; reading a month merges its parts. So a write reads and
  rewrites one part of bounded size, however many entries the month holds (an import may fill a month
  with thousands). A journal without parts is read and written as before; an existing big month file
  stays as it is and new writes go to a new part beside it.

Layout version: ``settings.json``'s table holds a document beside the settings (id ``LAYOUT_DOCUMENT``)
that says the journal's layout: ``{"schema_version": PARTS_VERSION, "layout": "month-parts"}`` was the
first (a month with a second part), ``DEVICES_MARK`` (``DEVICES_VERSION``, device files) the one every
journal gets at its first write now. An older app, which would not see the parts or the device files,
checks every document of the files it reads, meets a newer version and only reads: the rule for every
newer layout. The settings document and the entries keep version 1.

Device files (version ``DEVICES_VERSION``, every journal's layout; a sync tool may share the folder
between devices): each device writes only ``devices/<device id>/`` (the month files and parts above, each
with an ``entries`` table and a ``deleted`` table of deletions), so no file ever has two writers; the
root's month files of the older layouts are moved into the device's folder on first open or write
(``migration``) and read, meanwhile, as a device of their own (id ``""``). Conflict copies a sync tool
leaves beside any month file are read as one more file of that month (``source_key``). How the versions
of an entry merge: ``versions``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

PARTS_VERSION = 2
"""The journal's version once it has month parts (the layout document in ``settings.json``)."""
LAYOUT_DOCUMENT = "2"
"""The id of the layout document in the settings table (the settings themselves are document 1)."""
LAYOUT_MARK = {"schema_version": PARTS_VERSION, "layout": "month-parts"}

DEVICES_VERSION = 3
"""The journal's version once it is written in device files (the layout document then says so)."""
DEVICES_MARK = {"schema_version": DEVICES_VERSION, "layout": "device-files"}
DEVICES_DIR = "devices"
"""The folder of the device folders, in the journal folder."""
DELETED_TABLE = "deleted"
"""The table of deletions in a device's month file: ``{"schema_version": 1, "id": ..., "recorded": ...}``."""
LEGACY_DEVICE = ""
"""The device of the root's month files (the older layouts): below every device id in a tie."""
DEVICE_ID = re.compile(r"^[0-9a-z]{4,32}$")

PART_BYTES = 64 * 1024
"""A part this size or larger gets no new entries: the next one starts a new part. About 140 check-ins, or a
month of about 4 entries a day (about 60 KB), so a write costs at most what it costs at the end of an
ordinary month."""

MONTH_PART = re.compile(r"^entries-(\d{4})-(\d{2})(?:\.([2-9]|[1-9][0-9]{1,5}))?\.json$")

CONFLICT_COPY = re.compile(
    r"^(?P<original>entries-\d{4}-\d{2}(?:\.[1-9][0-9]{0,5})?|settings)"
    r"(?:\.sync-conflict-[0-9A-Za-z-]+|\s\([^()/]*conflicted copy[^()/]*\))"
    r"\.json$",
    re.IGNORECASE,
)
"""A copy a sync tool left beside a month file or settings.json (``conflicts`` lists the names)."""

PartKey = tuple[int, int, int]
"""(year, month, part): part 1 is ``entries-YYYY-MM.json``."""


def part_key(path: Path) -> PartKey | None:
    """The (year, month, part) of a month file's name; None for any other file."""
    match = MONTH_PART.match(path.name)
    if match is None:
        return None
    return int(match[1]), int(match[2]), int(match[3] or 1)


def part_path(directory: Path, year: int, month: int, part: int = 1) -> Path:
    number = "" if part == 1 else f".{part}"
    return directory / f"entries-{year:04d}-{month:02d}{number}.json"


def month_parts(listing: Iterable[Path]) -> list[Path]:
    """The month files among ``listing``, oldest month first and each month's parts in order."""
    keyed = [(key, path) for path in listing if (key := part_key(path)) is not None]
    return [path for _, path in sorted(keyed)]


def parts_of(listing: Iterable[Path], year: int, month: int) -> list[Path]:
    """The parts of one month among ``listing``, in order (empty if it has none yet)."""
    return [path for path in month_parts(listing) if part_key(path)[:2] == (year, month)]  # type: ignore[index]


def part_for_writing(
    directory: Path, year: int, month: int, parts: list[Path], size: int | None, part_bytes: int = PART_BYTES
) -> Path:
    """Where a new entry of this month goes: its last part, or the next one when the last is full.

    ``parts`` are the month's parts in order, ``size`` the last one's size in bytes (None if unknown),
    ``part_bytes`` the bound.
    """
    if not parts:
        return part_path(directory, year, month)
    last = parts[-1]
    if size is None or size < part_bytes:
        return last
    return part_path(directory, year, month, part_key(last)[2] + 1)  # type: ignore[index]


def source_key(path: Path) -> PartKey | None:
    """The (year, month, part) of a month file or of a sync tool's conflict copy of one; None otherwise."""
    key = part_key(path)
    if key is not None:
        return key
    match = CONFLICT_COPY.match(path.name)
    if match is None or match["original"].lower() == "settings":
        return None
    return part_key(path.with_name(f"{match['original'].lower()}.json"))


def device_of(path: Path) -> str:
    """The device whose folder holds ``path`` (``LEGACY_DEVICE`` for the journal folder's own files)."""
    parent = path.parent
    return parent.name if parent.parent.name == DEVICES_DIR and DEVICE_ID.match(parent.name) else LEGACY_DEVICE


def sources(listing: Iterable[Path], key: Callable[[Path], PartKey | None] = source_key) -> list[Path]:
    """The month files and their conflict copies among ``listing``, oldest month first (each month's files
    in part order, then by name)."""
    keyed = [(found, path.name, path) for path in listing if (found := key(path)) is not None]
    return [path for *_, path in sorted(keyed)]
