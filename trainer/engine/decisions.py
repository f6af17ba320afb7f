"""What the coach proposes after a session and the next morning, and what each of the person's choices does.

Pure functions over journal entries and the progress (``trainer.engine.pain_rule`` colours each session):

- after a session: **red** proposes one rung down on each ladder it played, and the flare plan (tips topic
  ``flare-plan``); **amber** proposes keeping the dose; green waits for the next morning.
- the next morning's answer: a green that stays green may propose **one rung up**, on each ladder that
  (``GREENS_TO_STEP_UP``) was played in full at its current rung in at least two sessions of an unbroken run
  of settled greens since its last decision, the latest of them being this session. A green turned amber
  proposes keeping the dose; an amber turned red proposes a step down.
- never up after a session stopped early or for pain (those are amber or red), never more than one rung,
  never past either end of a ladder, never to a rung the current phase's level or the person's answers rule
  out (``tailoring.unsuitable``); sessions with no colour count neither way.
- the person **accepts** (the proposed rung), **keeps** the dose (the same rung) or **goes easier** (one rung
  below where they are; two below after a red, as the brief's "drop back one or two levels" allows).
  Each choice is a ``Decision`` entry; the next run of greens counts from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from trainer.catalog.programme import Ladder
from trainer.engine.ladders import RungDose, Standing, change_text, dose_label, level_allows
from trainer.engine.pain_rule import MORNING_DAYS, SessionVerdict, pain_verdict
from trainer.engine.tailoring import unsuitable
from trainer.journal.coach_models import MORNING_QUESTION, Choice, Decision, DecisionSource, ProgrammeProgress
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord
from trainer.wording import lower_first

GREENS_TO_STEP_UP = 2
FLARE_PLAN_TOPIC = "flare-plan"
NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

Direction = Literal["up", "hold", "down"]


@dataclass(frozen=True)
class Step:
    """One ladder's proposed change (or, on hold, its dose kept)."""

    ladder: Ladder
    name: str
    """The ladder's own exercise's name."""
    before: RungDose
    proposed: RungDose

    @property
    def text(self) -> str:
        """``bird-dog 1x6 -> 1x8 each side, 3 s hold``; ``bird-dog stays at 1x6 each side`` on hold."""
        if self.before.rung == self.proposed.rung:
            return f"{lower_first(self.before.exercise.name)} stays at {self.before.text}"
        return change_text(self.before, self.proposed)


@dataclass(frozen=True)
class Proposal:
    """What the coach proposes, why, and for which ladders; applied only when the person chooses."""

    direction: Direction
    verdict: SessionVerdict
    steps: tuple[Step, ...]
    reason: str
    """What the decisions record: why, and every change (``Your last two sessions were green: bird-dog ...``)."""
    source: DecisionSource
    programme_id: str
    why: str = ""
    """Why, without the list of changes (``Your last two sessions were green.``), for a screen that lists the
    changes itself."""

    @property
    def flare_plan(self) -> bool:
        """Offer the flare plan (tips topic ``FLARE_PLAN_TOPIC``): after a red."""
        return self.direction == "down"

    @property
    def session_id(self) -> str:
        return self.verdict.session.id


@dataclass(frozen=True)
class History:
    """The journal as the coach reads it: oldest first."""

    sessions: tuple[SessionRecord, ...]
    check_ins: tuple[CheckIn, ...]
    decisions: tuple[Decision, ...]

    @classmethod
    def of(cls, entries: Iterable[AnyEntry], started: date, programme_id: str) -> History:
        """Sessions and decisions from the programme's start, check-ins from a week before it."""
        ordered = sorted(entries, key=lambda entry: entry.at)
        return cls(
            tuple(entry for entry in ordered if isinstance(entry, SessionRecord) and entry.at.date() >= started),
            tuple(entry for entry in ordered if isinstance(entry, CheckIn)),
            tuple(
                entry
                for entry in ordered
                if isinstance(entry, Decision) and entry.programme_id == programme_id and entry.at.date() >= started
            ),
        )


def played(record: SessionRecord, standing: Standing) -> list[Ladder]:
    """The ladders the session played any of (a set, a rep, a hold or some seconds of it)."""
    found: list[Ladder] = []
    for done in record.exercises:
        if not (done.sets_done or done.reps_done or done.holds_done or done.seconds):
            continue
        ladder = standing.ladder_of(done.exercise_id)
        if ladder is not None and ladder not in found:
            found.append(ladder)
    return found


