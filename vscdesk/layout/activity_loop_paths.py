"""Geometry of the activity loop: bowed arrows between ring nodes, self-loops, where the step
numbers, the visit pills and the Start and Value icons fit without covering anything, and
how lane names fit a node."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.text import elide, text_width, wrap

Cubic = tuple[Point, Point, Point, Point]

OUTSET = 4  # arrows start and end this far outside a node
BOW = 22  # midpoint shift of an arrow between non-adjacent lanes
NEIGHBOUR_BOW = 20
REPEAT_BOW = 14  # extra shift for each repeat of the same move
DISC_R = 11  # a step disc with its white halo
DISC_ROOM = 13.5  # ... and with the ring of a selected step (activity_loop_labels.number_box)
TERMINAL_LEN = 40
ICON_W, ICON_H = 18, 12
TERMINAL_TEXT = 10
BADGE_H = 16
BADGE_GAP = 5


def grown(box: Box, d: float) -> Box:
    return Box(box.x - d, box.y - d, box.w + 2 * d, box.h + 2 * d)


def unit(dx: float, dy: float) -> Point:
    d = math.hypot(dx, dy) or 1.0
    return dx / d, dy / d


def exit_point(box: Box, toward: Point, outset: float = OUTSET) -> Point:
    """Where the ray from the box centre toward ``toward`` leaves the box grown by ``outset``."""
    dx, dy = toward[0] - box.cx, toward[1] - box.cy
    hw, hh = box.w / 2 + outset, box.h / 2 + outset
    t = min(hw / abs(dx) if dx else math.inf, hh / abs(dy) if dy else math.inf)
    return box.cx + dx * t, box.cy + dy * t


def cubic_at(c: Cubic, t: float) -> Point:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = c
    a, b, d, e = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t * t, t ** 3
    return a * x0 + b * x1 + d * x2 + e * x3, a * y0 + b * y1 + d * y2 + e * y3


def samples(c: Cubic, n: int = 24) -> list[Point]:
    return [cubic_at(c, i / n) for i in range(n + 1)]


def bowed(a: Box, b: Box, normal: Point, bow: float) -> Cubic:
    """A quadratic from box a to box b whose midpoint is shifted ``bow`` along ``normal``,
    written as the equivalent cubic; it starts and ends OUTSET outside the boxes."""
    mx, my = (a.cx + b.cx) / 2, (a.cy + b.cy) / 2
    control = (mx + normal[0] * 2 * bow, my + normal[1] * 2 * bow)
    p0, p2 = exit_point(a, control), exit_point(b, control)
    c1 = (p0[0] + 2 / 3 * (control[0] - p0[0]), p0[1] + 2 / 3 * (control[1] - p0[1]))
    c2 = (p2[0] + 2 / 3 * (control[0] - p2[0]), p2[1] + 2 / 3 * (control[1] - p2[1]))
    return p0, c1, c2, p2


def self_loop(box: Box, inward: Point, repeat: int) -> Cubic:
    """A loop on the node's inner side: the stream stays in the lane for more stages. Later
    loops on the same node turn 40° aside each, so they never stack."""
    turn = math.radians((0, 40, -40, 80, -80)[repeat % 5])
    ux = inward[0] * math.cos(turn) - inward[1] * math.sin(turn)
    uy = inward[0] * math.sin(turn) + inward[1] * math.cos(turn)
    vx, vy = -uy, ux
    ax, ay = exit_point(box, (box.cx + ux, box.cy + uy), 0)
    reach = 34
    p0 = (ax + ux * OUTSET - vx * 12, ay + uy * OUTSET - vy * 12)
    p3 = (ax + ux * OUTSET + vx * 12, ay + uy * OUTSET + vy * 12)
    c1 = (p0[0] + ux * reach - vx * 16, p0[1] + uy * reach - vy * 16)
    c2 = (p3[0] + ux * reach + vx * 16, p3[1] + uy * reach + vy * 16)
    return p0, c1, c2, p3


def disc_box(p: Point) -> Box:
    return Box(p[0] - DISC_R, p[1] - DISC_R, 2 * DISC_R, 2 * DISC_R)


@dataclass(frozen=True, slots=True)
class TerminalPlace:
    tail: Point
    tip: Point
    icon: Box
    text_x: float
    anchor: Literal["start", "end"]
    text: str

    @property
    def footprint(self) -> list[Box]:
        """Boxes the icon, its label and its shaft cover."""
        w = text_width(self.text, TERMINAL_TEXT)
        left = self.text_x - (w if self.anchor == "end" else 0)
        label = Box(left, self.icon.cy - 7, w, 11)
        (x1, y1), (x2, y2) = self.tail, self.tip
        shaft = Box(min(x1, x2) - 3, min(y1, y2) - 3, abs(x2 - x1) + 6, abs(y2 - y1) + 6)
        return [self.icon, label, shaft]

    @property
    def disc(self) -> Box | None:
        """Step 1's number on the Start arrow, with room for its ring."""
        if self.text != "Start":
            return None
        (x1, y1), (x2, y2) = self.tail, self.tip
        return grown(disc_box(((x1 + x2) / 2, (y1 + y2) / 2)), DISC_ROOM - DISC_R)


