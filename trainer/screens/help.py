"""When to get help: the three lists from safety.json, one key away everywhere."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from trainer.catalog.models import Safety
from trainer.screens.base import TrainerScreen
from trainer.screens.help_lists import help_list_section, numbers_line
from trainer.widgets.bullets import BulletList
from trainer.widgets.literal import literal


def pain_rule_section(safety: Safety) -> Vertical:
    """The one pain rule: how much pain is fine while exercising, and what green, amber and red mean."""
    rule = safety.pain_rule
    section = Vertical(
        Static(literal(rule.summary, "bold"), classes="action"),
        BulletList([rule.green, rule.amber, rule.red]),
        Static(literal(rule.why, "italic"), classes="note"),
        classes="help-list pain-rule",
    )
    section.border_title = "How much pain is fine while exercising"
    return section


class HelpScreen(TrainerScreen):
    SUB_TITLE = "When to get help"
    CSS_PATH = "help.tcss"

    def compose_body(self) -> ComposeResult:
        safety = self.services.catalog.safety
        with VerticalScroll(id="help-scroll"):
            yield Static(
                "These lists help you decide how soon to get checked. They do not diagnose: "
                "if something worries you, get advice.",
                id="help-intro",
            )
            yield Static(numbers_line(safety), id="numbers")
            for help_list in safety.help_lists:
                yield help_list_section(help_list)
            rules = Vertical(BulletList(safety.stop_rules), classes="help-list stop-rules")
            rules.border_title = "When to stop an exercise"
            yield rules
            yield pain_rule_section(safety)

    def on_mount(self) -> None:
        self.query_one("#help-scroll").focus()

    def open_help(self) -> None:
        """Already open."""
