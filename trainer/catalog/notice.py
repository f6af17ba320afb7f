"""The first-run notice's text, read from ``safety.json`` with the standard library alone.

At a first run the notice is the app's first frame, painted before the content models load
(``trainer.app.launch_app``): pydantic and the models would cost more than the rest of the frame. This
reads only the fields the notice shows, each refused unless it is text without control characters,
line breaks or bidirectional overrides (``trainer.text_rules``, as the models refuse them) and trimmed as
the models trim it. It checks nothing else: the whole content is validated and cross-checked as soon as
the notice is on screen, and a problem found then puts the content's error screen over it. A file this
cannot read gives None, and the app then loads everything before it paints (and says what is wrong).

``NoticeText`` and ``HelpListText`` are what the notice's widgets read (``screens.help_lists``): the
validated ``Safety`` and ``HelpList`` models have the same fields, so Help and the notice share them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from trainer.catalog.bundled import bundled_content_dir
from trainer.files import FileReadError, read_regular_file, too_deep
from trainer.text_rules import first_forbidden

SAFETY_FILE = "safety.json"


class HelpListText(Protocol):
    """One of the "when to get help" lists, as it is shown."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def applies_when(self) -> str: ...
    @property
    def action(self) -> str: ...
    @property
    def items(self) -> Sequence[str]: ...
    @property
    def note(self) -> str | None: ...


class NumberText(Protocol):
    @property
    def region(self) -> str: ...
    @property
    def number(self) -> str: ...


class NoticeText(Protocol):
    """What the first-run notice shows."""

    @property
    def intended_purpose(self) -> str: ...
    @property
    def disclaimer(self) -> Sequence[str]: ...
    @property
    def check_first(self) -> Sequence[str]: ...
    @property
    def emergency_numbers(self) -> Sequence[NumberText]: ...
    def help_list(self, list_id: str) -> HelpListText: ...


@dataclass(frozen=True)
class NoticeHelpList:
    id: str
    title: str
    applies_when: str
    action: str
    items: tuple[str, ...]
    note: str | None


@dataclass(frozen=True)
class NoticeNumber:
    region: str
    number: str


@dataclass(frozen=True)
class Notice:
    intended_purpose: str
    disclaimer: tuple[str, ...]
    check_first: tuple[str, ...]
    emergency_numbers: tuple[NoticeNumber, ...]
    help_lists: tuple[NoticeHelpList, ...]

    def help_list(self, list_id: str) -> NoticeHelpList:
        return next(help_list for help_list in self.help_lists if help_list.id == list_id)


class _Unusable(Exception):
    """A field the notice shows is missing, is not text, or holds a character text may not hold."""


def _fields(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        raise _Unusable
    return value


def _text(value: object) -> str:
    if not isinstance(value, str) or first_forbidden(value) is not None or not value.strip():
        raise _Unusable
    return value.strip()


def _texts(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or not value:
        raise _Unusable
    return tuple(_text(each) for each in value)


def _help_list(value: object) -> NoticeHelpList:
    fields = _fields(value)
    note = fields.get("note")
    return NoticeHelpList(
        id=_text(fields.get("id")),
        title=_text(fields.get("title")),
        applies_when=_text(fields.get("applies_when")),
        action=_text(fields.get("action")),
        items=_texts(fields.get("items")),
        note=None if note is None else _text(note),
    )


def _notice(document: object) -> Notice:
    safety = _fields(_fields(document).get("safety"))
    numbers = safety.get("emergency_numbers")
    lists = safety.get("help_lists")
    if not isinstance(numbers, list) or not numbers or not isinstance(lists, list):
        raise _Unusable
    notice = Notice(
        intended_purpose=_text(safety.get("intended_purpose")),
        disclaimer=_texts(safety.get("disclaimer")),
        check_first=_texts(safety.get("check_first")),
        emergency_numbers=tuple(
            NoticeNumber(region=_text(_fields(each).get("region")), number=_text(_fields(each).get("number")))
            for each in numbers
        ),
        help_lists=tuple(_help_list(each) for each in lists),
    )
    if not {"emergency", "same-day"} <= {help_list.id for help_list in notice.help_lists}:
        raise _Unusable
    return notice


def read_notice(content_dir: Path | None = None) -> Notice | None:
    """The notice's text from ``safety.json`` in ``content_dir`` (the bundled content's folder unless
    given); None if the file cannot be read or a field it shows cannot be used."""
    path = (content_dir or bundled_content_dir()) / SAFETY_FILE
    try:
        text = read_regular_file(path).decode("utf-8")
        if too_deep(text) is not None:
            return None
        return _notice(json.loads(text))
    except (FileReadError, UnicodeDecodeError, ValueError, RecursionError, _Unusable):
        return None
