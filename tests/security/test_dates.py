"""Dates a person could mean: from 1 January 2000 to now, and a report that stays short whatever the dates.

``log --at 1926-11-20`` (a typo) was accepted, and the Markdown report then printed a row for every week
since; ``import`` accepted entries dated 9999 that ``log`` refuses.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.journal.export import ExportFileError, read_json_export, to_json
from trainer.journal.models import CheckIn, SessionRecord
from trainer.journal.store import JournalStore
from trainer.journal.when import entry_time_problem
from trainer.paths import HOME_ENV
from trainer.reports.markdown import markdown_report

NOW = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(HOME_ENV, str(tmp_path))
    return tmp_path


def test_an_entry_is_dated_from_2000_to_now() -> None:
    assert entry_time_problem(datetime(2000, 1, 1, tzinfo=UTC), NOW) is None
    assert entry_time_problem(NOW + timedelta(minutes=30), NOW) is None  # another device's clock runs fast
    assert "before 1 January 2000" in (entry_time_problem(datetime(1926, 11, 20, tzinfo=UTC), NOW) or "")
    assert "in the future" in (entry_time_problem(datetime(9999, 1, 1, tzinfo=UTC), NOW) or "")


def test_log_refuses_a_date_before_2000_and_saves_nothing(home: Path) -> None:
    result = CliRunner().invoke(main, ["log", "3", "--at", "1926-11-20"], obj=lambda: NOW)
    assert result.exit_code == 2
    assert "1926-11-20 is before 1 January 2000, the earliest date an entry can have" in result.output
    assert JournalStore(home / "journal").entries() == []


def test_import_refuses_an_entry_dated_9999_naming_the_entry_and_field(tmp_path: Path) -> None:
    good = CheckIn(at=NOW - timedelta(days=1), pain_now=3)
    document = json.loads(to_json([good, good.model_copy(update={"id": "f" * 32})], NOW))
    document["entries"][1]["at"] = "9999-01-01T09:00:00+00:00"
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(ExportFileError) as raised:
        read_json_export(path, now=NOW)
    assert "entries[1].at: 9999-01-01 09:00 is in the future" in str(raised.value)
    assert "nothing was imported" in str(raised.value)


def test_the_report_starts_at_the_first_week_with_data_and_folds_empty_weeks() -> None:
    entries = [
        CheckIn(at=datetime(2001, 3, 7, 9, tzinfo=UTC), pain_now=6),  # long ago, then nothing for years
        CheckIn(at=NOW - timedelta(days=8), pain_now=5),
        CheckIn(at=NOW - timedelta(days=1), pain_now=4),
        SessionRecord(
            at=NOW - timedelta(days=2),
            ended=NOW - timedelta(days=2) + timedelta(minutes=10),
            title="Back basics",
            completion=1.0,
            ended_how="finished",
        ),
    ]
    text = markdown_report(entries, NOW.date(), date(1999, 1, 1), 3, NOW)
    sessions = text.split("## Sessions per week")[1].split("##")[0]
    rows = [line for line in sessions.splitlines() if line.startswith("| ") and "Week starting" not in line]
    assert rows[0].startswith("| Mon 5 Mar 2001 |")  # the first week with data, not 1999
    assert "weeks with nothing logged" in rows[1]
    assert len(rows) <= 5
    chart = text.split("## Weekly average pain")[1].split("```")[1]
    assert "weeks with nothing logged ..." in chart
    assert chart.count("\n") <= 7
