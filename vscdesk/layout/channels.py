"""Routing the arrows of one stream row: straight to the next card, through the bottom
channel when cards lie between, and over the top channel when the stream goes back left."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from vscdesk.layout import metrics as M
from vscdesk.layout.geometry import Box, Point

NEXT, SKIP, LOOP = "next", "skip", "loop"


@dataclass(frozen=True, slots=True)
class ArrowGeom:
    stream_id: str
    source: str
    target: str
    kind: str  # NEXT, SKIP or LOOP
    points: tuple[Point, ...]
    radius: float  # corner radius of the orthogonal route


@dataclass(slots=True)
class _Route:
    stream_id: str
    source: str
    target: str
    kind: str
    src_port: float = 0.5  # fraction of the card width
    dst_port: float = 0.5
    track: int = 0

    def placed(self, boxes: dict[str, Box]) -> ArrowGeom:
        """Final points once the cards of the row have their real y."""
        a, b = boxes[self.source], boxes[self.target]
        if self.kind == NEXT:
            return ArrowGeom(self.stream_id, self.source, self.target, NEXT,
                             ((a.right, a.cy), (b.x, b.cy)), 0.0)
        sx, tx = a.x + a.w * self.src_port, b.x + b.w * self.dst_port
        offset = M.track_offset(self.track)
        if self.kind == SKIP:
            y = a.bottom + offset
            points = ((sx, a.bottom), (sx, y), (tx, y), (tx, b.bottom))
            radius = 8.0
        else:
            y = a.y - offset
            points = ((sx, a.y), (sx, y), (tx, y), (tx, b.y))
            radius = min(offset, abs(sx - tx) / 2)
        return ArrowGeom(self.stream_id, self.source, self.target, self.kind, points, radius)


@dataclass(frozen=True, slots=True)
class RowRouting:
    top: float  # channel heights
    bottom: float
    arrows: tuple[_Route, ...]


def _kind(boxes: list[tuple[str, Box]], i: int, xs: list[float]) -> str:
    """NEXT to the adjacent card, SKIP over cards of the row, LOOP back (``xs``: the row's
    card x positions, sorted: a binary search, not a scan of the row per arrow)."""
    a, b = boxes[i][1], boxes[i + 1][1]
    if b.x < a.x:
        return LOOP
    between = bisect_left(xs, b.x) > bisect_right(xs, a.x)  # some card with a.x < x < b.x
    return SKIP if between else NEXT


def _assign_ports(routes: list[_Route], centres: dict[str, float], side: str) -> None:
    """Spread the arrows meeting one side of a card over 30-70 % of its width."""
    ends: dict[str, list[tuple[_Route, bool, float]]] = {}
    for r in routes:
        if (r.kind == LOOP) != (side == "top"):
            continue
        ends.setdefault(r.source, []).append((r, True, centres[r.target]))
        ends.setdefault(r.target, []).append((r, False, centres[r.source]))
    for card, touching in ends.items():
        here = centres[card]
        left = sorted((t for t in touching if t[2] < here), key=lambda t: here - t[2])
        right = sorted((t for t in touching if t[2] >= here), key=lambda t: here - t[2])
        ordered = left + right
        n = len(ordered)
        for i, (route, is_source, _) in enumerate(ordered):
            frac = 0.5 if n == 1 else 0.3 + 0.4 * i / (n - 1)
            if is_source:
                route.src_port = frac
            else:
                route.dst_port = frac


def _assign_tracks(routes: list[_Route], boxes: dict[str, Box], kind: str) -> int:
    """Stack nested arcs outward: shortest span on the lowest free track."""
    spans = []
    for r in routes:
        if r.kind != kind:
            continue
        a, b = boxes[r.source], boxes[r.target]
        x1, x2 = a.x + a.w * r.src_port, b.x + b.w * r.dst_port
        spans.append((abs(x2 - x1), min(x1, x2), max(x1, x2), r))
    tracks: list[list[tuple[float, float]]] = []
    for _, lo, hi, route in sorted(spans, key=lambda s: s[:3]):
        for k, used in enumerate(tracks):
            if all(hi + M.TRACK_CLEARANCE < u_lo or lo - M.TRACK_CLEARANCE > u_hi
                   for u_lo, u_hi in used):
                used.append((lo, hi))
                route.track = k
                break
        else:
            tracks.append([(lo, hi)])
            route.track = len(tracks) - 1
    return len(tracks)


def route_row_arrows(stream_id: str, ordered: list[tuple[str, Box]]) -> RowRouting:
    """Route the arrows between consecutive stages of one stream.

    ``ordered`` holds the stream's card boxes in stage order, as (stage id, box) pairs.
    """
    boxes = list(ordered)
    xs = sorted(box.x for _, box in boxes)
    routes = [_Route(stream_id, boxes[i][0], boxes[i + 1][0], _kind(boxes, i, xs))
              for i in range(len(boxes) - 1)]
    by_id = dict(boxes)
    centres = {sid: box.cx for sid, box in boxes}
    _assign_ports(routes, centres, "top")
    _assign_ports(routes, centres, "bottom")
    top = _assign_tracks(routes, by_id, LOOP)
    bottom = _assign_tracks(routes, by_id, SKIP)
    return RowRouting(M.channel_height(top), M.channel_height(bottom), tuple(routes))
