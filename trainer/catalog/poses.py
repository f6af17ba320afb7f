"""Positions of an exercise as data: a small skeleton posed by joint angles.

A ``Pose`` is what a physiotherapist would say about a position, in whole
degrees, and is drawn by ``trainer.engine.figure``. The picture is a side
view of a figure that faces right (``Poses.facing`` and the mirrored right
side of a per-side exercise turn it round), so each angle is a bend in the
plane of the picture:

- ``trunk``: the lean of the line from the hips to the shoulders, from
  upright. Positive leans forwards (towards where the figure faces), negative
  backwards: standing 0, all fours 82 (shoulders a little higher than the hips), lying face down 90, lying on the back
  -90 (head behind, feet in front). A glute bridge, with the hips above the
  shoulders, is about -110.
- ``spine``: the curve of the back between the hips and the shoulders: 0
  straight, positive rounded (flexed, the middle of the back bows out behind),
  negative arched (extended). It bends the drawing only: every other angle is
  measured from the straight line from the hips to the shoulders.
- ``twist``: the chest turned from the hips, positive to the figure's left;
  shown as the width of the shoulders.
- ``head``: the neck bent from the line of the trunk: positive brings the chin
  towards the chest, negative looks up.
- ``shoulder_*``: the upper arm from hanging along the trunk (0): positive
  moves it forwards and up (90 straight out in front of the chest, 180 above
  the head in line with the trunk), negative behind the body.
- ``elbow_*``: 0 is a straight arm; bending (up to 170) brings the hand
  forwards and up towards the shoulder.
- ``hip_*``: the thigh from in line with the trunk (0): positive forwards
  (sitting is 90, a knee hugged to the chest about 130), negative behind.
- ``knee_*``: 0 is a straight leg; bending (up to 170) takes the foot back
  behind the knee.

So a limb's direction in the picture is its joint angle minus the trunk's
lean: on all fours (trunk 82) a hip of 82 puts the thigh straight
down, and lying on the back (trunk -90) a hip of 90 points it at the ceiling.

A side-lying position (a side plank) is drawn as seen from the front, where
only sideways bends show, so its angles describe the picture: the figure lies
on its left side with its head where it faces, and "forwards" in the picture
is the floor side. So the lower arm straight down to the floor is
``shoulder_left`` equal to the trunk's lean, a forearm along the floor is
``elbow_left`` 90, a top hand on the hip is a small negative ``shoulder_right``
with the elbow bent, and knees bent back out of the picture are written
folded right back (170), which leaves the legs drawn to the knees. A pose
side-on to a wall is drawn the same way.

A pose gives only what differs from its base position
(``BASE_DEFAULTS``); the rest is filled in when it is read. A per-side
exercise's poses show its left side (the side a session does first); the
right side is the same picture mirrored.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import ConfigDict, Field, model_validator

from trainer.catalog.strict import Strict

BasePosition = Literal["lying-on-back", "lying-on-front", "all-fours", "sitting", "standing", "side-lying", "kneeling"]
BASE_POSITIONS: tuple[BasePosition, ...] = (
    "lying-on-back",
    "lying-on-front",
    "all-fours",
    "sitting",
    "standing",
    "side-lying",
    "kneeling",
)
Prop = Literal["chair", "bench", "wall", "worktop", "band", "towel", "bag"]
"""Drawn with the figure: a chair under the hips of a seated pose (it stays where the feet are when the figure
stands up), a bench behind the shoulders, a wall or a worktop at the hand furthest forward, a band from the
hands to a post ahead at chest height, a towel from the hands to the raised foot, a bag in the hands."""

Lean = Annotated[int, Field(ge=-180, le=180)]
Bend = Annotated[int, Field(ge=0, le=170)]

ANGLES: tuple[str, ...] = (
    "trunk",
    "spine",
    "twist",
    "head",
    "shoulder_left",
    "shoulder_right",
    "elbow_left",
    "elbow_right",
    "hip_left",
    "hip_right",
    "knee_left",
    "knee_right",
)
"""Every angle of a pose, in the order they are written."""

BASE_DEFAULTS: dict[BasePosition, dict[str, int]] = {
    # Arms hang a little forwards and bent, so a standing figure shows which way it faces.
    "standing": {"trunk": 0, "shoulder": 10, "elbow": 15, "hip": 0, "knee": 0},
    # On a chair, hands resting forwards towards the thighs.
    "sitting": {"trunk": 0, "shoulder": 15, "elbow": 70, "hip": 90, "knee": 90},
    # Upright on both knees, shins flat on the floor behind.
    "kneeling": {"trunk": 0, "shoulder": 10, "elbow": 15, "hip": 0, "knee": 90},
    # Hands under the shoulders, knees under the hips, back level.
    "all-fours": {"trunk": 82, "shoulder": 82, "elbow": 0, "hip": 82, "knee": 90},
    # Knees bent and feet flat, arms by the sides: where most floor exercises start.
    "lying-on-back": {"trunk": -90, "shoulder": 0, "elbow": 0, "hip": 45, "knee": 90},
    # Face down, legs straight, arms by the sides.
    "lying-on-front": {"trunk": 90, "shoulder": 0, "elbow": 0, "hip": 0, "knee": 0},
    # On the left side, seen from the front (see the module): legs straight, the lower arm under the head.
    "side-lying": {"trunk": 90, "shoulder_left": 180, "shoulder": 0, "elbow": 0, "hip": 0, "knee": 0},
}
"""What a pose in each base position is when it says nothing more (``shoulder`` stands for both shoulders,
and so on; an angle not listed is 0)."""


def defaults_for(base: BasePosition) -> dict[str, int]:
    """Every angle of a pose in ``base`` that says nothing more."""
    table = BASE_DEFAULTS[base]
    return {name: table.get(name, table.get(name.removesuffix("_left").removesuffix("_right"), 0)) for name in ANGLES}


def _only_base_required(schema: dict[str, Any]) -> None:
    """Every angle may be left out (it comes from the base position), so the schema requires only the base."""
    schema["required"] = ["base"]


class Pose(Strict):
    """One position of the figure: a base position and the angles that differ from it (see the module)."""

    model_config = ConfigDict(**Strict.model_config, json_schema_extra=_only_base_required)

    base: BasePosition = Field(description="Where the body is: also gives every angle not written.")
    trunk: Lean = Field(description="Lean of hips-to-shoulders from upright, forwards positive (degrees).")
    spine: int = Field(ge=-45, le=45, description="Curve of the back: rounded positive, arched negative.")
    twist: int = Field(ge=-90, le=90, description="Chest turned from the hips, to the figure's left positive.")
    head: int = Field(ge=-90, le=90, description="Neck bend from the trunk's line: chin to chest positive.")
    shoulder_left: Lean = Field(description="Upper arm from hanging by the trunk, forwards and up positive.")
    shoulder_right: Lean = Field(description="Upper arm from hanging by the trunk, forwards and up positive.")
    elbow_left: Bend = Field(description="0 straight; bends the hand forwards and up.")
    elbow_right: Bend = Field(description="0 straight; bends the hand forwards and up.")
    hip_left: Lean = Field(description="Thigh from in line with the trunk, forwards positive (sitting 90).")
    hip_right: Lean = Field(description="Thigh from in line with the trunk, forwards positive (sitting 90).")
    knee_left: Bend = Field(description="0 straight; bends the foot back behind the knee.")
    knee_right: Bend = Field(description="0 straight; bends the foot back behind the knee.")
    prop: Prop | None = Field(default=None, description="Furniture or kit drawn with the figure.")

    @model_validator(mode="before")
    @classmethod
    def _fill_from_base(cls, data: Any) -> Any:
        """Angles not written come from the base position (an unknown one is left for the field to refuse, with
        the angles filled as if standing so that the base is the one error told)."""
        if isinstance(data, dict):
            base = data.get("base")
            return defaults_for(base if base in BASE_DEFAULTS else "standing") | data
        return data

    def angles(self) -> dict[str, int]:
        """Every angle by name, in the order of ``ANGLES``."""
        return {name: getattr(self, name) for name in ANGLES}

    def differences(self) -> dict[str, int]:
        """The angles that differ from the base position's (what a pose in the content needs to say)."""
        base = defaults_for(self.base)
        return {name: value for name, value in self.angles().items() if value != base[name]}


class Poses(Strict):
    """The positions an exercise moves between: ``start`` at the beginning of each rep (or as a hold is set up),
    ``end`` at the end of the first movement of a rep (the top, or the held position)."""

    start: Pose
    end: Pose
    facing: Literal["left", "right"] = Field(
        default="right", description="Which way the figure faces on the screen (the right side is mirrored)."
    )
