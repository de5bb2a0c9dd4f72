"""The activity-loop panel picture as a display list: a ring of the chain's lanes with one
stream's route drawn as numbered arrows, and a caption that spells the route out."""

from __future__ import annotations

import math
from dataclasses import replace

from vscdesk.layout import activity_loop as A
from vscdesk.layout import activity_loop_caption as K
from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.activity_loop import ActivityLoopLayout, LoopArrow, RingNode, Terminal
from vscdesk.layout.activity_loop_curves import RETURN as GOES_BACK
from vscdesk.layout.activity_loop_labels import disc_width
from vscdesk.layout.activity_loop_ring import PAD
from vscdesk.layout.geometry import Point
from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.legend import return_icon
from vscdesk.render.primitives import Drawing, Ellipse, Group, Path, Primitive, Rect, Stroke, Text

FORWARD = Stroke(P.INK_700, 1.75)
RETURN = Stroke(P.ACCENT, 1.75, (5, 3.5))
EXIT = Stroke(P.INK_400, 1.5)


class ActivityLoopRenderer:
    """Turns one stream's activity-loop layout into groups the panel can hit-test."""

    def __init__(self, doc: DocumentModel, stream_id: str, size: float = 400,
                 layout: ActivityLoopLayout | None = None, height: float | None = None) -> None:
        self.doc = doc
        self.layout = layout or A.layout_activity_loop(doc, stream_id, size, height)
        self.lanes = {lane.id: lane for lane in doc.chain.lanes}
        self.stream = next(s for s in doc.streams if s.id == stream_id)

    def drawing(self) -> Drawing:
        lay = self.layout
        groups: list[Group] = [self.title(), self.backdrop()]
        groups += [self.arrow(a) for a in lay.arrows]
        for terminal, key in ((lay.start, "loop-start"), (lay.exit, "loop-exit")):
            if terminal is not None:
                groups.append(self.terminal(terminal, key))
        groups += [self.node(n) for n in lay.nodes]
        groups.append(self.caption())
        return Drawing(lay.size, lay.height or lay.size, tuple(groups),
                       f"Activity loop · {lay.subtitle}")

    def title(self) -> Group:
        s = self.layout.size
        items: tuple[Primitive, ...] = (
            Text(0, 27, "Activity loop", 14, P.INK_900, True),
            Text(s - 2 * PAD, 27, self.layout.stats, 11, P.INK_500, anchor="end"),
            Text(0, 45, self.layout.subtitle, 11.5, P.INK_700))
        head = self.layout.head
        if head is not None and head.note:  # numbers a crowded loop leaves off, counted
            items += (Text(s - 2 * PAD, 45, head.note, 10, P.INK_500, anchor="end"),)
        return Group("loop-title", "title", PAD, 0, (0, 12, s - 2 * PAD, 37), items)

    def backdrop(self) -> Group:
        track = self.layout.track
        if track is not None:  # many lanes: a rounded rectangle that fills the picture
            band = Rect(5, 5, track.w, track.h, stroke=Stroke(P.INK_100, 10), radius=track.radius)
            return Group("loop-ring", "ring", track.x - 5, track.y - 5,
                         (-1, -1, track.w + 12, track.h + 12), (band,), z=0)
        cx, cy, r = self.layout.ring
        rx = self.layout.ring_rx or r  # an ellipse for rings of many lanes
        ring = Ellipse(rx + 5, r + 5, rx, r, stroke=Stroke(P.INK_100, 10))
        return Group("loop-ring", "ring", cx - rx - 5, cy - r - 5,
                     (-1, -1, 2 * rx + 12, 2 * r + 12), (ring,), z=0)

    def arrow(self, a: LoopArrow) -> Group:
        stroke = RETURN if a.kind == GOES_BACK else FORWARD
        p0, c1, c2, p3 = a.points
        direction = (p3[0] - c2[0], p3[1] - c2[1])
        norm = math.hypot(*direction) or 1.0
        stop = 9 * 0.6  # the shaft ends inside the head so it never pokes through the tip
        end = (p3[0] - direction[0] / norm * stop, p3[1] - direction[1] / norm * stop)
        items: list[Primitive] = [Path((("M", *p0), ("C", *c1, *c2, *end)), stroke=stroke),
                                  C.arrowhead(p3, direction, stroke.color)]
        if a.label is not None:
            items += number_disc(a.label, a.text, stroke.color, *self.layout.disc)
        return _local_group(f"loop-step:{a.stage_id}", "loop-step", items, 1, a.stage_id)

    def terminal(self, t: Terminal, key: str) -> Group:
        (tx, ty), (hx, hy) = t.arrow
        i = t.icon
        items: list[Primitive]
        if t.text == "Start":
            items = C.arrow([(tx, ty), (hx, hy)], 0, FORWARD)
            items.append(C.trigger_shape(i.x, i.y, i.w, i.h, Stroke(P.INK_700, 1.2)))
            if t.label is not None:
                items += number_disc(t.label, "1", P.INK_700, *self.layout.disc)
        else:
            items = C.arrow([(tx, ty), (hx, hy)], 0, EXIT, (8, 7))
            items.append(Ellipse(i.cx, i.cy, i.w / 2, i.h / 2, fill=P.CANVAS,
                                 stroke=Stroke(P.INK_700, 1.2)))
        items.append(Text(t.text_x, C.centred_baseline(i.cy, 10), t.text, 10, P.INK_500,
                          anchor=t.anchor))
        if key == "loop-exit":
            return _local_group(key, "loop-exit", items, 1, None)
        first = self.stream.stages[0].id  # the Start arrow is the arrow into step 1
        return _local_group(f"loop-step:{first}", "loop-step", items, 1, first)

    def node(self, n: RingNode) -> Group:
        b = n.box
        items: list[Primitive]
        if n.visits:
            colors = self.lane_colors(n.lane_id)
            items = [Rect(0, 0, b.w, b.h, fill=colors.head, stroke=Stroke(colors.ink, 1.5), radius=9)]
            color, bold = colors.ink, True
        else:
            items = [Rect(0, 0, b.w, b.h, fill=P.CANVAS, stroke=Stroke(P.INK_200, 1), radius=9)]
            color, bold = P.INK_400, False
        leading = n.font + 2
        first = b.h / 2 - leading * (len(n.lines) - 1) / 2
        for k, line in enumerate(n.lines):
            items.append(Text(b.w / 2, C.centred_baseline(first + k * leading, n.font), line, n.font,
                              color, bold, "middle"))
        x1, y1, x2, y2 = -1.0, -1.0, b.w + 1, b.h + 1
        if n.badge is not None:
            badge = n.badge
            items += visit_badge(badge.x - b.x, badge.y - b.y, badge.w, n.visits)
            x1, y1 = min(x1, badge.x - b.x - 1), min(y1, badge.y - b.y - 1)
            x2, y2 = max(x2, badge.right - b.x + 1), max(y2, badge.bottom - b.y + 1)
        return Group(f"loop-node:{n.lane_id}", "loop-node", b.x, b.y, (x1, y1, x2 - x1, y2 - y1),
                     tuple(items), z=2, ref=n.lane_id or None)

    def lane_colors(self, lane_id: str) -> P.LaneColors:
        lane = self.lanes.get(lane_id)
        return P.lane_colors(lane.color) if lane else P.UNASSIGNED_LANE

    def caption(self) -> Group:
        lay = self.layout
        cap = lay.caption
        assert cap is not None
        w = lay.size - 2 * PAD
        items: list[Primitive] = [Rect(0, 0, w, 1, fill=P.INK_100),
                                  Text(0, K.FIRST, "ROUTE", K.HEAD, P.INK_500, True),
                                  Text(0, cap.loop_y, "LOOP", K.HEAD, P.INK_500, True)]
        items += [Text(K.TEXT_X, K.FIRST + K.LINE * k, line, K.SIZE, P.INK_700)
                  for k, line in enumerate(cap.route_lines)]
        if cap.loud:
            items += return_icon(K.TEXT_X, cap.loop_y - 4)
        items += [Text(cap.loop_x, cap.loop_y + K.LINE * k, line, K.SIZE,
                       P.ACCENT if cap.loud else P.INK_500, cap.loud)
                  for k, line in enumerate(cap.loop_lines)]
        return Group("loop-caption", "caption", PAD, lay.rule_y, (0, 0, w, cap.height - 8),
                     tuple(items))


