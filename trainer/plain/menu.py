"""``backtrainer --plain``: the app's main choices in lines, each answered with a line.

The first time, the same notice as the full-screen first run (what the app is for, who should ask a
professional first) must be accepted. Then: check in, start a session (the routines by number, each in
plain mode), the last entries, when to get help, quit.
"""

from __future__ import annotations

from collections.abc import Callable

from trainer.journal.describe import entry_summary
from trainer.journal.errors import JournalError
from trainer.plain.checkin import check_in
from trainer.plain.questions import LineKeys, Say
from trainer.plain.run import play
from trainer.plain.session import SafetyLines
from trainer.services.core import Services
from trainer.wording import format_date, format_minutes

MENU = "c: check in. s: start a session. j: the last entries. h: when to get help. q: quit. Then Enter."
LAST_ENTRIES = 5


def run_menu(services: Services, keys: LineKeys, say: Say) -> None:
    say("backtrainer, in plain lines.")
    if not services.settings.current.disclaimer_seen and not _accept_notice(services, keys, say):
        return
    choices: dict[str, Callable[[], object]] = {
        "c": lambda: check_in(services, keys, say),
        "s": lambda: _start(services, keys, say),
        "j": lambda: _last_entries(services, say),
        "h": lambda: _get_help(services, say),
    }
    while True:
        say(MENU)
        answer = keys.read_line()
        if answer is None or answer.strip().lower() in ("q", "quit"):
            say("Goodbye.")
            return
        choice = choices.get(answer.strip().lower()[:1])
        if choice is None:
            say("That is not one of the choices.")
        else:
            choice()


def _get_help(services: Services, say: Say) -> None:
    for line in SafetyLines.from_safety(services.catalog.safety).get_help:
        say(line)


def _accept_notice(services: Services, keys: LineKeys, say: Say) -> bool:
    safety = services.catalog.safety
    say(safety.intended_purpose)
    for line in safety.disclaimer:
        say(line)
    say("Ask a professional before you start if any of these apply:")
    for line in safety.check_first:
        say(f"- {line}")
    say("Type yes and Enter if you have read this; anything else leaves.")
    if (keys.read_line() or "").strip().lower() not in ("y", "yes"):
        say("Nothing was changed. Goodbye.")
        return False
    services.settings.accept_disclaimer()
    return True


def _start(services: Services, keys: LineKeys, say: Say) -> None:
    routines = list(services.catalog.routines.values())
    plans = services.plans
    listed = "; ".join(
        f"{number}: {routine.name}, {format_minutes(plans.for_routine(routine).total_seconds)}"
        for number, routine in enumerate(routines, 1)
    )
    say(f"Which routine? A number and Enter ({listed}). Enter alone goes back.")
    answer = (keys.read_line() or "").strip()
    if not answer:
        return
    if not answer.isdigit() or not 1 <= int(answer) <= len(routines):
        say(f"Please answer with a number from 1 to {len(routines)}.")
        return
    play(services, routines[int(answer) - 1].id, keys, say)


def _last_entries(services: Services, say: Say) -> None:
    try:
        entries = services.journal.entries()[:LAST_ENTRIES]
    except JournalError as error:
        say(f"The journal cannot be read: {error}")
        return
    if not entries:
        say("No entries yet.")
    for entry in entries:
        say(f"{format_date(entry.at.date(), services.today())}, {entry.at:%H:%M}: {entry_summary(entry)}")
