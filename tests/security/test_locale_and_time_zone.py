"""A non-UTF-8 terminal and a broken TZ: one clear message, never a traceback, and nothing saved twice.

Under a Latin-1 terminal ``log`` used to save the entry and then die printing "…" (so a retry saved it
twice); ``journal`` and ``export --format md`` died on "→", "…" and "█". ``TZ=UTC+25`` gave a traceback in
every command.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from trainer.journal.models import CheckIn, SessionRecord
from trainer.journal.store import JournalStore

pytestmark = pytest.mark.slow


def backtrainer(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args], env=env, capture_output=True, timeout=60, encoding="latin-1"
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / "home"
    store = JournalStore(home / "journal")
    now = datetime.now(UTC)
    store.add(CheckIn(at=now - timedelta(days=2), pain_now=6, notes="Stiff… after the drive → sofa"))
    store.add(
        SessionRecord(
            at=now - timedelta(days=1),
            ended=now - timedelta(days=1) + timedelta(minutes=10),
            title="Back basics",
            pain_before=5,
            pain_after=3,
            completion=1.0,
            ended_how="finished",
        )
    )
    return {**os.environ, "BACKTRAINER_HOME": str(home), "PYTHONIOENCODING": "latin-1"}


def test_log_under_a_latin_1_terminal_saves_once_and_prints_in_ascii(env: dict[str, str], tmp_path: Path) -> None:
    long_note = "A long note… " * 10 + "→ done"
    result = backtrainer("log", "4", "--note", long_note, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "..." in result.stdout and "…" not in result.stdout
    saved = [entry for entry in JournalStore(tmp_path / "home" / "journal").entries() if isinstance(entry, CheckIn)]
    assert sum(entry.notes == long_note for entry in saved) == 1  # saved once, exactly as typed


@pytest.mark.parametrize(
    "args", [("journal",), ("stats",), ("export", "--format", "md"), ("export", "--format", "csv")], ids=" ".join
)
def test_every_command_prints_under_a_latin_1_terminal(env: dict[str, str], args: tuple[str, ...]) -> None:
    result = backtrainer(*args, env=env)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_the_journal_table_falls_back_to_ascii_arrows(env: dict[str, str]) -> None:
    table = backtrainer("journal", env=env).stdout
    assert "5->3" in table and "→" not in table


def test_a_report_to_a_file_keeps_its_symbols_whatever_the_terminal(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    assert backtrainer("export", "--format", "md", "--out", str(out), env=env).returncode == 0
    assert "█" in out.read_text(encoding="utf-8")


COMMANDS = (
    ("log", "3"),
    ("journal",),
    ("stats",),
    ("export", "--format", "json"),
    ("import", "missing.json"),
    ("check-content",),
    ("start", "desk-break"),
)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_an_invalid_time_zone_gives_one_clear_message(env: dict[str, str], args: tuple[str, ...]) -> None:
    result = backtrainer(*args, env={**env, "TZ": "UTC+25", "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "Error: the time zone is not valid (TZ='UTC+25'). "
        "Set TZ to a zone name such as Europe/London, or unset it to use the system's."
    )
