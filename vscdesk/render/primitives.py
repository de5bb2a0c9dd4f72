"""A tiny display list: the shapes a diagram is made of, independent of any backend.

The canvas paints these with QPainter and the SVG writer turns them into elements, so the
screen and every export draw the same picture from one description.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# A command letter and its coordinates: ("M", x, y) | ("L", x, y) | ("C", x1, y1, x2, y2, x, y)
# | ("Z",). How many coordinates follow depends on the letter, which no tuple type can say
# element by element, so the items stay Any (a variadic tuple[str, *tuple[float, ...]] would
# refuse op[2] of every move, line and curve).
PathOp = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Stroke:
    color: str
    width: float = 1.0
    dash: tuple[float, ...] | None = None  # lengths in pixels, as in SVG


@dataclass(frozen=True, slots=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str | None = None
    stroke: Stroke | None = None
    radius: float = 0.0
    opacity: float = 1.0


@dataclass(frozen=True, slots=True)
class Ellipse:
    cx: float
    cy: float
    rx: float
    ry: float
    fill: str | None = None
    stroke: Stroke | None = None
    opacity: float = 1.0


@dataclass(frozen=True, slots=True)
class Path:
    ops: tuple[PathOp, ...]
    fill: str | None = None
    stroke: Stroke | None = None
    opacity: float = 1.0


Anchor = Literal["start", "middle", "end"]  # where a text's x is: its left, middle or right


@dataclass(frozen=True, slots=True)
class Text:
    """One line of plain text; ``y`` is the baseline."""

    x: float
    y: float
    text: str
    size: float
    color: str
    bold: bool = False
    anchor: Anchor = "start"


Primitive = Rect | Ellipse | Path | Text


@dataclass(frozen=True, slots=True)
class Group:
    """One selectable/updatable thing on the canvas: a card, a lane, an arrow.

    ``x``/``y`` place the group; its primitives are in local coordinates, so moving a group
    is a change of position only. ``bounds`` is (x, y, w, h) in local coordinates.
    """

    key: str
    kind: str
    x: float
    y: float
    bounds: tuple[float, float, float, float]
    items: tuple[Primitive, ...]
    z: float = 0.0
    ref: str | None = None  # the id of the model object this group shows, if any
    extra: tuple[object, ...] = field(default=())
    title: str = ""  # the whole name of what the group shows (an SVG <title>: tooltip, search)


@dataclass(frozen=True, slots=True)
class Drawing:
    """A whole diagram: its size and its groups, back to front."""

    width: float
    height: float
    groups: tuple[Group, ...]
    title: str = ""
