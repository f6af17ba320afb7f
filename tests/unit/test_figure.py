"""The stick figure renderer: pure, deterministic, mirrored for the other side, fitted to any box."""

from __future__ import annotations

import pytest

from trainer.catalog.models import BASE_POSITIONS, Pose
from trainer.engine import figure
from trainer.engine.figure import between, mirror_line, render
from trainer.engine.skeleton import posed

FLOOR_CELL = "\u28c0"  # the bottom row of dots in a braille cell
BIRD_DOG_REACH = Pose.model_validate({"base": "all-fours", "shoulder_left": 172, "hip_right": -8, "knee_right": 0})


def pose(**angles: object) -> Pose:
    return Pose.model_validate({"base": "standing", **angles})


def drawn(lines: tuple[str, ...]) -> int:
    """How many cells hold any dot, the floor left out."""
    return sum(cell not in (" ", FLOOR_CELL) for line in lines for cell in line)


def test_the_golden_bird_dog() -> None:
    """The exact cells of one pose: a change to the renderer shows here first (update it only on purpose)."""
    assert render(BIRD_DOG_REACH, 20, 8) == (
        "                    ",
        "                    ",
        "                    ",
        "                    ",
        "             ⢀⣀⣾⣿⣆⣀⣀",
        "⠉⠉⠉⠉⠉⠉⠉⠉⠉⢹⠉⠉⠉⠁⢸⠈⠉   ",
        "         ⢸    ⢸     ",
        "⣀⣀⣀⣀⣐⣒⣒⣒⣒⣚⣀⣀⣀⣀⣘⣀⣀⣀⣀⣀",
    )


def test_a_pose_renders_to_the_same_cells_every_time() -> None:
    first = render(BIRD_DOG_REACH, 30, 12)
    figure._render.cache_clear()
    figure._layout.cache_clear()
    posed.cache_clear()
    again = render(Pose.model_validate(BIRD_DOG_REACH.model_dump()), 30, 12)
    assert again == first


@pytest.mark.parametrize("size", [(20, 8), (24, 9), (47, 13), (80, 30)])
@pytest.mark.parametrize("base", BASE_POSITIONS)
def test_every_base_position_fills_the_box_given(base: str, size: tuple[int, int]) -> None:
    width, height = size
    lines = render(Pose.model_validate({"base": base}), width, height)
    assert len(lines) == height
    assert all(len(line) == width for line in lines)
    assert all("\u2800" <= cell <= "\u28ff" or cell == " " for line in lines for cell in line)
    assert drawn(lines) >= 6


def test_a_larger_box_draws_a_larger_figure() -> None:
    small, large = render(pose(), 20, 8), render(pose(), 60, 24)
    assert drawn(large) > 2 * drawn(small)


def test_the_floor_runs_along_the_bottom() -> None:
    for base in BASE_POSITIONS:
        bottom = render(Pose.model_validate({"base": base}), 20, 8)[-1]
        assert all(ord(cell) & 0xC0 == 0xC0 for cell in bottom)  # both bottom dots of every cell


def test_a_standing_figure_is_upright_and_a_lying_one_flat() -> None:
    standing = render(pose(), 20, 8)
    lying = render(Pose.model_validate({"base": "lying-on-front"}), 20, 8)
    assert standing[0].strip() and not lying[0].strip()
    assert len(lying[-2].strip()) > len(standing[-2].strip())


def test_mirroring_reverses_each_line() -> None:
    lines = render(BIRD_DOG_REACH, 30, 12)
    assert render(BIRD_DOG_REACH, 30, 12, mirrored=True) == tuple(mirror_line(line) for line in lines)
    assert tuple(mirror_line(mirror_line(line)) for line in lines) == lines


def test_a_symmetric_picture_mirrors_to_itself_reversed() -> None:
    assert mirror_line("⡇ ⣀⠁") == "⠈⣀ ⢸"  # each cell's columns of dots swap, and the cells run backwards
    assert mirror_line("⣿⣀⣿") == "⣿⣀⣿"


