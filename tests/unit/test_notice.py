"""The first-run notice read from safety.json without the models (``trainer.catalog.notice``)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from trainer.catalog.bundled import bundled_content_dir
from trainer.catalog.notice import SAFETY_FILE, read_notice
from trainer.catalog.validated import Catalog


def test_the_bundled_notice_reads_as_the_models_validate_it(catalog: Catalog) -> None:
    notice = read_notice()
    assert notice is not None
    safety = catalog.safety
    assert notice.intended_purpose == safety.intended_purpose
    assert list(notice.disclaimer) == safety.disclaimer
    assert list(notice.check_first) == safety.check_first
    assert [(n.region, n.number) for n in notice.emergency_numbers] == [
        (n.region, n.number) for n in safety.emergency_numbers
    ]
    for list_id in ("emergency", "same-day"):
        read, validated = notice.help_list(list_id), safety.help_list(list_id)
        assert (read.title, read.applies_when, read.action, list(read.items), read.note) == (
            validated.title,
            validated.applies_when,
            validated.action,
            validated.items,
            validated.note,
        )


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    return folder


def damaged(content: Path, damage: Callable[[dict[str, Any]], None]) -> Path:
    document = json.loads((content / SAFETY_FILE).read_text())
    damage(document["safety"])
    (content / SAFETY_FILE).write_text(json.dumps(document))
    return content


def test_text_is_trimmed_as_the_models_trim_it(content: Path) -> None:
    def padded(safety: dict[str, Any]) -> None:
        safety["intended_purpose"] = "  Padded purpose.  "

    notice = read_notice(damaged(content, padded))
    assert notice is not None and notice.intended_purpose == "Padded purpose."


DAMAGES: dict[str, Callable[[dict[str, Any]], None]] = {
    "escape in a sentence": lambda safety: safety["disclaimer"].append("Clear \x1b[2J the screen."),
    "bidi override in an item": lambda safety: safety["help_lists"][0]["items"].append("Read \u202e backwards."),
    "line break in a title": lambda safety: safety["help_lists"][1].update(title="Two\nlines"),
    "OSC in a note": lambda safety: safety["help_lists"][0].update(note="Title \x1b]0;owned\x07 here."),
    "a number that is not text": lambda safety: safety["emergency_numbers"][0].update(number=999),
    "no disclaimer": lambda safety: safety.pop("disclaimer"),
    "an empty list": lambda safety: safety.update(check_first=[]),
    "only blanks": lambda safety: safety.update(intended_purpose="   "),
    "no same-day list": lambda safety: safety.update(help_lists=safety["help_lists"][:1]),
    "help lists not a list": lambda safety: safety.update(help_lists={"emergency": 1}),
    "no numbers": lambda safety: safety.update(emergency_numbers=[]),
}


@pytest.mark.parametrize("case", list(DAMAGES))
def test_a_notice_that_cannot_be_shown_safely_is_not_read(content: Path, case: str) -> None:
    assert read_notice(damaged(content, DAMAGES[case])) is None


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"{not json",
        b"\xff\xfe not utf-8",
        b"[]",
        b'{"safety": []}',
        b'{"safety": ' + b"[" * 100 + b"]" * 100 + b"}",
    ],
    ids=["empty", "not-json", "not-utf-8", "a-list", "safety-a-list", "too-deep"],
)
def test_a_file_that_cannot_be_read_gives_none(content: Path, raw: bytes) -> None:
    (content / SAFETY_FILE).write_bytes(raw)
    assert read_notice(content) is None


def test_a_missing_or_odd_file_gives_none(content: Path) -> None:
    (content / SAFETY_FILE).unlink()
    assert read_notice(content) is None
    (content / SAFETY_FILE).mkdir()
    assert read_notice(content) is None
