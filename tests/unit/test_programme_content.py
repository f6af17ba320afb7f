"""The coach's programme in content: the bundled twelve weeks, and the rules every programme (a pack's too) passes."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from trainer.catalog.loader import load_catalog
from trainer.catalog.models import LEVELS
from trainer.catalog.programme import Ladder, Programme, Rung, WalkingPlan
from trainer.catalog.programme_rules import rung_work
from trainer.catalog.validated import Catalog

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"


@pytest.fixture(scope="module")
def programme(real_catalog: Catalog) -> Programme:
    assert real_catalog.default_programme is not None
    return real_catalog.programmes[real_catalog.default_programme]


def programme_data() -> dict[str, Any]:
    return json.loads((REPO_CONTENT / "programme.json").read_text(encoding="utf-8"))


def reasons(problems: Any) -> list[tuple[str, str]]:
    return [(problem.where, problem.reason) for problem in problems]


# --- the bundled programme ------------------------------------------------------------------------------------


def test_twelve_weeks_in_three_phases_that_get_harder(programme: Programme) -> None:
    assert programme.weeks == 12
    weeks = [(phase.first_week, phase.last_week) for phase in programme.phases]
    assert weeks == [(1, 2), (3, 6), (7, 12)]
    levels = [LEVELS.index(phase.level) for phase in programme.phases]
    assert levels == sorted(levels) and programme.phases[0].level == "gentle"
    sessions = [phase.sessions_per_week for phase in programme.phases]
    assert sessions[0] > sessions[-1] >= 2, "little and often first, then fewer, longer sessions"


def test_reviews_at_weeks_2_6_and_12(programme: Programme) -> None:
    assert [review.week for review in programme.reviews] == [2, 6, 12]


def test_walking_builds_towards_150_minutes_from_a_little_below_the_baseline(programme: Programme) -> None:
    walking = programme.walking
    assert walking.target_minutes_per_week == 150  # WHO 2020
    assert walking.days_per_week * walking.daily_target == 150  # 30 minutes on 5 days (WalkBack)
    assert walking.start_share < 1
    assert 1 <= walking.weekly_step_minutes <= 5  # the walking-plan tip: 2 to 5 minutes per walk


def test_every_phase_offers_a_routine_for_a_few_minutes_and_a_longer_one(programme: Programme, real_catalog) -> None:
    from trainer.engine.plan import plan_routine

    for phase in programme.phases:
        minutes = [plan_routine(real_catalog.routines[r], real_catalog.exercises).minutes for r in phase.routines]
        assert min(minutes) <= 6 and max(minutes) >= 9, phase.id


@pytest.mark.parametrize(
    "exercise_id",
    ["bird-dog", "glute-bridge", "back-extension", "front-plank", "side-plank", "dead-bug", "pelvic-tilt"],
)
def test_the_main_strength_moves_have_ladders(programme: Programme, exercise_id: str) -> None:
    assert programme.ladder(exercise_id) is not None


def test_each_ladder_starts_small_and_has_a_way_down(programme: Programme, real_catalog) -> None:
    for ladder in programme.ladders:
        start = ladder.rungs[ladder.start]
        assert ladder.start >= 1, f"{ladder.exercise}: no rung below the start"
        if start.reps is not None:
            lowest = real_catalog.exercises[ladder.exercise].dose.reps.min
            assert start.reps <= max(6, lowest), f"{ladder.exercise}: about 5 reps to begin with (NHS inform)"
            assert start.sets <= 2, ladder.exercise
        else:
            assert start.sets * (start.hold_seconds or 0) <= 30, f"{ladder.exercise}: short holds to begin with"


def test_each_ladder_ends_at_the_top_of_the_dose_or_on_a_harder_variation(programme: Programme, real_catalog) -> None:
    for ladder in programme.ladders:
        top = ladder.rungs[-1]
        exercise = real_catalog.exercises[ladder.exercise_at(len(ladder.rungs) - 1)]
        if top.exercise is None and exercise.dose.reps is not None:
            assert top.reps == exercise.dose.reps.max, ladder.exercise
        if top.exercise is None and exercise.dose.reps is None:
            assert top.hold_seconds == exercise.dose.hold_seconds.max, ladder.exercise  # type: ignore[union-attr]


def test_rungs_go_up_in_small_steps(programme: Programme, real_catalog) -> None:
    """+1 or 2 reps (up to 3 where a range has an odd top), +1 set, or a longer hold: one thing at a time."""
    for ladder in programme.ladders:
        for lower, upper in zip(ladder.rungs, ladder.rungs[1:], strict=False):
            if (lower.exercise or ladder.exercise) != (upper.exercise or ladder.exercise):
                continue
            if upper.sets == lower.sets and upper.reps is not None and lower.reps is not None:
                assert upper.reps - lower.reps <= 3, (ladder.exercise, lower, upper)
            assert upper.sets - lower.sets <= 1, (ladder.exercise, lower, upper)


def test_the_variations_on_a_ladder_are_the_ones_the_exercises_name(programme: Programme, real_catalog) -> None:
    glute = programme.ladder("glute-bridge")
    assert glute is not None and glute.exercises == ("glute-bridge", "single-leg-glute-bridge")
    bird = programme.ladder("bird-dog")
    assert bird is not None and bird.exercises[:2] == ("bird-dog-leg-only", "bird-dog")
    assert programme.ladder("single-leg-glute-bridge") is glute


def test_rung_work_counts_reps_holds_and_sets(real_catalog) -> None:
    bird = real_catalog.exercises["bird-dog"]
    assert rung_work(bird, Rung(sets=2, reps=6, hold_seconds=3)) > rung_work(
        bird, Rung(sets=1, reps=10, hold_seconds=3)
    )
    plank = real_catalog.exercises["front-plank"]
    assert rung_work(plank, Rung(sets=3, hold_seconds=8)) == 24


# --- the models -------------------------------------------------------------------------------------------------


def test_a_rung_needs_reps_or_a_hold() -> None:
    with pytest.raises(ValidationError, match="a rung needs reps, hold_seconds, or both"):
        Rung(sets=1)


def test_a_ladder_starts_on_its_own_exercise_within_its_rungs() -> None:
    with pytest.raises(ValidationError, match="past the last rung"):
        Ladder(exercise="bird-dog", start=2, rungs=[Rung(sets=1, reps=5), Rung(sets=1, reps=6)])
    with pytest.raises(ValidationError, match="must be 'bird-dog' itself"):
        Ladder(exercise="bird-dog", start=0, rungs=[Rung(exercise="superman", sets=1, reps=5), Rung(sets=1, reps=6)])


def test_phases_cover_the_weeks_without_gaps() -> None:
    data = programme_data()["programmes"][0]
    broken = copy.deepcopy(data)
    broken["phases"][1]["first_week"] = 4
    with pytest.raises(ValidationError, match="starts in week 4; expected week 3"):
        Programme.model_validate(broken)
    short = copy.deepcopy(data)
    short["weeks"] = 13
    with pytest.raises(ValidationError, match="the phases end in week 12, but the programme has 13 weeks"):
        Programme.model_validate(short)
    late = copy.deepcopy(data)
    late["reviews"].append({"week": 14, "title": "Too late"})
    with pytest.raises(ValidationError, match="after the last week"):
        Programme.model_validate(late)


def test_the_walking_minimum_is_reachable() -> None:
    with pytest.raises(ValidationError, match="more than a day's target"):
        WalkingPlan(
            target_minutes_per_week=30,
            days_per_week=5,
            default_baseline_minutes=10,
            start_share=0.8,
            weekly_step_minutes=2,
            min_minutes=10,
        )


# --- the rules, on the bundled file ---------------------------------------------------------------------------


def ladder_of(data: dict[str, Any], exercise: str) -> dict[str, Any]:
    return next(ladder for ladder in data["programmes"][0]["ladders"] if ladder["exercise"] == exercise)


@pytest.mark.parametrize(
    ("change", "where", "reason"),
    [
        (
            lambda d: d["programmes"][0]["phases"][0]["routines"].append("no-such-routine"),
            "programmes[0].phases[0].routines[3]",
            "unknown routine id 'no-such-routine'",
        ),
        (
            lambda d: d["programmes"][0]["phases"][0]["routines"].append("stronger-back"),
            "programmes[0].phases[0].routines[3]",
            "'stronger-back' is intermediate, above the phase's level (gentle)",
        ),
        (
            lambda d: d.update(default="no-such-programme"),
            "default",
            "unknown programme id 'no-such-programme'",
        ),
        (
            lambda d: ladder_of(d, "bird-dog").update(exercise="no-such-exercise"),
            "programmes[0].ladders[6].exercise",
            "unknown exercise id 'no-such-exercise'",
        ),
        (
            lambda d: ladder_of(d, "bird-dog")["rungs"][-1].update(reps=12),
            "programmes[0].ladders[6].rungs[9] (in the 'bird-dog' ladder)",
            "12 reps is more than 'bird-dog' allows (5-10)",
        ),
        (
            lambda d: ladder_of(d, "knee-to-chest")["rungs"][0].update(reps=5),
            "programmes[0].ladders[1].rungs[0] (in the 'knee-to-chest' ladder)",
            "'knee-to-chest' is a hold exercise: a rung gives it hold_seconds, not reps",
        ),
        (
            lambda d: ladder_of(d, "dead-bug")["rungs"][1].update(hold_seconds=3),
            "programmes[0].ladders[9].rungs[1] (in the 'dead-bug' ladder)",
            "'dead-bug' has no hold to set",
        ),
        (
            lambda d: ladder_of(d, "dead-bug")["rungs"][2].update(reps=5),
            "programmes[0].ladders[9].rungs[2] (in the 'dead-bug' ladder)",
            "asks for no more than the rung below it (more reps, a longer hold or more sets, one at a time)",
        ),
        (
            lambda d: ladder_of(d, "dead-bug")["rungs"].append({"exercise": "superman", "sets": 3, "reps": 10}),
            "programmes[0].ladders[9].rungs[6] (in the 'dead-bug' ladder)",
            "'superman' is not a harder variation of 'dead-bug' (neither lists the other)",
        ),
        (
            lambda d: ladder_of(d, "side-plank")["rungs"].append(
                {"exercise": "side-plank-on-feet", "sets": 3, "hold_seconds": 10}
            ),
            "programmes[0].ladders[11].rungs[8] (in the 'side-plank' ladder)",
            "'side-plank-on-feet' is advanced, above the last phase (intermediate)",
        ),
        (
            lambda d: ladder_of(d, "dead-bug")["rungs"].insert(
                0, {"exercise": "bird-dog-leg-only", "sets": 1, "reps": 3, "hold_seconds": 2}
            ),
            "programmes[0].ladders[9]",
            None,  # on the bird-dog ladder already (and not an easier dead bug): several problems
        ),
    ],
)
def test_programme_rules_name_file_path_and_reason(edit_content, content_problems, content_copy, change, where, reason):
    path = edit_content("programme.json", change)
    found = [(problem.file, problem.where, problem.reason) for problem in content_problems(content_copy)]
    assert all(file == path for file, _, _ in found)
    if reason is None:
        assert any(spot.startswith(where) and "already on ladders[6]" in text for _, spot, text in found), found
    else:
        assert (path, where, reason) in found, found


def test_a_ladder_no_routine_plays_is_a_problem(edit_content, content_problems, content_copy) -> None:
    def change(data: dict[str, Any]) -> None:
        data["programmes"][0]["ladders"].append(
            {
                "exercise": "single-leg-stand-eyes-closed",
                "start": 0,
                "rungs": [{"sets": 2, "hold_seconds": 5}, {"sets": 2, "hold_seconds": 10}],
            }
        )

    edit_content("programme.json", change)
    assert (
        "programmes[0].ladders[18] (in the 'single-leg-stand-eyes-closed' ladder)",
        "no routine of the programme plays this ladder's exercises",
    ) in reasons(content_problems(content_copy))


def test_two_items_of_one_ladder_in_a_routine_is_a_problem(edit_content, content_problems, content_copy) -> None:
    edit_content(
        "programme.json",
        lambda d: ladder_of(d, "knee-to-chest")["rungs"].append(
            {"exercise": "double-knee-to-chest", "sets": 3, "hold_seconds": 30}
        ),
    )
    found = reasons(content_problems(content_copy))
    assert any("'bedtime-unwind' plays 'knee-to-chest' and 'double-knee-to-chest'" in text for _, text in found), found


def test_a_missing_programme_file_is_reported(content_copy, content_problems) -> None:
    (content_copy / "programme.json").unlink()
    assert [problem.reason for problem in content_problems(content_copy)] == ["file not found"]


# --- packs ---------------------------------------------------------------------------------------------------


def pack_programme(**changes: Any) -> dict[str, Any]:
    data = programme_data()["programmes"][0]
    data = {**data, "id": "physio-plan", "name": "My physio's plan", **changes}
    return data


def test_a_pack_may_bring_its_own_programme(write_pack) -> None:
    pack = write_pack("physio.json", programmes=[pack_programme()])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert catalog.pack_problems == ()
    assert "physio-plan" in catalog.programmes and catalog.programme_origin["physio-plan"] == pack
    assert catalog.default_programme == "twelve-weeks"


def test_a_pack_programme_is_checked_by_the_same_rules(write_pack) -> None:
    broken = pack_programme()
    broken["phases"] = copy.deepcopy(broken["phases"])
    broken["phases"][0]["routines"] = ["gentle-start", "missing-routine"]
    pack = write_pack("physio.json", programmes=[broken])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert "physio-plan" not in catalog.programmes
    assert ("programmes[0].phases[0].routines[1]", "unknown routine id 'missing-routine'") in reasons(
        catalog.pack_problems
    )


def test_a_pack_programme_may_not_take_the_bundled_id(write_pack) -> None:
    pack = write_pack("physio.json", programmes=[pack_programme(id="twelve-weeks")])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert catalog.packs == ()
    assert any("'twelve-weeks' is already used by" in reason for _, reason in reasons(catalog.pack_problems))


def test_a_pack_programme_may_play_the_packs_own_routine(write_pack) -> None:
    routine = {
        "id": "physio-routine",
        "name": "Physio routine",
        "summary": "From a pack.",
        "when_to_use": "Any time.",
        "level": "gentle",
        "items": [{"exercise": "cat-cow", "part": "warm-up"}, {"exercise": "pelvic-tilt"}],
    }
    plan = pack_programme()
    plan["phases"] = copy.deepcopy(plan["phases"])
    plan["phases"][0]["routines"] = ["physio-routine", "gentle-start"]
    pack = write_pack("physio.json", routines=[routine], programmes=[plan])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert catalog.pack_problems == () and "physio-plan" in catalog.programmes
