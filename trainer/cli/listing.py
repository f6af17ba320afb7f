"""``backtrainer journal`` and ``backtrainer stats``: the journal as a table, and its summary."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Sequence
from datetime import datetime

import click

from trainer.cli.common import When, WholeNumber, journal_errors, report_problems, when_label
from trainer.cli.context import Context
from trainer.cli.output import fit, say
from trainer.engine.insights import summarize
from trainer.journal.describe import entry_pain, entry_summary
from trainer.journal.models import AnyEntry, CheckIn, EntryKind
from trainer.reports.summary import summary_entries, summary_lines
from trainer.text_rules import one_line

MAX_DAYS = 3660
TABLE_WIDTH = 79  # fits an 80-column terminal without wrapping at the last column
WHEN_WIDTH = 17
KIND_WIDTH = 8
KIND_LABELS = {  # fits the column
    "check-in": "check-in",
    "session": "session",
    "weekly-check": "weekly",
    "reminder": "reminder",
    "decision": "decision",
    "review": "review",
}
PAIN_WIDTH = 5
KINDS: tuple[EntryKind, ...] = ("check-in", "session", "weekly-check", "reminder", "decision", "review")


# --- journal ----------------------------------------------------------------------------------

JOURNAL_EPILOG = """\b
Examples:
  backtrainer journal
  backtrainer journal --since monday --kind check-in
  backtrainer journal --since 2026-11-01 --limit 0

\b
WHEN is one of: today, yesterday, N days ago, a weekday (the last one before
today), HH:MM, YYYY-MM-DD [HH:MM]. A day without a time means from its start.
"""


def _table_width() -> int:
    """80 columns (less one), or the terminal's width when it is wider and stdout is a terminal."""
    if not sys.stdout.isatty():
        return TABLE_WIDTH
    return max(TABLE_WIDTH, shutil.get_terminal_size((TABLE_WIDTH + 1, 24)).columns - 1)


def _details(entry: AnyEntry) -> str:
    text = entry_summary(entry)
    if isinstance(entry, CheckIn) and entry.pain_average is not None:
        text = f"avg {entry.pain_average}/10" + (f"; {text}" if text else "")
    return text


def journal_table(entries: Sequence[AnyEntry], current: datetime, width: int = TABLE_WIDTH) -> list[str]:
    """Rows of the plain-text table, header first; no line is wider than ``width`` columns.
    The "When" column is as wide as its longest date (a date of another year shows its year)."""
    whens = [when_label(entry.at, current) for entry in entries]
    when_width = max([WHEN_WIDTH - 1, *(len(when) for when in whens)]) + 1
    details_width = width - when_width - KIND_WIDTH - PAIN_WIDTH - 6

    def row(when: str, kind: str, pain: str, details: str) -> str:
        cells = f"{when:<{when_width}}  {kind:<{KIND_WIDTH}}  {fit(pain, PAIN_WIDTH):<{PAIN_WIDTH}}  "
        return (cells + fit(one_line(details), details_width)).rstrip()

    lines = [row("When", "Kind", "Pain", "Details")]
    lines.extend(
        row(when, KIND_LABELS[entry.kind], entry_pain(entry), _details(entry))
        for when, entry in zip(whens, entries, strict=True)
    )
    return lines


@click.command("journal", epilog=JOURNAL_EPILOG)
@click.option("--since", type=When(start_of_day=True), metavar="WHEN", help="Only entries from then on.")
@click.option(
    "--limit",
    type=WholeNumber(0, wanted="the number of entries to show (0 shows all)"),
    default=20,
    show_default=True,
    metavar="N",
    help="Show the newest N entries (0 shows all).",
)
@click.option(
    "--kind",
    metavar="KIND",
    type=click.Choice(KINDS, case_sensitive=False),
    help="Only this kind of entry: " + ", ".join(KINDS) + ".",
)
@click.pass_obj
def journal(context: Context, since: datetime | None, limit: int, kind: str | None) -> None:
    """List journal entries, newest first, as a plain-text table."""
    store = context.store()
    kinds = [known for known in KINDS if known == kind] if kind else None  # the Choice gives the exact spelling
    with journal_errors(store):
        # the newest months only, until the newest ``limit`` are known: the rest are only counted
        shown, total = (
            store.newest(limit, since=since, kinds=kinds) if limit else (store.entries(since, None, kinds), 0)
        )
    report_problems(store)
    if not shown:
        scope = f" since {when_label(since, context.now())}" if since is not None else ""
        what = f"{kind} entries" if kind else "entries"
        say(f"No {what}{scope}. Add a check-in with: backtrainer log PAIN")
        return
    for line in journal_table(shown, context.now(), _table_width()):
        say(line)
    if len(shown) < total:
        say(f"Showing the newest {len(shown)} of {total} entries; --limit 0 shows all.")


# --- stats --------------------------------------------------------------------------------------


@click.command(
    "stats",
    epilog="\b\nExamples:\n  backtrainer stats\n  backtrainer stats --days 7",
)
@click.option(
    "--days",
    type=WholeNumber(1, MAX_DAYS, wanted=f"a number of days from 1 to {MAX_DAYS}"),
    default=30,
    show_default=True,
    metavar="N",
    help="The period: the last N days, today included.",
)
@click.pass_obj
def stats(context: Context, days: int) -> None:
    """Summarise the journal: pain trend, sessions against your weekly goal,
    streaks, walking and leg symptoms.

    Pain is compared as 7-day averages (the last 7 days against your first
    week), never single days.
    """
    store = context.store()
    today = context.now().date()
    with journal_errors(store):
        entries = summary_entries(store, today, days)
        store.note_odd_files()  # named even in months the summary did not need
        goal = store.load_settings().sessions_per_week_goal
    report_problems(store)
    summary = summarize(entries, today, days=days, goal=goal)
    for line in summary_lines(summary):
        say(line)
