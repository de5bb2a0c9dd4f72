"""Activity loop arrows: which way each move between two ring nodes bows, and how far, so
that it passes under no other node, stays in the picture and does not lie on a move drawn
before it (a move and its way back form a lens).

A hand-off (a forward move) never runs along a loop-back (the violet dashed return) within
SEPARATION px: drawn that close, the two read as one line. Crossing is fine; running
together is not (``alongside``).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.geometry import Box, Point

FORWARD, RETURN, STAY = "forward", "return", "stay"
SEPARATION = 4.0  # a hand-off and a loop-back keep this far apart, except where they cross
RUN = 16.0  # nearer than SEPARATION for longer than this is running together, not crossing
END = 10.0  # the ends of arrows meeting at one node may come close; they are left out

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


BOWS = (1, 0.6, 0.3, 0, -0.5, -1, -1.6, 1.6, -2.4, 2.4)  # tried in turn, times the bow


def dense(curve: G.Cubic) -> list[Point]:
    """Points about 2 px apart along the curve, without its END px at either end."""
    rough = G.samples(curve, 12)
    length = sum(math.dist(a, b) for a, b in zip(rough, rough[1:]))
    points = G.samples(curve, max(8, int(length / 2)))
    return [p for p in points if math.dist(p, curve[0]) > END and math.dist(p, curve[3]) > END]


def alongside(points: list[Point], near: NearGrid) -> float:
    """The longest stretch of ``points`` (2 px apart) nearer than SEPARATION to a line in
    ``near``: a crossing makes a short one, two lines drawn as one a long one."""
    close = [near.near(p) for p in points]
    longest = run = 0.0
    for k in range(1, len(points)):
        run = run + math.dist(points[k - 1], points[k]) if close[k - 1] and close[k] else 0.0
        longest = max(longest, run)
    return longest


class NearGrid:
    """Points of the lines drawn so far, bucketed, to ask whether a point is near one."""

    REACH = (SEPARATION + 1) ** 2  # a line's points are 2 px apart: a little slack

    def __init__(self) -> None:
        self.cells: dict[tuple[int, int], list[Point]] = {}

    def add(self, points: list[Point]) -> None:
        """Each point goes into its cell and the eight around it, so a question asks one."""
        cells = self.cells
        for p in points:
            i, j = int(p[0] // 8), int(p[1] // 8)
            for key in ((i - 1, j - 1), (i - 1, j), (i - 1, j + 1), (i, j - 1), (i, j),
                        (i, j + 1), (i + 1, j - 1), (i + 1, j), (i + 1, j + 1)):
                cells.setdefault(key, []).append(p)

    def near(self, p: Point) -> bool:
        x, y = p
        reach = self.REACH
        for qx, qy in self.cells.get((int(x // 8), int(y // 8)), ()):
            if (qx - x) * (qx - x) + (qy - y) * (qy - y) < reach:
                return True
        return False


Tries = list[tuple[list[G.Cubic], list[Box]]]  # each move's options and the nodes it avoids


def move_curves(lanes: list[str], moves: list[tuple[int, int]], nodes: list[RingNode],
                ring: tuple[float, float, float], frame: Box,
                kinds: list[str] | None = None) -> list[G.Cubic]:
    """The curve of every move; a bow that would pass under another node or run along a
    line of the other kind is flattened, or turned the other way and deepened, until the
    curve clears it (inside ``frame``)."""
    by_key = {node.lane_id: node for node in nodes}
    walked = set(zip(lanes, lanes[1:]))
    seen: dict[tuple[str, str], int] = {}
    lines = {FORWARD: NearGrid(), RETURN: NearGrid()}
    curves: list[G.Cubic] = []
    tries: Tries = []  # what each move could have been
    for k, (step, _) in enumerate(moves):
        kind = kinds[k] if kinds else FORWARD
        pair = (lanes[step - 2], lanes[step - 1])
        a, b = by_key[pair[0]], by_key[pair[1]]
        repeat = seen.get(pair, 0)
        seen[pair] = repeat + 1
        if a is b:
            inward = G.unit(ring[0] - a.box.cx, ring[1] - a.box.cy)
            curves.append(G.self_loop(a.box, inward, repeat))
            tries.append(([], []))
            continue
        normal, bow = _normal(a, b, len(nodes), ring, (pair[1], pair[0]) in walked)
        bow += G.REPEAT_BOW * repeat
        others = [G.grown(n.box, 3) for n in nodes if n is not a and n is not b]
        options = [G.bowed(a.box, b.box, normal, bow * k) for k in BOWS]
        options += [G.bowed(a.box, b.box, normal, bow * k) for k in MORE_BOWS]
        options += [_s_curve(a.box, b.box, normal, bow * k) for k in MORE_BOWS if k]
        middles = [G.cubic_at(c, 0.5) for c in curves]
        other = lines[RETURN if kind == FORWARD else FORWARD]
        best, merged = _least(options[:len(BOWS)], others, frame, middles, other)
        if merged:  # every usual bow runs along a line of the other kind: try many more
            best, merged = _least(options, others, frame, middles, other)
        curves.append(best)
        tries.append((options, others))
        lines[kind].add(dense(best))
    if kinds:
        _separate(curves, kinds, tries, frame)
    return curves


def _bounds(points: list[Point]) -> Box:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return Box(min(xs) - 6, min(ys) - 6, max(xs) - min(xs) + 12, max(ys) - min(ys) + 12)


class _Line:
    """One drawn move's points, their grid and their bounds, for the check both ways."""

    def __init__(self, curve: G.Cubic) -> None:
        self.points = dense(curve)
        self.grid = NearGrid()
        self.grid.add(self.points)
        self.box = _bounds(self.points) if self.points else Box(0, 0, 0, 0)

    def merges(self, other: _Line) -> bool:
        if not self.points or not other.points or not self.box.overlaps(other.box):
            return False
        return (alongside(self.points, other.grid) > RUN
                or alongside(other.points, self.grid) > RUN)