def done_at_rung(record: SessionRecord, ladder: Ladder, standing: Standing) -> bool:
    """The session played the ladder's current rung in full: a routine of the programme (or a session of
    just that exercise), where the plan gave it the rung's dose, and every set of it done."""
    dose = standing.dose(ladder)
    exercise = dose.exercise.id
    if record.routine_id is not None and record.routine_id not in standing.programme.routine_ids:
        return False
    if record.routine_id is None and record.exercise_id != exercise:
        return False
    return any(
        done.exercise_id == exercise and done.sets_planned == dose.sets and done.sets_done >= done.sets_planned
        for done in record.exercises
    )


def verdict_of(
    record: SessionRecord, history: History, standing: Standing, *, worse: bool | None = None, at_end: bool = False
) -> SessionVerdict:
    return pain_verdict(
        record,
        history.check_ins,
        on_programme=bool(played(record, standing)),
        known_leg_pain=standing.progress.answers.leg_pain,
        worse=worse,
        at_end=at_end,
    )


def can_play(standing: Standing, day: date, exercise_id: str) -> bool:
    """The phase of ``day`` and the person's answers allow this exercise."""
    exercise = standing.exercises.get(exercise_id)
    if exercise is None:
        return False
    return level_allows(standing.phase(day), exercise) and unsuitable(exercise, standing.progress.answers) is None


def session_to_ask(history: History, standing: Standing, today: date) -> SessionRecord | None:
    """The session the morning question is about: the latest of the programme that ended on one of the last
    ``MORNING_DAYS`` days before ``today`` and played a ladder with a colour to settle, when no check-in has
    been made on a later day since it (this check-in is the first)."""
    asked = [
        session
        for session in history.sessions
        if today - timedelta(days=MORNING_DAYS) <= session.ended.date() < today
        and played(session, standing)
        and verdict_of(session, history, standing, at_end=True).colour is not None
    ]
    if not asked:
        return None
    latest = max(asked, key=lambda session: session.ended)
    later = [
        check_in
        for check_in in history.check_ins
        if check_in.at > latest.ended and check_in.at.date() > latest.ended.date()
    ]
    return None if later else latest


def morning_question_text(record: SessionRecord, today: date) -> str:
    """``MORNING_QUESTION`` for a session yesterday; the session's weekday when it was longer ago."""
    if record.ended.date() == today - timedelta(days=1):
        return MORNING_QUESTION
    return f"Is your back worse than before your session on {record.ended:%A}?"


def after_session(record: SessionRecord, history: History, standing: Standing) -> Proposal | None:
    """Right after a session: a step down after a red, the same dose after an amber; nothing yet after a green."""
    if not _on_programme(record, standing) or _decided(record, "session", history):
        return None
    verdict = verdict_of(record, history, standing, at_end=True)
    if verdict.colour == "red":
        return _down(verdict, standing, "session")
    if verdict.colour == "amber":
        return _hold(verdict, standing, "session")
    return None


def after_morning(record: SessionRecord, worse: bool, history: History, standing: Standing) -> Proposal | None:
    """The next morning's answer settles the session: a step up after the greens, or what changed."""
    if not _on_programme(record, standing) or _decided(record, "morning", history):
        return None
    before = verdict_of(record, history, standing, at_end=True)
    verdict = verdict_of(record, history, standing, worse=worse)
    if verdict.colour == "red" and before.colour != "red":
        return _down(verdict, standing, "morning")
    if verdict.colour == "amber" and before.colour == "green":
        return _hold(verdict, standing, "morning")
    if not verdict.confirmed_green:
        return None
    run = _green_run(record, verdict, history, standing)
    steps = []
    for ladder in played(record, standing):
        since = _since_last_decision(run, ladder, history)
        full = [item for item in since if done_at_rung(item.session, ladder, standing)]
        if len(since) < GREENS_TO_STEP_UP or len(full) < GREENS_TO_STEP_UP or full[-1].session != record:
            continue
        rung = standing.rung(ladder)
        if rung + 1 >= len(ladder.rungs) or not can_play(standing, record.ended.date(), ladder.exercise_at(rung + 1)):
            continue
        steps.append(_step(ladder, standing, rung + 1))
    if not steps:
        return None
    count = len(run)
    lead = f"Your last {NUMBER_WORDS[count] if count < len(NUMBER_WORDS) else count} sessions were green"
    reason = f"{lead}: {'; '.join(step.text for step in steps)}."
    return Proposal("up", verdict, tuple(steps), reason, "morning", standing.programme.id, why=f"{lead}.")


