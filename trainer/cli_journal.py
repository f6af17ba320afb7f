"""The journal's shell commands: log, journal, stats, export and import.

They read and write through the journal store, like the app, so the shell and
a running app (or two SSH logins) never lose each other's entries. Nothing is
written when an argument is wrong (exit status 2); a journal that cannot be
used gives exit status 1 and the store's message, never a traceback.
"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import click
from pydantic import ValidationError

from trainer.cli_output import fit, say, say_data
from trainer.engine.insights import summarize, summary_lines
from trainer.journal.describe import entry_pain, entry_summary, places_text
from trainer.journal.export import ExportFileError, read_json_export, to_csv, to_json, write_private_file
from trainer.journal.models import (
    HELPERS,
    LEG_SYMPTOMS,
    LOCATIONS,
    AnyEntry,
    CheckIn,
    EntryKind,
)
from trainer.journal.report import markdown_report
from trainer.journal.store import JournalError, JournalStore
from trainer.journal.when import entry_time_problem, parse_when
from trainer.paths import Paths
from trainer.text_rules import one_line

TABLE_WIDTH = 79  # fits an 80-column terminal without wrapping at the last column
WHEN_WIDTH = 17
KIND_WIDTH = 8
KIND_LABELS = {"check-in": "check-in", "session": "session", "weekly-check": "weekly"}  # fits the column
PAIN_WIDTH = 5
NOTE_ECHO_WIDTH = 60  # the confirmation after `log` shows the start of a long note
KINDS: tuple[EntryKind, ...] = ("check-in", "session", "weekly-check")
FORMATS = ("csv", "json", "md")

WHEN_HELP = "now, today, yesterday 21:00, 3 days ago, monday, 21:00, 2026-11-20 or 2026-11-20 21:00"


def now() -> datetime:
    """The current local time, aware. Tests replace this function."""
    return datetime.now().astimezone()


# --- shared helpers ---------------------------------------------------------------------


class When(click.ParamType):  # type: ignore[type-arg]  # not subscripted: older click is not generic
    """A --at / --since value, read by ``parse_when`` against ``now()``."""

    name = "when"

    def __init__(self, *, start_of_day: bool, for_entry: bool = False) -> None:
        self.start_of_day = start_of_day
        self.for_entry = for_entry
        """An entry's own time (``--at``): from 1 January 2000 on."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> datetime:
        if isinstance(value, datetime):
            return value
        current = now()
        try:
            moment = parse_when(str(value), current, start_of_day=self.start_of_day)
        except ValueError as error:
            self.fail(str(error), param, ctx)
        problem = entry_time_problem(moment, current) if self.for_entry else None
        if problem is not None:
            self.fail(problem, param, ctx)
        return moment


@contextmanager
def journal_errors(store: JournalStore) -> Iterator[None]:
    """Turn store and disk errors into a one-line message with exit status 1."""
    try:
        yield
    except JournalError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(
            f"cannot use the journal folder {store.directory} ({error.strerror or error}); nothing was changed"
        ) from None


def report_problems(store: JournalStore) -> None:
    """List the journal files that could not be read (the command went on without them)."""
    problems = store.problems
    if not problems:
        return
    count = len(problems)
    say(
        f"Note: {count} journal file{'s' if count != 1 else ''} could not be read and "
        f"{'were' if count != 1 else 'was'} left out:",
        err=True,
    )
    for problem in problems:
        say(f"  {problem}", err=True)
    if any(not problem.newer for problem in problems):
        say("  Nothing in them was changed. Open the Journal in the app to set a damaged file aside.", err=True)


def when_label(moment: datetime, current: datetime) -> str:
    """``Tue 24 Nov 21:00`` this year, ``24 Nov 2025 21:00`` before."""
    if moment.year == current.year:
        return f"{moment:%a} {moment.day} {moment:%b %H:%M}"
    return f"{moment.day} {moment:%b %Y %H:%M}"


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 entry``, ``2 entries`` (``many`` when adding an s is wrong)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def _unique(values: Sequence[str]) -> list[str]:
    """``values`` without repeats (ignoring case), first spelling kept."""
    seen: set[str] = set()
    kept = []
    for value in values:
        key = value.strip().casefold()
        if key not in seen:
            seen.add(key)
            kept.append(value)
    return kept


