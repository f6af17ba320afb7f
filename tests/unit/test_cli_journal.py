"""The journal's shell commands: log, journal, stats, export, import (never opens the app)."""

from __future__ import annotations

import csv
import io
import json
import stat
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from trainer.cli import main
from trainer.cli.output import fit
from trainer.engine.insights import summarize
from trainer.journal.models import AnyEntry, CheckIn, ExerciseDone, SessionRecord, WeeklyCheck
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV
from trainer.reports.markdown import markdown_report
from trainer.reports.summary import summary_lines
from trainer.text_rules import one_line
from trainer.wording import display_width

ZONE = timezone(timedelta(hours=1))
FIXED_NOW = datetime(2026, 11, 24, 18, 30, tzinfo=ZONE)  # a Tuesday evening

Run = Callable[..., Result]


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv(HOME_ENV, str(folder))
    return folder


@pytest.fixture
def run(home: Path) -> Run:
    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, list(args), obj=lambda: FIXED_NOW)  # the commands' clock

    return invoke


@pytest.fixture
def store(home: Path) -> JournalStore:
    return JournalStore(home / "journal")


def month_files(home: Path) -> list[Path]:
    return sorted(home.rglob("entries-*.json"))


def at(day: int, hour: int, minute: int = 0, month: int = 11, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


def check_in(when: datetime, pain: int = 4, **changes: Any) -> CheckIn:
    return CheckIn.model_validate({"at": when, "pain_now": pain} | changes)


def session(when: datetime, **changes: Any) -> SessionRecord:
    data: dict[str, Any] = {
        "at": when,
        "ended": when + timedelta(minutes=12),
        "title": "Gentle morning",
        "exercises": [ExerciseDone(exercise_id="bird-dog", name="Bird-dog", sets_planned=2, sets_done=2)],
        "pain_before": 4,
        "pain_after": 3,
        "completion": 1.0,
        "ended_how": "finished",
    }
    return SessionRecord.model_validate(data | changes)


def weekly(when: datetime) -> WeeklyCheck:
    return WeeklyCheck(at=when, activity_interference=5, enjoyment_interference=3, global_change="better")


@pytest.fixture
def seeded(store: JournalStore) -> list[AnyEntry]:
    """Five entries over two months, newest first."""
    entries: list[AnyEntry] = [
        session(at(24, 8, 10)),
        check_in(at(23, 21), 4, pain_average=3, where=["lower-back-centre"], walked_minutes=20),
        weekly(at(22, 10)),
        check_in(at(20, 9), 5, notes='=1+1, "quoted"\nand a second line', triggers=["sitting"]),
        check_in(at(28, 19, month=10), 6, leg_symptoms=["tingling"]),
    ]
    for entry in entries:
        store.add(entry)
    return entries


# --- log ---------------------------------------------------------------------------------------


def test_log_saves_a_check_in_and_says_what(run: Run, store: JournalStore) -> None:
    result = run(
        "log", "4", "--average", "3", "--where", "lower-back-centre", "--walked", "20", "--at", "yesterday 21:00"
    )
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "Saved check-in for Mon 23 Nov 21:00: pain 4/10, average 3/10, lower back centre, walked 20 min.\n"
    )
    (entry,) = store.entries()
    assert isinstance(entry, CheckIn)
    assert entry.at == at(23, 21)
    assert (entry.pain_now, entry.pain_average, entry.where, entry.walked_minutes) == (4, 3, ["lower-back-centre"], 20)


def test_log_defaults_to_now(run: Run, store: JournalStore) -> None:
    result = run("log", "0")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Saved check-in for Tue 24 Nov 18:30: pain 0/10.\n"
    assert store.entries()[0].at == FIXED_NOW