def _on_programme(record: SessionRecord, standing: Standing) -> bool:
    return record.at.date() >= standing.progress.started


def _decided(record: SessionRecord, source: DecisionSource, history: History) -> bool:
    """The person already chose on a proposal of this kind for this session (a second call proposes nothing)."""
    return any(decision.session_id == record.id and decision.source == source for decision in history.decisions)


def _green_run(
    record: SessionRecord, latest: SessionVerdict, history: History, standing: Standing
) -> list[SessionVerdict]:
    """The unbroken run of settled, finished greens ending with ``record`` (sessions with no colour skipped)."""
    run = [latest]
    for earlier in reversed([session for session in history.sessions if session.at < record.at]):
        verdict = verdict_of(earlier, history, standing)
        if verdict.colour is None:
            continue
        if not verdict.confirmed_green:
            break
        run.append(verdict)
    return list(reversed(run))


def _since_last_decision(run: Sequence[SessionVerdict], ladder: Ladder, history: History) -> list[SessionVerdict]:
    last = max((decision.at for decision in history.decisions if decision.exercise_id == ladder.exercise), default=None)
    return [item for item in run if last is None or item.session.at > last]


def _step(ladder: Ladder, standing: Standing, to_rung: int) -> Step:
    name = standing.exercises[ladder.exercise].name
    return Step(ladder, name, standing.dose(ladder), standing.dose(ladder, to_rung))


def _hold(verdict: SessionVerdict, standing: Standing, source: DecisionSource) -> Proposal | None:
    steps = tuple(_step(ladder, standing, standing.rung(ladder)) for ladder in played(verdict.session, standing))
    if not steps:
        return None
    reason = f"{verdict.reason} Keep the same dose next time: {'; '.join(step.text for step in steps)}."
    return Proposal("hold", verdict, steps, reason, source, standing.programme.id, why=verdict.reason)


def _down(verdict: SessionVerdict, standing: Standing, source: DecisionSource) -> Proposal:
    ladders = played(verdict.session, standing)
    steps = tuple(_step(ladder, standing, standing.rung(ladder) - 1) for ladder in ladders if standing.rung(ladder))
    if steps:
        change = f"Step down one rung: {'; '.join(step.text for step in steps)}."
    elif ladders:
        change = "Your exercises are already on their easiest step."
    else:  # stopped before any exercise of the programme
        change = "No exercise of the programme was done, so no dose changes."
    reason = f"{verdict.reason} {change} Have a look at your flare plan."
    return Proposal("down", verdict, steps, reason, source, standing.programme.id, why=verdict.reason)


# --- the person's choice ------------------------------------------------------------------------------


def chosen_rung(step: Step, direction: Direction, choice: Choice) -> int:
    """Where a choice leaves the ladder: accepted -> the proposed rung; kept -> the current one; easier ->
    one below the current (two after a red), never below the first."""
    current, proposed = step.before.rung, step.proposed.rung
    if choice == "accepted":
        return proposed
    if choice == "kept":
        return current
    return max(0, current - (2 if direction == "down" else 1))


def decisions_for(proposal: Proposal, choice: Choice, standing: Standing, at: datetime) -> list[Decision]:
    """The journal entries of the person's choice: one per ladder of the proposal."""
    entries = []
    for step in proposal.steps:
        to_rung = chosen_rung(step, proposal.direction, choice)
        entries.append(
            Decision(
                at=at,
                programme_id=proposal.programme_id,
                exercise_id=step.ladder.exercise,
                name=step.name,
                source=proposal.source,
                session_id=proposal.session_id,
                verdict=proposal.verdict.colour,
                from_rung=step.before.rung,
                from_dose=dose_label(step.before),
                proposed_rung=step.proposed.rung,
                proposed_dose=dose_label(step.proposed),
                to_rung=to_rung,
                to_dose=dose_label(standing.dose(step.ladder, to_rung)),
                choice=choice,
                reason=proposal.reason,
            )
        )
    return entries


def with_decisions(progress: ProgrammeProgress, decisions: Iterable[Decision]) -> ProgrammeProgress:
    """The progress with each decision's rung in force."""
    rungs = dict(progress.rungs)
    for decision in decisions:
        if decision.programme_id == progress.programme_id:
            rungs[decision.exercise_id] = decision.to_rung
    return progress.model_copy(update={"rungs": rungs})
