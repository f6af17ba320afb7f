"""The Journal's export (x): a report, CSV or JSON of the whole journal, saved in the data folder in a
terminal and offered as a download in a browser (``backtrainer serve``), where no file the app saves
would reach the person."""

from __future__ import annotations

import io
from typing import Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from trainer.journal.errors import JournalError
from trainer.screens.base import services_of
from trainer.screens.dialogs import WideDialog
from trainer.services.exports import EXPORTS_FOLDER, FORMAT_INFO, journal_export, save_export
from trainer.widgets.literal import literal
from trainer.wording import plural

CHOICES = ("md", "csv", "json")
"""The formats, in the order offered (1, 2, 3)."""


@runtime_checkable
class BrowserHost(Protocol):
    """An app that knows whether it shows in a web browser (``TrainerApp.in_browser``)."""

    @property
    def in_browser(self) -> bool: ...


def shown_in_browser(node: DOMNode) -> bool:
    host = node.app
    return isinstance(host, BrowserHost) and host.in_browser


class ExportScreen(WideDialog[str | None]):
    """Which export: 1 the report, 2 the spreadsheet, 3 the backup; Esc or q cancels."""

    BINDINGS = [
        Binding("1", "choose('md')", "Report", show=False),
        Binding("2", "choose('csv')", "Spreadsheet", show=False),
        Binding("3", "choose('json')", "Backup", show=False),
        Binding("escape,q", "choose('')", "Cancel"),
    ]

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export your journal", classes="dialog-title")
            yield Static(literal(self.where))
            yield OptionList(
                *(Option(f"{number}  {FORMAT_INFO[fmt].name}", id=fmt) for number, fmt in enumerate(CHOICES, 1)),
                id="export-choices",
                classes="question",
            )
            yield Static("1-3 or Enter chooses · Esc cancels", classes="hint question")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_choose(self, fmt: str) -> None:
        self.dismiss(fmt or None)


def offer_export(node: DOMNode) -> None:
    """Ask which export, then save or deliver it (a worker: the screen does not wait)."""
    node.run_worker(_export(node), group="journal-export", exclusive=True)


async def _export(node: DOMNode) -> None:
    app, services = node.app, services_of(node)
    in_browser = shown_in_browser(node)
    where = (
        "Your browser downloads it."
        if in_browser
        else f"It is saved in {services.paths.data_dir / EXPORTS_FOLDER}, readable by you only."
    )
    fmt = await app.push_screen_wait(ExportScreen(where))
    if fmt is None:
        return
    try:
        export = journal_export(fmt, services.journal, services.now())
    except JournalError as error:
        app.notify(f"Could not read the journal to export it: {error}", severity="error")
        return
    what = f"{FORMAT_INFO[fmt].name}, {plural(export.entries, 'entry', 'entries')}"
    if in_browser:
        app.deliver_text(io.StringIO(export.text), save_filename=export.file_name, mime_type=export.mime_type)
        app.notify(f"Your browser is downloading {export.file_name}: {what}.", title="Export", timeout=10)
        return
    try:
        path = save_export(services.paths.data_dir, export)
    except OSError as error:
        app.notify(f"Could not save the export: {error.strerror or error}", severity="error")
        return
    app.notify(f"Saved {what} to {path}", title="Export", timeout=20)
