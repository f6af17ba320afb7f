"""The one pain rule applied to a session (trainer.engine.pain_rule), on fixed dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.unit.coach_builders import RECORDED, at_hour, morning
from trainer.engine.pain_rule import (
    AMBER_POINTS,
    GREEN_POINTS,
    MORNING_DAYS,
    USUAL_DAYS,
    morning_check_in,
    new_leg_signs,
    pain_verdict,
    usual_pain,
)
from trainer.journal.models import CheckIn, ExerciseDone, SessionRecord

DAY = date(2026, 11, 10)


def session(before: int | None = 3, peak: int | None = 4, after: int | None = 4, **fields) -> SessionRecord:
    start = at_hour(DAY, 18)
    fields.setdefault("ended_how", "finished")
    fields.setdefault("completion", 1.0 if fields["ended_how"] == "finished" else 0.6)
    if fields["ended_how"] != "finished":
        fields.setdefault("stop_reason", "pain" if fields["ended_how"] == "stopped-pain" else "tired")
    return SessionRecord(
        at=start,
        ended=start + timedelta(minutes=12),
        recorded=RECORDED,
        title="Back basics",
        routine_id="back-basics",
        exercises=[ExerciseDone(exercise_id="bird-dog", name="Bird-dog", sets_planned=1, sets_done=1, seconds=60)],
        pain_before=before,
        pain_peak=peak,
        pain_after=after,
        **fields,
    )


def check_in(days_before: int, pain: int, **fields) -> CheckIn:
    return CheckIn(at=at_hour(DAY - timedelta(days=days_before), 9), recorded=RECORDED, pain_now=pain, **fields)


def test_the_thresholds_are_the_content_briefs() -> None:
    assert (USUAL_DAYS, GREEN_POINTS, AMBER_POINTS, MORNING_DAYS) == (7, 2.0, 3.0, 2)


def test_usual_is_the_average_of_the_last_seven_days_of_check_ins() -> None:
    check_ins = [check_in(1, 2), check_in(3, 4), check_in(8, 9)]  # eight days back is outside the week
    assert usual_pain(check_ins, at_hour(DAY, 18), fallback=7) == 3.0
    assert usual_pain([], at_hour(DAY, 18), fallback=5) == 5.0
    assert usual_pain([], at_hour(DAY, 18), fallback=None) is None


@pytest.mark.parametrize(
    ("peak", "after", "colour"),
    [(5, 4, "green"), (3, 5, "green"), (6, 4, "amber"), (4, 6, "amber"), (7, 4, "red"), (2, 9, "red")],
)
def test_green_amber_red_by_the_points_above_usual(peak: int, after: int, colour: str) -> None:
    verdict = pain_verdict(session(before=3, peak=peak, after=after), [], at_end=True)
    assert verdict.colour == colour


def test_usual_comes_from_the_check_ins_when_there_are_some() -> None:
    """Someone whose pain is usually 6 is green at 8, though that is 5 points above a low 'before'."""
    verdict = pain_verdict(session(before=3, peak=8, after=7), [check_in(1, 6), check_in(2, 6)], at_end=True)
    assert verdict.colour == "green" and verdict.usual == 6.0
    assert verdict.reason.startswith("Green: your pain stayed within 2 points of your usual (from about 6 to 8")


def test_a_fraction_of_a_point_over_counts() -> None:
    check_ins = [check_in(1, 3), check_in(2, 4)]  # usual 3.5
    assert pain_verdict(session(peak=5, after=5), check_ins, at_end=True).colour == "green"
    assert pain_verdict(session(peak=6, after=5), check_ins, at_end=True).colour == "amber"
    assert pain_verdict(session(peak=7, after=5), check_ins, at_end=True).colour == "red"


def test_stopped_for_pain_is_red_whatever_the_figures() -> None:
    verdict = pain_verdict(session(peak=3, after=3, ended_how="stopped-pain"), [], at_end=True)
    assert (verdict.colour, verdict.reason) == ("red", "Red: you stopped the session for pain.")


def test_stopped_early_holds_on_the_programme_but_not_elsewhere() -> None:
    stopped = session(peak=3, after=3, ended_how="stopped-choice")
    assert pain_verdict(stopped, [], at_end=True).colour == "amber"
    assert pain_verdict(stopped, [], on_programme=False, at_end=True).colour == "green"


def test_nothing_to_judge_counts_neither_way() -> None:
    assert pain_verdict(session(peak=None, after=None), [], at_end=True).colour is None
    assert pain_verdict(session(before=None), [], at_end=True).colour is None
    short = session(ended_how="stopped-choice", completion=0.05)
    short = short.model_copy(update={"exercises": [short.exercises[0].model_copy(update={"seconds": 20.0})]})
    assert pain_verdict(short, [], at_end=True).colour is None


def test_the_next_morning_settles_it() -> None:
    green = session(peak=4, after=4)
    provisional = pain_verdict(green, [], at_end=True)
    assert (provisional.colour, provisional.settled) == ("green", None)
    assert provisional.reason.endswith("The next morning's answer settles it.")
    settled = pain_verdict(green, [morning(DAY + timedelta(days=1), worse=False)])
    assert (settled.colour, settled.settled, settled.confirmed_green) == ("green", True, True)
    worse = pain_verdict(green, [morning(DAY + timedelta(days=1), worse=True)])
    assert (worse.colour, worse.settled) == ("amber", False)
    amber_worse = pain_verdict(session(peak=6), [], worse=True)
    assert amber_worse.colour == "red"
    assert pain_verdict(session(peak=6), [], worse=False).colour == "amber"


def test_the_morning_is_the_first_check_in_on_a_later_day() -> None:
    record = session()
    same_evening = morning(DAY, worse=None, hour=21)
    next_day = morning(DAY + timedelta(days=1), worse=False)
    later = morning(DAY + timedelta(days=1), worse=True, hour=12)
    assert morning_check_in(record, [same_evening, later, next_day]) == next_day
    too_late = morning(DAY + timedelta(days=MORNING_DAYS + 1), worse=False)
    assert morning_check_in(record, [too_late]) is None


def test_new_or_spreading_leg_symptoms_are_red() -> None:
    record = session()
    numb = morning(DAY + timedelta(days=1), worse=False, leg_symptoms=["numbness"])
    verdict = pain_verdict(record, [numb])
    assert verdict.colour == "red" and verdict.leg_signs == ("new numbness",)
    assert verdict.reason == "Red: you logged new numbness after the session."


def test_familiar_leg_pain_is_not_a_reason_to_stop() -> None:
    before = check_in(2, 4, leg_symptoms=["pain"], where=["leg-left-above-knee"])
    same = morning(DAY + timedelta(days=1), worse=False, leg_symptoms=["pain"], where=["leg-left-above-knee"])
    assert pain_verdict(session(), [before, same]).colour == "green"
    told = morning(DAY + timedelta(days=1), worse=False, leg_symptoms=["pain"], where=["leg-left-above-knee"])
    assert pain_verdict(session(), [told], known_leg_pain=True).colour == "green"


def test_leg_pain_further_down_is_spreading_and_weakness_always_counts() -> None:
    record = session()
    before = check_in(2, 4, leg_symptoms=["pain"], where=["leg-left-above-knee"])
    further = morning(DAY + timedelta(days=1), worse=False, leg_symptoms=["pain"], where=["leg-left-below-knee"])
    assert new_leg_signs(record, [before, further], further.at) == ["leg symptoms in a new place"]
    weak_before = check_in(2, 4, leg_symptoms=["weakness"])
    weak = morning(DAY + timedelta(days=1), worse=False, leg_symptoms=["weakness"])
    assert new_leg_signs(record, [weak_before, weak], weak.at) == ["weakness in a leg"]
    assert new_leg_signs(record, [], record.ended) == []