def test_mirroring_turns_the_figure_round() -> None:
    facing_right = render(BIRD_DOG_REACH, 30, 12)
    facing_left = render(BIRD_DOG_REACH, 30, 12, mirrored=True)
    assert facing_left != facing_right
    assert drawn(facing_left) == drawn(facing_right)


def test_between_gives_start_at_0_and_end_at_1() -> None:
    start, end = pose(), pose(hip_left=90, knee_left=90, trunk=20)
    assert between(start, end, 0) == start
    assert between(start, end, 1) == end
    assert between(start, end, -0.5) == start and between(start, end, 1.5) == end


def test_between_moves_each_angle_in_whole_degrees() -> None:
    start, end = pose(), pose(hip_left=90, knee_left=45, shoulder_right=-30)
    half = between(start, end, 0.5)
    assert (half.hip_left, half.knee_left, half.shoulder_right) == (45, 23, -10)  # the shoulder from standing's 10
    quarter = between(start, end, 0.25)
    assert quarter.hip_left == 23 and isinstance(quarter.hip_left, int)


def test_between_changes_base_and_prop_halfway() -> None:
    sitting = Pose.model_validate({"base": "sitting", "prop": "chair"})
    standing = Pose.model_validate({"base": "standing"})
    assert between(sitting, standing, 0.49).base == "sitting"
    assert between(sitting, standing, 0.49).prop == "chair"
    assert between(sitting, standing, 0.5).base == "standing"
    assert between(sitting, standing, 0.5).prop is None


def test_between_goes_the_way_the_numbers_say() -> None:
    """A shoulder from 0 to 180 passes 90 (in front), not the short way round behind."""
    start, end = pose(shoulder_left=0), pose(shoulder_left=180)
    assert between(start, end, 0.5).shoulder_left == 90


def test_a_fitted_movement_keeps_what_stays_on_the_floor_in_place() -> None:
    """Sit-to-stand: the feet and the chair stay put while the figure stands up."""
    sitting = Pose.model_validate({"base": "sitting", "prop": "chair"})
    standing = Pose.model_validate({"base": "standing", "prop": "chair"})
    frames = [render(between(sitting, standing, step / 8), 24, 10, fit=(sitting, standing)) for step in range(9)]
    assert len({frame[-1] for frame in frames}) == 1
    assert len(set(frames)) == 9


def test_a_fitted_movement_stays_inside_the_box() -> None:
    """Every moment of a bird-dog reach, drawn at one scale, keeps its hand and foot on screen."""
    start = Pose.model_validate({"base": "all-fours"})
    alone = render(BIRD_DOG_REACH, 20, 8)
    fitted = render(BIRD_DOG_REACH, 20, 8, fit=(start, BIRD_DOG_REACH))
    assert drawn(fitted) <= drawn(alone) + 2
    for step in range(9):
        lines = render(between(start, BIRD_DOG_REACH, step / 8), 20, 8, fit=(start, BIRD_DOG_REACH))
        assert drawn(lines) > 10


@pytest.mark.parametrize("prop", ["chair", "bench", "wall", "worktop", "band", "towel", "bag"])
def test_every_prop_is_drawn(prop: str) -> None:
    plain = render(pose(shoulder_left=60, shoulder_right=60), 30, 12)
    with_prop = render(pose(shoulder_left=60, shoulder_right=60, prop=prop), 30, 12)
    assert with_prop != plain


def test_a_box_too_small_to_draw_in_is_blank() -> None:
    assert render(pose(), 1, 8) == (" ",) * 8
    assert render(pose(), 20, 1) == (" " * 20,)
    assert render(pose(), 0, 0) == ()


def test_a_large_box_draws_thick_lines() -> None:
    thin, thick = render(pose(), 40, 13), render(pose(), 40, 16)
    full = "\u28ff"  # every dot of a cell: only a thick line (or the head) fills one
    assert sum(line.count(full) for line in thick[:-1]) > sum(line.count(full) for line in thin[:-1])
