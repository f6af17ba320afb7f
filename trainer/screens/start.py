"""Starting a session: ask about pain first, offer the gentle routine on a bad day, then play.

``start_session`` is one linear coroutine run as a worker (``push_screen_wait`` needs one): each question
is a dialog whose typed answer decides the next step.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.dom import DOMNode

from trainer.catalog.models import Exercise, Routine
from trainer.engine.suggest import HIGH_PAIN
from trainer.screens.base import services_of
from trainer.services.core import Services


def begin_session(node: DOMNode, *, routine: Routine | None = None, exercise: Exercise | None = None) -> None:
    """Start the questions and then the session, from any screen (or the app), without waiting for it."""
    work = start_session(node.app, services_of(node), routine=routine, exercise=exercise)
    node.run_worker(work, group="start-session")


async def start_session(
    app: App[Any], services: Services, *, routine: Routine | None = None, exercise: Exercise | None = None
) -> None:
    """Ask 'pain now', then open the session player (or the gentle routine, if chosen)."""
    # imported here: Home imports this module, and the player's widgets are not needed to show Home
    from trainer.screens.session import SessionScreen
    from trainer.screens.session_dialogs import HighPainChoice, HighPainScreen, PainBeforeScreen

    title = routine.name if routine is not None else exercise.name if exercise is not None else "Session"
    answer = await app.push_screen_wait(PainBeforeScreen(title))
    if answer is None:
        return  # back out: no session
    catalog = services.catalog
    gentle = catalog.routines.get(catalog.suggestions.flare_up)
    chosen, single = routine, exercise
    high = answer.pain is not None and answer.pain >= HIGH_PAIN
    if high and gentle is not None and gentle is not routine:
        choice = await app.push_screen_wait(HighPainScreen(answer.pain or 0, gentle.name, title))
        if choice is HighPainChoice.NOT_TODAY:
            return
        if choice is HighPainChoice.GENTLE:
            chosen, single = gentle, None
    plans = services.plans
    await app.push_screen(
        SessionScreen(
            plans.for_target(chosen, single),
            services.new_recorder(answer.pain),
            plans,
            clock=services.session_clock,
            end_pause=services.timings.session_end_pause,
        )
    )
