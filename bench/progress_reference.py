"""The reference for the session benchmarks: a plain Textual ProgressBar advanced at 10 Hz.

Shows ``reference ready`` and a ``ProgressBar(total=300)`` (default options:
bar, percentage and ETA). The ``s`` key starts advancing it by 1 every 0.1 s,
300 times (30 s), and the label turns to ``advancing``.

    python bench/progress_reference.py
"""

import argparse

from textual.app import App, ComposeResult
from textual.widgets import ProgressBar, Static

TOTAL = 300
INTERVAL = 0.1


class ProgressReference(App[None]):
    BINDINGS = [("s", "go", "Start")]

    def compose(self) -> ComposeResult:
        yield Static("reference ready", id="label")
        yield ProgressBar(total=TOTAL)

    def action_go(self) -> None:
        self.query_one("#label", Static).update("advancing")
        bar = self.query_one(ProgressBar)
        self.set_interval(INTERVAL, bar.advance, repeat=TOTAL)


if __name__ == "__main__":
    argparse.ArgumentParser(description=__doc__.split("\n\n")[0]).parse_args()
    ProgressReference().run()
