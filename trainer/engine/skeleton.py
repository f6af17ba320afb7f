"""Where each part of a posed figure is: pure geometry in body units, nothing drawn.

``posed(pose)`` turns the angles of a ``Pose`` (``trainer.catalog.poses``
says what each one means) into the lines and the head of a figure facing
right, with ``x`` forwards and ``y`` up, its props, where the floor is (the
lowest point of the body) and where it rests on it. ``trainer.engine.figure``
scales and draws it.

A body unit is about a ninth of standing height (about 20 cm).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from trainer.catalog.poses import Pose

Vec = tuple[float, float]
Line = tuple[Vec, Vec]

TRUNK = 2.7
NECK = 0.3
HEAD_RADIUS = 0.55
UPPER_ARM = 1.4
FOREARM = 1.3
THIGH = 2.3
SHIN = 2.2
FOOT = 0.55
SHOULDER_WIDTH = 1.3


@dataclass(frozen=True)
class Body:
    lines: tuple[Line, ...]
    """The trunk, neck, arms, legs and feet, then the props."""
    head: Vec
    head_radius: float
    joints: tuple[Vec, ...]
    """Toes, ankles, knees, hands, elbows, hips, the middle of the back, shoulders and head, always in this
    order (left before right): the figure rests on one of them (``trainer.engine.figure``)."""
    floor: float
    """Height of the floor: the lowest joint (or the bottom of a bag the figure holds)."""
    left: float
    right: float
    top: float


def _add(a: Vec, b: Vec, scale: float = 1.0) -> Vec:
    return (a[0] + b[0] * scale, a[1] + b[1] * scale)


def _turn(v: Vec, towards: Vec, degrees: float) -> Vec:
    """``v`` turned ``degrees`` towards the perpendicular ``towards``."""
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return (v[0] * cos + towards[0] * sin, v[1] * cos + towards[1] * sin)


@dataclass(frozen=True)
class _Frame:
    """The trunk's own directions: ``up`` from the hips to the shoulders, ``front`` the way the chest faces."""

    up: Vec
    front: Vec

    def limb(self, joint: float) -> Vec:
        """A limb's direction at ``joint`` degrees from hanging along the trunk (0), forwards positive."""
        down = (-self.up[0], -self.up[1])
        return _turn(down, self.front, joint)


def _foot(ankle: Vec, shin: Vec) -> Vec:
    """The toes: forwards along the floor from a shin that is more upright than not, else along the shin
    (pointed, as lying face down or kneeling)."""
    direction = (1.0, 0.0) if abs(shin[1]) >= math.sqrt(0.5) else shin
    return _add(ankle, direction, FOOT)


