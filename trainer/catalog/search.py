"""Filtering and searching the catalog (pure, so screens stay thin)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from trainer.catalog.models import Exercise, PainMessage, Tip

NO_EQUIPMENT = "none"
"""Equipment filter value: exercises that need nothing at all."""


def _words(query: str) -> list[str]:
    return query.casefold().split()


def _contains_all(haystack: str, words: Iterable[str]) -> bool:
    folded = haystack.casefold()
    return all(word in folded for word in words)


@dataclass(frozen=True)
class ExerciseFilter:
    """Empty fields match everything."""

    text: str = ""
    category: str = ""
    body_area: str = ""
    equipment: str = ""
    level: str = ""

    def matches(self, exercise: Exercise) -> bool:
        if self.category and exercise.category != self.category:
            return False
        if self.body_area and self.body_area not in exercise.body_areas:
            return False
        if self.equipment == NO_EQUIPMENT and exercise.equipment:
            return False
        if self.equipment and self.equipment != NO_EQUIPMENT and self.equipment not in exercise.equipment:
            return False
        if self.level and exercise.level != self.level:
            return False
        words = _words(self.text)
        if not words:
            return True
        haystack = " ".join((exercise.name, exercise.id, exercise.category, exercise.purpose, *exercise.body_areas))
        return _contains_all(haystack, words)

    def apply(self, exercises: Iterable[Exercise]) -> list[Exercise]:
        return [exercise for exercise in exercises if self.matches(exercise)]


def search_tips(tips: Iterable[Tip], query: str) -> list[Tip]:
    """Topics containing every word of ``query``; title matches first."""
    words = _words(query)
    if not words:
        return list(tips)
    in_title = []
    elsewhere = []
    for tip in tips:
        if _contains_all(" ".join((tip.title, *tip.keywords)), words):
            in_title.append(tip)
        elif _contains_all(" ".join((tip.title, tip.summary, tip.body, *tip.keywords)), words):
            elsewhere.append(tip)
    return in_title + elsewhere


def any_message_matches(messages: Iterable[PainMessage], query: str) -> bool:
    """Whether one of the short pain messages contains every word of ``query`` (any does, for no words)."""
    words = _words(query)
    return not words or any(_contains_all(message.text, words) for message in messages)
