"""Every command, run for real, on a hostile profile: nothing from the data reaches a terminal raw.

The profile's folder name holds a window-title escape (it shows in every message that names a file), the
journal holds markup, right-to-left text, emoji and spreadsheet formulas, one month file was edited by hand to
hold a clipboard escape, and the content packs hold markup, an escape in a name, an escape in a key and an
escape in a file name. Each command must finish with its message and no traceback, and no escape from the data
may appear in what it prints: standard output and standard error alike.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bench.pty_launch import PtyProcess
from tests.security.hostile import (
    CLICK_QUIT,
    CLICK_SCREENSHOT,
    EMOJI,
    FORMULA,
    MARKDOWN,
    MARKERS,
    OSC_0,
    OSC_52,
    RTL,
    refused_pack,
    shown_pack,
    write_json,
)
from trainer.journal.models import CheckIn, ExerciseDone, SessionRecord
from trainer.journal.store import JournalStore

NOW = datetime.now(UTC)
pytestmark = pytest.mark.slow


def backtrainer(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "trainer", *args],
        env=env,
        input=stdin.encode(),
        capture_output=True,
        timeout=60,
    )


def assert_nothing_raw(result: subprocess.CompletedProcess[bytes], *, what: str) -> None:
    printed = result.stdout + result.stderr
    assert b"Traceback" not in printed, f"{what}: {printed.decode(errors='replace')}"
    assert b"\x1b" not in printed and b"\x07" not in printed, f"{what} printed an escape: {printed!r}"
    for marker in MARKERS:
        assert marker not in printed, f"{what} printed {marker!r}"


@pytest.fixture
def hostile_env(tmp_path: Path) -> dict[str, str]:
    home = tmp_path / f"home{OSC_0}"
    journal = home / "journal"
    store = JournalStore(journal)
    note = f"{MARKDOWN}\n{CLICK_QUIT} {RTL} {EMOJI}"
    store.add(CheckIn(at=NOW - timedelta(days=1), pain_now=5, notes=note, triggers=[FORMULA[:40], CLICK_QUIT]))
    store.add(
        SessionRecord(
            at=NOW - timedelta(hours=3),
            ended=NOW - timedelta(hours=2, minutes=50),
            title=CLICK_SCREENSHOT,
            exercises=[ExerciseDone(exercise_id="evil-click", name=CLICK_SCREENSHOT, sets_planned=1, sets_done=1)],
            completion=1.0,
            ended_how="finished",
            note=FORMULA,
        )
    )
    # A month file edited by hand: the note holds a clipboard escape the models refuse.
    crafted = CheckIn(at=datetime(2026, 1, 5, 9, tzinfo=UTC), pain_now=3).model_dump(mode="json")
    crafted["notes"] = f"copy {OSC_52}"
    write_json(journal / "entries-2026-01.json", {"entries": {"1": crafted}})
    packs = home / "content"
    write_json(packs / "shown.json", shown_pack())
    write_json(packs / "osc52.json", refused_pack(OSC_52))
    unknown_key = shown_pack()
    unknown_key["exercises"][0][f"na{OSC_0}me"] = 1
    unknown_key["exercises"][0]["id"], unknown_key["exercises"][1]["id"] = "key-one", "key-two"
    unknown_key["routines"] = []
    write_json(packs / "key.json", unknown_key)
    write_json(packs / "name\x1b[2J.json", {"routines": []})
    return {**os.environ, "BACKTRAINER_HOME": str(home), "PYTHONIOENCODING": "utf-8"}


COMMANDS: Sequence[Sequence[str]] = (
    ("journal",),
    ("journal", "--limit", "0", "--kind", "check-in"),
    ("stats", "--days", "3660"),
    ("export", "--format", "csv"),
    ("export", "--format", "md"),
    ("export", "--format", "json"),
    ("check-content",),
    ("start", "no-such-routine"),
    ("log", "3", "--note", f"fine {MARKDOWN}", "--tag", CLICK_QUIT),
    ("log", "3", "--note", f"refused {OSC_52}"),
    ("log", "3", "--tag", f"refused {OSC_0}"),
)


@pytest.mark.parametrize("args", COMMANDS, ids=" ".join)
def test_no_command_prints_an_escape_from_the_data(hostile_env: dict[str, str], args: Sequence[str]) -> None:
    result = backtrainer(*args, env=hostile_env)
    assert_nothing_raw(result, what=" ".join(args))


def test_what_the_commands_say_about_the_hostile_parts(hostile_env: dict[str, str]) -> None:
    journal = backtrainer("journal", env=hostile_env)
    assert journal.returncode == 0
    assert "home^[]0;pwned-title^G" in journal.stderr.decode()  # the unreadable file, named visibly
    assert "entries-2026-01.json" in journal.stderr.decode()
    assert CLICK_SCREENSHOT[:30] in journal.stdout.decode()  # markup is just text in a terminal
    checked = backtrainer("check-content", env=hostile_env)
    assert checked.returncode == 1
    problems = checked.stderr.decode()
    assert "osc52.json at exercises[1].name (in 'evil-quit'): control character U+001B is not allowed" in problems
    assert "key.json at exercises[0].na^[]0;pwned-title^Gme (in 'key-one'): unknown field" in problems
    assert "name^[[2J.json" in problems
    refused = backtrainer("log", "3", "--note", f"refused {OSC_52}", env=hostile_env)
    assert refused.returncode == 2
    assert "Invalid value for '--note': control character U+001B is not allowed." in refused.stderr.decode()


def test_a_json_export_written_to_a_file_imports_back_byte_for_byte(
    hostile_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "backup.json"
    assert backtrainer("export", "--format", "json", "--out", str(out), env=hostile_env).returncode == 0
    other = {**hostile_env, "BACKTRAINER_HOME": str(tmp_path / "other")}
    imported = backtrainer("import", str(out), env=other)
    assert imported.returncode == 0, imported.stderr
    again = tmp_path / "again.json"
    assert backtrainer("export", "--format", "json", "--out", str(again), env=other).returncode == 0
    first, second = (json.loads(path.read_text(encoding="utf-8")) for path in (out, again))
    assert first["entries"] == second["entries"]
    assert any(entry.get("title") == CLICK_SCREENSHOT for entry in first["entries"])


def test_an_import_with_an_escape_is_refused_whole_naming_the_entry(
    hostile_env: dict[str, str], tmp_path: Path
) -> None:
    out = tmp_path / "backup.json"
    assert backtrainer("export", "--format", "json", "--out", str(out), env=hostile_env).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    data["entries"][0]["notes"] = f"hi {OSC_0}"
    out.write_text(json.dumps(data), encoding="utf-8")
    other = {**hostile_env, "BACKTRAINER_HOME": str(tmp_path / "other")}
    result = backtrainer("import", str(out), env=other)
    assert result.returncode == 1
    assert "entries[0].notes: control character U+001B is not allowed" in result.stderr.decode()
    assert_nothing_raw(result, what="import")
    assert backtrainer("journal", env=other).stdout.startswith(b"No entries")  # nothing half-imported


@pytest.mark.parametrize("args", [("journal",), ("export", "--format", "csv"), ("check-content",)], ids=" ".join)
def test_on_a_real_terminal_no_escape_from_the_data_arrives(hostile_env: dict[str, str], args: Sequence[str]) -> None:
    process = PtyProcess([sys.executable, "-m", "trainer", *args], hostile_env, (100, 40))
    try:
        deadline = 30.0
        while process.process.poll() is None and deadline > 0:
            process.read_for(0.1)
            deadline -= 0.1
        process.read_for(0.2)
    finally:
        process.stop()
    output = bytes(process.output)
    for marker in MARKERS:
        assert marker not in output, f"{' '.join(args)} sent {marker!r} to the terminal"
    assert b"\x1b]" not in output  # no operating-system command at all (title, clipboard, hyperlink)
