"""A content pack for the session benchmarks, and a data folder to run them in.

Three routines:

- ``bench-three-minutes`` (about 3 minutes, 16 steps): paced reps with a tempo
  (one exercise with a hold inside each rep and 1.5-2 s phases), a hold
  exercise done per side over two sets (switch-side steps and rests), and a
  last short hold. The pack's own exercises, each with the poses of a bundled
  one (so the figure shows and moves, as in a real session). Used by
  ``session_timing.py``.
- ``bench-long-hold``: bundled ``double-knee-to-chest``, one 60 s hold (cue
  ``Stretch``, the figure still in its end pose). Watched by
  ``session_traffic.py`` and ``session_cpu.py`` during the hold.
- ``bench-paced-reps``: bundled ``glute-bridge``, one set of 10 paced reps of
  7 s (Lift 2 s, Hold 3 s, Lower 2 s): the figure moves 8 frames up in the
  lift and 8 down in the lower. Watched by the same benchmarks during the reps.

The data folder has the disclaimer seen and ``get_ready_seconds`` at its
minimum (5 s; the first exercise, on the floor, gets 10 s more).

    python bench/session_pack.py   # prints the plans
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

from trainer.catalog.bundled import bundled_content_dir
from trainer.journal.device import device_id
from trainer.journal.store import JournalStore
from trainer.paths import HOME_ENV, state_dir

TIMING_ROUTINE = "bench-three-minutes"
HOLD_ROUTINE = "bench-long-hold"
REPS_ROUTINE = "bench-paced-reps"
FLEET_ROUTINE = "bench-fleet"
HOLD_EXERCISE = "double-knee-to-chest"
REPS_EXERCISE = "glute-bridge"
HOLD_SECONDS = 60
REPS = 10
GET_READY_SECONDS = 5


def bundled(exercise_id: str) -> dict[str, Any]:
    """A bundled exercise, as its JSON (read each time, so the pack follows the bundled content)."""
    exercises = json.loads((bundled_content_dir() / "exercises.json").read_text(encoding="utf-8"))["exercises"]
    return next(exercise for exercise in exercises if exercise["id"] == exercise_id)


def bundled_poses(exercise_id: str) -> dict[str, Any]:
    """The poses a bundled exercise is drawn with."""
    return bundled(exercise_id)["poses"]


def rep_seconds() -> float:
    """One rep of ``bench-paced-reps``: the bundled tempo, its hold phase as long as the dose's shortest hold."""
    exercise = bundled(REPS_EXERCISE)
    hold = exercise["dose"]["hold_seconds"]["min"]
    return float(sum(hold if phase.get("is_hold") else phase["seconds"] for phase in exercise["tempo"]))


def _exercise(
    exercise_id: str, name: str, dose: dict[str, object], poses_of: str, **extra: object
) -> dict[str, object]:
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
        "poses": bundled_poses(poses_of),
        **extra,
    }


def _routine(routine_id: str, name: str, items: list[dict[str, object]], **extra: object) -> dict[str, object]:
    return {
        "id": routine_id,
        "name": name,
        "summary": "A routine made up for the session benchmarks.",
        "when_to_use": "Only in benchmarks.",
        "level": "gentle",
        "items": items,
    } | extra


