"""Replaying sessions and check-ins through the coach's rules, in memory (pure: no journal, no clock).

The coach service does the same against the journal; this is for the replay script, which prints the
weeks of a journal or of simulated weeks, and for tests that drive many sequences at once. Each session is
judged as it ends (``after_session``), each check-in that answers the morning question settles its session
(``after_morning``), and the person's choice on each proposal (``choose``) becomes decision entries and
moves the rungs, exactly as ``Coach.accept/keep/easier`` do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from trainer.engine.decisions import (
    History,
    Proposal,
    after_morning,
    after_session,
    decisions_for,
    session_to_ask,
    with_decisions,
)
from trainer.engine.ladders import Standing
from trainer.journal.coach_models import Choice, Decision
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord

Chooser = Callable[[Proposal], Choice | None]
"""The person's answer to a proposal; None: they closed it without choosing (nothing is recorded)."""


def always_accept(proposal: Proposal) -> Choice | None:
    return "accepted"


@dataclass(frozen=True)
class ReplayStep:
    """What happened at one session or morning answer."""

    at: datetime
    week: int
    session: SessionRecord
    source: str
    """``session`` (as it ended) or ``morning`` (settled by the next morning's answer)."""
    proposal: Proposal | None
    choice: Choice | None
    decisions: tuple[Decision, ...]
    rungs: dict[str, int]
    """Every ladder's rung after the choice."""


@dataclass
class Replay:
    standing: Standing
    choose: Chooser = always_accept
    entries: list[AnyEntry] = field(default_factory=list)
    steps: list[ReplayStep] = field(default_factory=list)

    def history(self) -> History:
        return History.of(self.entries, self.standing.progress.started, self.standing.programme.id)

    def rungs(self) -> dict[str, int]:
        return {ladder.exercise: self.standing.rung(ladder) for ladder in self.standing.programme.ladders}

    def _decide(self, at: datetime, record: SessionRecord, source: str, proposal: Proposal | None) -> ReplayStep:
        choice = self.choose(proposal) if proposal is not None else None
        decisions: list[Decision] = []
        if proposal is not None and choice is not None:
            decisions = decisions_for(proposal, choice, self.standing, at)
            self.entries.extend(decisions)
            self.standing = replace(self.standing, progress=with_decisions(self.standing.progress, decisions))
        step = ReplayStep(
            at, self.standing.week(at.date()), record, source, proposal, choice, tuple(decisions), self.rungs()
        )
        self.steps.append(step)
        return step

    def session(self, record: SessionRecord) -> ReplayStep:
        """A session has ended: judge it and act on any proposal."""
        self.entries.append(record)
        return self._decide(record.ended, record, "session", after_session(record, self.history(), self.standing))

    def check_in(self, check_in: CheckIn) -> ReplayStep | None:
        """A check-in: when it answers the morning question, settle that session."""
        asked = session_to_ask(self.history(), self.standing, check_in.at.date())
        self.entries.append(check_in)
        if asked is None or check_in.session_worse is None:
            return None
        proposal = after_morning(asked, check_in.session_worse, self.history(), self.standing)
        return self._decide(check_in.at, asked, "morning", proposal)

    def feed(self, entries: Iterable[AnyEntry]) -> Replay:
        """Sessions and check-ins in time order (a session counts from its end); other entries are kept."""

        def moment(entry: AnyEntry) -> datetime:
            return entry.ended if isinstance(entry, SessionRecord) else entry.at

        for entry in sorted(entries, key=moment):
            if isinstance(entry, SessionRecord):
                self.session(entry)
            elif isinstance(entry, CheckIn):
                self.check_in(entry)
        return self
