"""The one place a session plan is built: a routine or an exercise, with the person's own doses and, once a
programme is running, the coach's.

With a programme: a routine the programme plays gets each ladder's current rung (a rung that names a harder
or easier variation swaps the exercise), and any routine leaves out or swaps what does not suit the
getting-started answers (``trainer.engine.tailoring``). A single exercise gets its ladder's rung when that
rung plays it. The person's own dose (set with d) always wins: the coach leaves that exercise alone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from trainer.catalog.models import Exercise, Routine
from trainer.catalog.validated import Catalog
from trainer.engine.ladders import Standing
from trainer.engine.plan import (
    GET_READY_SECONDS,
    Plan,
    plan_exercise,
    plan_routine,
    scaled_prescription,
    swap_exercise,
)
from trainer.engine.tailoring import play_routine
from trainer.journal.coach_models import ProgrammeProgress
from trainer.journal.models import PersonalDose


class PlanBuilder:
    def __init__(
        self,
        catalog: Catalog,
        doses: Callable[[], Mapping[str, PersonalDose]],
        get_ready: Callable[[], float] = lambda: GET_READY_SECONDS,
        progress: Callable[[], ProgrammeProgress | None] = lambda: None,
    ) -> None:
        self.catalog = catalog
        self.doses = doses
        """The person's own doses by exercise id, read at each plan (they change in the settings)."""
        self.get_ready = get_ready
        """Seconds to get into position before an exercise (a setting)."""
        self.progress = progress
        """The coach's programme, if one is running (read at each plan: decisions move its rungs)."""

    def standing(self) -> Standing | None:
        """The running programme with its progress, or None (none started, or its content is gone)."""
        progress = self.progress()
        programme = self.catalog.programmes.get(progress.programme_id) if progress is not None else None
        if progress is None or programme is None:
            return None
        return Standing(programme, self.catalog.exercises, progress, self.doses())

    def programme_routine(self, routine: Routine) -> Routine:
        """``routine`` as the programme plays it (itself when no programme is running)."""
        standing = self.standing()
        if standing is None:
            return routine
        ladders = routine.id in standing.programme.routine_ids
        played, _ = play_routine(routine, standing, standing.progress.answers, ladders=ladders)
        return played if played.items else routine

    def for_routine(self, routine: Routine) -> Plan:
        return plan_routine(
            self.programme_routine(routine), self.catalog.exercises, self.doses(), get_ready_seconds=self.get_ready()
        )

    def for_exercise(self, exercise: Exercise) -> Plan:
        doses = self.doses()
        change = doses.get(exercise.id)
        standing = self.standing()
        ladder = standing.ladder_of(exercise.id) if standing is not None else None
        if standing is not None and ladder is not None and change is None:
            rung = standing.dose(ladder)
            if rung.exercise.id == exercise.id:
                change = rung.as_dose()
        return plan_exercise(exercise, change, self.get_ready(), exercises=self.catalog.exercises)

    def for_target(self, routine: Routine | None, exercise: Exercise | None) -> Plan:
        if routine is not None:
            return self.for_routine(routine)
        if exercise is None:
            raise ValueError("a plan needs a routine or an exercise")
        return self.for_exercise(exercise)

    def swapped(self, plan: Plan, exercise_index: int) -> Plan | None:
        """``plan`` with that exercise swapped for its easier choice (dose scaled to it), or None if it has none."""
        planned = plan.exercises[exercise_index]
        if planned.instead is None:
            return None
        replacement = planned.instead
        prescription = scaled_prescription(planned, replacement, self.doses().get(replacement.id))
        return swap_exercise(plan, exercise_index, replacement, prescription)