def number_disc(centre: Point, label: str, fill: str, radius: float = 9.0,
                size: float = 10.0) -> list[Primitive]:
    """A step disc with a 2 px white halo, so it reads over crossing arrows; longer labels
    ("12", "2–4") get a pill of the same height."""
    w = disc_width(label, radius, size)
    x, y = centre
    if w == 2 * radius:
        disc: Primitive = Ellipse(x, y, radius, radius, fill=fill, stroke=Stroke(P.CANVAS, 2))
    else:
        disc = Rect(x - w / 2, y - radius, w, 2 * radius, fill=fill, stroke=Stroke(P.CANVAS, 2),
                    radius=radius)
    return [disc, Text(x, C.centred_baseline(y, size), label, size, P.CANVAS, True, "middle")]


def visit_badge(x: float, y: float, w: float, visits: int) -> list[Primitive]:
    """"×1" in a quiet ring; "×2" and more in the accent, because they mean a return."""
    h = G.BADGE_H
    label = f"×{visits}"
    if visits > 1:
        return [Rect(x, y, w, h, fill=P.ACCENT, radius=h / 2),
                Text(x + w / 2, C.centred_baseline(y + h / 2, 10), label, 10, P.CANVAS, True, "middle")]
    return [Rect(x + 0.5, y + 0.5, w - 1, h - 1, fill=P.CANVAS, stroke=Stroke(P.INK_300, 1),
                 radius=(h - 1) / 2),
            Text(x + w / 2, C.centred_baseline(y + h / 2, 10), label, 10, P.INK_500, True, "middle")]


