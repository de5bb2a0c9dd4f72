"""Activity loop layout: one stream's route drawn around a ring of the chain's lanes.

Nodes sit at equal angles clockwise from 12 o'clock in chain order; each step is a numbered
arrow into the lane that performs it (step 1 comes from a Start icon, an unnumbered arrow
leaves the last lane for a Value icon). Consecutive stages in one lane are one visit and
are drawn as a small self-loop on the inner side of the node. Pure and local: the route is
read straight from the stream's stage order (no graph library needed for one path).
Sizes follow docs/visual-language.md ("Activity loop").
"""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.activity_loop_curves import move_curves
from vscdesk.layout.activity_loop_ring import (
    CORNER_ROOM, LARGE_RING, PAD, RING_TOP, THREE_LINES_H, _choose_nodes, _node_box, _retag)
from vscdesk.layout.activity_loop_track import Track, choose_track, node_boxes
from vscdesk.layout.activity_loop_words import caption_text, loop_facts, plural
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

    @property
    def text_box(self) -> Box:
        """Where the word "Start" or "Value" is set."""
        w = text_width(self.text, G.TERMINAL_TEXT)
        return Box(self.text_x - (w if self.anchor == "end" else 0), self.icon.cy - 7, w, 11)


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
    loop_text: str  # the loop-backs and the activities revisited (activity_loop_words)
    ring_rx: float = 0.0  # the horizontal radius when the ring is an ellipse (0: a circle)
    height: float = 0.0  # the picture's height (0: as high as it is wide)
    track: Track | None = None  # the rounded rectangle of a ring of more than six lanes
    loop_backs: tuple[tuple[int, str], ...] = ()  # (step, lane name) of each loop-back


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
           ) -> tuple[list[RingNode], tuple[float, float, float, float], Track | None]:
    names = {lane.id: lane.name for lane in doc.chain.lanes} | {UNASSIGNED: NO_ACTIVITY}
    n = max(len(keys), 1)
    visits = _visits(lanes)
    large = n > LARGE_RING
    track = None
    if large:
        w, h, font, track, centres = choose_track(n, PAD + CORNER_ROOM, size - PAD - CORNER_ROOM,
                                                  RING_TOP, rule_y - 20)
        boxes = node_boxes(centres, w, h)
        ring, rx = (*track.centre, track.h / 2), track.w / 2
    else:
        w, h, font, rx, ry, cy = _choose_nodes(n, size, rule_y)
        ring = (size / 2, cy, ry)
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
    return nodes, (*ring, rx), track


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


def _numbered(stream: Stream, lanes: list[str], moves: list[tuple[int, int]],
              curves: list[G.Cubic], nodes: list[RingNode],
              terminals: tuple[Terminal | None, Terminal | None], order: dict[str, int],
              frame: Box) -> list[LoopArrow]:
    """One arrow per move with its step disc where it covers least; a second round moves the
    discs that still sit on one another, now that every disc is known."""
    hidden = [n.box for n in nodes]
    fixed = [n.badge for n in nodes if n.badge is not None]
    for t in terminals:
        if t is not None:
            fixed += [t.icon, t.text_box, G.disc_box(t.label)]
    points = [G.samples(c) for c in curves]
    labels: list[Point] = []
    for i, curve in enumerate(curves):
        taken = fixed + [G.disc_box(p) for p in labels]
        labels.append(G.place_disc(curve, taken, points[:i] + points[i + 1:], hidden, frame))
    for i, curve in enumerate(curves):
        others = [G.disc_box(p) for k, p in enumerate(labels) if k != i]
        if any(G.disc_box(labels[i]).overlaps(b) for b in others + fixed + hidden):
            labels[i] = G.place_disc(curve, fixed + others, points[:i] + points[i + 1:], hidden,
                                     frame)
    arrows = []
    for (step, last), curve, label in zip(moves, curves, labels):
        a, b = lanes[step - 2], lanes[step - 1]
        arrows.append(LoopArrow(step, last, stream.stages[step - 1].id, a, b, _kind(a, b, order),
                                curve, label))
    return arrows


def _captions(doc: DocumentModel, stream: Stream, lanes: list[str], size: float
              ) -> tuple[str, tuple, str, tuple]:
    """The route, the returns, the loop line and the loop-backs of the caption."""
    names = {lane.id: lane.name for lane in doc.chain.lanes} | {UNASSIGNED: NO_ACTIVITY}
    route = " → ".join(names[lane] for lane in lanes) or "no stages yet"
    loops, visited = [], set()
    for i, lane in enumerate(lanes):
        if i and lane != lanes[i - 1] and lane in visited:
            loops.append((i + 1, names[lane]))
        visited.add(lane)
    facts = loop_facts(doc, stream)
    backs = tuple((step, names[lane]) for step, _, lane in facts.loop_backs)
    loud = bool(facts.loop_backs or facts.revisited)  # set in bold after an icon
    text = caption_text(facts, names, 11, loud, size - PAD - (86 if loud else 66))
    return elide(route, 11, False, size - PAD - 66), tuple(loops), text, backs


def layout_activity_loop(doc: DocumentModel, stream_id: str, size: float = 400,
                         height: float | None = None) -> ActivityLoopLayout:
    """Place the ring, the numbered route, the Start and Value icons and the caption in a
    picture ``size`` wide and ``height`` (by default ``size``) high."""
    stream = find_stream(doc, stream_id)
    if stream is None:
        raise KeyError(stream_id)
    height = height or size
    keys = _keys(doc, stream)
    lanes = [stage.lane or UNASSIGNED for stage in stream.stages]
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    rule_y = height - CAPTION_H
    nodes, (*ring, ring_rx), track = _nodes(doc, keys, lanes, size, rule_y)
    ring = tuple(ring)
    moves = _moves(lanes)
    frame = Box(PAD - 4, 50, size - 2 * PAD + 8, rule_y - 54)  # arrows bow no further out
    curves = move_curves(lanes, moves, nodes, ring, frame)
    start, exit_ = _terminals(lanes, nodes, curves, size, rule_y)
    arrows = _numbered(stream, lanes, moves, curves, nodes, (start, exit_), order,
                       Box(PAD - 6, 47, size - 2 * PAD + 12, rule_y - 47))
    if len(nodes) > LARGE_RING:
        fixed = [G.disc_box(a.label) for a in arrows]
        fixed += [b for t in (start, exit_) if t is not None for b in (t.icon, t.text_box)]
        nodes = _retag(nodes, ring, curves, fixed)
    visited = {lane for lane in lanes if lane in order}
    lanes_word = "activity" if len(order) == 1 else "activities"
    stats = f"{plural(len(lanes), 'step')} · {len(visited)} of {len(order)} {lanes_word}"
    stats = elide(stats, 11, False, size - 2 * PAD - text_width("Activity loop", 14, True) - 16)
    route, loops, loop_text, backs = _captions(doc, stream, lanes, size)
    return ActivityLoopLayout(
        size, stream.id, elide(stream.name, 11.5, False, size - 2 * PAD), stats, ring,
        tuple(nodes), tuple(arrows), start, exit_, rule_y, route, loops, loop_text,
        ring_rx if abs(ring_rx - ring[2]) > 0.5 else 0.0, height, track, backs)
