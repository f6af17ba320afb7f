"""Every bad input the command line meets is answered in the project's words, never the libraries'."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.conftest import FIXED_NOW
from trainer.cli import main

LIBRARY_WORDS = (
    "valid integer",
    "x>=",
    "<=x",
    "Input should",
    "Field required",
    "String should",
    "Value should",
    "List should",
    "Value error",
    "after validation",
)


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), obj=lambda: FIXED_NOW)


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("journal", "--limit", "abc"), "'abc' is not a whole number; give the number of entries to show"),
        (("journal", "--limit", "-1"), "-1 is below 0"),
        (("journal", "--limit", "1.5"), "'1.5' is not a whole number"),
        (("stats", "--days", "abc"), "'abc' is not a whole number; give a number of days from 1 to 3660"),
        (("stats", "--days", "0"), "0 is below 1"),
        (("stats", "--days", "99999"), "99999 is above 3660"),
        (("log", "abc"), "'abc' is not a whole number"),
        (("log", "11"), "11 is above 10"),
        (("log", "4", "--walked", "-5"), "-5 is below 0"),
        (("log", "4", "--leg-side", "left"), "give the symptom too"),
    ],
)
def test_bad_values_are_refused_in_plain_words(home: Path, args: tuple[str, ...], says: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert says in result.stderr
    assert not any(words in result.stderr for words in LIBRARY_WORDS), result.stderr


def test_check_content_says_what_is_wrong_with_a_pack_in_plain_words(home: Path, tmp_path: Path) -> None:
    pack = {
        "name": "Bad pack",
        "author": "A. Physio",
        "routines": [
            {
                "id": "Bad Id",
                "name": "",
                "summary": "x",
                "when_to_use": "Every morning.",
                "level": "expert",
                "items": [{"exercise": "pelvic-tilt", "part": "warm-up", "reps": 0, "sets": 99}],
            }
        ],
    }
    path = tmp_path / "pack.json"
    path.write_text(json.dumps(pack))
    result = run("check-content", str(path))
    assert result.exit_code == 1
    text = result.stderr
    assert "'Bad Id' is not a valid id" in text
    assert "0 is below 1, the lowest allowed" in text and "99 is above 10, the highest allowed" in text
    assert "'expert' is not allowed: use 'gentle'" in text and "it cannot be empty" in text
    assert not any(words in text for words in LIBRARY_WORDS), text


def test_an_import_with_a_bad_entry_names_it_in_plain_words(home: Path, tmp_path: Path) -> None:
    export = {
        "format": "backtrainer-journal",
        "schema_version": 1,
        "exported_at": FIXED_NOW.isoformat(),
        "entries": [{"kind": "check-in", "id": "a" * 32, "at": FIXED_NOW.isoformat(), "pain_now": 12}, {"kind": "x"}],
    }
    path = tmp_path / "backup.json"
    path.write_text(json.dumps(export))
    result = run("import", str(path))
    assert result.exit_code == 1
    assert "entries[0].pain_now: 12 is above 10" in result.stderr
    assert "entries[1]: 'x' is not a kind of entry" in result.stderr
    assert not any(words in result.stderr for words in LIBRARY_WORDS), result.stderr
