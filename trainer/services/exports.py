"""The journal as a file to hand on: a Markdown report, CSV or JSON (``backtrainer export``, and the
Journal screen's export, which saves it in the data folder in a terminal and offers it as a download in
a browser)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from trainer import __version__
from trainer.journal.export import to_csv, to_json, write_private_file
from trainer.journal.store import JournalStore
from trainer.reports.markdown import markdown_report
from trainer.reports.summary import summary_entries

FORMATS = ("csv", "json", "md")

EXPORTS_FOLDER = "exports"
"""The folder inside the data folder where the app saves exports in a terminal."""


@dataclass(frozen=True)
class FormatInfo:
    name: str
    """What the person is offered ("report for a physiotherapist or doctor")."""
    stem: str
    """The file name's start."""
    mime_type: str


FORMAT_INFO = {
    "md": FormatInfo("a report for a physiotherapist or doctor (Markdown)", "backtrainer-report", "text/markdown"),
    "csv": FormatInfo("a spreadsheet of every entry (CSV)", "backtrainer-journal", "text/csv"),
    "json": FormatInfo("a full backup, for 'backtrainer import' (JSON)", "backtrainer-backup", "application/json"),
}


@dataclass(frozen=True)
class ExportFile:
    """One export, ready to save or to offer as a download."""

    fmt: str
    text: str
    entries: int
    file_name: str

    @property
    def mime_type(self) -> str:
        return FORMAT_INFO[self.fmt].mime_type


def render_export(
    fmt: str, store: JournalStore, since: datetime | None, current: datetime, pseudonym: str | None = None
) -> tuple[str, int]:
    """The export text and the number of entries in it. The report compares with the first week, even
    before ``since``: it reads the period and the first weeks (``summary_entries``). A JSON export's
    header names the app version, the time zone and ``pseudonym`` (``ValidationError`` if it breaks the
    rules for text)."""
    if fmt == "md":
        start = since.date() if since is not None else None
        everything = store.entries() if start is None else summary_entries(store, current.date(), start=start)
        settings = store.load_settings()
        goals = settings.programme.answers.goals if settings.programme is not None else []
        in_period = [entry for entry in everything if since is None or entry.at >= since]
        text = markdown_report(everything, current.date(), start, settings.sessions_per_week_goal, current, goals)
        return text, len(in_period)
    entries = list(reversed(store.entries(since=since)))  # oldest first
    if fmt == "csv":
        return to_csv(entries), len(entries)
    return to_json(entries, current, app_version=__version__, pseudonym=pseudonym), len(entries)


def journal_export(fmt: str, store: JournalStore, current: datetime) -> ExportFile:
    """The whole journal in ``fmt``, with a file name that says what and when (raises ``JournalError``)."""
    text, count = render_export(fmt, store, None, current)
    return ExportFile(fmt, text, count, f"{FORMAT_INFO[fmt].stem}-{current:%Y-%m-%d}.{fmt}")


def save_export(data_dir: Path, export: ExportFile) -> Path:
    """Write ``export`` into the data folder's exports folder (owner-only, 0600), never over another file:
    a second export on the same day gets ``-2``, ``-3``... Raises ``OSError``."""
    folder = data_dir / EXPORTS_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    stem, _, suffix = export.file_name.rpartition(".")
    for number in range(1, 1000):
        path = folder / (export.file_name if number == 1 else f"{stem}-{number}.{suffix}")
        try:
            write_private_file(path, export.text.encode("utf-8"))
        except FileExistsError:
            continue
        return path
    raise FileExistsError(folder / export.file_name)
