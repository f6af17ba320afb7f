"""The real bundled content: complete, matching the product brief, and carefully worded."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trainer.catalog.loader import load_catalog
from trainer.catalog.models import CATEGORIES, IntRange
from trainer.catalog.validated import BUNDLED_FILES, Catalog
from trainer.engine.plan import plan_routine

BRIEF_EXERCISES = (
    "back-extension",
    "bird-dog",
    "glute-bridge",
    "knee-to-chest",
    "lumbar-rotation",
    "seated-spinal-twist",
    "superman",
)
STRONG_BACK_IDS = (
    "front-plank",
    "side-plank",
    "dead-bug",
    "cat-cow",
    "hip-flexor-stretch",
    "hamstring-stretch",
    "hip-thrust",
    "band-row",
    "band-lat-pulldown",
)
GENTLE_IDS = ("pelvic-tilt", "walking", "standing-back-bend", "bottom-to-heels", "sit-to-stand", "hip-hinge")
ROUTINE_IDS = (
    "gentle-start",
    "back-basics",
    "flare-up-gentle",
    "desk-break",
    "core-and-back-strength",
    "stronger-back",
    "mobility-and-stretching",
    "slow-flow",
    "bedtime-unwind",
    "muscle-relaxation",
    "guided-body-scan",
    "lifting-confidence",
)
TIP_IDS = (
    "why-backs-hurt",
    "staying-active",
    "exercising-with-pain",
    "warming-up",
    "sitting-and-desk-breaks",
    "sleep",
    "heat-and-cold",
    "lifting-and-bending",
    "shoes-and-gadgets",
    "medicines",
    "walking-plan",
    "leg-pain-and-sciatica",
    "sport-and-the-gym",
    "getting-down-and-up",
    "flare-plan",
)


def r(low: int, high: int | None = None) -> IntRange:
    return IntRange(min=low, max=low if high is None else high)


def test_bundled_content_loads_without_problems(repo_content_dir: Path) -> None:
    catalog = load_catalog(content_dir=repo_content_dir)
    assert catalog.pack_problems == ()
    assert len(catalog.exercises) >= 20
    assert len(catalog.routines) >= 6


# --- the seven exercises from the product brief --------------------------------


def dose_of(catalog: Catalog, exercise_id: str) -> tuple:
    dose = catalog.exercises[exercise_id].dose
    return dose.sets, dose.reps, dose.hold_seconds, dose.per_side


@pytest.mark.parametrize(
    ("exercise_id", "expected"),
    [
        # the low end is the NHS inform start (about 5 reps); the high end is the product brief's target
        ("back-extension", (r(1, 3), r(5, 15), r(2, 3), False)),
        ("bird-dog", (r(1, 3), r(5, 10), r(3, 5), True)),
        ("glute-bridge", (r(1, 3), r(5, 15), r(3, 5), False)),
        ("knee-to-chest", (r(2, 3), None, r(20, 30), True)),
        ("superman", (r(1, 3), r(5, 15), r(2, 3), False)),
    ],
)
def test_brief_exercise_dose(real_catalog: Catalog, exercise_id: str, expected: tuple) -> None:
    assert dose_of(real_catalog, exercise_id) == expected


def test_knee_rolls_start_at_5_and_build_to_the_brief_10_to_12(real_catalog: Catalog) -> None:
    assert real_catalog.exercises["lumbar-rotation"].dose.reps == r(5, 12)


def test_seated_spinal_twist_holds_20_to_30_seconds_each_side(real_catalog: Catalog) -> None:
    dose = real_catalog.exercises["seated-spinal-twist"].dose
    assert (dose.reps, dose.hold_seconds, dose.per_side) == (None, r(20, 30), True)


def test_glute_bridge_progresses_to_single_leg(real_catalog: Catalog) -> None:
    assert "single-leg-glute-bridge" in real_catalog.exercises["glute-bridge"].harder


def test_superman_links_to_diagonal_superman(real_catalog: Catalog) -> None:
    superman = real_catalog.exercises["superman"]
    assert "diagonal-superman" in [*superman.easier, *superman.harder]


def test_strong_back_and_gentle_exercises_exist(real_catalog: Catalog) -> None:
    missing = [exercise_id for exercise_id in STRONG_BACK_IDS + GENTLE_IDS if exercise_id not in real_catalog.exercises]
    assert missing == []


def test_every_category_is_used(real_catalog: Catalog) -> None:
    used = {exercise.category for exercise in real_catalog.exercises.values()}
    assert used == set(CATEGORIES)


# --- routines --------------------------------------------------------------------


def test_required_routines_exist_and_start_with_a_warm_up(real_catalog: Catalog) -> None:
    assert set(ROUTINE_IDS) <= set(real_catalog.routines)
    assert [r.id for r in real_catalog.routines.values() if r.items[0].part != "warm-up"] == []


def test_back_basics_holds_the_brief_exercises_with_the_diagonal_superman_for_the_full_one(
    real_catalog: Catalog,
) -> None:
    used = {item.exercise for item in real_catalog.routines["back-basics"].items}
    assert set(BRIEF_EXERCISES) - {"superman"} <= used
    assert "superman" not in used and "diagonal-superman" in used


def test_routine_overrides_apply_to_their_exercise(real_catalog: Catalog) -> None:
    # prescribe() silently ignores reps on a hold and hold_seconds on reps without a hold.
    ignored = []
    for routine in real_catalog.routines.values():
        for item in routine.items:
            dose = real_catalog.exercises[item.exercise].dose
            if (item.reps and dose.reps is None) or (item.hold_seconds and dose.hold_seconds is None):
                ignored.append((routine.id, item.exercise))
    assert ignored == []


def test_desk_break_takes_at_most_five_minutes(real_catalog: Catalog) -> None:
    plan = plan_routine(real_catalog.routines["desk-break"], real_catalog.exercises)
    assert 60 < plan.total_seconds <= 300


# --- tips and safety ---------------------------------------------------------------


def test_required_tip_topics_exist(real_catalog: Catalog) -> None:
    assert set(TIP_IDS) <= {tip.id for tip in real_catalog.tips}


def test_there_are_pain_messages(real_catalog: Catalog) -> None:
    assert len(real_catalog.messages) >= 1


def test_every_tip_cites_dated_sources(real_catalog: Catalog) -> None:
    this_year = datetime.date.today().year
    for tip in real_catalog.tips:
        assert tip.sources, tip.id
        assert all(1900 <= source.year <= this_year for source in tip.sources), tip.id


def test_help_lists_have_enough_items(real_catalog: Catalog) -> None:
    counts = {help_list.id: len(help_list.items) for help_list in real_catalog.safety.help_lists}
    assert list(counts) == ["emergency", "same-day", "routine"]
    assert counts["emergency"] >= 7
    assert counts["same-day"] >= 10
    assert counts["routine"] >= 5


# --- health wording guards over every string in every file -------------------------

BANNED_PHRASES = ("wear and tear", "degeneration", "slipped disc", "out of alignment")
DOSE_PATTERN = re.compile(r"\b\d+\s?(mg|milligrams?|ml)\b", re.IGNORECASE)
DAILY_PATTERN = re.compile(r"\b(tablets|times) a day\b", re.IGNORECASE)


def strings_in(node: Any, where: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, str):
        yield where, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from strings_in(value, f"{where}.{key}" if where else key)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from strings_in(value, f"{where}[{index}]")


@pytest.fixture(scope="module")
def all_text(repo_content_dir: Path) -> list[tuple[str, str]]:
    texts = []
    for name in BUNDLED_FILES:
        data = json.loads((repo_content_dir / name).read_text(encoding="utf-8"))
        texts += [(f"{name}:{where}", text) for where, text in strings_in(data)]
    return texts


def test_walker_sees_nested_text(all_text: list[tuple[str, str]]) -> None:
    wheres = {where for where, _ in all_text}
    assert "tips.json:topics[0].body" in wheres
    assert "safety.json:safety.help_lists[0].items[0]" in wheres
    assert len(all_text) > 500


def test_no_frightening_or_outdated_wording(all_text: list[tuple[str, str]]) -> None:
    found = [(where, phrase) for where, text in all_text for phrase in BANNED_PHRASES if phrase in text.casefold()]
    assert found == []


def test_no_medicine_doses(all_text: list[tuple[str, str]]) -> None:
    found = [(where, match.group(0)) for where, text in all_text for match in DOSE_PATTERN.finditer(text)]
    assert found == []
    assert DOSE_PATTERN.search("take 400 mg") and DOSE_PATTERN.search("5ml") and not DOSE_PATTERN.search("200 mgr")


def test_no_daily_dosing_instructions(all_text: list[tuple[str, str]]) -> None:
    assert [where for where, text in all_text if DAILY_PATTERN.search(text)] == []


# --- one pain rule: the old absolute window and the amber contradiction are gone -----------

OLD_PAIN_WINDOW = re.compile(
    r"\b\d+\s*/\s*10\b"  # 5/10
    r"|\b5 out of 10\b"
    r"|\b(?:up to|above|over|more than|below|under)\s+(?:about\s+)?5\b(?!\s*(?:minutes|seconds|reps|kg|days|weeks))"
    r"|\b0\s*(?:-|–|to)\s*2\b(?!\s*(?:minutes|seconds|reps|kg))"
    r"|\b(?:2|3)\s*(?:-|–|to)\s*5\b(?!\s*(?:minutes|min|seconds|s\b|reps|kg|days))",
    re.IGNORECASE,
)
GREEN_OR_AMBER = re.compile(r"green (?:or|and|/) ?amber|amber (?:or|/) ?green", re.IGNORECASE)


@pytest.mark.parametrize(
    "text",
    [
        "Discomfort of up to about 5 out of 10 is acceptable.",
        "If pain goes above 5, ease off.",
        "Green, 0 to 2: carry on.",
        "Amber, 3 to 5: acceptable.",
        "pain 2-5 is fine",
        "Keep it under 5/10.",
    ],
)
def test_old_pain_window_pattern_catches_the_old_wording(text: str) -> None:
    assert OLD_PAIN_WINDOW.search(text)


@pytest.mark.parametrize(
    "text", ["add 2 to 5 minutes per walk", "even 7 out of 10 or more", "about 2 points above usual"]
)
def test_old_pain_window_pattern_leaves_other_numbers_alone(text: str) -> None:
    assert not OLD_PAIN_WINDOW.search(text)


def test_no_absolute_pain_window_anywhere(all_text: list[tuple[str, str]]) -> None:
    found = [(where, match.group(0)) for where, text in all_text for match in OLD_PAIN_WINDOW.finditer(text)]
    assert found == []


def test_no_build_up_on_amber_anywhere(all_text: list[tuple[str, str]]) -> None:
    assert GREEN_OR_AMBER.search("while the check stays green or amber")
    assert [where for where, text in all_text if GREEN_OR_AMBER.search(text)] == []


STOP_FOR_LEGS = re.compile(r"\bstop\b[^.]*\b(?:leg pain|numbness|numb|tingling|pins and needles)\b", re.IGNORECASE)


def unqualified_leg_stop(text: str) -> bool:
    """A stop for leg symptoms that does not say 'new or spreading' (an emergency 'both legs' sign aside)."""
    return (
        bool(STOP_FOR_LEGS.search(text))
        and "leg" in text.casefold()
        and "new or spreading" not in text
        and ("both legs" not in text)
    )


def test_unqualified_leg_stop_is_recognised() -> None:
    assert unqualified_leg_stop("Stop if you feel pain spreading down a leg, or numbness or tingling.")
    assert not unqualified_leg_stop("Stop for new or spreading leg pain, new numbness or any weakness.")
    assert not unqualified_leg_stop("Stop if it sends pain or pins and needles down an arm.")


def test_every_statement_of_the_leg_stop_says_new_or_spreading(all_text: list[tuple[str, str]]) -> None:
    """Stable, familiar leg pain is not a stop: wherever a stop for leg symptoms is said, so is 'new or spreading'."""
    assert [(where, text) for where, text in all_text if unqualified_leg_stop(text)] == []


def test_the_old_names_and_jargon_are_gone(all_text: list[tuple[str, str]]) -> None:
    old = ("knee drops", "tailbone", "cross your right foot over your left knee", "chair without wheels")
    assert [(where, phrase) for where, text in all_text for phrase in old if phrase in text.casefold()] == []


def test_no_spaced_out_letters_in_cues(all_text: list[tuple[str, str]]) -> None:
    spaced = re.compile(r"\b(?:[A-Z] ){2,}[A-Z]\b")
    assert [where for where, text in all_text if spaced.search(text)] == []
