"""The small Flesch-Kincaid grade used to keep safety text plain."""

from __future__ import annotations

import pytest

from trainer.catalog.readability import grade, readability, sentence_count, syllables, words


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("cat", 1),
        ("the", 1),
        ("make", 1),  # silent final e
        ("while", 1),
        ("there", 1),
        ("knee", 1),
        ("table", 2),  # consonant + le is a syllable
        ("people", 2),
        ("walked", 1),  # -ed after most consonants is silent
        ("lifted", 2),  # ... but not after t or d
        ("makes", 1),
        ("passes", 2),
        ("muscles", 2),
        ("movement", 2),  # silent e before a suffix
        ("safely", 2),
        ("doing", 2),
        ("lying", 2),
        ("yoga", 2),
        ("condition", 3),
        ("emergency", 4),
        ("999", 3),  # numbers: one per digit, at most 3
        ("2", 1),
        ("don't", 1),
    ],
)
def test_syllables(word: str, expected: int) -> None:
    assert syllables(word) == expected


def test_words_split_hyphens_and_keep_numbers() -> None:
    assert words("Pins-and-needles in both legs, 2 days.") == [
        "Pins",
        "and",
        "needles",
        "in",
        "both",
        "legs",
        "2",
        "days",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Stop now.", 1),
        ("Stop now. Call 999!", 2),
        ("No full stop at the end", 1),
        ('He said "stop." Then he sat.', 2),
        ("Numbers like 2.5 do not end a sentence.", 1),
        ("", 0),
    ],
)
def test_sentence_count(text: str, expected: int) -> None:
    assert sentence_count(text) == expected


def test_grade_is_the_flesch_kincaid_formula() -> None:
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    score = readability("The cat sat on the mat.")
    assert (score.words, score.sentences, score.syllables) == (6, 1, 6)
    assert score.grade == pytest.approx(-1.45)
    # 12 words in 2 sentences, 15 syllables: 0.39 * 6 + 11.8 * 15 / 12 - 15.59
    assert grade("Stop the session now. Call your doctor today if it gets worse.") == pytest.approx(
        0.39 * 6 + 11.8 * 15 / 12 - 15.59
    )


def test_plain_safety_wording_scores_lower_than_clinical_wording() -> None:
    plain = "Stop if your leg feels weak or numb. Get help the same day."
    clinical = (
        "Discontinue exercising immediately should neurological symptoms, including progressive unilateral "
        "weakness or paraesthesia, develop during physiotherapy."
    )
    assert grade(plain) < 4 < 7 < grade(clinical)


def test_empty_text_has_grade_zero() -> None:
    assert grade("") == 0.0
    assert readability("  ").words == 0