# --- log ------------------------------------------------------------------------------------

# Model field -> (option as the person typed it, what a good value looks like), in the order of the options
LOG_FIELDS: dict[str, tuple[str, str]] = {
    "pain_now": ("PAIN", "a whole number from {minimum} (no pain) to {maximum} (worst pain you can imagine)"),
    "pain_average": ("--average", "a whole number from {minimum} (no pain) to {maximum} (worst pain you can imagine)"),
    "where": ("--where", "one of " + ", ".join(LOCATIONS)),
    "leg_symptoms": ("--leg", "one of " + ", ".join(LEG_SYMPTOMS)),
    "helped": ("--helped", "one of " + ", ".join(HELPERS)),
    "triggers": ("--tag", "up to {max_items} tags of 1 to {max_length} characters"),
    "walked_minutes": ("--walked", "whole minutes from {minimum} to {maximum}"),
    "sleep_quality": ("--sleep", "a whole number from {minimum} (very poor) to {maximum} (very good)"),
    "notes": ("--note", "at most {max_length:,} characters"),
    "at": ("--at", WHEN_HELP),
}
WHOLE_NUMBER = re.compile(r"^\s*[+-]?\d+\s*$")


def _limits(field: str) -> dict[str, Any]:
    """The field's bounds, read from the CheckIn model (the one source of truth)."""
    schema = CheckIn.model_json_schema()["properties"][field]
    limits: dict[str, Any] = {}
    for part in [schema, *schema.get("anyOf", []), schema.get("items", {})]:
        for key, name in (
            ("minimum", "minimum"),
            ("maximum", "maximum"),
            ("maxLength", "max_length"),
            ("maxItems", "max_items"),
        ):
            if key in part:
                limits.setdefault(name, part[key])
    return limits


def _wanted(field: str) -> str:
    wanted = LOG_FIELDS[field][1]
    return wanted.format(**_limits(field)) if "{" in wanted else wanted


def _invalid(field: str, reason: str) -> str:
    option = LOG_FIELDS[field][0]
    return f"Invalid value for '{option}': {reason}; give {_wanted(field)}."


def _number(field: str, value: str | None, bad: dict[str, str]) -> int | None:
    """A whole number; ``None`` (and a note in ``bad``) when ``value`` is not one."""
    if value is None:
        return None
    if WHOLE_NUMBER.match(value):
        return int(value)
    bad[field] = _invalid(field, f"{value!r} is not a whole number")
    return None


def _explain(detail: Any) -> str:
    """A pydantic error on a CheckIn field in plain words."""
    kind, value, context = detail["type"], detail.get("input"), detail.get("ctx", {})
    location = detail["loc"]
    if kind == "greater_than_equal":
        return f"{value} is below {context['ge']}"
    if kind == "less_than_equal":
        return f"{value} is above {context['le']}"
    if kind in ("string_too_long", "too_long"):
        if location == ("notes",):
            return f"the note is {len(value):,} characters long"
        if location == ("triggers",):
            return f"{len(value)} tags were given"
        return f"{value!r} is longer than {context['max_length']} characters"
    if kind in ("string_too_short", "too_short"):
        return "a tag cannot be empty"
    if kind == "literal_error":
        return f"{value!r} is not known"
    return str(detail["msg"]).removeprefix("Value error, ")


