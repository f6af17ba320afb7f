"""When to get help: the three lists from safety.json, one key away everywhere."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from trainer.catalog.models import HelpList, Safety
from trainer.screens.base import TrainerScreen


def help_list_body(help_list: HelpList) -> Content:
    lines = [Content.styled(help_list.action, "bold"), Content("")]
    lines += [Content.assemble(("• ", "bold"), item) for item in help_list.items]
    if help_list.note:
        lines += [Content(""), Content.styled(help_list.note, "italic")]
    return Content("\n").join(lines)


def numbers_line(safety: Safety) -> Content:
    parts = [Content.assemble((entry.number, "bold"), f" {entry.region}") for entry in safety.emergency_numbers]
    return Content.assemble("Emergency numbers: ", Content("  ·  ").join(parts))


class HelpScreen(TrainerScreen):
    SUB_TITLE = "When to get help"
    CSS_PATH = "help.tcss"

    def compose_body(self) -> ComposeResult:
        safety = self.trainer.catalog.safety
        with VerticalScroll(id="help-scroll"):
            yield Static(
                "These lists help you decide how soon to get checked. They do not diagnose: "
                "if something worries you, get advice.",
                id="help-intro",
            )
            yield Static(numbers_line(safety), id="numbers")
            for help_list in safety.help_lists:
                section = Static(help_list_body(help_list), classes=f"help-list {help_list.id}")
                section.border_title = help_list.title
                yield section
            rules = Static(
                Content("\n").join(Content.assemble(("• ", "bold"), rule) for rule in safety.stop_rules),
                classes="help-list stop-rules",
            )
            rules.border_title = "When to stop an exercise"
            yield rules

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()
