"""The one place a session plan is built: a routine or an exercise, with the person's own doses.

This is the seam where the programme's decisions will plug in: every plan the app plays comes from here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from trainer.catalog.loader import Catalog
from trainer.catalog.models import Exercise, Routine
from trainer.engine.plan import (
    GET_READY_SECONDS,
    Plan,
    plan_exercise,
    plan_routine,
    scaled_prescription,
    swap_exercise,
)
from trainer.journal.models import PersonalDose


class PlanBuilder:
    def __init__(
        self,
        catalog: Catalog,
        doses: Callable[[], Mapping[str, PersonalDose]],
        get_ready: Callable[[], float] = lambda: GET_READY_SECONDS,
    ) -> None:
        self.catalog = catalog
        self.doses = doses
        """The person's own doses by exercise id, read at each plan (they change in the settings)."""
        self.get_ready = get_ready
        """Seconds to get into position before an exercise (a setting)."""

    def for_routine(self, routine: Routine) -> Plan:
        return plan_routine(routine, self.catalog.exercises, self.doses(), get_ready_seconds=self.get_ready())

    def for_exercise(self, exercise: Exercise) -> Plan:
        return plan_exercise(
            exercise, self.doses().get(exercise.id), self.get_ready(), exercises=self.catalog.exercises
        )

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
