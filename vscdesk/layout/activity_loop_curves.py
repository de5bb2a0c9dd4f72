"""Activity loop arrows: which way each move between two ring nodes bows, and how far, so
that it passes under no other node, stays in the picture and does not lie on a move drawn
before it (a move and its way back form a lens)."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.geometry import Box, Point

if TYPE_CHECKING:
    from vscdesk.layout.activity_loop import RingNode


def _angle_of(node: RingNode, ring: tuple[float, float, float]) -> float:
    """Clockwise from 12 o'clock around the ring's centre, in radians."""
    return math.atan2(node.box.cx - ring[0], ring[1] - node.box.cy) % (2 * math.pi)


def _normal(a: RingNode, b: RingNode, n: int, ring: tuple[float, float, float],
            lens: bool) -> tuple[Point, float]:
    """Which side a move bows to, and how far.

    Forward moves bow toward the lanes they skip on the clockwise way round, returns the other
    way, so a move and its return form a lens. Neighbours bow outward; when a neighbour pair
    is walked both ways, the counter-clockwise move bows inward instead.
    """
    mx, my = (a.box.cx + b.box.cx) / 2, (a.box.cy + b.box.cy) / 2
    span = (b.index - a.index) % n
    if span in (1, n - 1) and math.hypot(mx - ring[0], my - ring[1]) > 1:
        out = G.unit(mx - ring[0], my - ring[1])
        if lens and span == n - 1:
            out = (-out[0], -out[1])
        return out, G.NEIGHBOUR_BOW
    start = _angle_of(a, ring)
    mid = start + ((_angle_of(b, ring) - start) % (2 * math.pi)) / 2
    return (math.sin(mid), -math.cos(mid)), G.BOW


BOWS = (1, 0.6, 0.3, 0, -0.5, -1, -1.6, 1.6, -2.4)  # tried in turn, as multiples of the bow


def move_curves(lanes: list[str], moves: list[tuple[int, int]], nodes: list[RingNode],
            ring: tuple[float, float, float], frame: Box) -> list[G.Cubic]:
    """The curve of every move; a bow that would pass under another node is flattened, or
    turned the other way and deepened, until the curve clears it (inside ``frame``)."""
    by_key = {node.lane_id: node for node in nodes}
    walked = set(zip(lanes, lanes[1:]))
    seen: dict[tuple[str, str], int] = {}
    curves = []
    for step, _ in moves:
        pair = (lanes[step - 2], lanes[step - 1])
        a, b = by_key[pair[0]], by_key[pair[1]]
        repeat = seen.get(pair, 0)
        seen[pair] = repeat + 1
        if a is b:
            inward = G.unit(ring[0] - a.box.cx, ring[1] - a.box.cy)
            curves.append(G.self_loop(a.box, inward, repeat))
            continue
        normal, bow = _normal(a, b, len(nodes), ring, (pair[1], pair[0]) in walked)
        bow += G.REPEAT_BOW * repeat
        others = [G.grown(n.box, 3) for n in nodes if n is not a and n is not b]
        options = [G.bowed(a.box, b.box, normal, bow * k) for k in BOWS]
        middles = [G.cubic_at(c, 0.5) for c in curves]
        costs = [_cost(c, k, others, frame, middles) for k, c in enumerate(options)]
        curves.append(options[costs.index(min(costs))])
    return curves


def _cost(curve: G.Cubic, rank: int, others: list[Box], frame: Box,
          middles: list[Point]) -> float:
    """How bad a bow is: passing under nodes worst, then leaving the picture, then lying on
    an arrow drawn before it (a move and its way back on one line) or being too short to see,
    then being further down the list of bows to try."""
    points = G.samples(curve)
    under = sum(1 for x, y in points[2:-2] for b in others
                if b.x <= x <= b.right and b.y <= y <= b.bottom)
    outside = sum(1 for x, y in points
                  if not (frame.x <= x <= frame.right and frame.y <= y <= frame.bottom))
    mid = G.cubic_at(curve, 0.5)
    on_top = sum(1 for m in middles if math.dist(mid, m) < 2 * G.DISC_R)
    short = math.dist(curve[0], curve[3]) + math.dist(mid, curve[0]) < 3 * G.DISC_R
    return 100 * under + 60 * outside + 300 * on_top + 50 * short + rank
