"""The list of journal entries, newest first, with filters and a detail view."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from enum import Enum

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import DataTable, Static

from trainer.journal.coach_models import Decision, Review
from trainer.journal.describe import KIND_LABELS, entry_details, entry_pain, entry_summary
from trainer.journal.models import AnyEntry, ReminderPrompt, SessionRecord
from trainer.screens.base import services_of
from trainer.screens.dialogs import WideDialog
from trainer.widgets.literal import cell, literal
from trainer.widgets.segmented import Segmented
from trainer.wording import display_width, fit, format_moment, plural

MAX_ROWS = 400
"""The list shows at most this many rows; the range filter narrows it."""

KIND_FILTERS: list[tuple[str, tuple[str, ...]]] = [
    ("all", ()),
    ("check-ins", ("check-in",)),
    ("sessions", ("session",)),
    ("weekly", ("weekly-check",)),
    ("reminders", ("reminder",)),
    ("coach", ("decision", "review")),
]
"""'all' is the diary (reviews included): the reminders (a desk break every hour or so) and the coach's dose
decisions (one for each exercise of a session) have a filter of their own, the coach's with the reviews."""
OWN_FILTER = frozenset({"reminder", "decision"})
"""Kinds 'all' leaves to their own filter."""
RANGE_FILTERS = [("30 days", 30), ("90 days", 90), ("1 year", 365), ("all", 0)]
KIND_LABEL, RANGE_LABEL = "Show (k): ", "Range (r):"
FILTERS_ON_ONE_LINE = (
    sum(
        len(label) + 1 + sum(len(text) + 2 for text, _ in options)  # as Segmented draws them
        for label, options in ((KIND_LABEL, KIND_FILTERS), (RANGE_LABEL, RANGE_FILTERS))
    )
    + 3
)  # (the margin between them: journal.tcss)
"""Columns the two filters need side by side."""
COLUMNS = (("When", "when"), ("Kind", "kind"), ("Pain", "pain"), ("Details", "details"))
MIN_DETAILS = 16
FALLBACK_DETAILS = 60


class NeedsDays(Message):
    """A pane now shows ``days`` days (0: everything): the screen reads further back if needed."""

    def __init__(self, days: int) -> None:
        super().__init__()
        self.days = days


class EntryChoice(Enum):
    EDIT = "edit"
    DELETE = "delete"
    CLOSE = "close"


class EntryScreen(WideDialog[EntryChoice]):
    """One entry in full, and what to do with it."""

    BINDINGS = [
        Binding("e", "choose('edit')", "Edit"),
        Binding("d", "choose('delete')", "Delete"),
        Binding("q,escape,enter", "choose('close')", "Close"),
    ]

    def __init__(self, entry: AnyEntry) -> None:
        super().__init__()
        self.entry = entry

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(Content(KIND_LABELS[self.entry.kind].capitalize()), classes="dialog-title")
            for label, value in entry_details(self.entry, services_of(self).today()):
                with Horizontal(classes="detail-row"):
                    yield Static(Content(label), classes="detail-label")
                    yield Static(literal(value), classes="detail-value")
            yield Static(Content(" · ".join((*self._edit_hint(), "d delete", "q close"))), classes="dialog-buttons")

    def _edit_hint(self) -> tuple[str, ...]:
        if isinstance(self.entry, ReminderPrompt | Decision | Review):
            return ()  # a record of what was shown, proposed or chosen: kept as it happened
        if isinstance(self.entry, SessionRecord):
            return ("e add or change pain after, effort, note",)
        return ("e edit",)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action == "choose" and parameters == ("edit",) and not self._edit_hint())

    def action_choose(self, choice: str) -> None:
        self.dismiss(EntryChoice(choice))


