"""The bundled content against the clinical review (issue 8): a safe start, true levels, plain safety text, sources."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from trainer.catalog.models import LEVELS, Exercise, Routine, RoutinesFile
from trainer.catalog.readability import readability
from trainer.catalog.rules import (
    MAX_SAFETY_GRADE,
    MAX_SAFETY_WORDS,
    check_instead,
    check_levels,
    check_readability,
    check_suggestions,
    safety_texts,
)
from trainer.catalog.validated import Catalog
from trainer.engine.plan import StepKind, plan_routine

FILE = Path("content")


def level(name: str) -> int:
    return LEVELS.index(name)  # type: ignore[arg-type]


def is_prone(exercise: Exercise) -> bool:
    """Done lying face down (or propped on the forearms face down)."""
    text = " ".join(exercise.steps).casefold()
    return "face down" in text or "on your front" in text


def exercises_of(catalog: Catalog, routine: Routine) -> list[Exercise]:
    return [catalog.exercises[item.exercise] for item in routine.items]


def minutes(catalog: Catalog, routine_id: str) -> float:
    return plan_routine(catalog.routines[routine_id], catalog.exercises).total_seconds / 60


@pytest.fixture(scope="module")
def routines_file(real_catalog: Catalog) -> RoutinesFile:
    import json

    data = json.loads((Path(__file__).resolve().parents[2] / "content" / "routines.json").read_text(encoding="utf-8"))
    return RoutinesFile.model_validate(data)


# --- the rules, run on the real content ------------------------------------------------------


def test_every_routine_level_is_at_least_its_hardest_exercise(real_catalog: Catalog) -> None:
    assert check_levels(FILE, list(real_catalog.routines.values()), real_catalog.exercises) == []


def test_every_instead_and_suggestion_id_is_known(real_catalog: Catalog, routines_file: RoutinesFile) -> None:
    assert check_instead(FILE, list(real_catalog.routines.values()), real_catalog.exercises) == []
    assert check_suggestions(FILE, routines_file) == []


def test_every_safety_item_is_plain_and_short(real_catalog: Catalog) -> None:
    assert check_readability(FILE, real_catalog.safety) == []
    for where, text in safety_texts(real_catalog.safety):
        score = readability(text)
        assert score.grade <= MAX_SAFETY_GRADE and score.words <= MAX_SAFETY_WORDS, (where, score)


def test_red_flag_items_are_about_twenty_words_at_most(real_catalog: Catalog) -> None:
    long_items = [
        (help_list.id, item)
        for help_list in real_catalog.safety.help_lists
        for item in help_list.items
        if readability(item).words > 21
    ]
    assert long_items == []


# --- a safe start for everyone ----------------------------------------------------------------


def test_the_first_suggestion_is_a_gentle_start_without_intermediate_or_prone_work(
    real_catalog: Catalog, routines_file: RoutinesFile
) -> None:
    start = real_catalog.routines[routines_file.suggestions.start_with]
    assert start.id == "gentle-start" and start.level == "gentle"
    moves = exercises_of(real_catalog, start)
    assert [e.id for e in moves if level(e.level) >= level("intermediate")] == []
    assert [e.id for e in moves if is_prone(e)] == []
    assert 8 <= minutes(real_catalog, start.id) <= 10.5
    assert 1 <= routines_file.suggestions.start_sessions <= 5


def test_the_gentle_start_shows_an_easy_way_down_and_up(real_catalog: Catalog) -> None:
    start = real_catalog.routines["gentle-start"]
    notes = " ".join(item.note or "" for item in start.items).casefold()
    assert "roll onto your side" in notes and "kneel" in notes and "bed" in notes


def test_prone_check_finds_the_face_down_exercises(real_catalog: Catalog) -> None:
    prone = {e.id for e in real_catalog.exercises.values() if is_prone(e)}
    assert {"back-extension", "superman", "diagonal-superman", "press-up-on-elbows", "front-plank"} <= prone
    assert "pelvic-tilt" not in prone


@pytest.mark.parametrize("wanted", ["gentle", "beginner"])
def test_gentle_and_beginner_routines_hold_no_intermediate_exercise(real_catalog: Catalog, wanted: str) -> None:
    routines = [r for r in real_catalog.routines.values() if r.level == wanted]
    assert routines
    too_hard = [(r.id, e.id) for r in routines for e in exercises_of(real_catalog, r) if level(e.level) > level(wanted)]
    assert too_hard == []


def test_gentle_and_beginner_routines_use_starting_doses(real_catalog: Catalog) -> None:
    """About 5-6 reps at first; nothing near the product brief's 2-3 x 10-15."""
    too_much = []
    for routine in real_catalog.routines.values():
        if level(routine.level) > level("beginner"):
            continue
        plan = plan_routine(routine, real_catalog.exercises)
        for planned in plan.exercises:
            dose = planned.prescription
            if dose.reps is not None and dose.reps > 8:
                too_much.append((routine.id, planned.exercise.id, dose.reps))
    assert too_much == []
    back_basics = plan_routine(real_catalog.routines["back-basics"], real_catalog.exercises)
    assert max(p.prescription.reps or 0 for p in back_basics.exercises if p.exercise.category == "strength") <= 6


