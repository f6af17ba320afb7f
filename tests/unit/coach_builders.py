"""Builders for the coach's journal entries in tests (a plain module: import it)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from trainer.journal.coach_models import Decision, GoalRating, Review

RECORDED = datetime(2026, 12, 31, 12, 0, tzinfo=UTC)


def decision(at: datetime, **fields: Any) -> Decision:
    data: dict[str, Any] = {
        "at": at,
        "recorded": RECORDED,
        "programme_id": "twelve-weeks",
        "exercise_id": "bird-dog",
        "name": "Bird-dog",
        "source": "morning",
        "verdict": "green",
        "from_rung": 3,
        "from_dose": "1x6 each side, 3 s hold",
        "proposed_rung": 4,
        "proposed_dose": "1x8 each side, 3 s hold",
        "to_rung": 4,
        "to_dose": "1x8 each side, 3 s hold",
        "choice": "accepted",
        "reason": "Your last two sessions were green: bird-dog 1x6 -> 1x8 each side, 3 s hold.",
    }
    return Decision.model_validate(data | fields)


def review(at: datetime, **fields: Any) -> Review:
    data: dict[str, Any] = {
        "at": at,
        "recorded": RECORDED,
        "programme_id": "twelve-weeks",
        "week": 2,
        "first_week_average": 5.0,
        "last_week_average": 4.2,
        "trend": "Your average pain over the last 7 days is 4.2, down 0.8 points (16%) from your first week (5.0).",
        "goals": [GoalRating(goal="Carry the shopping home", rating=4)],
        "suggested": "keep-going",
        "outcome": "keep-going",
        "reasons": ["Most sessions were green."],
    }
    return Review.model_validate(data | fields)
