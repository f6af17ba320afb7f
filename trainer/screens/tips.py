"""Tips: self-care topics with Markdown bodies, searchable across all topics."""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from trainer.catalog.models import PainMessage, SourceRef, Tip
from trainer.catalog.search import any_message_matches, search_tips
from trainer.screens.type_to_search import SearchableScreen

MESSAGES_ID = "pain-in-a-sentence"
"""The last topic of the list: every short pain message (Home shows one a day when there is room)."""


def _sources(sources: Sequence[SourceRef]) -> str:
    return "; ".join(f"{source.author}. {source.title} ({source.year})" for source in sources)


def tip_markdown(tip: Tip) -> str:
    return (
        f"# {tip.title}\n\n*{tip.summary}*\n\n{tip.body}\n\n---\n\n"
        f"**Evidence:** {tip.evidence}.  \n**Sources:** {_sources(tip.sources)}."
    )


def messages_markdown(messages: Sequence[PainMessage]) -> str:
    items = "\n".join(
        f"- {message.text}  \n  *{message.evidence.capitalize()}. Source: {_sources(message.sources)}.*"
        for message in messages
    )
    return f"# Pain in a sentence\n\n*Short facts about back pain, each with where it comes from.*\n\n{items}"


class TipsScreen(SearchableScreen):
    SUB_TITLE = "Tips"
    SEARCH = "#tip-search"
    RESULTS = "#topics"
    CSS_PATH = "tips.tcss"
    BINDINGS = [
        Binding("slash", "search", "Search", key_display="/"),
    ]

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="tips"):
            with Vertical(id="topic-pane"):
                yield Input(placeholder="Search all topics", id="tip-search", compact=True, select_on_focus=False)
                yield OptionList(id="topics")
                yield Static(id="tip-count")
            with VerticalScroll(id="tip-scroll"):
                yield Markdown(id="tip-body", open_links=False)  # a link in a topic never opens anything

    def __init__(self, topic: str | None = None) -> None:
        super().__init__()
        self.topic = topic
        """The topic to open on (the flare plan, from the coach's proposal after a red)."""

    def on_mount(self) -> None:
        catalog = self.services.catalog
        self._show_topics(list(catalog.tips), with_messages=bool(catalog.messages))
        topics = self.query_one("#topics", OptionList)
        if self.topic is not None and any(tip.id == self.topic for tip in catalog.tips):
            topics.highlighted = topics.get_option_index(self.topic)
        topics.focus()

    def _show_topics(self, tips: list[Tip], with_messages: bool) -> None:
        catalog = self.services.catalog
        topics = self.query_one("#topics", OptionList)
        topics.clear_options()
        topics.add_options(Option(Content(tip.title), id=tip.id) for tip in tips)
        if with_messages:
            topics.add_option(Option(Content("Pain in a sentence"), id=MESSAGES_ID))
        shown = len(tips) + with_messages
        total = len(catalog.tips) + bool(catalog.messages)
        query = self.query_one("#tip-search", Input).value.strip()
        count = self.query_one("#tip-count", Static)
        if shown:
            topics.highlighted = 0
            count.update(Content(f"{shown} of {total} topics" + (f" mention '{query}'" if query else "")))
        else:
            count.update(Content(f"No topic mentions '{query}'"))
            self.query_one("#tip-body", Markdown).update("Try another word, or clear the search to see every topic.")

    @on(OptionList.OptionHighlighted, "#topics")
    def _show_tip(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.highlighted_option is not event.option:
            return  # a highlight from before the list changed (keys typed quickly): the list's own state wins
        catalog = self.services.catalog
        if event.option.id == MESSAGES_ID:
            self.query_one("#tip-body", Markdown).update(messages_markdown(catalog.messages))
        elif event.option.id:
            self.query_one("#tip-body", Markdown).update(tip_markdown(catalog.tip(event.option.id)))
        self.query_one("#tip-scroll").scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#topics")
    def _read_tip(self) -> None:
        self.query_one("#tip-scroll").focus()

    @on(Input.Changed, "#tip-search")
    def _search(self, event: Input.Changed) -> None:
        catalog = self.services.catalog
        self._show_topics(
            search_tips(catalog.tips, event.value),
            with_messages=bool(catalog.messages) and any_message_matches(catalog.messages, event.value),
        )