def test_home_only_suggests_gentle_or_beginner_routines(real_catalog: Catalog, routines_file: RoutinesFile) -> None:
    suggestions = routines_file.suggestions
    suggested = [suggestions.start_with, suggestions.flare_up, *suggestions.rotation]
    assert [i for i in suggested if level(real_catalog.routines[i].level) > level("beginner")] == []
    assert real_catalog.routines[suggestions.flare_up].level == "gentle"


def test_every_exercise_is_reachable_from_a_routine_or_a_variation(real_catalog: Catalog) -> None:
    used = {item.exercise for r in real_catalog.routines.values() for item in r.items}
    linked = {v for e in real_catalog.exercises.values() for v in (*e.easier, *e.harder)}
    swaps = {item.instead for r in real_catalog.routines.values() for item in r.items if item.instead}
    assert set(real_catalog.exercises) - used - linked - swaps == set()


def test_instead_is_never_harder_than_the_exercise_it_replaces(real_catalog: Catalog) -> None:
    harder = [
        (routine.id, item.exercise, item.instead)
        for routine in real_catalog.routines.values()
        for item in routine.items
        if item.instead
        and level(real_catalog.exercises[item.instead].level) > level(real_catalog.exercises[item.exercise].level)
    ]
    assert harder == []


# --- the flare-up routine ---------------------------------------------------------------------


def test_flare_up_routine_is_lying_then_standing_with_time_to_get_up(real_catalog: Catalog) -> None:
    routine = real_catalog.routines["flare-up-gentle"]
    moves = exercises_of(real_catalog, routine)
    assert [e.id for e in moves[:-1] if not e.steps[0].startswith("Lie on your back")] == []
    assert moves[-1].id == "walking" and routine.transition_seconds >= 20
    assert [e.id for e in moves if is_prone(e) or "all fours" in e.steps[0]] == []


def test_flare_up_routine_speaks_to_high_pain_on_a_bed(real_catalog: Catalog) -> None:
    routine = real_catalog.routines["flare-up-gentle"]
    words = f"{routine.summary} {routine.when_to_use}".casefold()
    assert "7 out of 10" in words and "little and often" in words and "bed" in words
    assert "roll onto your side" in (routine.items[-1].note or "")


# --- exercises: dose sources, sides, sensitivities, names, cues -----------------------------------


def test_every_exercise_names_the_source_of_its_dose(real_catalog: Catalog) -> None:
    assert [e.id for e in real_catalog.exercises.values() if e.dose_source is None] == []


def test_per_side_exercises_say_what_each_side_is(real_catalog: Catalog) -> None:
    for exercise in real_catalog.exercises.values():
        assert (exercise.sides is not None) == exercise.dose.per_side, exercise.id
    bird_dog = real_catalog.exercises["bird-dog"].sides
    assert bird_dog is not None and "arm" in bird_dog.left and "leg" in bird_dog.left
    assert not real_catalog.exercises["curl-up"].dose.per_side


SENSITIVE = {
    "bending-back-hurts": {
        "back-extension",
        "superman",
        "diagonal-superman",
        "press-up-on-elbows",
        "standing-back-bend",
    },
    "bending-forward-hurts": {"knee-to-chest", "double-knee-to-chest", "curl-up", "bottom-to-heels"},
    "leg-pain": {"lumbar-rotation", "seated-spinal-twist", "seated-chair-twist"},
}