class LogCommand(click.Command):
    """``log -1`` would read as an unknown option "-1": say what is wrong with PAIN instead."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        try:
            return super().parse_args(ctx, args)
        except click.NoSuchOption as error:
            if re.fullmatch(r"-\d+(?:\.\d*)?", error.option_name):
                raise click.UsageError(_invalid("pain_now", f"{error.option_name} is below 0"), ctx) from None
            raise


def _saved_line(entry: CheckIn, current: datetime) -> str:
    parts = [f"pain {entry.pain_now}/10"]
    if entry.pain_average is not None:
        parts.append(f"average {entry.pain_average}/10")
    if entry.where:
        parts.append(places_text(entry.where))
    if entry.leg_symptoms:
        parts.append("leg " + " + ".join(entry.leg_symptoms))
    if entry.helped:
        parts.append("helped by " + " + ".join(entry.helped))
    if entry.triggers:
        parts.append("tags " + " + ".join(entry.triggers))
    if entry.walked_minutes is not None:
        parts.append(f"walked {entry.walked_minutes} min")
    if entry.sleep_quality is not None:
        parts.append(f"sleep {entry.sleep_quality}/10")
    if entry.notes:
        parts.append(f"note: {fit(one_line(entry.notes), NOTE_ECHO_WIDTH)}")
    return one_line(f"Saved check-in for {when_label(entry.at, current)}: {', '.join(parts)}.")


LOG_EPILOG = """\b
Examples:
  backtrainer log 4
  backtrainer log 4 --average 3 --where lower-back-centre --walked 20
  backtrainer log 6 --where buttock-left --leg tingling --helped heat --tag sitting
  backtrainer log 3 --at "yesterday 21:00" --note "Stiff after the drive"