def test_log_takes_every_option_case_insensitively_without_repeats(run: Run, store: JournalStore) -> None:
    result = run(
        "log", "6",
        "--where", "LOWER-BACK-LEFT", "--where", "buttock-left", "--where", "lower-back-left",
        "--leg", "Tingling", "--leg", "numbness",
        "--helped", "HEAT", "--helped", "walk",
        "--tag", "sitting", "--tag", "Sitting ", "--tag", "long drive",
        "--sleep", "7",
        "--note", "Stiff after the drive",
        "--at", "2026-11-20 07:45",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (entry,) = store.entries()
    assert isinstance(entry, CheckIn)
    assert entry.where == ["lower-back-left", "buttock-left"]
    assert entry.leg_symptoms == ["tingling", "numbness"]
    assert entry.helped == ["heat", "walk"]
    assert entry.triggers == ["sitting", "long drive"]
    assert entry.sleep_quality == 7
    assert entry.notes == "Stiff after the drive"
    assert result.stdout == (
        "Saved check-in for Fri 20 Nov 07:45: pain 6/10, lower back left, left buttock, leg tingling + numbness, "
        "helped by heat + walk, tags sitting + long drive, sleep 7/10, note: Stiff after the drive.\n"
    )


def test_log_prints_user_text_literally(run: Run, store: JournalStore) -> None:
    note = "[bold]not bold[/bold] =1+1 $HOME *x*\nnext line"
    result = run("log", "3", "--note", note, "--tag", "[red]")
    assert result.exit_code == 0, result.output
    assert "tags [red], note: [bold]not bold[/bold] =1+1 $HOME *x* next line." in result.stdout
    entry = store.entries()[0]
    assert isinstance(entry, CheckIn)
    assert entry.notes == note, "stored exactly as typed"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["11"], "Invalid value for 'PAIN': 11 is above 10; give a whole number from 0 (no pain) to 10"),
        (["-1"], "Invalid value for 'PAIN': -1 is below 0; give a whole number from 0 (no pain) to 10"),
        (["abc"], "Invalid value for 'PAIN': 'abc' is not a whole number; give a whole number from 0"),
        (["4.5"], "Invalid value for 'PAIN': '4.5' is not a whole number"),
        (["3", "--average", "12"], "Invalid value for '--average': 12 is above 10"),
        (["3", "--walked", "-5"], "Invalid value for '--walked': -5 is below 0; give whole minutes from 0 to 1440."),
        (["3", "--walked", "2000"], "Invalid value for '--walked': 2000 is above 1440"),
        (["3", "--sleep", "good"], "Invalid value for '--sleep': 'good' is not a whole number; give a whole number"),
        (["3", "--at", "tomorrow"], "Invalid value for '--at': 'tomorrow' is in the future"),
        (["3", "--at", "23:00"], "Invalid value for '--at': '23:00' is in the future"),
        (["3", "--at", "2026-11-25 08:00"], "is in the future"),
        (["3", "--at", "25:00"], "Invalid value for '--at': cannot read '25:00' as a date or time: hour 25"),
        (["3", "--at", "last week"], "Accepted forms: now, today, yesterday"),
        (["3", "--where", "knee"], "Invalid value for '--where': 'knee' is not one of 'lower-back-centre'"),
        (["3", "--leg", "itchy"], "Invalid value for '--leg': 'itchy' is not one of 'pain'"),
        (["3", "--helped", "wine"], "Invalid value for '--helped': 'wine' is not one of 'heat'"),
        (["3", "--tag", "x" * 41], "Invalid value for '--tag': '" + "x" * 41 + "' is longer than 40 characters"),
        (["3", "--tag", "  "], "Invalid value for '--tag': a tag cannot be empty"),
        (
            ["3", "--note", "n" * 2001],
            "Invalid value for '--note': the note is 2,001 characters long; give at most 2,000",
        ),
        ([], "Missing argument 'PAIN'"),
    ],
)
def test_log_refuses_bad_values_and_writes_nothing(run: Run, home: Path, args: list[str], expected: str) -> None:
    result = run("log", *args)
    assert result.exit_code == 2, result.output
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert result.stdout == ""
    assert not (home / "journal").exists(), "nothing is written, not even the folder"


