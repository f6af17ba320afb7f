"""Starting a session: ask about pain first, offer the gentle routine on a bad day, then play."""

from __future__ import annotations

from typing import TYPE_CHECKING

from trainer.catalog.models import Exercise, Routine
from trainer.engine.plan import DoseChange, Plan, plan_exercise, plan_routine
from trainer.engine.suggest import FLARE_UP_ROUTINE, HIGH_PAIN

if TYPE_CHECKING:
    from trainer.app import TrainerApp


def _changes(app: TrainerApp) -> dict[str, DoseChange]:
    return {
        exercise_id: DoseChange(sets=change.sets, reps=change.reps, hold_seconds=change.hold_seconds)
        for exercise_id, change in app.settings.dose_changes.items()
    }


def plan_for(app: TrainerApp, routine: Routine | None, exercise: Exercise | None) -> Plan:
    if routine is not None:
        return plan_routine(routine, app.catalog.exercises, _changes(app))
    assert exercise is not None
    return plan_exercise(exercise, _changes(app).get(exercise.id))


def start_session(app: TrainerApp, routine: Routine | None = None, exercise: Exercise | None = None) -> None:
    """Ask 'pain now', then open the session player (or the gentle routine, if chosen)."""
    # imported here: Home imports this module, and the player's widgets are not needed to show Home
    from trainer.screens.session import SessionScreen
    from trainer.screens.session_dialogs import HighPainScreen, PainBeforeScreen

    title = routine.name if routine is not None else exercise.name if exercise is not None else "Session"

    def play(chosen: Routine | None, pain: int | None) -> None:
        plan = plan_for(app, chosen, exercise if chosen is None else None)
        app.push_screen(SessionScreen(plan, pain_before=pain, clock=app.session_clock))

    def after_pain(pain: int | None) -> None:
        if pain == PainBeforeScreen.CANCELLED:
            return
        gentle = app.catalog.routines.get(FLARE_UP_ROUTINE)
        already_gentle = routine is not None and routine.id == FLARE_UP_ROUTINE
        if pain is None or pain < HIGH_PAIN or gentle is None or already_gentle:
            play(routine, pain)
            return

        def decided(choice: str | None) -> None:
            if choice == "gentle":
                play(gentle, pain)
            elif choice == "continue":
                play(routine, pain)

        app.push_screen(HighPainScreen(pain, gentle.name, title), decided)

    app.push_screen(PainBeforeScreen(title), after_pain)
