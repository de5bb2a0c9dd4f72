"""Activity loop labels: every visit tag and step number gets a spot that covers nothing else.

Labels are placed one after another into a list of the rectangles already taken (nodes,
their name lines, the Start and Value icons and words, the tags, the numbers placed before);
a spot that would touch one of them is never used, however good it looks otherwise. Among
the free spots the one over the fewest arrows wins, nearest the middle of its own arrow.

Where a crowded route (sixty steps in a 300 px dock) leaves no free spot for every number,
the numbers are set smaller, down to a legible 8.5 px, and the numbers that still find no
room are left off: the arrow stays, hovering it names its step, the route list beside the
picture lists every step, and the picture says how many numbers it leaves off. A number is
redundant detail there; a number on top of another one is wrong information.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.text import text_width

# (disc radius, number size): the mockup's disc, then the compact one a crowded loop uses
DISC_SIZES = ((9.0, 10.0), (7.5, 8.5))
HALO = 2.0  # the disc's white outline, so it reads over crossing arrows
SELECTED = 3.5  # the accent ring of a selected step reaches this far beyond the disc
CLEAR = 1.0  # two labels never come closer than this
CELL = 16.0  # the side of a cell of the grid that finds arrow points near a spot


@dataclass(frozen=True, slots=True)
class Placed:
    """One rectangle the picture puts ink in: ``kind`` says what (title, stats, subtitle,
    note, node, name, tag, step, icon, word, route, loop), ``owner`` whose it is (a lane id
    for a node, its name lines and its tag; the step text for a number)."""

    kind: str
    owner: str
    box: Box


# A tag sits on a corner of its own node and a name inside it: the only overlaps drawn on
# purpose. A tag never covers its node's name.
OWN_OVERLAPS = ({"node", "name"}, {"node", "tag"}, {"name"})


def may_overlap(a: Placed, b: Placed) -> bool:
    return a.owner == b.owner and a.owner != "" and {a.kind, b.kind} in OWN_OVERLAPS


def disc_width(text: str, radius: float, font: float) -> float:
    """A round disc for one digit or two, a pill for "12"/"2–4" that needs more."""
    return max(2 * radius, text_width(text, font, True) + 0.8 * font)


def number_box(centre: Point, text: str, radius: float, font: float) -> Box:
    """The ink of a step number with its halo and a selection ring around it."""
    reach = HALO / 2 + SELECTED
    w = disc_width(text, radius, font) + 2 * reach
    h = 2 * radius + 2 * reach
    return Box(centre[0] - w / 2, centre[1] - h / 2, w, h)


class PointGrid:
    """Arrow sample points bucketed by cell, to count those under a spot quickly."""

    def __init__(self, curves: list[list[Point]]) -> None:
        self.cells: dict[tuple[int, int], list[tuple[int, Point]]] = {}
        for k, points in enumerate(curves):
            for p in points:
                self.cells.setdefault(self._cell(p), []).append((k, p))

    @staticmethod
    def _cell(p: Point) -> tuple[int, int]:
        return math.floor(p[0] / CELL), math.floor(p[1] / CELL)

    def count(self, box: Box, skip: int = -1) -> int:
        """Points of arrows other than ``skip`` inside ``box``."""
        (x0, y0), (x1, y1) = self._cell((box.x, box.y)), self._cell((box.right, box.bottom))
        n = 0
        for i in range(x0, x1 + 1):
            for j in range(y0, y1 + 1):
                for k, (x, y) in self.cells.get((i, j), ()):
                    if k != skip and box.x <= x <= box.right and box.y <= y <= box.bottom:
                        n += 1
        return n


class Occupancy:
    """The rectangles taken so far; a new one may not come within CLEAR of any."""

    def __init__(self, frame: Box, taken: list[Box]) -> None:
        self.frame = frame
        self.taken: list[Box] = []
        self._edges: list[tuple[float, float, float, float]] = []
        self.take_all(taken)

    def take(self, box: Box) -> None:
        self.taken.append(box)
        self._edges.append((box.x - CLEAR, box.y - CLEAR, box.right + CLEAR, box.bottom + CLEAR))

    def take_all(self, boxes: list[Box]) -> None:
        for box in boxes:
            self.take(box)

    def free(self, box: Box, own: Box | None = None) -> bool:
        """Inside the frame and clear of everything taken but ``own`` (a tag's node)."""
        if not self.frame.contains(box):
            return False
        x0, y0, x1, y1 = box.x, box.y, box.x + box.w, box.y + box.h
        for t, (a0, b0, a1, b1) in zip(self.taken, self._edges):
            if x0 < a1 and a0 < x1 and y0 < b1 and b0 < y1 and t is not own:
                return False
        return True


def place_tag(options: list[Box], room: Occupancy, grid: PointGrid, node: Box) -> Box | None:
    """The free option over the fewest arrow points, the first such in preference order
    (it may sit on a corner of its own ``node``); None when every option touches something."""
    free = [o for o in options if room.free(o, node)]
    if not free:
        return None
    best = min(free, key=grid.count)
    room.take(best)
    return best


def place_numbers(curves: list[G.Cubic], texts: list[str], room: Occupancy, grid: PointGrid,
                  radius: float, font: float, after_first: Sequence[Box] = ()) -> list[Point | None]:
    """Each curve's number at the free spot over the fewest other arrows, nearest its
    middle; None for a number that finds no free spot. ``after_first`` is taken once the
    first number is placed (the Start arrow, which carries the first)."""
    out: list[Point | None] = []
    for k, (curve, text) in enumerate(zip(curves, texts)):
        if k == 1:
            room.take_all(list(after_first))
        best, best_score = None, math.inf
        for p, cost in spots(curve):
            box = number_box(p, text, radius, font)
            if cost >= best_score or not room.free(box):
                continue
            score = grid.count(box, k) + cost
            if score < best_score:
                best, best_score = p, score
        if best is not None:
            room.take(number_box(best, text, radius, font))
        out.append(best)
    return out


TS = tuple(sorted((t / 100 for t in range(8, 93, 4)), key=lambda t: abs(t - 0.5)))
SHIFTS = (4.0, -4.0, 7.0, -7.0, 10.0, -10.0)  # off the curve, the arrow still under the disc


def spots(curve: G.Cubic) -> list[tuple[Point, float]]:
    """(centre, cost): on the curve nearest its middle first, then a little to either side
    of it, where a short arrow between close nodes has no free point of its own."""
    out = [(G.cubic_at(curve, t), abs(t - 0.5) * 4) for t in TS]
    for t in TS[::2]:
        (x0, y0), (x1, y1) = G.cubic_at(curve, t - 0.02), G.cubic_at(curve, t + 0.02)
        nx, ny = G.unit(y0 - y1, x1 - x0)
        x, y = G.cubic_at(curve, t)
        out += [((x + nx * d, y + ny * d), 1 + abs(t - 0.5) * 4 + abs(d) / 4) for d in SHIFTS]
    return sorted(out, key=lambda spot: spot[1])


def name_boxes(box: Box, lines: tuple[str, ...], font: float, bold: bool) -> list[Box]:
    """The ink of each line of a node's name, as the painter centres them."""
    leading = font + 2
    first = box.cy - leading * (len(lines) - 1) / 2
    out = []
    for k, line in enumerate(lines):
        w = text_width(line, font, bold)
        baseline = first + k * leading + 0.36 * font
        out.append(Box(box.cx - w / 2, baseline - 0.76 * font, w, font))
    return out


def text_box(x: float, baseline: float, text: str, size: float, bold: bool = False,
             anchor: str = "start") -> Box:
    """The ink of one line of text set at ``x`` (start, middle or end) on ``baseline``."""
    w = text_width(text, size, bold)
    left = x - {"start": 0.0, "middle": w / 2, "end": w}[anchor]
    return Box(left, baseline - 0.76 * size, w, size)


def tag_options(box: Box, count: int, ring: tuple[float, float], large: bool) -> list[Box]:
    """Spots for the "×n" tag of a node, best first: on the node's outer corner for a ring of
    many lanes (beside the node takes width the track does not have), beside it on the outer
    side for the mockup's circle; then every other corner, edge and side."""
    bw = text_width(f"×{count}", 10, True) + 9
    h, gap = G.BADGE_H, G.BADGE_GAP
    outer_right = box.cx >= ring[0] - 0.5
    lower = box.cy > ring[1] + 1
    xs = (box.right - bw / 2, box.x - bw / 2)
    ys = (box.y - h / 2 - 3, box.bottom - h / 2 + 3)
    corners = [Box(x, y, bw, h) for y in (ys[::-1] if lower else ys)
               for x in (xs if outer_right else xs[::-1])]
    beside = [Box(box.right + gap, box.cy - h / 2, bw, h), Box(box.x - gap - bw, box.cy - h / 2, bw, h)]
    beside = beside if outer_right else beside[::-1]
    ends = [Box(box.cx - bw / 2, box.y - 3 - h, bw, h), Box(box.cx - bw / 2, box.bottom + 3, bw, h)]
    ends = ends[::-1] if lower else ends
    astride = [Box(box.cx - bw / 2, box.y - h + 3, bw, h), Box(box.cx - bw / 2, box.bottom - 3, bw, h)]
    astride = astride[::-1] if lower else astride
    # fully outside, touching the node at a corner: where a crowded corner has no room
    out = [Box(x, y, bw, h) for y in (box.y - h - 1, box.bottom + 1)
           for x in (box.right + 1 - bw / 3, box.x - 1 - 2 * bw / 3)]
    out += [Box(x, y, bw, h) for y in (box.y, box.bottom - h)
            for x in (box.right + gap, box.x - gap - bw)]
    out += [Box(box.cx - bw / 2 + d, y, bw, h) for y in (box.y - 3 - h, box.bottom + 3)
            for d in (-box.w / 4, box.w / 4, -box.w / 2, box.w / 2)]
    if large:
        return corners + astride + beside + ends + out
    return beside + ends[::-1] + corners + astride + out