def test_log_lists_every_bad_value_in_option_order(run: Run, home: Path) -> None:
    result = run("log", "11", "--sleep", "x", "--walked", "-5", "--average", "4.5")
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if "Invalid value" in line]
    assert [line.split("'")[1] for line in lines] == ["PAIN", "--average", "--walked", "--sleep"]
    assert month_files(home) == []


def test_log_with_many_tags_is_refused(run: Run, home: Path) -> None:
    tags = [arg for index in range(21) for arg in ("--tag", f"t{index}")]
    result = run("log", "3", *tags)
    assert result.exit_code == 2
    assert "Invalid value for '--tag': 21 tags were given; give up to 20 tags" in result.stderr
    assert month_files(home) == []


def test_log_into_a_damaged_month_is_a_clear_error(run: Run, home: Path) -> None:
    journal = home / "journal"
    journal.mkdir(mode=0o700)
    damaged = journal / "entries-2026-11.json"
    damaged.write_text('{"entries": {"1": ', encoding="utf-8")
    result = run("log", "3")
    assert result.exit_code == 1
    assert f"Error: {damaged} cannot be read" in result.stderr
    assert "Traceback" not in result.output
    assert damaged.read_text(encoding="utf-8") == '{"entries": {"1": ', "the damaged file is left as it was"


def test_log_into_a_journal_from_a_newer_version_is_refused(run: Run, home: Path) -> None:
    journal = home / "journal"
    journal.mkdir(mode=0o700)
    newer = journal / "entries-2026-11.json"
    newer.write_text(json.dumps({"entries": {"1": {"schema_version": 9}}}), encoding="utf-8")
    result = run("log", "3")
    assert result.exit_code == 1
    assert "newer backtrainer" in result.stderr
    assert json.loads(newer.read_text(encoding="utf-8")) == {"entries": {"1": {"schema_version": 9}}}


def test_profile_keeps_its_own_journal(run: Run, home: Path) -> None:
    result = run("--profile", "bob", "log", "3")
    assert result.exit_code == 0, result.output
    assert len(JournalStore(home / "profiles" / "bob" / "journal").entries()) == 1
    assert JournalStore(home / "journal").entries() == []
    assert run("journal").stdout.startswith("No entries")
    assert "3/10" in run("--profile", "bob", "journal").stdout


# --- journal -----------------------------------------------------------------------------------


def test_journal_lists_entries_newest_first(run: Run, seeded: list[AnyEntry]) -> None:
    result = run("journal")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["When", "Kind", "Pain", "Details"]
    assert lines[1].startswith("Tue 24 Nov 08:10   session   4→3    Gentle morning, 12 min, finished")
    assert lines[2].startswith("Mon 23 Nov 21:00   check-in  4/10   avg 3/10; lower back centre; walked 20 min")
    assert lines[3].startswith("Sun 22 Nov 10:00   weekly           activities 5/10, enjoyment 3/10")
    assert lines[4].startswith('Fri 20 Nov 09:00   check-in  5/10   =1+1, "quoted" and a second line')
    assert lines[5].startswith("Wed 28 Oct 19:00   check-in  6/10   leg: tingling")
    assert len(lines) == 6
    assert result.stderr == ""


def test_journal_fits_80_columns_and_truncates(run: Run, store: JournalStore) -> None:
    store.add(check_in(at(24, 9), 5, notes="A very long note " * 20))
    store.add(check_in(at(24, 10), 5, notes="背中が痛い" * 20))
    store.add(check_in(at(1, 10, year=2025), 2))
    result = run("journal")
    lines = result.stdout.splitlines()
    assert all(display_width(line) <= 79 for line in lines), lines
    assert lines[1].endswith("…") and lines[2].endswith("…")
    assert lines[3].startswith("Sat 1 Nov 2025 10:00   check-in  2/10"), "another year shows the year"