\b
WHEN is one of: now, today, yesterday, N days ago, a weekday (the last one
before today), each optionally followed by HH:MM; HH:MM alone (today); or
YYYY-MM-DD [HH:MM]. A day without a time means the same time of day as now.
It cannot be in the future.
"""


@click.command("log", cls=LogCommand, epilog=LOG_EPILOG)
@click.argument("pain", metavar="PAIN")
@click.option("--average", metavar="N", help="Average pain over the last 24 hours, 0-10.")
@click.option(
    "--where",
    "where",
    multiple=True,
    metavar="PLACE",
    type=click.Choice(LOCATIONS, case_sensitive=False),
    help="Where it hurts (repeat for several): " + ", ".join(LOCATIONS) + ".",
)
@click.option(
    "--leg",
    multiple=True,
    metavar="SYMPTOM",
    type=click.Choice(LEG_SYMPTOMS, case_sensitive=False),
    help="A leg symptom (repeat for several): " + ", ".join(LEG_SYMPTOMS) + ".",
)
@click.option(
    "--helped",
    multiple=True,
    metavar="WHAT",
    type=click.Choice(HELPERS, case_sensitive=False),
    help="What helped (repeat for several): " + ", ".join(HELPERS) + ".",
)
@click.option("--tag", multiple=True, metavar="TEXT", help="A word for what set it off, e.g. sitting (repeatable).")
@click.option("--walked", metavar="MIN", help="Minutes walked today.")
@click.option("--sleep", metavar="N", help="How well you slept, 0 (very poor) to 10 (very good).")
@click.option("--note", metavar="TEXT", default="", help="A note in your own words (up to 2,000 characters).")
@click.option(
    "--at",
    "at",
    type=When(start_of_day=False, for_entry=True),
    metavar="WHEN",
    help="When it was, if not now (see below).",
)
@click.pass_obj
def log(
    paths: Paths,
    pain: str,
    average: str | None,
    where: tuple[str, ...],
    leg: tuple[str, ...],
    helped: tuple[str, ...],
    tag: tuple[str, ...],
    walked: str | None,
    sleep: str | None,
    note: str,
    at: datetime | None,
) -> None:
    """Save a check-in: PAIN is how bad your back pain is right now, 0 (no pain)
    to 10 (worst pain you can imagine).

    Nothing is saved if any value is wrong (exit status 2).
    """
    current = now()
    bad: dict[str, str] = {}  # field -> message, for values that are not even numbers
    data = {
        "at": at or current,
        "pain_now": _number("pain_now", pain, bad),
        "pain_average": _number("pain_average", average, bad),
        "where": _unique(where),
        "leg_symptoms": _unique(leg),
        "helped": _unique(helped),
        "triggers": _unique(tag),
        "walked_minutes": _number("walked_minutes", walked, bad),
        "sleep_quality": _number("sleep_quality", sleep, bad),
        "notes": note,
    }
    if any(not value.strip() for value in tag):
        bad["triggers"] = _invalid("triggers", "a tag cannot be empty")
    problems = list(bad.items())
    try:
        entry = CheckIn.model_validate(data)
    except ValidationError as error:
        for detail in error.errors(include_url=False):
            field = str(detail["loc"][0]) if detail["loc"] else ""
            if field in bad:
                continue  # already explained
            if field not in LOG_FIELDS:
                message = f"Invalid check-in: {detail['msg']}"
            elif detail["type"] == "value_error":  # a control character: nothing to suggest but leaving it out
                message = f"Invalid value for '{LOG_FIELDS[field][0]}': {_explain(detail)}."
            else:
                message = _invalid(field, _explain(detail))
            if (field, message) not in problems:
                problems.append((field, message))
    if problems:
        order = list(LOG_FIELDS)
        problems.sort(key=lambda problem: order.index(problem[0]) if problem[0] in order else len(order))
        raise click.UsageError("\n".join(message for _, message in problems))
    store = JournalStore(paths.journal_dir)
    with journal_errors(store):
        store.add(entry)
    say(_saved_line(entry, current))


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
    """Rows of the plain-text table, header first; no line is wider than ``width`` columns."""
    details_width = width - WHEN_WIDTH - KIND_WIDTH - PAIN_WIDTH - 6

    def row(when: str, kind: str, pain: str, details: str) -> str:
        cells = f"{fit(when, WHEN_WIDTH):<{WHEN_WIDTH}}  {kind:<{KIND_WIDTH}}  {fit(pain, PAIN_WIDTH):<{PAIN_WIDTH}}  "
        return (cells + fit(one_line(details), details_width)).rstrip()

    lines = [row("When", "Kind", "Pain", "Details")]
    lines.extend(
        row(when_label(entry.at, current), KIND_LABELS[entry.kind], entry_pain(entry), _details(entry))
        for entry in entries
    )
    return lines


@click.command("journal", epilog=JOURNAL_EPILOG)
@click.option("--since", type=When(start_of_day=True), metavar="WHEN", help="Only entries from then on.")
@click.option(
    "--limit",
    type=click.IntRange(min=0),
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
def journal(paths: Paths, since: datetime | None, limit: int, kind: str | None) -> None:
    """List journal entries, newest first, as a plain-text table."""
    store = JournalStore(paths.journal_dir)
    kinds = [known for known in KINDS if known == kind] if kind else None  # the Choice gives the exact spelling
    with journal_errors(store):
        entries = store.entries(since=since, kinds=kinds)
    report_problems(store)
    if not entries:
        scope = f" since {when_label(since, now())}" if since is not None else ""
        what = f"{kind} entries" if kind else "entries"
        say(f"No {what}{scope}. Add a check-in with: backtrainer log PAIN")
        return
    shown = entries if limit == 0 else entries[:limit]
    for line in journal_table(shown, now(), _table_width()):
        say(line)
    if len(shown) < len(entries):
        say(f"Showing the newest {len(shown)} of {len(entries)} entries; --limit 0 shows all.")


# --- stats --------------------------------------------------------------------------------------


@click.command(
    "stats",
    epilog="\b\nExamples:\n  backtrainer stats\n  backtrainer stats --days 7",
)
@click.option(
    "--days",
    type=click.IntRange(min=1, max=3660),
    default=30,
    show_default=True,
    metavar="N",
    help="The period: the last N days, today included.",
)
@click.pass_obj
def stats(paths: Paths, days: int) -> None:
    """Summarise the journal: pain trend, sessions against your weekly goal,
    streaks, walking and leg symptoms.

    Pain is compared as 7-day averages (the last 7 days against your first
    week), never single days.
    """
    store = JournalStore(paths.journal_dir)
    with journal_errors(store):
        entries = store.entries()
        goal = store.load_settings().sessions_per_week_goal
    report_problems(store)
    summary = summarize(entries, now().date(), days=days, goal=goal)
    for line in summary_lines(summary):
        say(line)


# --- export -----------------------------------------------------------------------------------

EXPORT_EPILOG = """\b
Examples:
  backtrainer export --format md --out back-report.md
  backtrainer export --format csv --since 2026-09-01 > journal.csv
  backtrainer export --format json --out backup.json

