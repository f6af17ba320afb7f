"""Tips: self-care topics with Markdown bodies, searchable across all topics."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Markdown, OptionList, Static
from textual.widgets.option_list import Option

from trainer.catalog.models import Tip
from trainer.catalog.search import search_tips
from trainer.screens.type_to_search import SearchableScreen


def tip_markdown(tip: Tip) -> str:
    sources = "; ".join(f"{source.title} ({source.year})" for source in tip.sources)
    return (
        f"# {tip.title}\n\n*{tip.summary}*\n\n{tip.body}\n\n---\n\n"
        f"**Evidence:** {tip.evidence}.  \n**Sources:** {sources}."
    )


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
                yield Markdown(id="tip-body")

    def on_mount(self) -> None:
        self._show_topics(list(self.trainer.catalog.tips))
        self.query_one("#topics").focus()

    def _show_topics(self, tips: list[Tip]) -> None:
        topics = self.query_one("#topics", OptionList)
        topics.clear_options()
        topics.add_options(Option(Content(tip.title), id=tip.id) for tip in tips)
        total = len(self.trainer.catalog.tips)
        query = self.query_one("#tip-search", Input).value.strip()
        count = self.query_one("#tip-count", Static)
        if tips:
            topics.highlighted = 0
            count.update(Content(f"{len(tips)} of {total} topics" + (f" mention '{query}'" if query else "")))
        else:
            count.update(Content(f"No topic mentions '{query}'"))
            self.query_one("#tip-body", Markdown).update("Try another word, or clear the search to see every topic.")

    @on(OptionList.OptionHighlighted, "#topics")
    def _show_tip(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self.query_one("#tip-body", Markdown).update(tip_markdown(self.trainer.catalog.tip(event.option.id)))
            self.query_one("#tip-scroll").scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#topics")
    def _read_tip(self) -> None:
        self.query_one("#tip-scroll").focus()

    @on(Input.Changed, "#tip-search")
    def _search(self, event: Input.Changed) -> None:
        self._show_topics(search_tips(self.trainer.catalog.tips, event.value))
