"""Library filters and tip search."""

from __future__ import annotations

import pytest

from trainer.catalog.models import PainMessage, SourceRef
from trainer.catalog.search import NO_EQUIPMENT, ExerciseFilter, any_message_matches, search_tips


@pytest.fixture
def library(make_exercise) -> list:
    return [
        make_exercise(
            id="back-lift",
            name="Back lift",
            category="strength",
            body_areas=["lower back"],
            equipment=["mat"],
            level="beginner",
            purpose="Builds stamina in the spine muscles.",
        ),
        make_exercise(
            "hold",
            id="hip-stretch",
            name="Hip stretch",
            category="stretch",
            body_areas=["hips"],
            equipment=[],
            level="gentle",
            purpose="Eases tight hips after sitting.",
        ),
        make_exercise(
            "hold",
            id="band-pull",
            name="Band pull",
            category="strength",
            body_areas=["upper back", "shoulders"],
            equipment=["resistance band", "chair"],
            level="intermediate",
            purpose="Strengthens the upper back.",
        ),
    ]


def ids(exercises: list) -> list[str]:
    return [exercise.id for exercise in exercises]


def test_empty_filter_matches_everything_in_order(library) -> None:
    assert ids(ExerciseFilter().apply(library)) == ["back-lift", "hip-stretch", "band-pull"]


@pytest.mark.parametrize(
    ("exercise_filter", "expected"),
    [
        (ExerciseFilter(category="strength"), ["back-lift", "band-pull"]),
        (ExerciseFilter(body_area="hips"), ["hip-stretch"]),
        (ExerciseFilter(body_area="shoulders"), ["band-pull"]),
        (ExerciseFilter(equipment="chair"), ["band-pull"]),
        (ExerciseFilter(equipment="mat"), ["back-lift"]),
        (ExerciseFilter(equipment="none"), ["hip-stretch"]),
        (ExerciseFilter(level="intermediate"), ["band-pull"]),
        (ExerciseFilter(category="strength", level="beginner"), ["back-lift"]),
        (ExerciseFilter(category="stretch", equipment="mat"), []),
    ],
    ids=[
        "category",
        "body-area",
        "second-body-area",
        "equipment",
        "mat",
        "no-equipment",
        "level",
        "fields-combine",
        "no-match",
    ],
)
def test_filter_fields(library, exercise_filter: ExerciseFilter, expected: list[str]) -> None:
    assert ids(exercise_filter.apply(library)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("back", ["back-lift", "band-pull"]),
        ("upper back", ["band-pull"]),
        ("back upper", ["band-pull"]),
        ("BACK LIFT", ["back-lift"]),
        ("hip  sitting", ["hip-stretch"]),
        ("back hips", []),
        ("stamina", ["back-lift"]),
        ("band-pull", ["band-pull"]),
    ],
    ids=[
        "one-word",
        "two-words",
        "any-order",
        "case-insensitive",
        "name-and-purpose",
        "all-words-needed",
        "purpose",
        "id",
    ],
)
def test_text_matches_every_word(library, text: str, expected: list[str]) -> None:
    assert ids(ExerciseFilter(text=text).apply(library)) == expected


def test_text_and_fields_combine(library) -> None:
    assert ids(ExerciseFilter(text="back", equipment=NO_EQUIPMENT).apply(library)) == []


# --- tips ------------------------------------------------------------------------------


@pytest.fixture
def tips(make_tip) -> list:
    return [
        make_tip("sleep", "Sleep", body="Find a comfortable position; a pillow between the knees may help."),
        make_tip("pillows-and-beds", "Pillows and beds", body="There is no single best mattress for a bad back."),
        make_tip("heat", "Heat and cold", body="A warm bath can ease stiffness.", keywords=["hot water bottle"]),
        make_tip("sitting", "Sitting at a desk", body="Change position often; a cushion is fine."),
    ]


def test_title_match_comes_before_body_match(tips) -> None:
    assert [tip.id for tip in search_tips(tips, "pillow")] == ["pillows-and-beds", "sleep"]


def test_keyword_counts_as_a_title_match(tips) -> None:
    assert [tip.id for tip in search_tips(tips, "hot bottle")] == ["heat"]


def test_words_split_between_title_and_body_match_after_title_matches(tips) -> None:
    assert [tip.id for tip in search_tips(tips, "sitting")] == ["sitting"]
    assert [tip.id for tip in search_tips(tips, "sleep pillow")] == ["sleep"]
    assert [tip.id for tip in search_tips(tips, "BEDS mattress")] == ["pillows-and-beds"]


def test_tip_search_needs_every_word(tips) -> None:
    assert search_tips(tips, "pillow walking") == []


@pytest.mark.parametrize("query", ["", "   "])
def test_empty_query_returns_all_tips_in_order(tips, query: str) -> None:
    assert [tip.id for tip in search_tips(tips, query)] == ["sleep", "pillows-and-beds", "heat", "sitting"]


def test_tip_search_looks_in_the_summary(make_tip) -> None:
    tip = make_tip("flare-ups", "Flare-ups", summary="What to do when pain comes back suddenly.")
    assert search_tips([tip], "SUDDENLY") == [tip]


def test_any_message_matches_every_word_in_one_message() -> None:
    source = [SourceRef(author="Foster NE", title="A review", year=2020)]
    messages = [
        PainMessage(id="common", text="Back pain is very common.", evidence="strong evidence", sources=source),
        PainMessage(id="moving", text="Keeping moving helps most people.", evidence="some evidence", sources=source),
    ]
    assert any_message_matches(messages, "COMMON back")
    assert not any_message_matches(messages, "common moving")  # the words are in two different messages
    assert any_message_matches(messages, "  ")