def test_journal_filters_by_kind_and_since_and_limits(run: Run, seeded: list[AnyEntry]) -> None:
    kinds = run("journal", "--kind", "CHECK-IN").stdout.splitlines()
    assert len(kinds) == 4 and all(" check-in " in line for line in kinds[1:])
    since = run("journal", "--since", "sunday").stdout.splitlines()
    assert [line[:16] for line in since[1:]] == ["Tue 24 Nov 08:10", "Mon 23 Nov 21:00", "Sun 22 Nov 10:00"]
    limited = run("journal", "--limit", "2").stdout.splitlines()
    assert len(limited) == 4
    assert limited[-1] == "Showing the newest 2 of 5 entries; --limit 0 shows all."
    assert len(run("journal", "--limit", "0").stdout.splitlines()) == 6


def test_journal_when_empty(run: Run) -> None:
    result = run("journal")
    assert result.exit_code == 0
    assert result.stdout == "No entries. Add a check-in with: backtrainer log PAIN\n"
    assert run("journal", "--kind", "session", "--since", "yesterday").stdout.startswith(
        "No session entries since Mon 23 Nov 00:00."
    )


def test_journal_refuses_a_bad_since(run: Run) -> None:
    result = run("journal", "--since", "soon")
    assert result.exit_code == 2
    assert "Invalid value for '--since': cannot read 'soon'" in result.stderr


def damage_october(home: Path) -> Path:
    damaged = JournalStore(home / "journal").month_file(at(28, 19, month=10))
    damaged.write_text("{not json", encoding="utf-8")
    return damaged


def test_journal_lists_the_readable_files_and_names_the_damaged_one(
    run: Run, home: Path, seeded: list[AnyEntry]
) -> None:
    damaged = damage_october(home)
    result = run("journal")
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 5, "October's entry is left out, the rest are listed"
    assert "Note: 1 journal file could not be read and was left out:" in result.stderr
    assert str(damaged) in result.stderr
    assert "not valid JSON at line 1, column 2" in result.stderr


# --- stats -------------------------------------------------------------------------------------


def test_stats_prints_the_summary_with_the_goal_from_settings(
    run: Run, store: JournalStore, seeded: list[AnyEntry]
) -> None:
    store.update_settings(sessions_per_week_goal=4)
    result = run("stats")
    assert result.exit_code == 0, result.output
    expected = summary_lines(summarize(store.entries(), date(2026, 11, 24), days=30, goal=4))
    assert result.stdout.splitlines() == expected
    assert "This week (Mon–Sun): 1 of 4 sessions." in result.stdout


def test_stats_days(run: Run, seeded: list[AnyEntry]) -> None:
    result = run("stats", "--days", "7")
    assert result.stdout.startswith("Last 7 days (Wed 18 Nov to Tue 24 Nov): 2 check-ins, 1 session, 1 weekly check.")
    assert run("stats", "--days", "0").exit_code == 2


def test_stats_goes_on_without_a_damaged_file(run: Run, home: Path, seeded: list[AnyEntry]) -> None:
    damage_october(home)
    result = run("stats")
    assert result.exit_code == 0
    assert result.stdout.startswith("Last 30 days (Mon 26 Oct to Tue 24 Nov): 2 check-ins,")
    assert "entries-2026-10.json" in result.stderr


def test_stats_on_an_empty_journal(run: Run) -> None:
    result = run("stats")
    assert result.exit_code == 0
    assert result.stdout.startswith("Last 30 days (Mon 26 Oct to Tue 24 Nov): nothing logged yet.")


# --- export ------------------------------------------------------------------------------------


