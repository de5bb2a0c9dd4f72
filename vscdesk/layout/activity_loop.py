"""Activity loop layout: one stream's route drawn around a ring of the chain's lanes.

Nodes sit at equal angles clockwise from 12 o'clock in chain order; each step is a numbered
arrow into the lane that performs it (step 1 comes from a Start icon, an unnumbered arrow
leaves the last lane for a Value icon). Consecutive stages in one lane are one visit and
are drawn as a small self-loop on the inner side of the node. Pure and local: the route is
read straight from the stream's stage order (no graph library needed for one path).
Sizes follow docs/visual-language.md ("Activity loop").
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

from vscdesk.layout import activity_loop_caption as C
from vscdesk.layout import activity_loop_labels as L
from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.activity_loop_curves import FORWARD, RETURN, STAY, move_curves
from vscdesk.layout.activity_loop_labels import Placed
from vscdesk.layout.activity_loop_ring import (
    CORNER_ROOM, LARGE_RING, PAD, RING_TOP, THREE_LINES_H, _choose_nodes,
    _node_box, crowded_room)
from vscdesk.layout.activity_loop_track import Track, choose_track, node_boxes
from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel, Stream
from vscdesk.model.queries import find_stream

UNASSIGNED = ""
NO_ACTIVITY = "No activity"
TALL = 4.0  # how much taller than wide a crowded ring of few lanes may be (its room decides)
CAPTION_H = C.CAPTION_H  # the caption rule sits this far above the bottom edge (one route line)


@dataclass(frozen=True, slots=True)
class RingNode:
    lane_id: str  # UNASSIGNED for the "No activity" node
    name: str
    index: int
    box: Box
    lines: tuple[str, ...]
    font: float
    visits: int  # arrivals: consecutive stages in one lane count once
    badge: Box | None  # the "×n" tag beside or on a corner of a visited node


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
    label: Point | None  # centre of the step-number disc; None where a crowded loop has no room

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
    anchor: Literal["start", "end"]  # text right of the icon, or left of it
    label: Point | None  # centre of step 1's number on the Start arrow (None: left off)

    @property
    def text_box(self) -> Box:
        """Where the word "Start" or "Value" is set."""
        w = text_width(self.text, G.TERMINAL_TEXT)
        return Box(self.text_x - (w if self.anchor == "end" else 0), self.icon.cy - 7, w, 11)

    @property
    def boxes(self) -> list[Box]:
        """What no tag or number may cover: the icon, the word and the shaft."""
        (x1, y1), (x2, y2) = self.arrow
        shaft = Box(min(x1, x2) - 2, min(y1, y2) - 2, abs(x2 - x1) + 4, abs(y2 - y1) + 4)
        return [self.icon, self.text_box, shaft]


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
    disc: tuple[float, float] = L.DISC_SIZES[0]  # (radius, size) of the step numbers
    head: C.Title | None = None  # the stats and the note of numbers left off
    caption: C.Caption | None = None  # the route and loop lines

    @property
    def hidden(self) -> int:
        """Step numbers a crowded loop leaves off (their arrows stay)."""
        start = self.start is not None and self.start.label is None
        return sum(a.label is None for a in self.arrows) + start

    def rectangles(self) -> list[Placed]:
        """Every rectangle the picture puts text, a node, a tag, a number or an icon in: no
        two overlap, except a node with its own name and its own tag (``may_overlap``)."""
        out = C.title_rects(self.head, self.size) if self.head is not None else []
        for n in self.nodes:
            out.append(Placed("node", n.lane_id or "-", n.box))
            out += [Placed("name", n.lane_id or "-", b)
                    for b in L.name_boxes(n.box, n.lines, n.font, n.visits > 0)]
            if n.badge is not None:
                out.append(Placed("tag", n.lane_id or "-", n.badge))
        for t, key in ((self.start, "start"), (self.exit, "exit")):
            if t is not None:
                out += [Placed("icon", key, t.icon), Placed("word", key, t.text_box)]
        if self.start is not None and self.start.label is not None:
            out.append(Placed("step", "1", L.number_box(self.start.label, "1", *self.disc)))
        out += [Placed("step", a.text, L.number_box(a.label, a.text, *self.disc))
                for a in self.arrows if a.label is not None]
        if self.caption is not None:
            out += C.caption_rects(self.caption, self.rule_y)
        return out


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


def _nodes(doc: DocumentModel, keys: list[str], lanes: list[str], size: float, rule_y: float,
           stretch: float = 1.0
           ) -> tuple[list[RingNode], tuple[float, float, float, float], Track | None]:
    """The nodes with their names; their visit tags are placed once the arrows are known."""
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
        w, h, font, rx, ry, cy = _choose_nodes(n, size, rule_y, stretch)
        ring = (size / 2, cy, ry)
        boxes = [_node_box(i, n, ring[0], cy, rx, ry, w, h) for i in range(len(keys))]
    nodes = []
    for i, (key, box) in enumerate(zip(keys, boxes)):
        count = visits.get(key, 0)
        if large:  # three lines, and a slightly smaller font only as the last resort
            lines, fitted = G.node_lines(names[key], font, count > 0, w - 6,
                                         3 if h >= THREE_LINES_H else 2, 8.0)
        else:
            lines, fitted = G.node_lines(names[key], font, count > 0, w - 8)
        nodes.append(RingNode(key, names[key], i, box, lines, fitted, count, None))
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


def _kinds(lanes: list[str], moves: list[tuple[int, int]], order: dict[str, int]) -> list[str]:
    return [_kind(lanes[step - 2], lanes[step - 1], order) for step, _ in moves]


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
    solid = [G.grown(n.box, 1) for n in nodes]
    solid += [b for n in nodes for b in L.name_boxes(n.box, n.lines, n.font, n.visits > 0)]
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


def _straight(line: tuple[Point, Point]) -> G.Cubic:
    (x0, y0), (x1, y1) = line
    return ((x0, y0), (x0 + (x1 - x0) / 3, y0 + (y1 - y0) / 3),
            (x0 + 2 * (x1 - x0) / 3, y0 + 2 * (y1 - y0) / 3), (x1, y1))


def _labelled(nodes: list[RingNode], curves: list[G.Cubic], texts: list[str],
              terminals: tuple[Terminal | None, Terminal | None], ring: tuple[float, float],
              frame: Box) -> tuple[list[RingNode], list[Point | None], tuple[float, float]]:
    """Visit tags first, then step numbers (step 1's on the Start arrow, when there is one,
    comes first), each where it touches nothing placed before it; numbers that find no room
    at full size are all set compact, and the ones that still find none are left off."""
    taken = [n.box for n in nodes]
    taken += [b for n in nodes for b in L.name_boxes(n.box, n.lines, n.font, n.visits > 0)]
    shaft: list[Box] = []  # the Start arrow: step 1's number goes on it, nothing else does
    for t in terminals:
        if t is not None:
            boxes = t.boxes
            taken += boxes if t.text != "Start" else boxes[:2]
            shaft += boxes[2:] if t.text == "Start" else []
    if terminals[0] is not None:
        curves, texts = [_straight(terminals[0].arrow), *curves], ["1", *texts]
    grid = L.PointGrid([G.samples(c) for c in curves])
    room = L.Occupancy(frame, taken + shaft)
    large = len(nodes) > LARGE_RING
    tagged = []
    for node in nodes:
        options = L.tag_options(node.box, node.visits, ring, large) if node.visits else []
        tagged.append(replace(node, badge=L.place_tag(options, room, grid, node.box)))
    labels: list[Point | None] = []
    for radius, font in L.DISC_SIZES:
        trial = L.Occupancy(frame, [b for b in room.taken if all(b is not s for s in shaft)])
        labels = L.place_numbers(curves, texts, trial, grid, radius, font, shaft)
        if None not in labels:
            break
    return tagged, labels, (radius, font)


def layout_activity_loop(doc: DocumentModel, stream_id: str, size: float = 400,
                         height: float | None = None) -> ActivityLoopLayout:
    """Place the ring, the numbered route, the Start and Value icons and the caption in a
    picture ``size`` wide and ``height`` (by default ``size``) high."""
    stream = find_stream(doc, stream_id)
    if stream is None:
        raise KeyError(stream_id)
    keys = _keys(doc, stream)
    lanes = [stage.lane or UNASSIGNED for stage in stream.stages]
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    cap = C.caption(doc, stream, lanes, size)
    height = C.picture_height(height or size, cap)
    rule_y = height - cap.height
    moves = _moves(lanes)
    room = crowded_room(len(moves), size, rule_y - RING_TOP)
    crowded = room > rule_y - RING_TOP + 0.5
    height, rule_y = height + room - (rule_y - RING_TOP), RING_TOP + room
    # a crowded ring of few lanes becomes an ellipse as tall as the room it was given
    nodes, (ring_x, ring_y, ring_r, ring_rx), track = _nodes(doc, keys, lanes, size, rule_y,
                                                             TALL if crowded else 1.0)
    ring = (ring_x, ring_y, ring_r)
    frame = Box(PAD - 4, 50, size - 2 * PAD + 8, rule_y - 54)  # arrows bow no further out
    curves = move_curves(lanes, moves, nodes, ring, frame, _kinds(lanes, moves, order))
    start, exit_ = _terminals(lanes, nodes, curves, size, rule_y)
    texts = [str(s) if s == e else f"{s}–{e}" for s, e in moves]
    nodes, labels, disc = _labelled(nodes, curves, texts, (start, exit_), (ring[0], ring[1]),
                                    Box(PAD - 6, 50, size - 2 * PAD + 12, rule_y - 4 - 50))
    if start is not None:
        start, labels = replace(start, label=labels[0]), labels[1:]
    arrows = []
    for (step, last), curve, label in zip(moves, curves, labels):
        a, b = lanes[step - 2], lanes[step - 1]
        arrows.append(LoopArrow(step, last, stream.stages[step - 1].id, a, b, _kind(a, b, order),
                                curve, label))
    visited = {lane for lane in lanes if lane in order}
    hidden = labels.count(None) + (start is not None and start.label is None)
    head = C.title(stream, len(lanes), len(visited), len(order), hidden, size)
    return ActivityLoopLayout(
        size, stream.id, head.subtitle, head.stats, ring,
        tuple(nodes), tuple(arrows), start, exit_, rule_y, cap.route, cap.loops,
        " ".join(cap.loop_lines), ring_rx if abs(ring_rx - ring[2]) > 0.5 else 0.0, height,
        track, cap.loop_backs, disc, head, cap)
