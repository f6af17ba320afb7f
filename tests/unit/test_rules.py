"""Content rules (trainer.catalog.rules): true levels, known ids, plain safety text; for bundled content and packs."""

from __future__ import annotations

from pathlib import Path

import pytest

from trainer.catalog.loader import load_catalog
from trainer.catalog.models import Safety
from trainer.catalog.problems import ContentProblem
from trainer.catalog.rules import MAX_SAFETY_GRADE, MAX_SAFETY_WORDS, check_readability, safety_texts

REPO_CONTENT = Path(__file__).resolve().parents[2] / "content"
HARD = (
    "Discontinue the exercise programme immediately should you experience progressive neurological "
    "deterioration, including unilateral lower-limb paraesthesia or weakness."
)


def pack_routine(routine_id: str, level: str, *items: dict) -> dict:
    return {
        "id": routine_id,
        "name": "Pack routine",
        "summary": "From a pack.",
        "when_to_use": "Any time.",
        "level": level,
        "items": [{"exercise": "cat-cow", "part": "warm-up"}, *items],
    }


def where_and_reason(problems: tuple[ContentProblem, ...] | list[ContentProblem]) -> list[tuple[str, str]]:
    return [(problem.where, problem.reason) for problem in problems]


# --- packs: skipped whole, with file and JSON path ---------------------------------------


def test_pack_routine_with_a_level_below_its_exercises_is_skipped(write_pack) -> None:
    pack = write_pack("physio.json", routines=[pack_routine("too-easy", "gentle", {"exercise": "superman"})])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert "too-easy" not in catalog.routines and catalog.packs == ()
    (problem,) = catalog.pack_problems
    assert problem.file == pack
    assert problem.where == "routines[0].level (in 'too-easy')"
    assert problem.reason == (
        "level 'gentle' is below the level of its exercises: items[1] 'superman' is 'intermediate' "
        "(make the routine 'intermediate' or use an easier exercise)"
    )


def test_pack_level_rule_sees_the_packs_own_exercises(write_pack, rep_exercise_data) -> None:
    hard = rep_exercise_data(id="pack-hard", name="Pack hard", level="advanced")
    pack = write_pack(
        "mine.json", exercises=[hard], routines=[pack_routine("mine", "intermediate", {"exercise": "pack-hard"})]
    )
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert where_and_reason(catalog.pack_problems) == [
        (
            "routines[0].level (in 'mine')",
            "level 'intermediate' is below the level of its exercises: items[1] 'pack-hard' is 'advanced' "
            "(make the routine 'advanced' or use an easier exercise)",
        )
    ]


def test_pack_routine_with_an_unknown_instead_id_is_skipped(write_pack) -> None:
    item = {"exercise": "back-extension", "instead": "no-such-move"}
    pack = write_pack("physio.json", routines=[pack_routine("swap", "beginner", item)])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert "swap" not in catalog.routines
    assert [(p.file, p.where, p.reason) for p in catalog.pack_problems] == [
        (pack, "routines[0].items[1].instead (in 'swap')", "unknown exercise id 'no-such-move'")
    ]


def test_pack_instead_may_not_be_the_exercise_itself(write_pack) -> None:
    item = {"exercise": "bird-dog", "instead": "bird-dog"}
    pack = write_pack("physio.json", routines=[pack_routine("same", "beginner", item)])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert where_and_reason(catalog.pack_problems) == [
        ("routines[0].items[1].instead (in 'same')", "'bird-dog' cannot be offered instead of itself")
    ]


def test_good_pack_with_a_true_level_and_a_known_instead_loads(write_pack) -> None:
    item = {"exercise": "superman", "instead": "diagonal-superman"}
    pack = write_pack("physio.json", routines=[pack_routine("good", "intermediate", item)])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[pack])
    assert catalog.pack_problems == ()
    assert catalog.routines["good"].items[1].instead == "diagonal-superman"


