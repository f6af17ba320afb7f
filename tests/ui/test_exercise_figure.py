"""The Library's exercise view shows the exercise's figure at its start and end, above or beside the steps.

The snapshots hold one exercise of each base position at the two sizes we design for; update them after a
deliberate change with ``pytest tests/ui/test_exercise_figure.py --snapshot-update`` and look at the SVGs.
"""

from __future__ import annotations

import pytest

from trainer.catalog.models import Exercise
from trainer.engine.figure import render
from trainer.screens.exercise import ExerciseScreen
from trainer.widgets.figure import Figure

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]
ONE_OF_EACH_BASE = {
    "lying-on-back": "glute-bridge",
    "lying-on-front": "superman",
    "all-fours": "bird-dog",
    "sitting": "sit-to-stand",
    "standing": "standing-hip-flexor-stretch",
    "side-lying": "side-plank",
    "kneeling": "hip-flexor-stretch",
}


def open_exercise(exercise_id: str):  # type: ignore[no-untyped-def]
    async def run_before(pilot) -> None:  # type: ignore[no-untyped-def]
        await pilot.app.push_screen(ExerciseScreen(pilot.app.services.catalog.exercises[exercise_id]))
        await pilot.pause()

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("base", list(ONE_OF_EACH_BASE))
def test_exercise_figure_layout(snap_compare, make_app, catalog, base: str, size: tuple[int, int]) -> None:
    exercise_id = ONE_OF_EACH_BASE[base]
    poses = catalog.exercises[exercise_id].poses
    assert poses is not None and poses.start.base == base
    assert snap_compare(make_app(), terminal_size=size, run_before=open_exercise(exercise_id))


async def test_the_view_shows_the_start_and_the_end(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        exercise = app.services.catalog.exercises["glute-bridge"]
        await open_exercise("glute-bridge")(pilot)
        assert exercise.poses is not None
        start, end = app.screen.query(Figure)
        fit = (exercise.poses.start, exercise.poses.end)
        width, height = start.size
        assert (start.frame, end.frame) == (0, end.frames)
        assert start.picture() == render(exercise.poses.start, width, height, fit=fit)
        assert end.picture() == render(exercise.poses.end, width, height, fit=fit)
        labels = [str(label.render()) for label in app.screen.query(".pose-label")]
        assert labels == ["Start", "End"]


async def test_a_still_exercise_shows_its_one_position(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise("body-scan")(pilot)
        assert len(app.screen.query(Figure)) == 1
        assert [str(label.render()) for label in app.screen.query(".pose-label")] == ["Start and end"]


async def test_a_per_side_exercise_says_which_side_it_shows(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise("bird-dog")(pilot)
        text = str(app.screen.query_one(".side-shown").render())
        assert text == "Left side shown: left arm and right leg; the right mirrors it."


async def test_the_figure_sits_beside_the_steps_when_wide(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise("bird-dog")(pilot)
        position, how = app.screen.query_one("#position"), app.screen.query_one("#how")
        assert position.region.bottom <= how.region.y  # above
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert position.region.right <= how.region.x and position.region.y == how.region.y  # beside


async def test_f_hides_the_figure_and_shows_it_again(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_exercise("bird-dog")(pilot)
        position = app.screen.query_one("#position")
        await pilot.press("f")
        assert not position.display or position.styles.display == "none"
        await pilot.press("f")
        assert position.styles.display == "block"


async def test_an_exercise_without_poses_has_no_figure_and_no_key(make_app, catalog) -> None:
    exercise = catalog.exercises["bird-dog"].model_copy(update={"poses": None})
    assert isinstance(exercise, Exercise)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await app.push_screen(ExerciseScreen(exercise))
        await pilot.pause()
        assert not app.screen.query(Figure) and not app.screen.query("#position")
        assert app.screen.check_action("toggle_figure", ()) is False
        assert app.screen.query_one("#how").region.y > 0