def _separate(curves: list[G.Cubic], kinds: list[str], tries: Tries, frame: Box) -> None:
    """A second look, measured along both lines: the first pass measured only along the
    line being placed, and two lines meeting at a shallow angle near a node measure longer
    along the one that was there first. A move that still runs along a line of the other
    kind takes the cheapest option that runs along none; where it has none, the line it
    runs along moves instead."""
    drawn = [_Line(c) for c in curves]
    sides = (FORWARD, RETURN)

    def rivals(k: int) -> list[int]:
        return [j for j, kind in enumerate(kinds) if kind in sides and kind != kinds[k]
                and drawn[k].merges(drawn[j])]

    def reroute(k: int) -> bool:
        options, others = tries[k]
        middles = [G.cubic_at(c, 0.5) for j, c in enumerate(curves) if j != k]
        against = [j for j, kind in enumerate(kinds) if kind in sides and kind != kinds[k]]
        for option in _by_cost(options, others, frame, middles)[:SECOND_LOOK]:
            line = _Line(option)
            if not any(line.merges(drawn[j]) for j in against):
                curves[k], drawn[k] = option, line
                return True
        return False

    for k, kind in enumerate(kinds):
        if kind not in sides or not tries[k][0] or not rivals(k) or reroute(k):
            continue
        for j in rivals(k):
            if tries[j][0]:
                reroute(j)


SECOND_LOOK = 40  # options tried per line on the second look, cheapest first


MORE_BOWS = tuple(k / 4 for k in range(-20, 21))  # where every usual bow runs along a line


def _s_curve(a: Box, b: Box, normal: Point, bow: float) -> G.Cubic:
    """A move that leaves to one side and arrives from the other: where every bow runs
    along some line, an S finds a way between them."""
    dx, dy = b.cx - a.cx, b.cy - a.cy
    c1 = (a.cx + dx / 3 + normal[0] * bow, a.cy + dy / 3 + normal[1] * bow)
    c2 = (a.cx + 2 * dx / 3 - normal[0] * bow, a.cy + 2 * dy / 3 - normal[1] * bow)
    return G.exit_point(a, c1), c1, c2, G.exit_point(b, c2)


def _by_cost(options: list[G.Cubic], others: list[Box], frame: Box,
             middles: list[Point]) -> list[G.Cubic]:
    costs = [_cost(c, rank, others, frame, middles) for rank, c in enumerate(options)]
    return [options[k] for k in sorted(range(len(options)), key=costs.__getitem__)]


def _least(options: list[G.Cubic], others: list[Box], frame: Box, middles: list[Point],
           other: NearGrid) -> tuple[G.Cubic, bool]:
    """The cheapest option that runs along no line of the other kind, else the cheapest;
    and whether it runs along one."""
    ranked = _by_cost(options, others, frame, middles)
    for c in ranked:
        if alongside(dense(c), other) <= RUN:
            return c, False
    return ranked[0], True


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
