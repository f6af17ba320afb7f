"""CSV and JSON export, reading a JSON export back, and private export files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

from trainer.journal.export import (
    CSV_COLUMNS,
    ExportFileError,
    read_json_export,
    safe_cell,
    to_csv,
    to_json,
    write_private_file,
)
from trainer.journal.models import AnyEntry, CheckIn, ExerciseDone, SessionRecord, WeeklyCheck

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 24, 18, 30, tzinfo=ZONE)
AWKWARD_NOTE = 'Sat badly, then "walked it off", felt better\nsecond line; third, with commas'


def check_in(**changes: Any) -> CheckIn:
    data: dict[str, Any] = {"at": NOW - timedelta(days=1), "pain_now": 4}
    return CheckIn.model_validate(data | changes)


def session(**changes: Any) -> SessionRecord:
    data: dict[str, Any] = {
        "at": NOW - timedelta(hours=2),
        "ended": NOW - timedelta(hours=2) + timedelta(minutes=12, seconds=30),
        "title": "Gentle morning",
        "routine_id": "gentle-morning",
        "exercises": [
            ExerciseDone(exercise_id="bird-dog", name="Bird-dog", sets_planned=2, sets_done=2),
            ExerciseDone(exercise_id="plank", name="Plank", sets_planned=3, sets_done=1),
        ],
        "pain_before": 4,
        "pain_peak": 5,
        "pain_after": 3,
        "effort": 6,
        "completion": 0.75,
        "ended_how": "stopped-choice",
        "stop_reason": "out-of-time",
        "note": "Knees felt fine",
    }
    return SessionRecord.model_validate(data | changes)


def weekly(**changes: Any) -> WeeklyCheck:
    data: dict[str, Any] = {
        "at": NOW - timedelta(days=3),
        "activity_interference": 5,
        "enjoyment_interference": 3,
        "global_change": "a-little-better",
    }
    return WeeklyCheck.model_validate(data | changes)


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


# --- CSV ---------------------------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_entry_in_order() -> None:
    entries: list[AnyEntry] = [weekly(), check_in(), session()]
    text = to_csv(entries)
    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header) == CSV_COLUMNS
    found = rows(text)
    assert [row["kind"] for row in found] == ["weekly-check", "check-in", "session"]
    assert [row["id"] for row in found] == [entry.id for entry in entries]


def test_csv_check_in_columns() -> None:
    entry = check_in(
        pain_average=3,
        where=["lower-back-centre", "buttock-left"],
        leg_symptoms=["tingling"],
        helped=["heat", "walk"],
        triggers=["sitting", "lifting"],
        walked_minutes=20,
        sleep_quality=6,
        notes=AWKWARD_NOTE,
    )
    (row,) = rows(to_csv([entry]))
    assert row["date"] == "2026-11-23"
    assert row["time"] == "18:30"
    assert row["at"] == "2026-11-23T18:30:00+01:00"
    assert row["pain_now"] == "4"
    assert row["pain_average"] == "3"
    assert row["where"] == "lower-back-centre; buttock-left"
    assert row["leg_symptoms"] == "tingling"
    assert row["helped"] == "heat; walk"
    assert row["triggers"] == "sitting; lifting"
    assert row["walked_minutes"] == "20"
    assert row["sleep_quality"] == "6"
    assert row["notes"] == AWKWARD_NOTE, "commas, quotes and line breaks survive csv.reader"
    assert row["title"] == row["pain_before"] == row["global_change"] == ""


def test_csv_session_and_weekly_columns() -> None:
    session_row, weekly_row = rows(to_csv([session(), weekly()]))
    assert session_row["title"] == "Gentle morning"
    assert session_row["routine_id"] == "gentle-morning"
    assert session_row["exercise_id"] == ""
    assert session_row["minutes"] == "12.5"
    assert session_row["completion"] == "0.75"
    assert session_row["ended_how"] == "stopped-choice"
    assert session_row["stop_reason"] == "out-of-time"
    assert (session_row["pain_before"], session_row["pain_peak"], session_row["pain_after"]) == ("4", "5", "3")
    assert session_row["effort"] == "6"
    assert session_row["exercises"] == "Bird-dog 2/2 sets; Plank 1/3 sets"
    assert session_row["notes"] == "Knees felt fine"
    assert session_row["pain_now"] == ""
    assert weekly_row["activity_interference"] == "5"
    assert weekly_row["enjoyment_interference"] == "3"
    assert weekly_row["global_change"] == "a-little-better"


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20 7946 0000", "'+44 20 7946 0000"),
        ("-2", "'-2"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain = fine", "plain = fine"),
        ("", ""),
        (None, ""),
        (4, "4"),
    ],
)
def test_safe_cell_neutralises_formulas(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


def test_csv_neutralises_formulas_in_user_text() -> None:
    entries: list[AnyEntry] = [
        check_in(notes='=HYPERLINK("http://example.invalid","x")', triggers=["+cmd", "@x", "-y"]),
        session(title="=2*3", note="\tindented"),
    ]
    first, second = rows(to_csv(entries))
    assert first["notes"] == '\'=HYPERLINK("http://example.invalid","x")'
    assert first["triggers"] == "'+cmd; @x; -y"
    assert second["title"] == "'=2*3"
    assert second["notes"] == "'\tindented"
    for row in (first, second):
        for column, cell in row.items():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), column


def test_csv_of_nothing_is_just_the_header() -> None:
    assert to_csv([]) == ",".join(CSV_COLUMNS) + "\n"


# --- JSON --------------------------------------------------------------------------------


def write_export(path: Path, entries: list[AnyEntry]) -> Path:
    path.write_text(to_json(entries, NOW), encoding="utf-8")
    return path


def test_json_export_document() -> None:
    entries: list[AnyEntry] = [check_in(notes="Ça va — 背中"), session(), weekly()]
    text = to_json(entries, NOW)
    document = json.loads(text)
    assert document["format"] == "backtrainer-journal"
    assert document["schema_version"] == 1
    assert document["exported_at"] == "2026-11-24T18:30:00+01:00"
    assert document["entries"] == [entry.model_dump(mode="json") for entry in entries]
    assert "背中" in text, "UTF-8, not \\u escapes"
    assert text.startswith('{\n  "format"'), "pretty-printed"


def test_json_round_trip(tmp_path: Path) -> None:
    entries: list[AnyEntry] = [check_in(notes=AWKWARD_NOTE, where=["leg-left-below-knee"]), session(), weekly()]
    again = read_json_export(write_export(tmp_path / "backup.json", entries))
    assert again == entries
    assert [entry.model_dump(mode="json") for entry in again] == [entry.model_dump(mode="json") for entry in entries]


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + to_json([check_in()], NOW).encode("utf-8"))
    assert len(read_json_export(path)) == 1


def broken(tmp_path: Path, content: str | bytes) -> Path:
    path = tmp_path / "broken.json"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def export_with(documents: Any, **top: Any) -> str:
    document = {"format": "backtrainer-journal", "schema_version": 1, "exported_at": NOW.isoformat()}
    return json.dumps(document | {"entries": documents} | top)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("", "the file is empty"),
        ("  \n ", "the file is empty"),
        (b"\xff\xfe\x00{", "not UTF-8 text"),
        ('{"format": "backtrainer-journal",\n  "entries": [}', "not valid JSON at line 2, column 15"),
        ("[1, 2]", "not a backtrainer journal export (it has no format marker"),
        ('{"entries": []}', "not a backtrainer journal export (it has no format marker"),
        ('{"format": "something-else", "entries": []}', "its format is 'something-else'"),
        (
            export_with([], schema_version=2),
            "written by a newer backtrainer (export version 2; this one reads up to 1)",
        ),
        (export_with([], schema_version="1"), "schema_version is missing or not a whole number"),
        (export_with([], schema_version=0), "schema_version 0 is not a known export version"),
        (export_with({"a": 1}), "'entries' is missing or not a list"),
    ],
)
def test_broken_files_are_refused_with_the_file_named(tmp_path: Path, content: str | bytes, reason: str) -> None:
    path = broken(tmp_path, content)
    with pytest.raises(ExportFileError) as raised:
        read_json_export(path)
    assert str(raised.value).startswith(f"{path}: ")
    assert reason in str(raised.value)
    assert isinstance(raised.value, ValueError)


def test_a_bad_entry_is_named_by_index_and_field(tmp_path: Path) -> None:
    good = check_in().model_dump(mode="json")
    bad_pain = check_in().model_dump(mode="json") | {"pain_now": 11}
    bad_place = check_in().model_dump(mode="json") | {"where": ["lower-back-centre", "knee"]}
    unknown = {"kind": "diary", "at": NOW.isoformat()}
    newer = check_in().model_dump(mode="json") | {"schema_version": 7}
    path = broken(tmp_path, export_with([good, bad_pain, bad_place, "text", unknown, newer]))
    with pytest.raises(ExportFileError) as raised:
        read_json_export(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: 5 problems; nothing was imported:")
    assert "entries[1].pain_now: 11 is above 10" in message
    assert "entries[2].where[1]: 'knee' is not known" in message
    assert "entries[3]: expected a JSON object, found str" in message
    assert "entries[4]: 'diary' is not a kind of entry" in message
    assert "entries[5]: written by a newer backtrainer (entry version 7" in message
    assert "entries[0]" not in message


def test_many_problems_are_cut_short(tmp_path: Path) -> None:
    bad = [check_in().model_dump(mode="json") | {"pain_now": 20 + index} for index in range(9)]
    with pytest.raises(ExportFileError) as raised:
        read_json_export(broken(tmp_path, export_with(bad)))
    message = str(raised.value)
    assert "9 problems" in message
    assert "entries[4].pain_now" in message and "entries[5]" not in message
    assert message.endswith("... and 4 more")


def test_a_missing_file_is_an_export_file_error(tmp_path: Path) -> None:
    with pytest.raises(ExportFileError, match="cannot be read"):
        read_json_export(tmp_path / "nope.json")


# --- private files --------------------------------------------------------------------------


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_private(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    write_private_file(target, b"a,b\n")
    assert target.read_bytes() == b"a,b\n"
    assert mode(target) == 0o600
    assert sorted(os.listdir(tmp_path)) == ["out.csv"], "no temporary file is left behind"


def test_an_existing_file_is_never_replaced_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"precious")
    with pytest.raises(FileExistsError):
        write_private_file(target, b"new")
    assert target.read_bytes() == b"precious"
    assert sorted(os.listdir(tmp_path)) == ["out.csv"]


def test_overwrite_replaces_and_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_private_file(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert mode(target) == 0o600


def test_a_dangling_symlink_counts_as_existing(tmp_path: Path) -> None:
    target = tmp_path / "link.csv"
    target.symlink_to(tmp_path / "elsewhere.csv")
    with pytest.raises(FileExistsError):
        write_private_file(target, b"x")
    assert not (tmp_path / "elsewhere.csv").exists()
