"""A whole plain-mode session: the pain question, the session in lines, then how it went.

The same questions as the full-screen session asks before and after, in the same words, each answered by
a line (Enter skips it); the answers go to the same journal record.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ValidationError

from trainer.engine.session_view import end_words
from trainer.engine.suggest import HIGH_PAIN
from trainer.journal.errors import JournalError
from trainer.journal.limits import explain
from trainer.journal.models import PAIN_NOW_QUESTION, SessionRecord
from trainer.plain.questions import LineKeys, ask_note, ask_number
from trainer.plain.session import PlainSession, SafetyLines
from trainer.services.core import Services
from trainer.services.recorder import AfterAnswers

PAIN_SCALE = "0 is no pain, 10 the worst pain you can imagine"


def play(services: Services, target: str, keys: LineKeys, say: Callable[[str], None]) -> SessionRecord:
    """Ask the pain now, play ``target`` (a routine or exercise id) in lines, ask how it went, save it all."""
    catalog = services.catalog
    plan = services.plans.for_target(catalog.routines.get(target), catalog.exercises.get(target))
    safety = SafetyLines.from_safety(catalog.safety)
    say(f"Before you start: {plan.title}.")
    pain = ask_number(keys, say, f"{PAIN_NOW_QUESTION} {PAIN_SCALE}.")
    if pain is not None and pain >= HIGH_PAIN:
        say(f"That is high. {catalog.safety.pain_rule.red}")
    session = PlainSession(
        plan, services.new_recorder(pain), clock=services.session_clock, keys=keys, say=say, safety=safety
    )
    record = session.run()
    headline, summary = end_words(record)
    say(f"{headline}. {summary}")
    answers = AfterAnswers(
        pain_after=ask_number(keys, say, f"{PAIN_NOW_QUESTION} {PAIN_SCALE}."),
        pain_peak=ask_number(keys, say, f"Your highest pain during the session? {PAIN_SCALE}."),
        effort=ask_number(keys, say, "How hard did it feel? 0 is very easy, 10 as hard as it gets."),
        note=ask_note(keys, say),
    )
    try:
        saved = session.recorder.save_answers(answers)
    except (JournalError, ValidationError) as error:
        say(f"The answers could not be saved ({_reason(error)}); the session itself is saved.")
        return record
    say("Saved in your journal." if saved is not None else "Saved in your journal, without answers.")
    return saved or record


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(explain(detail) for detail in error.errors())
    return str(error)
