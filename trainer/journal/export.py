"""Journal entries out to CSV and JSON, and back in from a JSON export.

- CSV: one row per entry, one column per field of any kind (empty where a
  kind has no such field), lists joined with "; ". The coach's decisions and
  reviews share the columns that fit (a decision's exercise name is its title). Cells that a spreadsheet
  would run as a formula (starting with = + - @, a tab or a carriage return)
  get a leading apostrophe.
- JSON: ``{"format": "backtrainer-journal", "schema_version": 1,
  "exported_at": ..., "app_version": ..., "time_zone": ..., "pseudonym": ...,
  "entries": [...]}``, each entry exactly as the journal stores it, so an
  export restores every field (the format: ``export_format``, and its JSON
  Schema in ``content/schema/journal-export.schema.json``).

A file to import must be a regular file of at most ``MAX_FILE_BYTES``
(64 MB) whose JSON nests at most ``MAX_JSON_DEPTH`` (64) levels (an export
uses 5); anything else is refused with a message before a byte of it is
validated (``trainer.files``).
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import ConfigDict, TypeAdapter, ValidationError

from trainer.files import NESTED_TOO_DEEP, FileReadError, read_regular_file, too_deep
from trainer.journal.export_format import EXPORT_FORMAT, EXPORT_SCHEMA_VERSION, JournalExport, time_zone_label
from trainer.journal.limits import explain
from trainer.journal.models import (
    JOURNAL_SCHEMA_VERSION,
    AnyEntry,
    CheckIn,
    Decision,
    Entry,
    ReminderPrompt,
    Review,
    SessionRecord,
    WeeklyCheck,
    utc_now,
)
from trainer.journal.storage import TEMP_SUFFIX, atomic_write, fsync_directory
from trainer.journal.when import entry_time_problem
from trainer.wording import plural

LIST_SEPARATOR = "; "
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_PROBLEMS_SHOWN = 5

CSV_COLUMNS = (
    "kind",
    "id",
    "date",
    "time",
    "at",
    "pain_now",
    "pain_average",
    "where",
    "leg_symptoms",
    "leg_side",
    "helped",
    "triggers",
    "walked_minutes",
    "sleep_quality",
    "notes",
    "title",
    "routine_id",
    "exercise_id",
    "ended",
    "minutes",
    "completion",
    "ended_how",
    "stop_reason",
    "pain_before",
    "pain_peak",
    "pain_after",
    "effort",
    "exercises",
    "activity_interference",
    "enjoyment_interference",
    "global_change",
    "reminder",
    "outcome",
    "outcome_at",
    "channel",
    "postpones",
    "session_worse",
    "session_id",
    "programme_id",
    "week",
    "verdict",
    "choice",
    "from_dose",
    "to_dose",
    "reason",
    "trend",
    "goals",
    "recorded",
)

_ENTRY: TypeAdapter[AnyEntry] = TypeAdapter(Entry, config=ConfigDict(defer_build=True))


class ExportFileError(ValueError):
    """A file that cannot be imported; the message names the file and what is wrong where."""


# --- CSV ---------------------------------------------------------------------------


def safe_cell(value: object) -> str:
    """The cell's text, with an apostrophe before anything a spreadsheet would run as a formula."""
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _number(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".")


def _row(entry: AnyEntry) -> dict[str, object]:
    row: dict[str, object] = {
        "kind": entry.kind,
        "id": entry.id,
        "date": entry.at.date().isoformat(),
        "time": entry.at.strftime("%H:%M"),
        "at": entry.at.isoformat(),
        "recorded": entry.recorded.isoformat(),
    }
    if isinstance(entry, CheckIn):
        row.update(
            pain_now=entry.pain_now,
            pain_average=entry.pain_average,
            where=LIST_SEPARATOR.join(entry.where),
            leg_symptoms=LIST_SEPARATOR.join(entry.leg_symptoms),
            leg_side=entry.leg_side or "",
            helped=LIST_SEPARATOR.join(entry.helped),
            triggers=LIST_SEPARATOR.join(entry.triggers),
            walked_minutes=entry.walked_minutes,
            sleep_quality=entry.sleep_quality,
            notes=entry.notes,
            session_worse=_yes_no(entry.session_worse),
            session_id=entry.about_session,
        )
    elif isinstance(entry, SessionRecord):
        row.update(
            title=entry.title,
            routine_id=entry.routine_id,
            exercise_id=entry.exercise_id,
            ended=entry.ended.isoformat(),
            minutes=_number(entry.minutes),
            completion=_number(entry.completion),
            ended_how=entry.ended_how,
            stop_reason=entry.stop_reason,
            pain_before=entry.pain_before,
            pain_peak=entry.pain_peak,
            pain_after=entry.pain_after,
            effort=entry.effort,
            exercises=LIST_SEPARATOR.join(
                f"{done.name} {done.sets_done}/{done.sets_planned} sets" for done in entry.exercises
            ),
            notes=entry.note,
        )
    elif isinstance(entry, ReminderPrompt):
        row.update(
            reminder=entry.reminder,
            outcome=entry.outcome,
            outcome_at=entry.outcome_at.isoformat(),
            channel=entry.channel,
            postpones=entry.postpones,
        )
    elif isinstance(entry, WeeklyCheck):
        row.update(
            activity_interference=entry.activity_interference,
            enjoyment_interference=entry.enjoyment_interference,
            global_change=entry.global_change,
        )
    elif isinstance(entry, Decision):
        row.update(
            title=entry.name,
            exercise_id=entry.exercise_id,
            session_id=entry.session_id,
            programme_id=entry.programme_id,
            verdict=entry.verdict,
            choice=entry.choice,
            from_dose=entry.from_dose,
            to_dose=entry.to_dose,
            reason=entry.reason,
        )
    elif isinstance(entry, Review):
        row.update(
            programme_id=entry.programme_id,
            week=entry.week,
            trend=entry.trend,
            goals=LIST_SEPARATOR.join(f"{rating.goal}: {rating.rating}/10" for rating in entry.goals),
            outcome=entry.outcome,
            reason=LIST_SEPARATOR.join(entry.reasons),
            notes=entry.notes,
        )
    return row


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else ("yes" if value else "no")


