"""A posed stick figure as lines of braille characters: pure, the same pose and size always give the same cells.

The interface the screens use (kept stable):

- ``render(pose, width, height, *, mirrored=False, fit=None) -> tuple[str, ...]``: ``height`` lines of
  exactly ``width`` characters (a space where nothing is drawn). ``mirrored`` flips the picture left to right,
  for the other side of a per-side exercise or a figure facing left. ``fit`` is the ``(start, end)`` of the
  movement the pose is a moment of: every moment between them is then drawn at one scale, resting on the
  same spot of the floor, so the figure moves instead of jumping about; without it the pose alone is fitted.
- ``between(start, end, t) -> Pose``: the pose a share ``t`` (0 to 1) of the way from ``start`` to ``end``.
- ``mirror_line(line)``: a rendered line as ``mirrored`` would draw it.

Why braille: each cell holds 2 x 4 dots, and the dots are about square, so a 20 x 8 cell box is 40 x 32
dots: enough for bent knees and elbows, a round head and a foot lifted off the floor. The block characters
that draw in every font give 1 x 2 (half blocks: 20 x 16 at that size, too coarse for a limb bent at
the elbow) or 2 x 2 cells whose dots are twice as tall as wide (quadrants: 40 x 16); both cost the same
three bytes a cell. In a large box (14 rows or more) the lines are drawn two dots thick, so that the figure
reads from a distance.

The figure is a side view: trunk (curved by ``spine``), neck and head, upper and lower arms and legs, feet,
the shoulders when the chest is turned, the pose's prop, and the floor along the bottom. Every figure rests
on the floor, whatever its base position (standing too), so a lifted foot or hips off the mat show.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from trainer.catalog.poses import Pose
from trainer.engine.skeleton import Body, Vec, posed

BRAILLE = 0x2800
DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
"""The bit of each dot in a braille cell, by column then row."""
FIT_STEPS = 8
"""Moments between start and end that ``fit`` makes room for (the widget shows as many)."""
THICK_SCALE = 6.0
THICK_ROWS = 14
"""Lines are drawn two dots thick in a box this tall or taller, with 6 or more dots to a body unit."""
REST_TOLERANCE = 0.05
"""Body units: joints about as near the floor as the nearest one."""

Dot = tuple[int, int]


def between(start: Pose, end: Pose, t: float) -> Pose:
    """The pose ``t`` of the way from ``start`` (0) to ``end`` (1): each angle moves straight from one number to
    the other (a shoulder from 0 to 180 passes 90, in front), rounded to a whole degree; the base position and
    the prop are the nearer pose's."""
    if t <= 0:
        return start
    if t >= 1:
        return end
    nearer = start if t < 0.5 else end
    angles = {name: _round(value + (getattr(end, name) - value) * t) for name, value in start.angles().items()}
    return Pose.model_validate({"base": nearer.base, "prop": nearer.prop, **angles})


def render(
    pose: Pose, width: int, height: int, *, mirrored: bool = False, fit: tuple[Pose, Pose] | None = None
) -> tuple[str, ...]:
    """``pose`` drawn in ``width`` x ``height`` cells (see the module)."""
    if width < 2 or height < 2:
        return tuple(" " * max(0, width) for _ in range(max(0, height)))
    start, end = fit if fit is not None else (pose, pose)
    return _render(pose, width, height, mirrored, start, end)


def mirror_line(line: str) -> str:
    """``line`` flipped left to right: the cells in reverse order, each cell's two columns of dots swapped."""
    return "".join(_mirror_cell(cell) for cell in reversed(line))


@dataclass(frozen=True)
class _Layout:
    scale: float
    """Dots to a body unit."""
    joint: int
    """The joint the figure rests on (an index into ``Body.joints``)."""
    column: float
    """The dot column of that joint."""
    thick: bool


def _round(value: float) -> int:
    return math.floor(value + 0.5)


def _resting_joint(bodies: list[Body]) -> int:
    """The joint that stays nearest the floor through the whole movement (the first of those about as near:
    toes before knees before hands), so that what stays on the floor in the exercise stays put on the screen."""
    heights = [max(body.joints[index][1] - body.floor for body in bodies) for index in range(len(bodies[0].joints))]
    lowest = min(heights)
    return next(index for index, height in enumerate(heights) if height <= lowest + REST_TOLERANCE)


