"""The real bundled content: complete, matching the product brief, and carefully worded."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from trainer.catalog.loader import BUNDLED_FILES, Catalog, load_catalog
from trainer.catalog.models import CATEGORIES, IntRange
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
    "back-basics",
    "flare-up-gentle",
    "desk-break",
    "core-and-back-strength",
    "mobility-and-stretching",
    "bedtime-unwind",
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
