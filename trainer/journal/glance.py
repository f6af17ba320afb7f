"""A quick look at the journal for the reminders: the reminder settings and this week's entries.

``backtrainer status`` runs in a status bar every 15 s, so this reads with the standard library only: no
pydantic, no TinyDB, no lock (every write replaces a file whole, so a reader sees the old file or the
new one). It reads only the month files that can hold this week, through ``trainer.files`` like every
other read (regular files only, never through a symbolic link, size and nesting limits), and keeps only
the facts whose values pass (``reminders.fact_of``); a file that cannot be read is counted and left out.
The store's rules are followed where they matter: settings from a newer version of the app, or that do
not pass, read as the defaults (reminders off); every device's files are merged by the rule of
``versions`` (the version or deletion recorded last wins).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from trainer.journal.layout import DELETED_TABLE, device_of, part_path, source_key
from trainer.journal.quick_read import Unreadable, month_files, read_json, settings_document
from trainer.journal.reminders import (
    Fact,
    JournalFacts,
    ReminderRules,
    fact_of,
    gather,
    rules_from_document,
)
from trainer.journal.versions import Merge, deletion_key, recorded_at, version_key

ENTRIES_TABLE = "entries"
ZONE_SLACK = timedelta(days=2)
"""As the store: month files are named by the month of an entry's time in its own zone."""


def _documents(data: dict[str, Any] | None, table: str) -> list[Any]:
    documents = (data or {}).get(table, {})
    return list(documents.values()) if isinstance(documents, dict) else []


def month_file(directory: Path, year: int, month: int) -> Path:
    return part_path(directory, year, month)


def _month_parts(directory: Path, months: list[tuple[int, int]]) -> list[Path]:
    """Every file of these months, of every device; the first part of each when the folder cannot be listed."""
    found = month_files(directory)
    if found is None:
        return [month_file(directory, year, month) for year, month in months]
    wanted = set(months)
    return [path for path in found if (source_key(path) or (0, 0, 0))[:2] in wanted]


def months_between(first: datetime, last: datetime) -> list[tuple[int, int]]:
    months = []
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True)
class Glance:
    rules: ReminderRules
    facts: JournalFacts
    settings_unreadable: bool = False


def read_rules(directory: Path) -> tuple[ReminderRules, bool]:
    """The reminder rules from ``settings.json`` (the defaults when there are none), and whether the file
    could not be used."""
    settings = settings_document(directory)
    if settings is None:
        return ReminderRules(), True
    try:
        return rules_from_document(settings.get("reminders"), settings.get("sessions_per_week_goal")), False
    except ValueError:
        return ReminderRules(), True


def read_facts(directory: Path, since: datetime, until: datetime) -> JournalFacts:
    """Check-ins, sessions and prompts with ``since <= at <= until``, from the month files that can hold them."""
    merge: Merge[Fact | None] = Merge(repr)
    unreadable = 0
    for path in _month_parts(directory, months_between(since - ZONE_SLACK, until + ZONE_SLACK)):
        try:
            data = read_json(path)
        except Unreadable:
            unreadable += 1
            continue
        device = device_of(path)
        for document in _documents(data, ENTRIES_TABLE):
            fact = fact_of(document)
            identifier = document.get("id") if isinstance(document, dict) else None
            if fact is None and not isinstance(identifier, str):
                continue
            key = identifier if isinstance(identifier, str) else f"#{id(document)}"
            merge.offer(key, version_key(recorded_at(document.get("recorded")), device), fact)
        for document in _documents(data, DELETED_TABLE):
            if isinstance(document, dict) and isinstance(document.get("id"), str):
                merge.offer(document["id"], deletion_key(recorded_at(document.get("recorded")), device), None)
    facts = []
    for _, fact in merge.winners():
        if fact is None:
            continue
        moment = fact if isinstance(fact, datetime) else fact.at
        if since <= moment <= until:
            facts.append(fact)
    return gather(facts, unreadable)


def week_start(now: datetime) -> datetime:
    """Midnight of the Monday of ``now``'s week, in its zone."""
    monday = now.date() - timedelta(days=now.weekday())
    return datetime.combine(monday, datetime.min.time(), tzinfo=now.tzinfo)


def glance(directory: Path, now: datetime) -> Glance:
    """What the schedule needs at ``now``: the rules, and the entries from the start of this week."""
    rules, settings_unreadable = read_rules(directory)
    facts = read_facts(directory, week_start(now), now + timedelta(days=1)) if rules.enabled else JournalFacts()
    return Glance(rules, facts, settings_unreadable)
