"""The Figure widget: a few frames between start and end, redrawn only when the frame changes, hidden without poses."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from trainer.catalog.loader import load_catalog
from trainer.catalog.models import Poses
from trainer.engine.figure import between, mirror_line, render
from trainer.widgets.figure import FRAMES, Figure, frame_of

CATALOG = load_catalog()
BIRD_DOG = CATALOG.exercises["bird-dog"].poses
GLUTE_BRIDGE = CATALOG.exercises["glute-bridge"].poses
assert BIRD_DOG is not None and GLUTE_BRIDGE is not None


class FigureApp(App[None]):
    CSS = "Figure { width: 30; height: 12; }"

    def __init__(self, poses: Poses | None) -> None:
        super().__init__()
        self.poses = poses

    def compose(self) -> ComposeResult:
        yield Figure(self.poses, id="figure")

    @property
    def figure(self) -> Figure:
        return self.query_one(Figure)


def test_t_is_rounded_to_eight_frames() -> None:
    assert FRAMES == 8
    assert [frame_of(t) for t in (0.0, 0.06, 0.07, 0.5, 0.93, 1.0)] == [0, 0, 1, 4, 7, 8]
    assert frame_of(-1.0) == 0 and frame_of(3.0) == FRAMES
    assert [frame_of(t, 4) for t in (0.1, 0.2, 0.5, 1.0)] == [0, 1, 2, 4]


def test_a_figure_needs_a_frame() -> None:
    with pytest.raises(ValueError, match="at least one frame"):
        Figure(BIRD_DOG, frames=0)


async def test_frames_change_only_at_frame_boundaries() -> None:
    """A 2 s lift ticked 30 times a second is 8 redraws, not 60."""
    app = FigureApp(BIRD_DOG)
    async with app.run_test(size=(40, 14)) as pilot:
        figure = app.figure
        changes = [figure.show(tick / 60, mirrored=False) for tick in range(61)]
        await pilot.pause()
        assert sum(changes) == FRAMES
        assert figure.frame == FRAMES
        assert [figure.show(1.0, mirrored=False) for _ in range(5)] == [False] * 5


async def test_fewer_frames_redraw_less() -> None:
    class FourFrames(FigureApp):
        def compose(self) -> ComposeResult:
            yield Figure(self.poses, frames=4)

    app = FourFrames(BIRD_DOG)
    async with app.run_test(size=(40, 14)):
        assert sum(app.figure.show(tick / 60, mirrored=False) for tick in range(61)) == 4
        assert app.figure.picture() == render(BIRD_DOG.end, 30, 12, fit=(BIRD_DOG.start, BIRD_DOG.end))


async def test_each_frame_is_the_pose_that_far_between_start_and_end() -> None:
    app = FigureApp(BIRD_DOG)
    async with app.run_test(size=(40, 14)):
        figure = app.figure
        fit = (BIRD_DOG.start, BIRD_DOG.end)
        assert figure.picture() == render(BIRD_DOG.start, 30, 12, fit=fit)
        figure.show(0.5, mirrored=False)
        assert figure.picture() == render(between(*fit, 0.5), 30, 12, fit=fit)
        figure.show(1.0, mirrored=False)
        assert figure.picture() == render(BIRD_DOG.end, 30, 12, fit=fit)


async def test_the_other_side_is_mirrored_and_counts_as_a_change() -> None:
    app = FigureApp(BIRD_DOG)
    async with app.run_test(size=(40, 14)):
        figure = app.figure
        left = figure.picture()
        assert figure.show(0.0, mirrored=True) is True
        assert figure.mirrored
        assert figure.picture() == tuple(mirror_line(line) for line in left)


async def test_a_figure_facing_left_turns_round() -> None:
    app = FigureApp(BIRD_DOG.model_copy(update={"facing": "left"}))
    async with app.run_test(size=(40, 14)):
        fit = (BIRD_DOG.start, BIRD_DOG.end)
        assert app.figure.picture() == render(BIRD_DOG.start, 30, 12, fit=fit, mirrored=True)


async def test_only_the_cells_that_change_are_repainted() -> None:
    app = FigureApp(GLUTE_BRIDGE)
    async with app.run_test(size=(40, 14)) as pilot:
        figure = app.figure
        await pilot.pause()
        regions: list[tuple[Region, ...]] = []
        original = figure.refresh

        def spy(*args: Region, **kwargs: bool) -> Figure:
            regions.append(args)
            return original(*args, **kwargs)

        figure.refresh = spy  # type: ignore[method-assign]
        figure.show(0.125, mirrored=False)
        painted = [region for call in regions for region in call]
        assert regions and all(call for call in regions)  # never the whole widget
        assert all(region.height == 1 for region in painted)
        assert sum(region.width for region in painted) < 30 * 12 / 2


async def test_no_poses_means_no_figure() -> None:
    app = FigureApp(None)
    async with app.run_test(size=(40, 14)) as pilot:
        figure = app.figure
        assert not figure.display or figure.styles.display == "none"
        assert figure.picture() == ()
        assert figure.show(1.0, mirrored=False) is True  # the frame is kept for when poses come
        figure.set_poses(BIRD_DOG)
        await pilot.pause()
        assert figure.styles.display == "block"
        assert figure.picture() == render(BIRD_DOG.end, 30, 12, fit=(BIRD_DOG.start, BIRD_DOG.end))
        figure.set_poses(None)
        await pilot.pause()
        assert figure.styles.display == "none"


async def test_the_hidden_class_hides_it_and_keeps_the_frame() -> None:
    app = FigureApp(BIRD_DOG)
    async with app.run_test(size=(40, 14)) as pilot:
        figure = app.figure
        figure.show(0.5, mirrored=False)
        figure.add_class(Figure.HIDDEN)
        await pilot.pause()
        assert figure.styles.display == "none"
        figure.remove_class(Figure.HIDDEN)
        await pilot.pause()
        assert figure.styles.display == "block" and figure.frame == 4


async def test_another_exercise_redraws_at_once() -> None:
    app = FigureApp(BIRD_DOG)
    async with app.run_test(size=(40, 14)):
        figure = app.figure
        figure.set_poses(GLUTE_BRIDGE)
        assert figure.poses is GLUTE_BRIDGE
        assert figure.picture() == render(GLUTE_BRIDGE.start, 30, 12, fit=(GLUTE_BRIDGE.start, GLUTE_BRIDGE.end))


async def test_it_fills_the_space_it_is_given() -> None:
    class Roomy(FigureApp):
        CSS = "Figure { width: 1fr; height: 1fr; }"

    app = Roomy(BIRD_DOG)
    async with app.run_test(size=(40, 14)) as pilot:
        assert len(app.figure.picture()) == 14 and len(app.figure.picture()[0]) == 40
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert len(app.figure.picture()) == 30 and len(app.figure.picture()[0]) == 100
        assert app.figure._lines == app.figure.picture()