def make_pack() -> dict[str, object]:
    return {
        "schema_version": 1,
        "name": "Session benchmarks",
        "exercises": [
            _exercise(
                "bench-pelvic-rock",
                "Bench pelvic rock",
                {"sets": {"min": 1, "max": 1}, "reps": {"min": 5, "max": 5}, "rest_seconds": 0},
                "pelvic-tilt",
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
                "glute-bridge",
                tempo=[
                    {"cue": "Lift", "seconds": 1.5},
                    {"cue": "Hold", "seconds": 3, "is_hold": True},
                    {"cue": "Lower", "seconds": 1.5},
                ],
            ),
            _exercise(
                "bench-side-stretch",
                "Bench side stretch",
                {
                    "sets": {"min": 2, "max": 2},
                    "hold_seconds": {"min": 15, "max": 15},
                    "per_side": True,
                    "rest_seconds": 5,
                },
                "knee-to-chest",
                hold_cue="Stretch",
                sides={"left": "left knee to your chest", "right": "right knee to your chest"},
            ),
            _exercise(
                "bench-knee-hug",
                "Bench knee hug",
                {"sets": {"min": 1, "max": 1}, "hold_seconds": {"min": 10, "max": 10}},
                "double-knee-to-chest",
            ),
        ],
        "routines": [
            _routine(
                TIMING_ROUTINE,
                "Bench three minutes",
                [
                    {"exercise": "bench-pelvic-rock", "part": "warm-up"},
                    {"exercise": "bench-bridge"},
                    {"exercise": "bench-side-stretch"},
                    {"exercise": "bench-knee-hug", "part": "cool-down"},
                ],
                transition_seconds=5,
            ),
            _routine(
                HOLD_ROUTINE,
                "Bench long hold",
                [{"exercise": HOLD_EXERCISE, "part": "warm-up", "sets": 1, "hold_seconds": HOLD_SECONDS}],
            ),
            _routine(
                REPS_ROUTINE,
                "Bench paced reps",
                [{"exercise": REPS_EXERCISE, "part": "warm-up", "sets": 1, "reps": REPS}],
                level="beginner",
            ),
            _routine(
                FLEET_ROUTINE,
                "Bench fleet",
                [
                    {"exercise": "bench-bridge", "part": "warm-up"},
                    {"exercise": "bench-knee-hug", "part": "cool-down"},
                ],
            ),
        ],
    }


def home_store(home: Path) -> JournalStore:
    """The journal of a BACKTRAINER_HOME as the app run there opens it: this device's id is kept in the
    home's own state folder (``journal.device``), so the app writes as the same device and this machine's
    state folder never holds the ids of temporary homes."""
    journal = home / "journal"
    return JournalStore(journal, device=device_id(journal, folder=state_dir({HOME_ENV: str(home)})))


def make_home() -> Path:
    """A fresh BACKTRAINER_HOME on disk (not tmpfs): the pack installed, the disclaimer already seen, 5 s to
    get ready."""
    home = Path(tempfile.mkdtemp(prefix="backtrainer-bench-", dir="/var/tmp" if Path("/var/tmp").is_dir() else None))
    content = home / "content"
    content.mkdir()
    (content / "session-bench.json").write_text(json.dumps(make_pack(), indent=1), encoding="utf-8")
    home_store(home).update_settings(disclaimer_seen=True, get_ready_seconds=GET_READY_SECONDS)
    return home


if __name__ == "__main__":
    import argparse
    import shutil

    argparse.ArgumentParser(description="Print the plans of the session benchmark routines.").parse_args()
    from trainer.catalog.loader import load_catalog
    from trainer.catalog.validated import pack_files
    from trainer.engine.plan import plan_routine

    home = make_home()
    catalog = load_catalog(packs=pack_files(home / "content"))
    assert not catalog.pack_problems, catalog.pack_problems
    for routine_id in (TIMING_ROUTINE, HOLD_ROUTINE, REPS_ROUTINE, FLEET_ROUTINE):
        plan = plan_routine(catalog.routines[routine_id], catalog.exercises, get_ready_seconds=GET_READY_SECONDS)
        print(f"{routine_id}: {len(plan.steps)} steps, {plan.total_seconds:g} s")
        for start, step in zip(plan.starts, plan.steps, strict=True):
            poses = "figure" if step.exercise.poses else "no figure"
            print(
                f"  {start:7.1f}  {step.kind:<11} {step.seconds:5.1f} s  {step.exercise.name} {step.side or ''} "
                f"({poses})"
            )
    shutil.rmtree(home)