@pytest.mark.parametrize("sensitivity", sorted(SENSITIVE))
def test_direction_and_leg_pain_data_cover_the_brief(real_catalog: Catalog, sensitivity: str) -> None:
    marked = {e.id for e in real_catalog.exercises.values() if sensitivity in e.avoid_if}
    assert SENSITIVE[sensitivity] <= marked


def test_every_sensitive_exercise_has_a_caution_naming_its_alternative(real_catalog: Catalog) -> None:
    names = {e.name.casefold(): e for e in real_catalog.exercises.values()}
    missing = []
    for exercise in real_catalog.exercises.values():
        if not exercise.avoid_if:
            continue
        named = [
            names[name]
            for caution in exercise.cautions
            for name in names
            if name in caution.casefold() and names[name].id != exercise.id
        ]
        if not any(not set(exercise.avoid_if) & set(alternative.avoid_if) for alternative in named):
            missing.append(exercise.id)
    assert missing == []


def test_one_name_per_exercise(real_catalog: Catalog) -> None:
    names = [e.name.casefold() for e in real_catalog.exercises.values()]
    assert len(names) == len(set(names))
    assert real_catalog.exercises["lumbar-rotation"].name == "Knee rolls"


def test_categories_follow_the_review(real_catalog: Catalog) -> None:
    category = {e.id: e.category for e in real_catalog.exercises.values()}
    assert category["belly-breathing"] == "relaxation"
    assert category["hip-hinge"] == category["light-lift"] == "technique"
    assert category["single-leg-stand"] == category["tandem-stance"] == "balance"


def test_a_hold_phase_is_always_called_hold(real_catalog: Catalog) -> None:
    cues = {(e.id, phase.cue) for e in real_catalog.exercises.values() for phase in e.tempo or () if phase.is_hold}
    assert {cue for _, cue in cues} == {"Hold"}


def test_balance_exercises_use_support_and_close_the_eyes_only_with_both_hands_on_it(real_catalog: Catalog) -> None:
    for exercise_id in ("tandem-stance", "single-leg-stand", "single-leg-stand-eyes-closed"):
        steps = " ".join(real_catalog.exercises[exercise_id].steps)
        assert "worktop" in steps or "chair" in steps, exercise_id
    eyes_closed = real_catalog.exercises["single-leg-stand-eyes-closed"]
    assert "both hands" in " ".join(eyes_closed.steps) and level(eyes_closed.level) >= level("intermediate")


def test_desk_chair_moves_work_on_an_office_chair_with_wheels(real_catalog: Catalog) -> None:
    for exercise_id in ("seated-cat-cow", "seated-chair-twist", "sit-to-stand"):
        assert any("wheels" in caution for caution in real_catalog.exercises[exercise_id].cautions), exercise_id
    desk = real_catalog.routines["desk-break"]
    assert "sit-to-stand" not in {item.exercise for item in desk.items}
    assert any(item.instead == "standing-twist" for item in desk.items)


# --- new sessions -------------------------------------------------------------------------------


def test_the_slow_flow_uses_library_poses_for_10_to_15_minutes(real_catalog: Catalog) -> None:
    flow = {item.exercise for item in real_catalog.routines["slow-flow"].items}
    assert {"cat-cow", "bottom-to-heels", "press-up-on-elbows", "glute-bridge", "lumbar-rotation"} <= flow
    assert 10 <= minutes(real_catalog, "slow-flow") <= 15
    summary = real_catalog.routines["slow-flow"].summary
    assert "child's pose" in summary and "cobra" in summary


def test_relaxation_sessions_are_timed_and_guided_by_their_cues(real_catalog: Catalog) -> None:
    assert 5 <= minutes(real_catalog, "guided-body-scan") <= 10
    assert 5 <= minutes(real_catalog, "muscle-relaxation") <= 10
    pmr = real_catalog.exercises["progressive-muscle-relaxation"]
    cues = [phase.cue for phase in pmr.tempo or ()]
    assert cues[0].startswith("Tense") and cues[1] == "Let go" and len(cues) >= 12
    assert {phase.seconds for phase in pmr.tempo or () if phase.cue == "Let go"} == {15}
    plan = plan_routine(real_catalog.routines["guided-body-scan"], real_catalog.exercises)
    assert any(step.kind == StepKind.REPS and step.exercise.id == "body-scan" for step in plan.steps)