class EntriesPane(Vertical):
    """Filters and a table of entries. Posts ``Opened`` when one is chosen."""

    BINDINGS = [Binding("k", "cycle('#kind-filter')", "Kind"), Binding("r", "cycle('#range-filter')", "Range")]

    class Opened(Message):
        def __init__(self, entry: AnyEntry) -> None:
            super().__init__()
            self.entry = entry

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[AnyEntry] = []
        self._shown: dict[str, AnyEntry] = {}
        self.now = datetime.now().astimezone()

    def compose(self) -> ComposeResult:
        with Horizontal(id="entry-filters"):
            yield Segmented(KIND_LABEL, KIND_FILTERS, id="kind-filter")
            yield Segmented(RANGE_LABEL, RANGE_FILTERS, id="range-filter")
        yield DataTable(id="entry-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="entry-count")

    def on_resize(self) -> None:
        """Both filters on one line when they fit (about 90 columns), else one above the other; the Details
        column takes the width there is."""
        filters = self.query_one("#entry-filters")
        filters.set_class(self.size.width < FILTERS_ON_ONE_LINE, "-stacked")
        self.call_after_refresh(self._refresh)  # the table's new width is known after the layout

    @property
    def days(self) -> int:
        value: int = self.query_one("#range-filter", Segmented).value
        return value

    def show(self, entries: Sequence[AnyEntry], now: datetime) -> None:
        """Show ``entries`` (newest first) through the current filters."""
        self._entries = list(entries)
        self.now = now
        self._refresh()

    def _refresh(self) -> None:
        kinds: tuple[str, ...] = self.query_one("#kind-filter", Segmented).value
        since = self.now - timedelta(days=self.days) if self.days else None
        matching = [
            entry
            for entry in self._entries
            if (entry.kind in kinds if kinds else entry.kind not in OWN_FILTER) and (since is None or entry.at >= since)
        ]
        table = self.query_one("#entry-table", DataTable)
        shown = matching[:MAX_ROWS]
        rows = [(format_moment(entry.at, self.now), KIND_LABELS[entry.kind], entry_pain(entry)) for entry in shown]
        details = self._details_width(table, rows)
        cursor = table.cursor_row
        table.clear(columns=True)
        for (title, key), width in zip(COLUMNS, details, strict=True):
            table.add_column(title, key=key, width=width)
        self._shown = {}
        for entry, (when, kind, pain) in zip(shown, rows, strict=True):
            self._shown[entry.id] = entry
            table.add_row(when, kind, pain, cell(fit(entry_summary(entry), details[-1])), key=entry.id)
        if rows:
            table.move_cursor(row=min(cursor, len(rows) - 1), animate=False)
        count = self.query_one("#entry-count", Static)
        if not matching:
            count.update(Content("Nothing here yet for this filter. Press c to check in."))
        elif len(matching) > MAX_ROWS:
            count.update(Content(f"Showing the newest {MAX_ROWS} of {len(matching)}; narrow the range to see older."))
        else:
            count.update(Content(f"{plural(len(matching), 'entry', 'entries')} · Enter opens one"))

    @staticmethod
    def _details_width(table: DataTable[object], rows: list[tuple[str, str, str]]) -> list[int]:
        """The widths of the four columns: the first three as wide as their longest text, Details the rest
        of the table (its text is cut with "…" to fit, never clipped by the table's edge)."""
        widths = [
            max([display_width(title), *(display_width(row[index]) for row in rows)])
            for index, (title, _) in enumerate(COLUMNS[:3])
        ]
        if not table.size.width:  # not laid out yet: the resize that follows sets the real width
            return [*widths, FALLBACK_DETAILS]
        padding = 2 * table.cell_padding
        scrollbar = table.styles.scrollbar_size_vertical if len(rows) >= table.size.height - 1 else 0
        rest = table.size.width - scrollbar - sum(width + padding for width in widths) - padding
        return [*widths, max(MIN_DETAILS, rest)]

    def select(self, entry_id: str) -> None:
        """Put the cursor on that entry (when the filters show it) and the focus on the list."""
        table = self.query_one("#entry-table", DataTable)
        if entry_id in self._shown:
            table.move_cursor(row=table.get_row_index(entry_id))
        table.focus()

    def action_cycle(self, selector: str) -> None:
        self.query_one(selector, Segmented).cycle()

    @on(Segmented.Changed, "#kind-filter")
    def _kind_changed(self) -> None:
        self._refresh()

    @on(Segmented.Changed, "#range-filter")
    def _range_changed(self) -> None:
        self.post_message(NeedsDays(self.days))
        self._refresh()

    @on(DataTable.RowSelected, "#entry-table")
    def _open(self, event: DataTable.RowSelected) -> None:
        entry = self._shown.get(event.row_key.value or "")
        if entry is not None:
            self.post_message(self.Opened(entry))
