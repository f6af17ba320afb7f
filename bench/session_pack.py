"""A content pack for the session benchmarks, and a data folder to run them in.

Two routines:

- ``bench-three-minutes`` (about 3 minutes, 16 steps): paced reps with a tempo
  (one exercise with a hold inside each rep and half-second phases), a hold
  exercise done per side over two sets (switch-side steps and rests), and a
  last short hold. Used by ``session_timing.py``.
- ``bench-long-hold``: get ready (5 s), then one 45 s hold. Its second step is
  the hold that ``session_traffic.py`` and ``session_cpu.py`` watch.

    python bench/session_pack.py   # prints the plans
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from trainer.journal.store import JournalStore

TIMING_ROUTINE = "bench-three-minutes"
HOLD_ROUTINE = "bench-long-hold"
HOLD_SECONDS = 45
HOLD_CUE = "Hold"
"""The long hold's cue; the session screen shows it spaced out: 'H O L D'."""


def _exercise(exercise_id: str, name: str, dose: dict[str, object], **extra: object) -> dict[str, object]:
    return {
        "id": exercise_id,
        "name": name,
        "category": "mobility",
        "body_areas": ["lower back"],
        "purpose": "An exercise made up for the session benchmarks.",
        "steps": ["Get into position.", "Do the movement slowly."],
        "dose": dose,
        "level": "gentle",
        "evidence": "common advice",
        **extra,
    }


PACK: dict[str, object] = {
    "schema_version": 1,
    "name": "Session benchmarks",
    "exercises": [
        _exercise(
            "bench-pelvic-rock",
            "Bench pelvic rock",
            {"sets": {"min": 1, "max": 1}, "reps": {"min": 5, "max": 5}, "rest_seconds": 0},
            tempo=[{"cue": "Tilt", "seconds": 2}, {"cue": "Release", "seconds": 2}],
        ),
        _exercise(
            "bench-bridge",
            "Bench bridge",
            {
                "sets": {"min": 2, "max": 2},
                "reps": {"min": 3, "max": 3},
                "hold_seconds": {"min": 3, "max": 3},
                "rest_seconds": 10,
            },
            tempo=[
                {"cue": "Lift", "seconds": 1.5},
                {"cue": "Hold", "seconds": 3, "is_hold": True},
                {"cue": "Lower", "seconds": 1.5},
            ],
        ),
        _exercise(
            "bench-side-stretch",
            "Bench side stretch",
            {"sets": {"min": 2, "max": 2}, "hold_seconds": {"min": 15, "max": 15}, "per_side": True, "rest_seconds": 5},
            hold_cue="Stretch",
        ),
        _exercise(
            "bench-knee-hug",
            "Bench knee hug",
            {"sets": {"min": 1, "max": 1}, "hold_seconds": {"min": 10, "max": 10}},
        ),
        _exercise(
            "bench-long-hold",
            "Bench long hold",
            {"sets": {"min": 1, "max": 1}, "hold_seconds": {"min": HOLD_SECONDS, "max": HOLD_SECONDS}},
            hold_cue=HOLD_CUE,
        ),
    ],
    "routines": [
        {
            "id": TIMING_ROUTINE,
            "name": "Bench three minutes",
            "summary": "A routine made up for the session timing benchmark.",
            "when_to_use": "Only in benchmarks.",
            "level": "gentle",
            "transition_seconds": 5,
            "items": [
                {"exercise": "bench-pelvic-rock", "part": "warm-up"},
                {"exercise": "bench-bridge"},
                {"exercise": "bench-side-stretch"},
                {"exercise": "bench-knee-hug", "part": "cool-down"},
            ],
        },
        {
            "id": HOLD_ROUTINE,
            "name": "Bench long hold",
            "summary": "One long hold, for the traffic and CPU benchmarks.",
            "when_to_use": "Only in benchmarks.",
            "level": "gentle",
            "items": [{"exercise": "bench-long-hold", "part": "warm-up"}],
        },
    ],
}


def make_home() -> Path:
    """A fresh BACKTRAINER_HOME on disk (not tmpfs): the pack installed, the disclaimer already seen."""
    home = Path(tempfile.mkdtemp(prefix="backtrainer-bench-", dir="/var/tmp" if Path("/var/tmp").is_dir() else None))
    content = home / "content"
    content.mkdir()
    (content / "session-bench.json").write_text(json.dumps(PACK, indent=1), encoding="utf-8")
    JournalStore(home / "journal").update_settings(disclaimer_seen=True)
    return home


if __name__ == "__main__":
    import argparse
    import shutil

    argparse.ArgumentParser(description="Print the plans of the session benchmark routines.").parse_args()
    from trainer.catalog.loader import load_catalog, pack_files
    from trainer.engine.plan import plan_routine

    home = make_home()
    catalog = load_catalog(packs=pack_files(home / "content"))
    assert not catalog.pack_problems, catalog.pack_problems
    for routine_id in (TIMING_ROUTINE, HOLD_ROUTINE):
        plan = plan_routine(catalog.routines[routine_id], catalog.exercises)
        print(f"{routine_id}: {len(plan.steps)} steps, {plan.total_seconds:g} s")
        for start, step in zip(plan.starts, plan.steps, strict=True):
            print(f"  {start:7.1f}  {step.kind:<11} {step.seconds:5.1f} s  {step.exercise.name} {step.side or ''}")
    shutil.rmtree(home)
