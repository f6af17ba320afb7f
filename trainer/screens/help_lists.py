"""The "when to get help" lists and the emergency numbers as Help, the review and the first-run notice
show them. Light (Textual and ``catalog.notice``'s protocols): the notice is built from them before the
content models load."""

from __future__ import annotations

from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Static

from trainer.catalog.notice import HelpListText, NoticeText
from trainer.widgets.bullets import BulletList
from trainer.widgets.literal import literal


def help_list_section(help_list: HelpListText) -> Vertical:
    """One list in a bordered box: what to do, then the signs, then a note."""
    section = Vertical(
        Static(Content.styled(help_list.action, "bold"), classes="action"),
        Static(Content(help_list.applies_when)),
        BulletList(help_list.items),
        *([Static(Content.styled(help_list.note, "italic"), classes="note")] if help_list.note else []),
        classes=f"help-list {help_list.id}",
    )
    section.border_title = literal(help_list.title)
    return section


def numbers_line(safety: NoticeText) -> Content:
    parts = [Content.assemble((entry.number, "bold"), f" {entry.region}") for entry in safety.emergency_numbers]
    return Content.assemble("Emergency numbers: ", Content("  ·  ").join(parts))
