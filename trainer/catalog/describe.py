"""Plain-words descriptions of doses and tempos, shared by screens and the CLI."""

from __future__ import annotations

from trainer.catalog.models import Exercise, IntRange


def _seconds(span: IntRange) -> str:
    if span.min >= 60 and span.min % 60 == 0 and span.max % 60 == 0:
        minutes = IntRange(min=span.min // 60, max=span.max // 60)
        return f"{minutes} min"
    return f"{span} s"


def describe_dose(exercise: Exercise) -> str:
    """E.g. ``2-3 sets of 10-15 reps, holding 2-3 s; rest 30 s between sets``."""
    dose = exercise.dose
    side = " on each side" if dose.per_side else ""
    sets = f"{dose.sets} set{'s' if dose.sets.max > 1 else ''}"
    if dose.reps is not None:
        text = f"{sets} of {dose.reps} reps{side}"
        if dose.hold_seconds is not None:
            text += f", holding {_seconds(dose.hold_seconds)} each time"
    else:
        holds = "hold" if dose.sets.max == 1 else "holds"
        text = f"{dose.sets} {holds} of {_seconds(dose.hold_seconds or IntRange(min=0, max=0))}{side}"
    if dose.sets.max > 1 and dose.rest_seconds:
        text += f"; rest {dose.rest_seconds} s between sets"
    return text


def describe_tempo(exercise: Exercise) -> str:
    """E.g. ``Lift 2 s · Hold 2 s · Lower 2 s`` (empty for holds)."""
    return " · ".join(f"{phase.cue} {phase.seconds:g} s" for phase in exercise.tempo or ())


def cautions_with_stop_rule(exercise: Exercise, stop_rule: str) -> list[str]:
    """The exercise's cautions, then the general stop rule unless a caution already covers
    numbness and the like (most say when to stop in words of their own)."""
    covered = any("numb" in caution.casefold() for caution in exercise.cautions)
    return list(exercise.cautions) if covered else [*exercise.cautions, stop_rule]
