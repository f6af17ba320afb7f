"""Getting the journal out and back in: ``export``, ``import``, and ``merge`` for a copy a sync tool left."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from pydantic import ValidationError

from trainer.cli.common import When, journal_errors, report_problems
from trainer.cli.context import Context
from trainer.cli.output import say, say_data
from trainer.journal.export import ExportFileError, read_json_export, write_private_file
from trainer.journal.limits import explain
from trainer.services.exports import FORMATS, render_export
from trainer.wording import plural

# --- export -----------------------------------------------------------------------------------

EXPORT_EPILOG = """\b
Examples:
  backtrainer export --format md --out back-report.md
  backtrainer export --format csv --since 2026-09-01 > journal.csv
  backtrainer export --format json --out backup.json

\b
csv: one row per entry (oldest first), for a spreadsheet.
json: every field of every entry; restore it with 'backtrainer import'.
md: a report for a physiotherapist or doctor (trends, sessions, the coach's
dose history and goals, leg symptoms).

\b
WHEN is as for 'backtrainer journal': today, yesterday, 3 days ago, monday,
YYYY-MM-DD ... A day without a time means from its start. Files written with
--out are readable by you only (mode 0600).
"""


def _write_out(out: Path, payload: bytes, force: bool) -> None:
    try:
        write_private_file(out, payload, overwrite=force)
    except FileExistsError:
        raise click.ClickException(f"{out} already exists; nothing was written (add --force to replace it)") from None
    except IsADirectoryError:
        raise click.ClickException(f"{out} is a folder; give a file name") from None
    except FileNotFoundError:
        raise click.ClickException(f"cannot write {out}: the folder {out.parent} does not exist") from None
    except OSError as error:
        raise click.ClickException(f"cannot write {out} ({error.strerror or error})") from None


@click.command("export", epilog=EXPORT_EPILOG)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    required=True,
    help="csv (spreadsheet), json (full backup) or md (report to share).",
)
@click.option("--since", type=When(start_of_day=True), metavar="WHEN", help="Only entries from then on.")
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write to FILE instead of standard output; never replaces a file unless --force.",
)
@click.option("--force", is_flag=True, help="With --out: replace FILE if it exists.")
@click.option(
    "--pseudonym",
    metavar="NAME",
    help="With --format json: a name for the export's header instead of yours (for a physiotherapist who "
    "reads several people's exports).",
)
@click.pass_obj
def export(
    context: Context, fmt: str, since: datetime | None, out: Path | None, force: bool, pseudonym: str | None
) -> None:
    """Export the journal as CSV, JSON or a Markdown report.

    Writes to standard output unless --out is given; a note of how many
    entries went where goes to standard error.
    """
    if pseudonym is not None and fmt != "json":
        raise click.UsageError("--pseudonym goes with --format json (the header of a JSON export)")
    store = context.store()
    current = context.now()
    with journal_errors(store):
        try:
            text, count = render_export(fmt, store, since, current, pseudonym)
        except ValidationError as error:
            reasons = "; ".join(explain(detail) for detail in error.errors())
            raise click.BadParameter(reasons, param_hint="'--pseudonym'") from None
    report_problems(store)
    entries = plural(count, "entry", "entries")
    if out is None:
        say_data(text)
        say(f"Exported {entries} ({fmt}) to standard output.", err=True)
        return
    _write_out(out, text.encode("utf-8"), force)
    say(f"Exported {entries} ({fmt}) to {out}", err=True)


# --- import -----------------------------------------------------------------------------------


@click.command(
    "import",
    epilog="\b\nExamples:\n  backtrainer export --format json --out backup.json\n  backtrainer import backup.json",
)
@click.argument("file", metavar="FILE.json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_(context: Context, file: Path) -> None:
    """Restore entries from a JSON export ('backtrainer export --format json').

    Entries already in the journal (same id) are left as they are, so
    importing a file twice adds nothing the second time. If anything in the
    file is wrong, nothing is imported and the problem is named.
    """
    try:
        entries = read_json_export(file, context.now())
    except ExportFileError as error:
        raise click.ClickException(str(error)) from None
    store = context.store()
    with journal_errors(store):
        added, skipped = store.import_entries(entries)
    were = "was" if skipped == 1 else "were"
    say(f"Added {plural(added, 'entry', 'entries')}; {skipped} {were} already in the journal.")


MERGE_EPILOG = """\b
Example:
  backtrainer merge "~/backtrainer/journal/entries-2026-11 (conflicted copy 2026-11-30).json"

\b
Copies named like these are found in the journal folder and named on
standard error by every command until they are merged:
  entries-2026-11.sync-conflict-20261130-123456-ABCDEFG.json   (Syncthing)
  entries-2026-11 (conflicted copy 2026-11-30).json            (Dropbox, Nextcloud)
"""


@click.command("merge", epilog=MERGE_EPILOG)
@click.argument("file", metavar="FILE", type=click.Path(path_type=Path))
@click.pass_obj
def merge(context: Context, file: Path) -> None:
    """Bring in the entries of a copy of a journal month file, such as a
    conflict copy a sync tool (Syncthing, Dropbox, Nextcloud) left beside
    one.

    Entries not in the journal are added; for an entry in both, the version
    saved last is kept. If any entry in FILE is wrong, nothing is merged and
    the entry and field are named. Once merged, FILE is renamed (NAME.json
    becomes NAME.merged-STAMP.json.bak): kept, and no longer reported.
    """
    store = context.store()
    with journal_errors(store):
        result = store.merge(file, now=context.now)
    say(f"{result}. The copy is kept as {result.kept_as}.")