@lru_cache(maxsize=256)
def _layout(start: Pose, end: Pose, width: int, height: int) -> _Layout:
    """One scale and resting place for every moment from ``start`` to ``end``, the widest centred."""
    steps = range(FIT_STEPS + 1) if start != end else range(1)
    bodies = [posed(between(start, end, step / FIT_STEPS)) for step in steps]
    joint = _resting_joint(bodies)
    behind = max(body.joints[joint][0] - body.left for body in bodies)
    ahead = max(body.right - body.joints[joint][0] for body in bodies)
    tall = max(body.top - body.floor for body in bodies)
    columns, rows = 2 * width - 1, 4 * height - 3
    scale = min(columns / max(behind + ahead, 1.0), rows / max(tall, 1.0))
    column = (columns - (behind + ahead) * scale) / 2 + behind * scale
    return _Layout(scale=scale, joint=joint, column=column, thick=height >= THICK_ROWS and scale >= THICK_SCALE)


@lru_cache(maxsize=1024)
def _render(pose: Pose, width: int, height: int, mirrored: bool, start: Pose, end: Pose) -> tuple[str, ...]:
    layout = _layout(start, end, width, height)
    columns, rows = 2 * width, 4 * height
    dots = {dot for dot in _figure(posed(pose), layout, rows) if dot[1] < rows - 1}  # a head may sink into the air
    dots |= {(x, rows - 1) for x in range(columns)}  # the floor
    if mirrored:
        dots = {(columns - 1 - x, y) for x, y in dots}
    return _cells(dots, width, height)


def _figure(body: Body, layout: _Layout, rows: int) -> Iterator[Dot]:
    """The figure's dots (they may fall outside the box; the caller keeps those inside)."""
    rest = body.joints[layout.joint][0]

    def place(point: Vec) -> Dot:
        x = layout.column + (point[0] - rest) * layout.scale
        y = rows - 3 - (point[1] - body.floor) * layout.scale  # a row of air above the floor
        return _round(x), _round(y)

    for a, b in body.lines:
        line = _line(place(a), place(b))
        yield from _thicken(line) if layout.thick else line
    radius = max(1, _round(body.head_radius * layout.scale))
    yield from _disc(place(body.head), radius, ring=radius > 2, thick=layout.thick)


def _line(a: Dot, b: Dot) -> Iterator[Dot]:
    """Bresenham's line from ``a`` to ``b``, both ends included."""
    (x, y), (x1, y1) = a, b
    dx, dy = abs(x1 - x), -abs(y1 - y)
    sx, sy = (1 if x < x1 else -1), (1 if y < y1 else -1)
    error = dx + dy
    while True:
        yield x, y
        if (x, y) == (x1, y1):
            return
        double = 2 * error
        if double >= dy:
            error += dy
            x += sx
        if double <= dx:
            error += dx
            y += sy


def _thicken(dots: Iterable[Dot]) -> Iterator[Dot]:
    for x, y in dots:
        yield from ((x, y), (x + 1, y), (x, y + 1), (x + 1, y + 1))


def _disc(centre: Dot, radius: int, *, ring: bool, thick: bool) -> Iterator[Dot]:
    """A filled disc, or a ring (two dots wide when ``thick``) for a larger head."""
    cx, cy = centre
    inner = (radius - (2 if thick else 1)) ** 2 if ring else -1
    for y in range(-radius, radius + 1):
        for x in range(-radius, radius + 1):
            distance = x * x + y * y
            if inner < distance <= radius * radius + radius:
                yield cx + x, cy + y


def _cells(dots: set[Dot], width: int, height: int) -> tuple[str, ...]:
    bits = [[0] * width for _ in range(height)]
    for x, y in dots:
        if 0 <= x < 2 * width and 0 <= y < 4 * height:
            bits[y // 4][x // 2] |= DOT_BITS[x % 2][y % 4]
    return tuple("".join(chr(BRAILLE + cell) if cell else " " for cell in row) for row in bits)


def _mirror_cell(cell: str) -> str:
    code = ord(cell) - BRAILLE
    if not 0 < code < 0x100:
        return cell
    flipped = 0
    for column in (0, 1):
        for row in range(4):
            if code & DOT_BITS[column][row]:
                flipped |= DOT_BITS[1 - column][row]
    return chr(BRAILLE + flipped)
