"""Shown instead of Home when the bundled content cannot be loaded."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from trainer.catalog.problems import ContentProblem
from trainer.widgets.literal import literal
from trainer.wording import plural


class ContentErrorScreen(Screen[None]):
    SUB_TITLE = "Content problem"
    BINDINGS = [Binding("q", "app.quit", "Quit")]
    DEFAULT_CSS = """
    ContentErrorScreen {
        #problems { padding: 1 2; }
        #problems .problem { margin-bottom: 1; }
        #problems #advice { color: $warning; margin-bottom: 1; }
    }
    """

    def __init__(self, problems: tuple[ContentProblem, ...]) -> None:
        super().__init__()
        self.problems = problems

    def compose(self) -> ComposeResult:
        yield Header(icon="")
        with VerticalScroll(id="problems"):
            yield Static(
                Content.styled(
                    f"backtrainer cannot start: its content has {plural(len(self.problems), 'problem')}.",
                    "bold",
                )
            )
            yield Static(
                Content(
                    "If you have back pain with numbness around your bottom or genitals, new bladder or bowel "
                    "trouble, or weakness in your legs, contact your emergency number now."
                ),
                id="advice",
            )
            for problem in self.problems:
                yield Static(literal(str(problem)), classes="problem")
            yield Static(Content("Run 'backtrainer check-content' to see this list in the shell."))
        yield Footer()
