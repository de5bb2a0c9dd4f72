"""Activity loop layout: one stream's route drawn around a ring of the chain's lanes.

Nodes sit at equal angles clockwise from 12 o'clock in chain order; each step is a numbered
arrow into the lane that performs it (step 1 comes from a Start icon, an unnumbered arrow
leaves the last lane for a Value icon). Consecutive stages in one lane are one visit and
are drawn as a small self-loop on the inner side of the node. Pure and local: the route is
read straight from the stream's stage order (no graph library needed for one path).
Sizes follow shared/mockups/README.md ("Activity loop").
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.activity_loop_ring import (
    LARGE_RING, PAD, RING_TOP, THREE_LINES_H, _angle, _choose_nodes, _node_box, _retag)
from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.text import elide, text_width
from vscdesk.model import DocumentModel, Stream
from vscdesk.model.queries import find_stream

UNASSIGNED = ""
NO_ACTIVITY = "No activity"
FORWARD, RETURN, STAY = "forward", "return", "stay"

CAPTION_H = 54  # the caption rule sits this far above the bottom edge
@dataclass(frozen=True, slots=True)
class RingNode:
    lane_id: str  # UNASSIGNED for the "No activity" node
    name: str
    index: int
    box: Box
    lines: tuple[str, ...]
    font: float
    visits: int  # arrivals: consecutive stages in one lane count once
    badge: Box | None  # the "×n" pill on the node's outer side, for visited lanes


@dataclass(frozen=True, slots=True)
class LoopArrow:
    """The arrow into one step (or into a run of stages that stay in one lane); a cubic
    Bézier from ``points[0]`` to ``points[3]``."""

    step: int
    last_step: int  # > step for a self-loop that covers several stages in one lane
    stage_id: str  # the stage the arrow enters
    source: str
    target: str
    kind: str  # FORWARD, RETURN (to a lane further left in chain order) or STAY
    points: tuple[Point, Point, Point, Point]
    label: Point  # centre of the step-number disc

    @property
    def text(self) -> str:
        return str(self.step) if self.last_step == self.step else f"{self.step}–{self.last_step}"


@dataclass(frozen=True, slots=True)
class Terminal:
    """The Start or Value icon and the straight arrow that joins it to a node."""

    icon: Box
    arrow: tuple[Point, Point]  # tail, tip
    text: str
    text_x: float
    anchor: str  # "start" (text right of the icon) or "end" (left of it)
    label: Point  # centre of the step disc on the arrow (Start only)


@dataclass(frozen=True, slots=True)
class ActivityLoopLayout:
    size: float
    stream_id: str
    subtitle: str
    stats: str
    ring: tuple[float, float, float]  # centre x, centre y, radius (the vertical one)
    nodes: tuple[RingNode, ...]
    arrows: tuple[LoopArrow, ...]
    start: Terminal | None
    exit: Terminal | None
    rule_y: float
    route: str
    loops: tuple[tuple[int, str], ...]  # (step, lane name) of each return to a visited lane
    loop_text: str
    ring_rx: float = 0.0  # the horizontal radius when the ring is an ellipse (0: a circle)


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {many or word + 's'}"


def _keys(doc: DocumentModel, stream: Stream) -> list[str]:
    keys = [lane.id for lane in doc.chain.lanes]
    if any(stage.lane is None for stage in stream.stages):
        keys.append(UNASSIGNED)
    return keys


def _visits(lanes: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for i, lane in enumerate(lanes):
        if i == 0 or lanes[i - 1] != lane:
            counts[lane] = counts.get(lane, 0) + 1
    return counts


def _nodes(doc: DocumentModel, keys: list[str], lanes: list[str], size: float, rule_y: float
           ) -> tuple[list[RingNode], tuple[float, float, float, float]]:
    names = {lane.id: lane.name for lane in doc.chain.lanes} | {UNASSIGNED: NO_ACTIVITY}
    n = max(len(keys), 1)
    visits = _visits(lanes)
    w, h, font, rx, ry, cy = _choose_nodes(n, size, rule_y)
    ring = (size / 2, cy, ry)
    large = n > LARGE_RING
    boxes = [_node_box(i, n, ring[0], cy, rx, ry, w, h) for i in range(len(keys))]
    area = Box(PAD, RING_TOP - 14, size - 2 * PAD, rule_y - 8 - (RING_TOP - 14))
    nodes, badges = [], []
    for i, (key, box) in enumerate(zip(keys, boxes)):
        count = visits.get(key, 0)
        if large:
            badge = G.corner_badge(box, count, ring,
                                   [G.grown(b, 2) for b in boxes if b is not box] + badges)
        else:
            badge = G.badge_box(box, count, ring, [G.grown(b, 2) for b in boxes] + badges, area)
        if badge is not None:
            badges.append(badge)
        if large:  # three lines, and a slightly smaller font only as the last resort
            lines, fitted = G.node_lines(names[key], font, count > 0, w - 6,
                                         3 if h >= THREE_LINES_H else 2, 8.0)
        else:
            lines, fitted = G.node_lines(names[key], font, count > 0, w - 8)
        nodes.append(RingNode(key, names[key], i, box, lines, fitted, count, badge))
    return nodes, (*ring, rx)


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
    mid = _angle(a.index, n) + math.pi * span / n
    return (math.sin(mid), -math.cos(mid)), G.BOW


def _moves(lanes: list[str]) -> list[tuple[int, int]]:
    """(first step, last step) of each arrow: one per change of lane, and one self-loop per
    run of consecutive stages in the same lane (steps are 1-based)."""
    moves: list[tuple[int, int]] = []
    for i in range(1, len(lanes)):
        stays = lanes[i] == lanes[i - 1]
        last_is_stay = bool(moves) and lanes[moves[-1][0] - 2] == lanes[moves[-1][0] - 1]
        if stays and last_is_stay and moves[-1][1] == i:
            moves[-1] = (moves[-1][0], i + 1)
        else:
            moves.append((i + 1, i + 1))
    return moves


def _curves(lanes: list[str], moves: list[tuple[int, int]], nodes: list[RingNode],
            ring: tuple[float, float, float]) -> list[G.Cubic]:
    """The curve of every move; a bow that would pass under another node is flattened, or
    turned the other way, until the curve clears it."""
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
        options = [G.bowed(a.box, b.box, normal, bow * k) for k in (1, 0.6, 0.3, 0, -0.5, -1)]
        curves.append(next((c for c in options if G.clear_of(c, others)), options[0]))
    return curves


def _kind(a: str, b: str, order: dict[str, int]) -> str:
    if a == b:
        return STAY
    return RETURN if a in order and b in order and order[b] < order[a] else FORWARD


def _terminals(lanes: list[str], nodes: list[RingNode], curves: list[G.Cubic], size: float,
               rule_y: float) -> tuple[Terminal | None, Terminal | None]:
    """Start below the first lane and Value above the last, unless that covers something."""
    if not lanes:
        return None, None
    by_key = {node.lane_id: node for node in nodes}
    area = Box(PAD, 56, size - 2 * PAD, rule_y - 8 - 56)
    solid = [n.box for n in nodes] + [n.badge for n in nodes if n.badge is not None]
    points = [G.samples(c) for c in curves]
    out = []
    ring_c = (size / 2, (nodes[0].box.cy + nodes[len(nodes) // 2].box.cy) / 2)
    for lane, text, into in ((lanes[0], "Start", True), (lanes[-1], "Value", False)):
        box = by_key[lane].box
        outward = G.unit(box.cx - ring_c[0], box.cy - ring_c[1])
        places = G.terminal_places(box, text, into,
                                   outward if len(nodes) > LARGE_RING else None)
        place = G.best_place(places, area, solid, points) or places[0]
        solid += place.footprint
        mid = ((place.tail[0] + place.tip[0]) / 2, (place.tail[1] + place.tip[1]) / 2)
        out.append(Terminal(place.icon, (place.tail, place.tip), text, place.text_x, place.anchor,
                            mid))
    return out[0], out[1]


def _captions(doc: DocumentModel, lanes: list[str], size: float) -> tuple[str, tuple, str]:
    names = {lane.id: lane.name for lane in doc.chain.lanes} | {UNASSIGNED: NO_ACTIVITY}
    route = " → ".join(names[lane] for lane in lanes) or "no stages yet"
    loops, visited = [], set()
    for i, lane in enumerate(lanes):
        if i and lane != lanes[i - 1] and lane in visited:
            loops.append((i + 1, names[lane]))
        visited.add(lane)
    if loops:
        text = "returns to " + ", to ".join(f"{name} at step {step}" for step, name in loops)
        text = elide(text, 11, True, size - PAD - 86)
    else:
        text = elide("none: no activity is visited twice", 11, False, size - PAD - 66)
    return elide(route, 11, False, size - PAD - 66), tuple(loops), text


def layout_activity_loop(doc: DocumentModel, stream_id: str, size: float = 400
                         ) -> ActivityLoopLayout:
    """Place the ring, the numbered route, the Start and Value icons and the caption."""
    stream = find_stream(doc, stream_id)
    if stream is None:
        raise KeyError(stream_id)
    keys = _keys(doc, stream)
    lanes = [stage.lane or UNASSIGNED for stage in stream.stages]
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    rule_y = size - CAPTION_H
    nodes, (*ring, ring_rx) = _nodes(doc, keys, lanes, size, rule_y)
    ring = tuple(ring)
    moves = _moves(lanes)
    curves = _curves(lanes, moves, nodes, ring)
    if len(nodes) > LARGE_RING:
        nodes = _retag(nodes, ring, curves)
    start, exit_ = _terminals(lanes, nodes, curves, size, rule_y)
    taken = [n.box for n in nodes] + [n.badge for n in nodes if n.badge is not None]
    for t in (start, exit_):
        if t is not None:
            taken += [t.icon, G.disc_box(t.label)]
    arrows = []
    points = [G.samples(c) for c in curves]
    for i, ((step, last), curve) in enumerate(zip(moves, curves)):
        label = G.place_disc(curve, taken, points[:i] + points[i + 1:])
        taken.append(G.disc_box(label))
        a, b = lanes[step - 2], lanes[step - 1]
        arrows.append(LoopArrow(step, last, stream.stages[step - 1].id, a, b, _kind(a, b, order),
                                curve, label))
    visited = {lane for lane in lanes if lane in order}
    lanes_word = "activity" if len(order) == 1 else "activities"
    stats = f"{_plural(len(lanes), 'step')} · {len(visited)} of {len(order)} {lanes_word}"
    stats = elide(stats, 11, False, size - 2 * PAD - text_width("Activity loop", 14, True) - 16)
    route, loops, loop_text = _captions(doc, lanes, size)
    return ActivityLoopLayout(
        size, stream.id, elide(stream.name, 11.5, False, size - 2 * PAD), stats, ring,
        tuple(nodes), tuple(arrows), start, exit_, rule_y, route, loops, loop_text,
        ring_rx if abs(ring_rx - ring[2]) > 0.5 else 0.0)
