"""Where links between stages run: a smooth curve from one card to another.

Links (integration points, hand-offs, rework) cut across the grid, so they are mostly curves
rather than the orthogonal routes of stream arrows; they attach to the card sides facing each
other and are recomputed from the card boxes, so they stay attached whenever a card moves.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.box_grid import BoxGrid
from vscdesk.layout.link_detour import curve_hits, route_free, z_route
from vscdesk.model import DocumentModel

SIDE_Y = 0.78  # side ports sit low on the card, clear of stream arrows at mid-height
END_X = 0.96  # top/bottom ports sit near the right edge, clear of the card text and of
#               the 30-70 % band used by channel arrows
MIN_PULL, MAX_PULL = 28.0, 140.0
BRACKET_OUT = 12.0  # a link between cards of one column runs this far right of them ...
BRACKET_ROOM = 16.0  # ... in room its lane keeps free on the right (layout/chain.py), so it
#                      runs well inside the lane, never along its edge or through the gutter
BRACKET_RADIUS = 8.0


@dataclass(frozen=True, slots=True)
class LinkGeom:
    link_id: str
    source: str
    target: str
    points: tuple[Point, ...]  # a cubic Bézier (4 points) if curved, else an orthogonal route
    curved: bool
    direction: Point  # unit tangent at the end, for the arrowhead

    def point_at(self, t: float) -> Point:
        """A point along the link (t from 0 to 1), for placing its label."""
        if self.curved:
            (x0, y0), (x1, y1), (x2, y2), (x3, y3) = self.points
            u = 1 - t
            return (u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                    u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3)
        legs = list(zip(self.points, self.points[1:]))
        total = sum(math.dist(a, b) for a, b in legs) or 1.0
        left = t * total
        for a, b in legs:
            d = math.dist(a, b)
            if left <= d and d > 0:
                k = left / d
                return (a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k)
            left -= d
        return self.points[-1]


def bracket_lanes(doc: DocumentModel) -> set[str]:
    """Lanes (keys as in the chain layout: "" for no activity) holding both ends of a link:
    their cards may sit one above the other, joined by a bracket beside them."""
    lane_of = {stage.id: stage.lane or "" for s in doc.streams for stage in s.stages}
    return {lane_of[link.source] for link in doc.links
            if link.source in lane_of and lane_of.get(link.target) == lane_of[link.source]}


def _ports(a: Box, b: Box) -> tuple[Point, Point, Point, Point]:
    """Start and end points on the facing sides, and the outward normals there."""
    dx, dy = b.cx - a.cx, b.cy - a.cy
    if abs(dx) * 0.8 >= abs(dy) or a.overlaps(b):
        s = 1.0 if dx >= 0 else -1.0
        start = (a.right if s > 0 else a.x, a.y + a.h * SIDE_Y)
        end = (b.x if s > 0 else b.right, b.y + b.h * SIDE_Y)
        return start, (s, 0.0), end, (-s, 0.0)
    s = 1.0 if dy >= 0 else -1.0
    start = (a.x + a.w * END_X, a.bottom if s > 0 else a.y)
    end = (b.x + b.w * END_X, b.y if s > 0 else b.bottom)
    return start, (0.0, s), end, (0.0, -s)


def link_route(a: Box, b: Box) -> tuple[tuple[Point, ...], bool, Point]:
    """The route from card ``a`` to card ``b``: (points, curved, end tangent).

    Cards in one column (one above the other) are joined by a bracket just right of the
    column's cards, so the link never runs through the cards between them; any other pair by
    a curve between the sides that face each other."""
    if abs(a.cx - b.cx) < 1.0 and not a.overlaps(b):
        x = max(a.right, b.right) + BRACKET_OUT
        up = b.cy < a.cy
        ya = a.y + a.h * (1 - SIDE_Y if up else SIDE_Y)
        yb = b.y + b.h * (SIDE_Y if up else 1 - SIDE_Y)
        return ((a.right, ya), (x, ya), (x, yb), (b.right, yb)), False, (-1.0, 0.0)
    start, n0, end, n1 = _ports(a, b)
    pull = min(max(math.dist(start, end) * 0.4, MIN_PULL), MAX_PULL)
    c1 = (start[0] + n0[0] * pull, start[1] + n0[1] * pull)
    c2 = (end[0] + n1[0] * pull, end[1] + n1[1] * pull)
    return (start, c1, c2, end), True, (-n1[0], -n1[1])


def layout_links(doc: DocumentModel, boxes: dict[str, Box],
                 grid: BoxGrid | None = None) -> tuple[LinkGeom, ...]:
    """Every link whose two stages are on the drawing, in document order; a curve that
    would cross other cards detours along a free corridor (layout/link_detour.py).
    ``grid``: the boxes already bucketed, when the caller has them."""
    out = []
    for link in doc.links:
        a, b = boxes.get(link.source), boxes.get(link.target)
        if a is None or b is None or link.source == link.target:
            continue
        points, curved, direction = link_route(a, b)
        grid = grid or BoxGrid(boxes.values())
        if curve_hits(points, grid, (a, b)) if curved else not route_free(points, grid, (a, b)):
            detour = z_route(a, b, SIDE_Y, grid)
            if detour is not None:
                points, curved = detour, False
                (x0, y0), (x1, y1) = detour[-2], detour[-1]
                direction = ((x1 > x0) - (x1 < x0), (y1 > y0) - (y1 < y0))
        out.append(LinkGeom(link.id, link.source, link.target, points, curved, direction))
    return tuple(out)