def test_export_csv_to_stdout(run: Run, seeded: list[AnyEntry]) -> None:
    result = run("export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert rows[0][:5] == ["kind", "id", "date", "time", "at"]
    records = [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    assert [record["id"] for record in records] == [entry.id for entry in reversed(seeded)], "oldest first"
    note = next(record["notes"] for record in records if record["notes"].startswith("'="))
    assert note == '\'=1+1, "quoted"\nand a second line', "formula neutralised; commas, quotes, newline intact"
    assert result.stderr == "Exported 5 entries (csv) to standard output.\n"


def test_export_since(run: Run, seeded: list[AnyEntry]) -> None:
    result = run("export", "-f", "csv", "--since", "2026-11-22")
    assert len(list(csv.reader(io.StringIO(result.stdout, newline="")))) == 4
    assert "Exported 3 entries" in result.stderr


def test_export_json_round_trips_into_a_fresh_home(
    run: Run, home: Path, seeded: list[AnyEntry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.json"
    result = run("export", "--format", "json", "--out", str(backup))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert result.stderr == f"Exported 5 entries (json) to {backup}\n"
    assert json.loads(backup.read_text(encoding="utf-8"))["exported_at"] == "2026-11-24T18:30:00+01:00"
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    monkeypatch.setenv(HOME_ENV, str(fresh))
    result = run("import", str(backup))
    assert result.exit_code == 0, result.output
    assert result.stdout == "Added 5 entries; 0 were already in the journal.\n"
    restored = JournalStore(fresh / "journal").entries()
    assert [entry.model_dump(mode="json") for entry in restored] == [entry.model_dump(mode="json") for entry in seeded]


def test_export_md_is_the_report_of_the_whole_journal_for_the_period(
    run: Run, store: JournalStore, seeded: list[AnyEntry]
) -> None:
    store.update_settings(sessions_per_week_goal=5)
    result = run("export", "--format", "md", "--since", "2026-11-22")
    assert result.exit_code == 0, result.output
    expected = markdown_report(seeded, date(2026, 11, 24), date(2026, 11, 22), 5, FIXED_NOW)
    assert result.stdout == expected  # the whole journal: the report compares with the first week
    assert "Period: Sun 22 Nov 2026 to Tue 24 Nov 2026" in result.stdout and "(goal: 5 a week)" in result.stdout
    assert result.stderr == "Exported 3 entries (md) to standard output.\n"
    everything = run("export", "--format", "md").stdout
    assert everything == markdown_report(seeded, date(2026, 11, 24), None, 5, FIXED_NOW)


def test_export_md_for_real(run: Run, seeded: list[AnyEntry]) -> None:
    result = run("export", "--format", "md")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Back pain self-report")
    assert "Exported 5 entries (md)" in result.stderr


def test_export_out_is_private_and_never_overwrites_without_force(
    run: Run, seeded: list[AnyEntry], tmp_path: Path
) -> None:
    target = tmp_path / "journal.csv"
    assert run("export", "-f", "csv", "-o", str(target)).exit_code == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    first = target.read_text(encoding="utf-8")
    target.write_text("precious", encoding="utf-8")
    target.chmod(0o644)
    refused = run("export", "-f", "csv", "-o", str(target))
    assert refused.exit_code == 1
    assert f"Error: {target} already exists; nothing was written (add --force to replace it)" in refused.stderr
    assert target.read_text(encoding="utf-8") == "precious"
    forced = run("export", "-f", "csv", "-o", str(target), "--force")
    assert forced.exit_code == 0
    assert target.read_text(encoding="utf-8") == first
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_export_out_into_a_missing_folder(run: Run, tmp_path: Path) -> None:
    result = run("export", "-f", "json", "-o", str(tmp_path / "nope" / "x.json"))
    assert result.exit_code == 1
    assert f"the folder {tmp_path / 'nope'} does not exist" in result.stderr


def test_export_needs_a_known_format(run: Run) -> None:
    assert run("export").exit_code == 2
    result = run("export", "--format", "xlsx")
    assert result.exit_code == 2
    assert "'xlsx' is not one of 'csv', 'json', 'md'" in result.stderr


def test_export_goes_on_without_a_damaged_file(run: Run, home: Path, seeded: list[AnyEntry]) -> None:
    damage_october(home)
    result = run("export", "-f", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["entries"]) == 4
    assert "entries-2026-10.json" in result.stderr
    assert "Exported 4 entries (json)" in result.stderr


# --- import ------------------------------------------------------------------------------------


def test_import_twice_adds_nothing_the_second_time(
    run: Run, seeded: list[AnyEntry], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = tmp_path / "backup.json"
    run("export", "-f", "json", "-o", str(backup))
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    monkeypatch.setenv(HOME_ENV, str(fresh))
    assert run("import", str(backup)).stdout == "Added 5 entries; 0 were already in the journal.\n"
    assert run("import", str(backup)).stdout == "Added 0 entries; 5 were already in the journal.\n"
    assert len(JournalStore(fresh / "journal").entries()) == 5


def test_import_grammar_for_one(run: Run, store: JournalStore, tmp_path: Path) -> None:
    store.add(check_in(at(20, 9)))
    backup = tmp_path / "one.json"
    run("export", "-f", "json", "-o", str(backup))
    assert run("import", str(backup)).stdout == "Added 0 entries; 1 was already in the journal.\n"


def valid_document() -> dict[str, Any]:
    return {
        "format": "backtrainer-journal",
        "schema_version": 1,
        "exported_at": FIXED_NOW.isoformat(),
        "entries": [check_in(at(20, 9)).model_dump(mode="json"), check_in(at(21, 9)).model_dump(mode="json")],
    }


def bad_entry() -> str:
    document = valid_document()
    document["entries"][1]["pain_now"] = 11
    return json.dumps(document)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ('{"format": "backtrainer-journal", "entries": [', "not valid JSON at line 1, column"),
        (json.dumps({"format": "other", "entries": []}), "not a backtrainer journal export (its format is 'other'"),
        (json.dumps(valid_document() | {"schema_version": 2}), "written by a newer backtrainer (export version 2"),
        (bad_entry(), "entries[1].pain_now: 11 is above 10"),
        ("", "the file is empty"),
    ],
    ids=["malformed-json", "other-format", "newer-version", "bad-entry", "empty"],
)
def test_import_of_a_broken_file_names_it_and_writes_nothing(
    run: Run, home: Path, tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(content, encoding="utf-8")
    result = run("import", str(path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path}: ")
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert month_files(home) == []


def test_import_of_a_missing_file(run: Run, tmp_path: Path) -> None:
    result = run("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


# --- help and helpers ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["log", "journal", "stats", "export", "import"])
def test_every_command_has_help_with_examples(run: Run, command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "Examples:" in result.stdout
    assert f"backtrainer {command}" in result.stdout
    assert command in run("--help").stdout


def test_one_line_keeps_text_but_shows_control_characters() -> None:
    assert one_line("a\nb\r\nc\td") == "a b c d"
    assert one_line("red \x1b[31m!") == "red ^[[31m!"
    assert one_line("[bold]x[/bold] *y*") == "[bold]x[/bold] *y*"


def test_fit_counts_wide_characters() -> None:
    assert fit("abcdef", 6) == "abcdef"
    assert fit("abcdefg", 6) == "abcde…"
    assert fit("背中背中", 5) == "背中…"
    assert display_width(fit("背中背中背中", 7)) <= 7


def test_a_json_export_has_the_published_header_and_the_schema_s_shape(
    run: Run, seeded: list[AnyEntry], tmp_path: Path
) -> None:
    from trainer import __version__
    from trainer.journal.export_format import JournalExport

    result = run("export", "--format", "json", "--pseudonym", "Patient 7")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert (document["app_version"], document["time_zone"], document["pseudonym"]) == (
        __version__,
        "UTC+01:00",
        "Patient 7",
    )
    assert JournalExport.model_validate_json(result.stdout).entries == list(reversed(seeded))


def test_a_pseudonym_is_checked_and_goes_with_json_only(run: Run, seeded: list[AnyEntry]) -> None:
    bad = run("export", "--format", "json", "--pseudonym", "Pat\x1b[2Jient")
    assert bad.exit_code == 2 and "--pseudonym" in bad.stderr and "U+001B" in bad.stderr
    assert bad.stdout == ""
    csv_one = run("export", "--format", "csv", "--pseudonym", "Patient 7")
    assert csv_one.exit_code == 2 and "--pseudonym goes with --format json" in csv_one.stderr
