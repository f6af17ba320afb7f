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

Layout version: once a month has a second part, the store first adds a document to ``settings.json``'s
table beside the settings, ``{"schema_version": PARTS_VERSION, "layout": "month-parts"}`` (id
``LAYOUT_DOCUMENT``). An older app, which would not see the parts, checks every document of the files it
reads, meets a newer version and only reads: the rule for every newer layout. The settings document and
the entries keep version 1.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

PARTS_VERSION = 2
"""The journal's version once it has month parts (the layout document in ``settings.json``)."""
LAYOUT_DOCUMENT = "2"
"""The id of the layout document in the settings table (the settings themselves are document 1)."""
LAYOUT_MARK = {"schema_version": PARTS_VERSION, "layout": "month-parts"}

PART_BYTES = 64 * 1024
"""A part this size or larger gets no new entries: the next one starts a new part. About 140 check-ins, or a
month of about 4 entries a day (about 60 KB), so a write costs at most what it costs at the end of an
ordinary month."""

MONTH_PART = re.compile(r"^entries-(\d{4})-(\d{2})(?:\.([2-9]|[1-9][0-9]{1,5}))?\.json$")

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
