"""What Home suggests: the flare-up routine on a bad day, the gentle start until it has been done a few
times without a flare, then the rotation (all from content, not code)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from trainer.catalog.validated import Catalog
from trainer.engine.suggest import done_without_flare, flared, suggest
from trainer.journal.models import AnyEntry, CheckIn, SessionRecord

NOW = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)


def session(routine_id: str, days_ago: float, **changes: Any) -> SessionRecord:
    at = NOW - timedelta(days=days_ago)
    data: dict[str, Any] = {
        "at": at,
        "ended": at + timedelta(minutes=10),
        "title": routine_id,
        "routine_id": routine_id,
        "completion": 1.0,
        "ended_how": "finished",
    }
    return SessionRecord.model_validate(data | changes)


def suggested(catalog: Catalog, recent: list[AnyEntry]) -> str | None:
    found = suggest(catalog.routines, catalog.suggestions, sorted(recent, key=lambda e: e.at, reverse=True), NOW)
    return found.routine.id if found is not None else None


def test_a_newcomer_is_offered_the_gentle_start_which_holds_nothing_harder_than_beginner(catalog: Catalog) -> None:
    first = suggested(catalog, [])
    assert first == catalog.suggestions.start_with == "gentle-start"
    levels = {catalog.exercises[item.exercise].level for item in catalog.routines["gentle-start"].items}
    assert levels <= {"gentle", "beginner"}


def test_the_gentle_start_stays_until_done_three_times_without_a_flare(catalog: Catalog) -> None:
    two = [session("gentle-start", 3), session("gentle-start", 2)]
    assert suggested(catalog, two) == "gentle-start"
    flare = session("gentle-start", 1, pain_before=3, pain_after=6)  # 3 points up: a flare, does not count
    assert suggested(catalog, [*two, flare]) == "gentle-start"
    third = session("gentle-start", 1, pain_before=3, pain_after=5)  # 2 points up: within the pain rule
    assert suggested(catalog, [*two, third]) == catalog.suggestions.rotation[0]


def test_a_session_stopped_for_pain_or_mostly_skipped_does_not_count(catalog: Catalog) -> None:
    stopped = session("gentle-start", 1, ended_how="stopped-pain", stop_reason="pain", completion=0.8)
    skipped = session("gentle-start", 1, completion=0.3)
    assert flared(stopped) and not done_without_flare(stopped)
    assert not flared(skipped) and not done_without_flare(skipped)


def test_a_bad_day_brings_the_flare_up_routine_first(catalog: Catalog) -> None:
    bad_day = CheckIn(at=NOW - timedelta(hours=3), pain_now=8)
    assert suggested(catalog, [bad_day]) == catalog.suggestions.flare_up
    yesterday = CheckIn(at=NOW - timedelta(hours=30), pain_now=8)
    assert suggested(catalog, [yesterday]) == "gentle-start"


@pytest.mark.parametrize("done", [0, 1, 2])
def test_the_rotation_offers_the_routine_done_least_recently(catalog: Catalog, done: int) -> None:
    rotation = catalog.suggestions.rotation
    started = [session("gentle-start", 20 + day) for day in range(3)]
    history = [session(routine_id, 10 - index) for index, routine_id in enumerate(rotation[:done])]
    assert suggested(catalog, [*started, *history]) == rotation[done]
    everything = [session(routine_id, 10 - index) for index, routine_id in enumerate(rotation)]
    assert suggested(catalog, [*started, *everything]) == rotation[0]
