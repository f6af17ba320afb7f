"""The coach: a programme tailored at the start, doses that follow the one pain rule, goals and reviews.

The screens use this API (kept stable; every method works with no programme started, returning None or
nothing due). Dataclasses come from the pure engine; times default to the services' clock.

Getting started
    ``start(answers: StartAnswers, programme_id: str | None = None) -> StartPlan``
        Tailor the programme to the answers and save the progress. A new programme starts today with every
        ladder on its starting rung; the running one keeps its start date and rungs (changed answers).
    ``preview(answers, programme_id=None) -> StartPlan``: what ``start`` would give, saving nothing (the
        getting-started screen shows it before the person chooses).
    ``start_plan() -> StartPlan | None``: the running programme's tailoring (routines per phase, ``reasons``).
    ``stop() -> None``: leave the programme (its decisions and reviews stay in the journal).
    ``programme``, ``progress``: the running ``Programme`` and ``ProgrammeProgress``, or None.

Every day
    ``today(now: datetime | None = None) -> Today | None``
        The week of the plan, the phase, today's routine with its reason and minutes, the walk for today and
        the week, sessions done against planned this week, each goal with its target date, the next review
        and whether one is due.

After a session, and the next morning
    ``after_session(record: SessionRecord) -> Proposal | None``
        Red: one rung down and the flare plan; amber: keep the dose; green or nothing to judge: None. Pass
        the record with the "how did it go" answers (``SessionRecorder.save_answers`` returns it).
    ``morning_question(now: datetime | None = None) -> SessionRecord | None``
        The session to ask "Is your back worse than before yesterday's session?" about, when this is the
        first check-in on a day after it; ``morning_question_text(record, now)`` words the question for its
        day. Save the answer on the check-in (``CheckIn.session_worse``, ``CheckIn.about_session``), then:
    ``after_morning_answer(record: SessionRecord, worse: bool) -> Proposal | None``
        One rung up after two settled greens; keep the dose or step down when the morning changed it.
    ``accept(proposal) / keep(proposal) / easier(proposal) -> list[Decision]``
        Record one decision per ladder of the proposal, with its reason, and move the rungs (accept: the
        proposed rung; keep: unchanged; easier: one below, two after a red). Nothing changes until then.

Reviews (weeks 2, 6 and 12 of the bundled programme)
    ``review_due(now: datetime | None = None) -> ReviewQuestions | None``
    ``save_review(questions, ratings: Mapping[str, int], outcome: ReviewOutcome, notes: str = "") -> Review``
        ``ratings``: goal text -> 0-10. Easing off moves every ladder one rung down (recorded as decisions).
    ``dose_history() -> list[Decision]``: every decision of the running programme, oldest first.
    ``usual_pain(before: datetime | None = None) -> float | None``: the usual pain the rule compares with.

Journal errors (``JournalError``) pass through for the screens to show; settings that cannot be saved hold
for this run and are reported by the settings service, as for every other setting.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime, time, timedelta

from trainer.catalog.programme import Programme
from trainer.catalog.validated import Catalog
from trainer.engine.decisions import (
    History,
    Proposal,
    after_morning,
    after_session,
    decisions_for,
    morning_question_text,
    session_to_ask,
    verdict_of,
)
from trainer.engine.ladders import Standing
from trainer.engine.pain_rule import SessionVerdict, usual_pain
from trainer.engine.review import ReviewQuestions, ease_off_decisions, review_due, review_questions
from trainer.engine.tailoring import StartPlan, start_plan
from trainer.engine.today import Today, today_plan
from trainer.journal.coach_models import (
    Choice,
    Decision,
    GoalRating,
    ProgrammeProgress,
    Review,
    ReviewOutcome,
    StartAnswers,
)
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord
from trainer.journal.store import JournalStore
from trainer.services.settings import SettingsService

__all__ = ["Coach", "Proposal", "ReviewQuestions", "SessionVerdict", "StartPlan", "Today"]

BASELINE_CHECK_INS = 3
"""The walking baseline, when the answers do not give one: the average of the last three walks logged before
the programme started."""


class Coach:
    def __init__(
        self,
        catalog: Catalog,
        journal: JournalStore,
        settings: SettingsService,
        now: Callable[[], datetime],
    ) -> None:
        self.catalog = catalog
        self.journal = journal
        self.settings = settings
        self.now = now

    # --- reading ---------------------------------------------------------------------------------------

    @property
    def progress(self) -> ProgrammeProgress | None:
        return self.settings.current.programme

    @property
    def programme(self) -> Programme | None:
        progress = self.progress
        return self.catalog.programmes.get(progress.programme_id) if progress is not None else None

    def standing(self) -> Standing | None:
        progress, programme = self.progress, self.programme
        if progress is None or programme is None:
            return None
        return Standing(programme, self.catalog.exercises, progress, self.settings.current.dose_changes)

    def _entries(self, standing: Standing) -> list[AnyEntry]:
        """The journal from a week before the programme started (the usual pain of its first sessions)."""
        zone = self.now().tzinfo
        since = datetime.combine(standing.progress.started - timedelta(days=8), time(), tzinfo=zone)
        return self.journal.entries(since=since)

    def _history(self, standing: Standing, entries: list[AnyEntry] | None = None) -> History:
        found = entries if entries is not None else self._entries(standing)
        return History.of(found, standing.progress.started, standing.programme.id)

    def _verdicts(self, standing: Standing, history: History) -> list[SessionVerdict]:
        return [verdict_of(session, history, standing) for session in history.sessions]

    def _baseline_walk(self, standing: Standing, entries: list[AnyEntry]) -> int | None:
        """The walks logged before the programme started (the later ones follow the plan itself)."""
        walks = [
            entry.walked_minutes
            for entry in sorted(entries, key=lambda entry: entry.at, reverse=True)
            if isinstance(entry, CheckIn) and entry.walked_minutes and entry.at.date() < standing.progress.started
        ][:BASELINE_CHECK_INS]
        return round(sum(walks) / len(walks)) if walks else None

    def _start_plan(self, standing: Standing, entries: list[AnyEntry]) -> StartPlan:
        get_ready = self.settings.current.get_ready_seconds
        return start_plan(standing, self.catalog.routines, get_ready, self._baseline_walk(standing, entries))

    # --- getting started -----------------------------------------------------------------------------

    def _progress_for(self, answers: StartAnswers, programme_id: str | None) -> ProgrammeProgress:
        """The progress ``start`` saves: the running programme with these answers, or a new one from today."""
        chosen = StartAnswers.model_validate(answers.model_dump())
        wanted = programme_id or self.catalog.default_programme
        if wanted is None or wanted not in self.catalog.programmes:
            raise ValueError(f"there is no programme called {wanted!r}")
        running = self.progress
        if running is not None and running.programme_id == wanted:
            return running.model_copy(update={"answers": chosen})
        return ProgrammeProgress(programme_id=wanted, started=self.now().date(), answers=chosen)

    def start(self, answers: StartAnswers, programme_id: str | None = None) -> StartPlan:
        self.settings.start_programme(self._progress_for(answers, programme_id))
        standing = self.standing()
        assert standing is not None
        return self._start_plan(standing, self._entries(standing))

    def preview(self, answers: StartAnswers, programme_id: str | None = None) -> StartPlan:
        """The tailored start ``start`` would give these answers, saving nothing."""
        progress = self._progress_for(answers, programme_id)
        programme = self.catalog.programmes[progress.programme_id]
        standing = Standing(programme, self.catalog.exercises, progress, self.settings.current.dose_changes)
        return self._start_plan(standing, self._entries(standing))

    def start_plan(self) -> StartPlan | None:
        standing = self.standing()
        return self._start_plan(standing, self._entries(standing)) if standing is not None else None

    def stop(self) -> None:
        if self.progress is not None:
            self.settings.stop_programme()

    # --- every day -------------------------------------------------------------------------------------

    def today(self, now: datetime | None = None) -> Today | None:
        standing = self.standing()
        if standing is None:
            return None
        moment = now or self.now()
        entries = self._entries(standing)
        history = self._history(standing, entries)
        return today_plan(
            standing,
            self._start_plan(standing, entries),
            self.catalog.routines,
            entries,
            self._verdicts(standing, history),
            moment,
            get_ready_seconds=self.settings.current.get_ready_seconds,
            flare_routine=self.catalog.suggestions.flare_up,
        )

    # --- after a session and the next morning --------------------------------------------------------

    def after_session(self, record: SessionRecord) -> Proposal | None:
        standing = self.standing()
        if standing is None:
            return None
        history = self._history(standing)
        others = [session for session in history.sessions if session.id != record.id]  # the record as given wins
        sessions = tuple(sorted((*others, record), key=lambda session: session.at))
        return after_session(record, History(sessions, history.check_ins, history.decisions), standing)

    def morning_question(self, now: datetime | None = None) -> SessionRecord | None:
        standing = self.standing()
        if standing is None:
            return None
        return session_to_ask(self._history(standing), standing, (now or self.now()).date())

    def morning_question_text(self, record: SessionRecord, now: datetime | None = None) -> str:
        return morning_question_text(record, (now or self.now()).date())

    def after_morning_answer(self, record: SessionRecord, worse: bool) -> Proposal | None:
        standing = self.standing()
        if standing is None:
            return None
        return after_morning(record, worse, self._history(standing), standing)

    def accept(self, proposal: Proposal) -> list[Decision]:
        return self._choose(proposal, "accepted")

    def keep(self, proposal: Proposal) -> list[Decision]:
        return self._choose(proposal, "kept")

    def easier(self, proposal: Proposal) -> list[Decision]:
        return self._choose(proposal, "easier")

    def _choose(self, proposal: Proposal, choice: Choice) -> list[Decision]:
        standing = self.standing()
        if standing is None or standing.programme.id != proposal.programme_id:
            return []
        return self._record(standing, decisions_for(proposal, choice, standing, self.now()))

    def _record(self, standing: Standing, decisions: list[Decision]) -> list[Decision]:
        for decision in decisions:
            self.journal.add(decision)
        moved = {decision.exercise_id: decision.to_rung for decision in decisions if decision.changed}
        if moved:
            self.settings.set_rungs(moved)
        return decisions

    # --- reviews ----------------------------------------------------------------------------------------

    def review_due(self, now: datetime | None = None) -> ReviewQuestions | None:
        standing = self.standing()
        if standing is None:
            return None
        today = (now or self.now()).date()
        entries = self._entries(standing)
        point = review_due(standing, [entry for entry in entries if isinstance(entry, Review)], today)
        if point is None:
            return None
        verdicts = self._verdicts(standing, self._history(standing, entries))
        return review_questions(point, standing, entries, verdicts, today)

    def save_review(
        self, questions: ReviewQuestions, ratings: Mapping[str, int], outcome: ReviewOutcome, notes: str = ""
    ) -> Review:
        now = self.now()
        change = questions.change
        review = Review(
            at=now,
            programme_id=questions.programme_id,
            week=questions.week,
            first_week_average=_rounded(change.baseline.average),
            last_week_average=_rounded(change.current.average),
            trend=questions.trend,
            goals=[
                GoalRating(goal=goal.text, target=goal.target, rating=ratings[goal.text])
                for goal in questions.goals
                if goal.text in ratings
            ],
            suggested=questions.suggested,
            outcome=outcome,
            reasons=list(questions.reasons),
            notes=notes,
        )
        self.journal.add(review)
        standing = self.standing()
        if outcome == "ease-off" and standing is not None and standing.programme.id == questions.programme_id:
            self._record(standing, ease_off_decisions(standing, questions.week, now))
        return review

    def dose_history(self) -> list[Decision]:
        standing = self.standing()
        if standing is None:
            return []
        return list(self._history(standing).decisions)

    def usual_pain(self, before: datetime | None = None) -> float | None:
        """The person's usual pain (the average check-in of the 7 days before ``before``), for the screens."""
        moment = before or self.now()
        entries = self.journal.entries(since=moment - timedelta(days=8), until=moment)
        return usual_pain([entry for entry in entries if isinstance(entry, CheckIn)], moment, None)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