def to_csv(entries: Iterable[AnyEntry]) -> str:
    """A header row, then one row per entry in the order given."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for entry in entries:
        row = _row(entry)
        writer.writerow([safe_cell(row.get(column)) for column in CSV_COLUMNS])
    return buffer.getvalue()


# --- JSON --------------------------------------------------------------------------


def to_json(
    entries: Iterable[AnyEntry],
    exported_at: datetime,
    *,
    app_version: str | None = None,
    pseudonym: str | None = None,
) -> str:
    """The JSON export (``export_format.JournalExport``; a pseudonym that breaks its rules raises
    ``ValidationError``)."""
    header = JournalExport(
        exported_at=exported_at,
        app_version=app_version,
        time_zone=time_zone_label(exported_at),
        pseudonym=pseudonym,
        entries=[],
    ).model_dump(mode="json", exclude_none=True)
    document = {**header, "entries": [entry.model_dump(mode="json") for entry in entries]}
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _load(path: Path) -> Any:
    try:
        raw = read_regular_file(path)
    except FileReadError as error:
        raise ExportFileError(f"{path}: cannot be read: {error.reason}; nothing was imported") from None
    if not raw.strip():
        raise ExportFileError(f"{path}: the file is empty; expected a backtrainer journal export (JSON)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExportFileError(f"{path}: the file is not UTF-8 text; expected a backtrainer journal export") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ExportFileError(
            f"{path}: not valid JSON at line {error.lineno}, column {error.colno} ({error.msg}); "
            "the file may be cut short or edited by hand"
        ) from None
    except RecursionError:
        raise ExportFileError(f"{path}: {NESTED_TOO_DEEP}; nothing was imported") from None
    deep = too_deep(text)
    if deep is not None:
        raise ExportFileError(f"{path}: {deep}; nothing was imported")
    return data


def _entry_problems(index: int, document: object, now: datetime) -> list[str]:
    where = f"entries[{index}]"
    if not isinstance(document, dict):
        return [f"{where}: expected a JSON object, found {type(document).__name__}"]
    kind, version = document.get("kind"), document.get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > JOURNAL_SCHEMA_VERSION:
        return [
            f"{where}: written by a newer backtrainer (entry version {version}; this one knows "
            f"{JOURNAL_SCHEMA_VERSION}); update backtrainer to import it"
        ]
    try:
        entry = _ENTRY.validate_python(document)
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            location = list(detail["loc"])
            if location and location[0] == kind:
                location = location[1:]  # the discriminator's tag, not a field
            field = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in location)
            problems.append(f"{where}{field}: {explain(detail)}")
        return problems
    problem = entry_time_problem(entry.at, now)
    return [f"{where}.at: {problem}"] if problem is not None else []


def read_json_export(path: Path, now: datetime | None = None) -> list[AnyEntry]:
    """The entries of a JSON export, all validated and dated from 2000 to ``now`` (this machine's clock unless
    given); ``ExportFileError`` if anything is wrong."""
    current = now if now is not None else utc_now()
    data = _load(path)
    if not isinstance(data, dict) or data.get("format") != EXPORT_FORMAT:
        marker = data.get("format") if isinstance(data, dict) else None
        found = f"its format is {marker!r}" if marker is not None else "it has no format marker"
        raise ExportFileError(
            f"{path}: not a backtrainer journal export ({found}; expected a JSON object with "
            f'"format": "{EXPORT_FORMAT}", as written by "backtrainer export --format json")'
        )
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ExportFileError(f"{path}: schema_version is missing or not a whole number (found {version!r})")
    if version > EXPORT_SCHEMA_VERSION:
        raise ExportFileError(
            f"{path}: written by a newer backtrainer (export version {version}; this one reads up to "
            f"{EXPORT_SCHEMA_VERSION}); update backtrainer to import it"
        )
    if version < 1:
        raise ExportFileError(f"{path}: schema_version {version} is not a known export version")
    documents = data.get("entries")
    if not isinstance(documents, list):
        raise ExportFileError(f"{path}: 'entries' is missing or not a list")
    problems = [
        problem for index, document in enumerate(documents) for problem in _entry_problems(index, document, current)
    ]
    if problems:
        shown = problems[:MAX_PROBLEMS_SHOWN]
        more = len(problems) - len(shown)
        lines = "\n  ".join(shown + ([f"... and {more} more"] if more else []))
        count = plural(len(problems), "problem")
        raise ExportFileError(f"{path}: {count}; nothing was imported:\n  {lines}")
    return [_ENTRY.validate_python(document) for document in documents]


# --- writing a file -------------------------------------------------------------------


def write_private_file(path: Path, payload: bytes, *, overwrite: bool = False) -> None:
    """Write ``payload`` to ``path`` all at once, readable by the owner only (0600).

    Without ``overwrite``, raises ``FileExistsError`` if ``path`` exists, even
    when it appears while writing (the finished file is hard-linked into
    place, which fails rather than replacing anything).
    """
    if overwrite:
        atomic_write(path, payload)
        return
    if path.exists() or path.is_symlink():
        raise FileExistsError(path)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:
            # a file system without hard links: fall back to a checked replace
            if path.exists():
                raise FileExistsError(path) from None
            os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    fsync_directory(path.parent)
