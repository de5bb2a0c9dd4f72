"""Activity loop track: a ring of more than six lanes sits on a rounded rectangle that fills the
picture, so eleven or sixteen names get the panel's width and height instead of the middle of
an ellipse whose corners are wasted.

Nodes are spaced along the track so that neighbours on the top run, on the side runs and
around the corners keep the same gap, edge to edge.
The picture itself is as wide as the panel for such rings (``picture_size``).
"""

from __future__ import annotations

import bisect
import math
from dataclasses import dataclass

from vscdesk.layout.geometry import Box, Point

# Node size and name size, largest first; the first one whose nodes keep a gap is used.
TRACK_NODE_SIZES = ((96, 44, 10.5), (88, 42, 10.5), (84, 40, 10.0), (80, 40, 9.5),
                    (76, 38, 9.5), (72, 38, 9.0), (68, 36, 9.0), (64, 34, 9.0), (60, 32, 9.0),
                    (56, 32, 8.5), (52, 30, 8.5), (48, 30, 8.5), (44, 28, 8.0), (40, 28, 8.0))
MIN_GAP = 6  # two nodes never come closer than this
ARROW_GAP = 8  # room between neighbours for an arrow and its step number, when there is room
ROOMY_SIZE = 56  # nodes are made no narrower than this to win that room
MIN_PICTURE = 340  # smaller panels show the picture drawn at this size, scaled down
MAX_SQUARE = 560
MAX_WIDE, MAX_TALL = 760, 620


@dataclass(frozen=True, slots=True)
class Track:
    """The rounded rectangle the node centres sit on."""

    x: float
    y: float
    w: float
    h: float
    radius: float

    @property
    def centre(self) -> Point:
        return self.x + self.w / 2, self.y + self.h / 2

    def outline(self) -> list[Point]:
        """Points clockwise from 12 o'clock, about 2 px apart, back to 12 o'clock."""
        x, y, w, h, r = self.x, self.y, self.w, self.h, self.radius
        corners = ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0),
                   (x + r, y + h - r, 90), (x + r, y + r, 180))
        points: list[Point] = [(x + w / 2, y)]
        for cx, cy, start in corners:
            arc = [(cx + r * math.cos(math.radians(start + d)),
                    cy + r * math.sin(math.radians(start + d))) for d in range(0, 91, 3)]
            points += _segment(points[-1], arc[0]) + arc
        return points + _segment(points[-1], (x + w / 2, y))


def _segment(a: Point, b: Point) -> list[Point]:
    steps = max(1, int(math.dist(a, b) / 2))
    return [(a[0] + (b[0] - a[0]) * k / steps, a[1] + (b[1] - a[1]) * k / steps)
            for k in range(1, steps + 1)]


def _arc(points: list[Point]) -> list[float]:
    lengths = [0.0]
    for a, b in zip(points, points[1:]):
        lengths.append(lengths[-1] + math.dist(a, b))
    return lengths


def _at(points: list[Point], lengths: list[float], s: float) -> Point:
    s %= lengths[-1]
    k = min(max(bisect.bisect_right(lengths, s) - 1, 0), len(points) - 2)
    f = (s - lengths[k]) / ((lengths[k + 1] - lengths[k]) or 1.0)
    (x0, y0), (x1, y1) = points[k], points[k + 1]
    return x0 + (x1 - x0) * f, y0 + (y1 - y0) * f


def clearance(a: Point, b: Point, w: float, h: float) -> float:
    """The free distance between two w x h nodes centred on a and b (0 when they touch)."""
    return math.hypot(max(0.0, abs(a[0] - b[0]) - w), max(0.0, abs(a[1] - b[1]) - h))


def spaced(track: Track, n: int, w: float, h: float) -> list[Point]:
    """``n`` centres along the track, the first at 12 o'clock, moved along it until every
    node is as far from the one before it as from the one after it, edge to edge (equal
    steps along the track leave neighbours at the corners too close)."""
    points = track.outline()
    lengths = _arc(points)
    s = [lengths[-1] * i / n for i in range(n)]
    for _ in range(60 if n > 2 else 0):
        centres = [_at(points, lengths, v) for v in s]
        gaps = [clearance(centres[i], centres[(i + 1) % n], w, h) for i in range(n)]
        for i in range(1, n):
            s[i] += 0.4 * (gaps[i] - gaps[i - 1])
    return [_at(points, lengths, v) for v in s]


def _apart(centres: list[Point], w: float, h: float, gap: float) -> bool:
    """No two nodes closer than MIN_GAP, and neighbours ``gap`` apart edge to edge."""
    if not all(abs(a[0] - b[0]) >= w + MIN_GAP or abs(a[1] - b[1]) >= h + MIN_GAP
               for i, a in enumerate(centres) for b in centres[i + 1:]):
        return False
    return all(clearance(a, b, w, h) >= gap for a, b in zip(centres, centres[1:] + centres[:1]))


def choose_track(n: int, left: float, right: float, top: float, bottom: float
                 ) -> tuple[float, float, float, Track, list[Point]]:
    """(w, h, font, track, centres): the largest nodes, no wider than a quarter of the room
    across (the side columns leave the arrows the middle), that leave neighbours room for an
    arrow between them; else the largest that keep them apart at all."""
    fits = [size for size in TRACK_NODE_SIZES if size[0] <= (right - left) / 4]
    tries = [(size, ARROW_GAP) for size in fits if size[0] >= ROOMY_SIZE]
    tries += [(size, MIN_GAP) for size in fits or TRACK_NODE_SIZES[-1:]]
    choice = None
    for (w, h, font), gap in tries:
        tw, th = max(right - left - w, 2.0), max(bottom - top - h, 2.0)
        track = Track(left + w / 2, top + h / 2, tw, th, min(tw, th) / 3)
        centres = spaced(track, n, w, h)
        choice = (w, h, font, track, centres)
        if _apart(centres, w, h, gap):
            break
    assert choice is not None
    return choice


def node_boxes(centres: list[Point], w: float, h: float) -> list[Box]:
    return [Box(x - w / 2, y - h / 2, w, h) for x, y in centres]


def picture_size(lanes: int, width: float, height: float) -> tuple[float, float]:
    """The picture's size in a panel of ``width`` x ``height``: the mockup's square up to six
    lanes; more lanes take the panel's shape (wide in a wide dock, tall in a narrow one).
    Below MIN_PICTURE the picture is drawn at that size and scaled down."""
    if lanes <= 6:
        side = max(MIN_PICTURE, min(width, height, MAX_SQUARE))
        return side, side
    w = max(MIN_PICTURE, min(width, MAX_WIDE))
    return w, max(MIN_PICTURE, min(height, MAX_TALL, 1.35 * w))
