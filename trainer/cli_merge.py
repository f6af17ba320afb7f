"""``backtrainer merge FILE``, and the note every command prints about copies left by sync tools."""

from __future__ import annotations

from pathlib import Path

import click

from trainer.cli_journal import journal_errors
from trainer.cli_output import say
from trainer.journal.store import JournalError, JournalStore
from trainer.paths import Paths

MERGE_EPILOG = """\b
Example:
  backtrainer merge "~/backtrainer/journal/entries-2026-11 (conflicted copy 2026-11-30).json"

\b
Copies named like these are found in the journal folder and named on
standard error by every command until they are merged:
  entries-2026-11.sync-conflict-20261130-123456-ABCDEFG.json   (Syncthing)
  entries-2026-11 (conflicted copy 2026-11-30).json            (Dropbox, Nextcloud)
"""


def report_conflict_copies(paths: Paths) -> None:
    """Name, on standard error, each copy a sync tool left in the journal folder, and how to merge it."""
    try:
        copies = JournalStore(paths.journal_dir).conflict_copies()
    except JournalError:
        return  # the command itself says what is wrong with the folder
    for copy in copies:
        say(f"Note: {copy.advice(paths.profile)}", err=True)


@click.command("merge", epilog=MERGE_EPILOG)
@click.argument("file", metavar="FILE", type=click.Path(path_type=Path))
@click.pass_obj
def merge(paths: Paths, file: Path) -> None:
    """Bring in the entries of a copy of a journal month file, such as a
    conflict copy a sync tool (Syncthing, Dropbox, Nextcloud) left beside
    one.

    Entries not in the journal are added; for an entry in both, the version
    saved last is kept. If any entry in FILE is wrong, nothing is merged and
    the entry and field are named. Once merged, FILE is renamed (NAME.json
    becomes NAME.merged-STAMP.json.bak): kept, and no longer reported.
    """
    store = JournalStore(paths.journal_dir)
    with journal_errors(store):
        result = store.merge(file)
    say(f"{result}. The copy is kept as {result.kept_as}.")