_SIDES = {"below": (0.0, 1.0), "above": (0.0, -1.0), "left": (-1.0, 0.0), "right": (1.0, 0.0)}


def terminal_places(node: Box, text: str, into_node: bool,
                    outward: Point | None = None) -> list[TerminalPlace]:
    """Candidate spots for the Start (into_node) or Value icon around a node, in the order of
    preference: below then above for Start, above then below for Value, then the sides; a
    full-length arrow before a short one. With ``outward`` (a crowded ring) the sides facing
    away from the ring's centre come first: the arrows run inside."""
    order: tuple[str, ...] = (("below", "above", "left", "right") if into_node
                              else ("above", "below", "right", "left"))
    shifts: tuple[float, ...] = (0.0,)
    along: tuple[float, ...] = (0.0,)
    if outward is not None:
        order = tuple(sorted(order, key=lambda side: -(_SIDES[side][0] * outward[0]
                                                       + _SIDES[side][1] * outward[1])))
        # a crowded ring: a side arrow may also leave near the node's top or bottom corner
        shifts = (0.0, -(node.h / 2 - 6) if outward[1] <= 0 else node.h / 2 - 6,
                  node.h / 2 - 6 if outward[1] <= 0 else -(node.h / 2 - 6))
        # and an arrow above or below may leave near a corner (Start and Value side by side)
        along = (0.0, -(node.w / 2 - 12), node.w / 2 - 12)
    return [place for length in (TERMINAL_LEN, 24, 12) for side in order
            for shift in (shifts if side in ("left", "right") else along)
            for place in _places(node, side, length, text, into_node, shift)]


def _places(node: Box, side: str, length: float, text: str, into_node: bool,
            shift: float = 0.0) -> list[TerminalPlace]:
    across = side in ("left", "right")  # the shift runs along the side the arrow leaves from
    cx, cy = node.cx + (0.0 if across else shift), node.cy + (shift if across else 0.0)
    near, (dx, dy) = {
        "below": ((cx, node.bottom + 3), (0, 1)),
        "above": ((cx, node.y - 3), (0, -1)),
        "left": ((node.x - 3, cy), (-1, 0)),
        "right": ((node.right + 3, cy), (1, 0)),
    }[side]
    far = (near[0] + dx * length, near[1] + dy * length)
    icon = Box(far[0] + dx * (ICON_W / 2 + 1) - ICON_W / 2, far[1] + dy * (ICON_H / 2 + 1) - ICON_H / 2,
               ICON_W, ICON_H)
    tail, tip = (far, near) if into_node else (near, far)
    labels: list[tuple[float, Literal["start", "end"]]] = [(icon.right + 7, "start"),
                                                           (icon.x - 6, "end")]
    if side == "left":
        labels = labels[1:]
    elif side == "right":
        labels = labels[:1]
    return [TerminalPlace(tail, tip, icon, x, anchor, text) for x, anchor in labels]


def best_place(places: list[TerminalPlace], area: Box, solid: list[Box], curves: list[list[Point]]
               ) -> TerminalPlace | None:
    """The first place, in preference order, with the fewest things under it."""
    best, best_score = None, math.inf
    for place in places:
        boxes = place.footprint
        if not all(area.contains(b) for b in boxes):
            continue
        score = 100 * sum(b.overlaps(s) for b in boxes for s in solid)
        if place.disc is not None:  # step 1's number finds a spot of its own if it must
            score += 30 * sum(place.disc.overlaps(s) for s in solid)
        score += sum(1 for pts in curves for p in pts for b in boxes
                     if b.x <= p[0] <= b.right and b.y <= p[1] <= b.bottom)
        if score < best_score:
            best, best_score = place, score
    return best


def node_lines(name: str, font: float, bold: bool, width: float, max_lines: int = 2,
               min_size: float = 9.0) -> tuple[tuple[str, ...], float]:
    """Up to ``max_lines`` lines; a long word ("Obtain/build") shrinks the text a little (to
    ``min_size``), and where even that is not enough the words are elided rather than cut in
    the middle."""
    size = font
    while size >= min_size:
        wrapped = wrap(name, size, bold, width, max_lines)
        if " ".join(wrapped).split() == name.split():
            return tuple(wrapped), size
        size -= 0.5
    size = min_size
    words = name.split()
    lines: list[str] = []
    while words and len(lines) < max_lines - 1:
        line = words.pop(0)
        while words and text_width(f"{line} {words[0]}", size, bold) <= width:
            line += " " + words.pop(0)
        lines.append(elide(line, size, bold, width))
    if words:
        lines.append(elide(" ".join(words), size, bold, width))
    return tuple(lines), size