@lru_cache(maxsize=512)
def posed(pose: Pose) -> Body:
    """The figure in ``pose``, facing right."""
    lean = math.radians(pose.trunk)
    frame = _Frame(up=(math.sin(lean), math.cos(lean)), front=(math.cos(lean), -math.sin(lean)))
    back = (-frame.front[0], -frame.front[1])
    hips: Vec = (0.0, 0.0)
    half_curve = pose.spine / 2
    middle = _add(hips, _turn(frame.up, back, half_curve), TRUNK / 2)
    shoulders = _add(middle, _turn(frame.up, frame.front, half_curve), TRUNK / 2)
    neck = _turn(frame.up, frame.front, pose.head)
    head = _add(shoulders, neck, NECK + HEAD_RADIUS)
    spread = SHOULDER_WIDTH / 2 * math.sin(math.radians(pose.twist))
    shoulder = {"left": _add(shoulders, frame.front, -spread), "right": _add(shoulders, frame.front, spread)}
    lines: list[Line] = [(hips, middle), (middle, shoulders), (shoulders, _add(shoulders, neck, NECK))]
    if abs(spread) > 0.1:
        lines.append((shoulder["left"], shoulder["right"]))
    hands, feet, ankles, knees, elbows = [], [], [], [], []
    for side in ("left", "right"):
        raised: float = getattr(pose, f"shoulder_{side}")
        elbow = _add(shoulder[side], frame.limb(raised), UPPER_ARM)
        hand = _add(elbow, frame.limb(raised + getattr(pose, f"elbow_{side}")), FOREARM)
        hip: float = getattr(pose, f"hip_{side}")
        knee = _add(hips, frame.limb(hip), THIGH)
        shin = frame.limb(hip - getattr(pose, f"knee_{side}"))
        ankle = _add(knee, shin, SHIN)
        toes = _foot(ankle, shin)
        lines += [(shoulder[side], elbow), (elbow, hand), (hips, knee), (knee, ankle), (ankle, toes)]
        hands.append(hand)
        feet.append(toes)
        ankles.append(ankle)
        knees.append(knee)
        elbows.append(elbow)
    # The head's centre, not its edge: lying down it rests on the floor (and is drawn sinking into the air).
    joints = (*feet, *ankles, *knees, *hands, *elbows, hips, middle, *shoulder.values(), head)
    bag = _bag(hands) if pose.prop == "bag" else []
    floor = min(point[1] for point in [*joints, *(end for line in bag for end in line)])
    props = bag or _props(pose, floor, shoulders, frame, hands, feet, ankles)
    lines += props
    ends = [end for line in lines for end in line]
    return Body(
        lines=tuple(lines),
        head=head,
        head_radius=HEAD_RADIUS,
        joints=joints,
        floor=floor,
        left=min([end[0] for end in ends] + [head[0] - HEAD_RADIUS]),
        right=max([end[0] for end in ends] + [head[0] + HEAD_RADIUS]),
        top=max([end[1] for end in ends] + [head[1] + HEAD_RADIUS]),
    )


def _box(left: float, right: float, top: float, bottom: float) -> list[Line]:
    return [
        ((left, top), (right, top)),
        ((right, top), (right, bottom)),
        ((right, bottom), (left, bottom)),
        ((left, bottom), (left, top)),
    ]


def _bag(hands: list[Vec]) -> list[Line]:
    """A small bag hanging from the hands."""
    x = (hands[0][0] + hands[1][0]) / 2
    y = min(hand[1] for hand in hands)
    return _box(x - 0.45, x + 0.45, y, y - 0.7)


def _props(
    pose: Pose, floor: float, shoulders: Vec, frame: _Frame, hands: list[Vec], feet: list[Vec], ankles: list[Vec]
) -> list[Line]:
    """The chair, bench, wall, worktop or towel of ``pose``, standing on the floor."""
    if pose.prop == "chair":  # where a seated figure's hips are when its shins are upright: it stays when they stand
        front = (ankles[0][0] + ankles[1][0]) / 2 - THIGH + 0.5
        seat = floor + SHIN - 0.15
        rear = front - 1.7
        return [((rear, seat), (front, seat)), ((front, seat), (front, floor)), ((rear, floor), (rear, seat + 2.2))]
    if pose.prop == "bench":  # its front edge under the shoulder blades
        edge = _add(_add(shoulders, frame.up, -0.5), frame.front, -0.3)
        rear = edge[0] - 2.0
        return [((rear, edge[1]), edge), (edge, (edge[0], floor)), ((rear, edge[1]), (rear, floor))]
    if pose.prop in ("wall", "worktop"):
        hand = max(hands)
        if pose.prop == "wall":
            return [((hand[0] + 0.1, floor), (hand[0] + 0.1, max(hand[1] + 1.5, shoulders[1] + 1.0)))]
        top = hand[1] - 0.1
        return [((hand[0] - 0.5, top), (hand[0] + 1.2, top)), ((hand[0] + 1.2, top), (hand[0] + 1.2, floor))]
    if pose.prop == "band":  # tied to a post ahead of the feet, at chest height
        post = (ankles[0][0] + ankles[1][0]) / 2 + 4.0
        anchor = (post, floor + SHIN + THIGH + TRUNK * 0.7)
        return [((post, floor), (post, anchor[1] + 1.5)), *((hand, anchor) for hand in hands)]
    if pose.prop == "towel":
        foot = max(feet, key=lambda point: point[1])
        return [(hand, foot) for hand in hands]
    return []