\b
csv: one row per entry (oldest first), for a spreadsheet.
json: every field of every entry; restore it with 'backtrainer import'.
md: a report for a physiotherapist or doctor (trends, sessions, leg symptoms).

\b
WHEN is as for 'backtrainer journal': today, yesterday, 3 days ago, monday,
YYYY-MM-DD ... A day without a time means from its start. Files written with
--out are readable by you only (mode 0600).
"""


def _render(fmt: str, store: JournalStore, since: datetime | None, current: datetime) -> tuple[str, int]:
    """The export text and the number of entries in it."""
    if fmt == "md":
        everything = store.entries()  # the report compares with the first week, even before --since
        goal = store.load_settings().sessions_per_week_goal
        in_period = [entry for entry in everything if since is None or entry.at >= since]
        text = markdown_report(everything, current.date(), since.date() if since is not None else None, goal, current)
        return text, len(in_period)
    entries = list(reversed(store.entries(since=since)))  # oldest first
    if fmt == "csv":
        return to_csv(entries), len(entries)
    return to_json(entries, current), len(entries)


def _write_out(out: Path, payload: bytes, force: bool) -> None:
    try:
        write_private_file(out, payload, overwrite=force)
    except FileExistsError:
        raise click.ClickException(f"{out} already exists; nothing was written (add --force to replace it)") from None
    except IsADirectoryError:
        raise click.ClickException(f"{out} is a folder; give a file name") from None
    except FileNotFoundError:
        raise click.ClickException(f"cannot write {out}: the folder {out.parent} does not exist") from None
    except OSError as error:
        raise click.ClickException(f"cannot write {out} ({error.strerror or error})") from None


@click.command("export", epilog=EXPORT_EPILOG)
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS, case_sensitive=False),
    required=True,
    help="csv (spreadsheet), json (full backup) or md (report to share).",
)
@click.option("--since", type=When(start_of_day=True), metavar="WHEN", help="Only entries from then on.")
@click.option(
    "--out",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    metavar="FILE",
    help="Write to FILE instead of standard output; never replaces a file unless --force.",
)
@click.option("--force", is_flag=True, help="With --out: replace FILE if it exists.")
@click.pass_obj
def export(paths: Paths, fmt: str, since: datetime | None, out: Path | None, force: bool) -> None:
    """Export the journal as CSV, JSON or a Markdown report.

    Writes to standard output unless --out is given; a note of how many
    entries went where goes to standard error.
    """
    store = JournalStore(paths.journal_dir)
    current = now()
    with journal_errors(store):
        text, count = _render(fmt, store, since, current)
    report_problems(store)
    entries = plural(count, "entry", "entries")
    if out is None:
        say_data(text)
        say(f"Exported {entries} ({fmt}) to standard output.", err=True)
        return
    _write_out(out, text.encode("utf-8"), force)
    say(f"Exported {entries} ({fmt}) to {out}", err=True)


# --- import -----------------------------------------------------------------------------------


@click.command(
    "import",
    epilog="\b\nExamples:\n  backtrainer export --format json --out backup.json\n  backtrainer import backup.json",
)
@click.argument("file", metavar="FILE.json", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.pass_obj
def import_(paths: Paths, file: Path) -> None:
    """Restore entries from a JSON export ('backtrainer export --format json').

    Entries already in the journal (same id) are left as they are, so
    importing a file twice adds nothing the second time. If anything in the
    file is wrong, nothing is imported and the problem is named.
    """
    try:
        entries = read_json_export(file, now())
    except ExportFileError as error:
        raise click.ClickException(str(error)) from None
    store = JournalStore(paths.journal_dir)
    with journal_errors(store):
        added, skipped = store.import_entries(entries)
    were = "was" if skipped == 1 else "were"
    say(f"Added {plural(added, 'entry', 'entries')}; {skipped} {were} already in the journal.")


COMMANDS: tuple[click.Command, ...] = (log, journal, stats, export, import_)