def _shift(p: Primitive, dx: float, dy: float) -> Primitive:
    if isinstance(p, Path):
        ops = tuple((op[0], *[v + (dx if i % 2 == 0 else dy) for i, v in enumerate(op[1:])])
                    for op in p.ops)
        return replace(p, ops=ops)
    if isinstance(p, Ellipse):
        return replace(p, cx=p.cx + dx, cy=p.cy + dy)
    return replace(p, x=p.x + dx, y=p.y + dy)


def extent(p: Primitive) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) that a primitive covers, strokes and text ink included."""
    stroke = None if isinstance(p, Text) else p.stroke
    half = stroke.width / 2 if stroke is not None else 0.0
    if isinstance(p, Rect):
        return p.x - half, p.y - half, p.x + p.w + half, p.y + p.h + half
    if isinstance(p, Ellipse):
        return p.cx - p.rx - half, p.cy - p.ry - half, p.cx + p.rx + half, p.cy + p.ry + half
    if isinstance(p, Text):
        w = text_width(p.text, p.size, p.bold)
        left = p.x - {"start": 0.0, "middle": w / 2, "end": w}[p.anchor]
        return left, p.y - 0.76 * p.size, left + w, p.y + 0.24 * p.size
    xs = [v for op in p.ops for v in op[1::2]]
    ys = [v for op in p.ops for v in op[2::2]]
    return min(xs) - half, min(ys) - half, max(xs) + half, max(ys) + half


def _local_group(key: str, kind: str, items: list[Primitive], z: float, ref: str | None) -> Group:
    """A group placed at the top-left of its items, with the items moved into its frame."""
    boxes = [extent(p) for p in items]
    x0, y0 = min(b[0] for b in boxes) - 1, min(b[1] for b in boxes) - 1
    x1, y1 = max(b[2] for b in boxes) + 1, max(b[3] for b in boxes) + 1
    return Group(key, kind, x0, y0, (0, 0, x1 - x0, y1 - y0),
                 tuple(_shift(p, -x0, -y0) for p in items), z=z, ref=ref)


def activity_loop_drawing(doc: DocumentModel, stream_id: str, size: float = 400,
                          height: float | None = None) -> Drawing:
    """The activity-loop picture of one stream, ``size`` pixels wide and ``height`` (by
    default ``size``) high."""
    return ActivityLoopRenderer(doc, stream_id, size, height=height).drawing()


__all__ = ["ActivityLoopRenderer", "activity_loop_drawing"]