def test_the_hip_thrust_and_the_full_superman_have_a_routine_of_the_right_level(real_catalog: Catalog) -> None:
    for exercise_id in ("hip-thrust", "superman"):
        holders = [r for r in real_catalog.routines.values() if exercise_id in {i.exercise for i in r.items}]
        assert holders and all(level(r.level) >= level("intermediate") for r in holders), exercise_id


def test_routine_warm_ups_match_the_warming_up_topic(real_catalog: Catalog) -> None:
    """The topic says half a minute to a minute and a half of the easiest move."""
    assert "half a minute to a minute and a half" in real_catalog.tip("warming-up").body
    for routine in real_catalog.routines.values():
        plan = plan_routine(routine, real_catalog.exercises)
        warm_up = sum(
            s.seconds for s in plan.steps if s.exercise_index == 0 and s.kind in (StepKind.REPS, StepKind.HOLD)
        )
        assert 30 <= warm_up <= 90, (routine.id, warm_up)


def test_one_desk_break_interval_everywhere(real_catalog: Catalog) -> None:
    texts = [t.body for t in real_catalog.tips] + [r.when_to_use for r in real_catalog.routines.values()]
    intervals = {m.group(0) for text in texts for m in re.finditer(r"every \d+ (?:to|-) \d+ minutes", text)}
    assert intervals == {"every 30 to 60 minutes"}


# --- safety, labels and sources --------------------------------------------------------------


def test_same_day_list_holds_the_added_red_flags(real_catalog: Catalog) -> None:
    items = " ".join(real_catalog.safety.help_list("same-day").items)
    for needle in ("under about 20", "over about 50", "infection", "on your spine", "night sweats", "several places"):
        assert needle in items, needle


def test_services_work_outside_the_uk(real_catalog: Catalog) -> None:
    same_day = real_catalog.safety.help_list("same-day").action
    assert "your doctor" in same_day and "urgent-care line (such as NHS 111 in England)" in same_day
    assert len(real_catalog.safety.emergency_numbers) >= 5
    assert "GP" not in " ".join(text for _, text in safety_texts(real_catalog.safety))


def test_the_pain_rule_is_relative_and_amber_holds(real_catalog: Catalog) -> None:
    rule = real_catalog.safety.pain_rule
    assert "2 points above your usual" in rule.summary and "next morning" in rule.summary
    assert "same amount" in rule.amber and "more" not in rule.amber.split(".")[-2]
    assert "new or spreading" in rule.red and "new or spreading" in real_catalog.safety.stop_rule_short
    assert "tendon" in rule.why


def test_overstated_labels_are_lowered(real_catalog: Catalog) -> None:
    for tip_id in ("why-backs-hurt", "staying-active", "medicines"):
        assert real_catalog.tip(tip_id).evidence != "strong evidence", tip_id
    assert real_catalog.exercises["walking"].evidence != "strong evidence"


def test_every_pain_message_has_an_evidence_label(real_catalog: Catalog) -> None:
    labels = {message.id: message.evidence for message in real_catalog.messages}
    assert set(labels.values()) <= {"strong evidence", "some evidence", "common advice"}
    assert all(labels.values()) and len(labels) >= 16


def test_sources_name_a_first_author_and_a_published_title(real_catalog: Catalog) -> None:
    sources = [s for t in real_catalog.tips for s in t.sources] + [s for m in real_catalog.messages for s in m.sources]
    sources += [e.dose_source for e in real_catalog.exercises.values() if e.dose_source]
    paraphrase = re.compile(
        r"^(Lancet series|Cochrane review|Systematic review|Review|Meta-analysis)\s*:|\((BMJ|CMAJ|Lancet)\)$"
    )
    assert [s.title for s in sources if paraphrase.search(s.title)] == []
    assert all(s.author.strip() for s in sources)
    by_title = {}
    for source in sources:
        assert by_title.setdefault(source.title, (source.author, source.year)) == (source.author, source.year)