def test_one_bad_pack_does_not_stop_another(write_pack) -> None:
    bad = write_pack("bad.json", routines=[pack_routine("bad", "gentle", {"exercise": "front-plank-on-toes"})])
    good = write_pack("good.json", routines=[pack_routine("fine", "gentle", {"exercise": "pelvic-tilt"})])
    catalog = load_catalog(content_dir=REPO_CONTENT, packs=[bad, good])
    assert catalog.packs == (good,) and "fine" in catalog.routines
    assert {problem.file for problem in catalog.pack_problems} == {bad}


# --- bundled content: a ContentError ------------------------------------------------------


def test_bundled_routine_level_below_its_exercises_is_an_error(edit_content, content_problems, content_copy) -> None:
    def make_gentle(data: dict) -> None:
        routine = next(r for r in data["routines"] if r["id"] == "core-and-back-strength")
        routine["level"] = "gentle"

    path = edit_content("routines.json", make_gentle)
    (problem,) = content_problems(content_copy)
    assert problem.file == path
    assert problem.where.endswith(".level (in 'core-and-back-strength')")
    assert "level 'gentle' is below the level of its exercises" in problem.reason


def test_bundled_unknown_suggestion_is_an_error(edit_content, content_problems, content_copy) -> None:
    def break_suggestions(data: dict) -> None:
        data["suggestions"]["rotation"] = ["back-basics", "no-such-routine"]
        data["suggestions"]["flare_up"] = "gone"

    path = edit_content("routines.json", break_suggestions)
    assert [(p.file, p.where, p.reason) for p in content_problems(content_copy)] == [
        (path, "suggestions.flare_up", "unknown routine id 'gone'"),
        (path, "suggestions.rotation[1]", "unknown routine id 'no-such-routine'"),
    ]


def test_bundled_unknown_instead_is_an_error(edit_content, content_problems, content_copy) -> None:
    path = edit_content("routines.json", lambda data: data["routines"][0]["items"][1].update(instead="nope"))
    (problem,) = content_problems(content_copy)
    assert (problem.file, problem.reason) == (path, "unknown exercise id 'nope'")
    assert problem.where.startswith("routines[0].items[1].instead (in ")


def test_bundled_hard_safety_item_is_an_error(edit_content, content_problems, content_copy) -> None:
    path = edit_content("safety.json", lambda data: data["safety"]["stop_rules"].append(HARD))
    (problem,) = content_problems(content_copy)
    assert problem.file == path
    assert problem.where.startswith("safety.stop_rules[")
    assert problem.reason.startswith("too hard to read at a glance: grade ")
    assert "18 words" in problem.reason


def test_bundled_long_but_easy_safety_item_is_an_error(edit_content, content_problems, content_copy) -> None:
    long_text = "Stop if it hurts a lot. " * 6  # grade under 1, 36 words
    edit_content("safety.json", lambda data: data["safety"]["help_lists"][1]["items"].append(long_text))
    (problem,) = content_problems(content_copy)
    assert problem.where.endswith("(in 'same-day')") and "36 words" in problem.reason


# --- which texts are safety items ---------------------------------------------------------


def test_safety_texts_cover_every_item_a_person_reads_at_a_glance(real_catalog) -> None:
    safety: Safety = real_catalog.safety
    wheres = [where for where, _ in safety_texts(safety)]
    expected = 1 + len(safety.stop_rules) + len(safety.check_first) + 5
    expected += sum(len(help_list.items) for help_list in safety.help_lists)
    assert len(wheres) == expected
    assert "safety.stop_rule_short" in wheres and "safety.pain_rule.amber" in wheres
    assert "safety.help_lists[0].items[0] (in 'emergency')" in wheres


@pytest.mark.parametrize("limit", [MAX_SAFETY_GRADE, MAX_SAFETY_WORDS])
def test_limits_are_what_the_issue_asks(limit: float) -> None:
    assert limit in (7.0, 25)


def test_readability_problem_names_grade_and_words(real_catalog) -> None:
    safety = real_catalog.safety.model_copy(update={"stop_rule_short": HARD})
    (problem,) = check_readability(Path("safety.json"), safety)
    assert problem.where == "safety.stop_rule_short"
    assert "(a safety item may have grade 7 and 25 words at most)" in problem.reason
