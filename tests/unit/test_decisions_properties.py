"""A property of the coach's decisions, over any sequence of sessions, pain reports, morning answers and choices:
the dose never goes up after a red or a stopped session, never skips a rung, and always stays on the ladder."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.unit.coach_builders import morning, played_session, standing
from trainer.catalog.loader import load_catalog
from trainer.catalog.validated import Catalog
from trainer.engine.decisions import verdict_of
from trainer.engine.replay import Replay
from trainer.journal.coach_models import StartAnswers

CATALOG: Catalog = load_catalog()
STARTED = date(2026, 10, 19)
FIRST = date(2026, 11, 2)  # week 3 of the plan: the build phase, then the strengthen phase from week 7
ROUTINES = ("back-basics", "mobility-and-stretching", "slow-flow", "core-and-back-strength", "stronger-back")
pain = st.one_of(st.none(), st.integers(0, 10))
calm = st.integers(2, 5)
"""Most sessions in a run go well (so that step ups happen); any pain at all may come at any time."""


@dataclass(frozen=True)
class Day:
    session: dict | None
    answer: bool | None
    """The next morning: worse or not; None: no check-in that morning."""
    morning_pain: int
    legs: tuple[str, ...]


days = st.builds(
    Day,
    session=st.one_of(
        st.none(),
        *[
            st.fixed_dictionaries(
                {
                    "routine_id": st.sampled_from(ROUTINES),
                    "before": st.one_of(st.just(3), pain),
                    "peak": st.one_of(calm, calm, pain),
                    "after": st.one_of(calm, calm, pain),
                    "ended_how": st.sampled_from(["finished"] * 10 + ["stopped-choice", "stopped-pain"]),
                    "sets_short": st.sampled_from([(), (), ("bird-dog",), ("glute-bridge",)]),
                }
            )
        ]
        * 4,
    ),
    answer=st.sampled_from([False, False, False, True, None]),
    morning_pain=st.one_of(st.just(3), st.just(3), st.integers(0, 10)),
    legs=st.sampled_from([()] * 20 + [("pain",), ("numbness",), ("weakness",)]),
)


def play(plan: list[Day], choices: list, rungs: dict[str, int], leg_pain: bool) -> Replay:
    answers = iter(choices * 20)
    where = standing(CATALOG, StartAnswers(leg_pain=leg_pain), rungs=rungs, started=STARTED)
    replay = Replay(where, choose=lambda proposal: next(answers))
    for offset, today in enumerate(plan):
        current = FIRST + timedelta(days=offset)
        if today.session is not None:
            replay.session(played_session(CATALOG, replay.standing, current, **today.session))
        if today.answer is not None:
            replay.check_in(
                morning(
                    current + timedelta(days=1), today.answer, pain=today.morning_pain, leg_symptoms=list(today.legs)
                )
            )
    return replay


def check(replay: Replay) -> None:
    """Every step of the replay: on the ladder, no rung skipped, never up after a red or a stop."""
    ladders = {ladder.exercise: ladder for ladder in replay.standing.programme.ladders}
    history = replay.history()
    judged = [
        (session, verdict_of(session, history, replay.standing)) for session in history.sessions
    ]  # the final journal gives every session the verdict it had when its decisions were made
    for step in replay.steps:
        if step.proposal is not None:
            event(f"proposal: {step.proposal.direction}, {step.choice}")
        for ladder, rung in step.rungs.items():
            assert 0 <= rung < len(ladders[ladder].rungs), "always inside the ladder"
        for decision in step.decisions:
            assert 0 <= decision.to_rung < len(ladders[decision.exercise_id].rungs)
            if decision.to_rung <= decision.from_rung:
                assert decision.from_rung - decision.to_rung <= (2 if decision.verdict == "red" else 1)
                continue
            # a step up: exactly one rung, the next morning, after a finished, settled green ...
            assert decision.to_rung == decision.from_rung + 1, "never skips a rung"
            assert step.source == "morning" and step.proposal is not None and step.proposal.direction == "up"
            assert step.session.ended_how == "finished", "never up after a session stopped early or for pain"
            assert step.proposal.verdict.confirmed_green and decision.verdict == "green"
            # ... and the session with a colour before it was a settled green too: two in a row, no red between
            before = [verdict for session, verdict in judged if session.at < step.session.at and verdict.colour]
            assert before and before[-1].confirmed_green, "never up straight after a red, an amber or a stop"
        if step.proposal is not None and (step.proposal.verdict.colour == "red" or not step.proposal.verdict.finished):
            assert all(decision.to_rung <= decision.from_rung for decision in step.decisions)


choices = st.lists(st.sampled_from(["accepted", "accepted", "kept", "easier", None]), min_size=1, max_size=30)
starting_rungs = st.fixed_dictionaries(
    {"bird-dog": st.integers(0, 9), "glute-bridge": st.integers(0, 12), "back-extension": st.integers(0, 12)}
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=st.lists(days, min_size=4, max_size=20), choices=choices, rungs=starting_rungs, leg_pain=st.booleans())
def test_the_dose_never_goes_up_after_red_or_a_stop_never_skips_and_stays_on_the_ladder(
    plan: list[Day], choices: list, rungs: dict[str, int], leg_pain: bool
) -> None:
    check(play(plan, choices, rungs, leg_pain))


GOOD = Day({"routine_id": "back-basics", "before": 3, "peak": 4, "after": 4}, False, 3, ())
BAD_DAYS = {
    "red": Day({"routine_id": "back-basics", "before": 3, "peak": 8, "after": 7}, False, 3, ()),
    "amber": Day({"routine_id": "core-and-back-strength", "before": 3, "peak": 6, "after": 5}, False, 3, ()),
    "stopped early": Day({"routine_id": "back-basics", "ended_how": "stopped-choice"}, False, 3, ()),
    "stopped for pain": Day({"routine_id": "core-and-back-strength", "ended_how": "stopped-pain"}, False, 3, ()),
    "worse next morning": Day({"routine_id": "back-basics", "before": 3, "peak": 5, "after": 4}, True, 4, ()),
    "numbness": Day({"routine_id": "back-basics"}, False, 3, ("numbness",)),
    "no answer": Day({"routine_id": "stronger-back"}, None, 3, ()),
    "rest day": Day(None, None, 3, ()),
}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plan=st.lists(st.one_of(st.just(GOOD), st.sampled_from(list(BAD_DAYS.values()))), min_size=6, max_size=24),
    choices=choices,
    rungs=starting_rungs,
)
def test_runs_of_good_days_with_bad_ones_among_them(plan: list[Day], choices: list, rungs: dict[str, int]) -> None:
    """Mostly good days, so that steps up happen, with any bad day anywhere: the same property holds."""
    check(play(plan, choices, rungs, leg_pain=False))
