"""The stream view as a display list: title, lane key, one block per stream, legend.

Chevron groups are keyed "stage:{id}" like the chain view's cards, so the canvas can glide
each stage from its chain position to its stream position.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from vscdesk.layout import metrics as M
from vscdesk.layout import stream as L
from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.stream import BlockGeom, ChevronGeom, StreamLayout, layout_stream
from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel, Stage, Stakeholder, Stream
from vscdesk.model.queries import initials
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.labels import headline_sla, sla_label
from vscdesk.render.legend import legend_group, return_icon, title_group
from vscdesk.render.links import link_groups
from vscdesk.render.primitives import Anchor, Drawing, Ellipse, Group, Path, Primitive, Rect, Stroke, Text

LINK = Stroke(P.INK_500, 1.3)
LINK_HEAD = (7, 6)
STATS_SIZE = L.STATS_SIZE
BADGE_PITCH = 24


def _polygon(points: tuple[Point, ...], fill: str | None = None,
             stroke: Stroke | None = None) -> Path:
    ops = (("M", *points[0]), *(("L", *p) for p in points[1:]), ("Z",))
    return Path(ops, fill=fill, stroke=stroke)


class StreamRenderer:
    """Turns one document and its stream layout into groups; one group per canvas item."""

    def __init__(self, doc: DocumentModel, layout: StreamLayout | None = None) -> None:
        self.doc = doc
        self.layout = layout or layout_stream(doc)
        self.lanes = {lane.id: lane for lane in doc.chain.lanes}
        self.lane_order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
        self.people = {p.id: p for p in doc.stakeholders}
        self._blocks_at: dict[str, BlockGeom] | None = None

    def restage(self, stage: Stage, stream: Stream) -> list[Group] | None:
        """The groups an edit of ``stage`` changes, when it moves nothing: its chevron and its
        stream's header; None when it may move something (a new lane, a stage not drawn)."""
        chevron = self.layout.chevrons.get(stage.id)
        if chevron is None or (stage.lane or L.UNASSIGNED) != chevron.lane_id:
            return None
        before = chevron.needs
        size, lines = L.chevron_fit(stage)
        chevron = replace(chevron, name_lines=lines, name_size=size)
        after = chevron.needs
        if after > chevron.box.h or (after != before and before >= chevron.box.h):
            return None  # the row grows, or its tallest name got shorter
        self.layout.chevrons[stage.id] = chevron  # remembered for the next edit
        if self._blocks_at is None:
            self._blocks_at = {b.stream_id: b for b in self.layout.blocks}
        return [self.chevron(chevron, stage), self.header(self._blocks_at[stream.id], stream)]

    def drawing(self) -> Drawing:
        lay = self.layout
        groups: list[Group] = [title_group(self.doc, "stream", lay.width)]
        if lay.keys:  # a lone "ACTIVITIES" heading would name nothing
            groups.append(self.key())
        streams = {s.id: s for s in self.doc.streams}
        for block in lay.blocks:
            stream = streams[block.stream_id]
            groups += self.block(block, stream)
        groups += self.links()
        legend = legend_group(self.doc, "stream", lay.legend_y, lay.width)
        groups.append(legend)
        height = max(lay.height, legend.y + legend.bounds[3] + M.MARGIN)
        return Drawing(lay.width, height, tuple(groups), self.doc.title)

    def links(self) -> list[Group]:
        """Links under the rows; labels clear of chevrons, markers and headers (SLA pills)."""
        lay = self.layout
        if not lay.links or not lay.blocks:
            return []
        obstacles = [b for block in lay.blocks for b in (block.header, block.trigger,
                                                         block.value)]
        top = lay.blocks[0].header.y
        area = Box(M.MARGIN, top, lay.width - 2 * M.MARGIN, lay.legend_y - 8 - top)
        boxes = {sid: c.box for sid, c in lay.chevrons.items()}
        return link_groups(self.doc, boxes, area, obstacles, lay.links)

    def lane_colors(self, lane_id: str) -> P.LaneColors:
        lane = self.lanes.get(lane_id)
        return P.lane_colors(lane.color) if lane else P.UNASSIGNED_LANE

    def key(self) -> Group:
        """ACTIVITIES: a mini chevron and the name of every lane, in chain order, each lane
        group's name before its lanes."""
        x0, cy0 = self.layout.key_heading
        top = cy0 - 12
        items: list[Primitive] = [Text(0, C.centred_baseline(cy0, 9.5) - top, "ACTIVITIES", 9.5,
                                       P.INK_500, True)]
        right, bottom = text_width("ACTIVITIES", 9.5, True), 24.0
        for label, x, cy in self.layout.key_groups:  # the lanes that follow are this group
            items.append(Text(x - x0, C.centred_baseline(cy, L.GROUP_LABEL_SIZE) - top, label,
                              L.GROUP_LABEL_SIZE, P.INK_400, True))
        for k in self.layout.keys:
            colors = self.lane_colors(k.lane_id)
            box = Box(k.chevron.x - x0, k.chevron.y - top, k.chevron.w, k.chevron.h)
            items.append(_polygon(L.chevron_points(box, 6), fill=colors.head,
                                  stroke=Stroke(colors.ink, 1)))
            items.append(Text(k.text_x - x0, C.centred_baseline(k.cy, L.KEY_SIZE) - top, k.name,
                              L.KEY_SIZE, colors.ink, True))
            right = max(right, k.text_x - x0 + text_width(k.name, L.KEY_SIZE, True))
            bottom = max(bottom, k.cy - top + 12)
        return Group("lane-key", "lane-key", x0, top, (0, 0, right, bottom), tuple(items))

    def block(self, b: BlockGeom, stream: Stream) -> list[Group]:
        groups = [self.header(b, stream), self.trigger(b)]
        stages = {s.id: s for s in stream.stages}
        groups += [self.chevron(self.layout.chevrons[sid], stages[sid]) for sid in b.stages]
        if b.placeholder is not None:
            groups.append(self.placeholder(b, b.placeholder))
        groups.append(self.value(b))
        if b.rule_y is not None:
            w = self.layout.width - 2 * M.MARGIN
            groups.append(Group(f"rule:{stream.id}", "rule", b.header.x, b.rule_y, (0, 0, w, 1),
                                (Rect(0, 0, w, 1, fill=P.INK_100),)))
        return groups

    def header(self, b: BlockGeom, stream: Stream) -> Group:
        """Kind tag and name on the left; stats and the end-to-end SLA on the right."""
        w, cy = b.header.w, b.header.h / 2
        items, tag_w = C.kind_tag(0, 0, stream.kind)
        right = w
        shown = headline_sla(stream.slas)
        if shown is not None:
            _, pw = C.sla_pill(0, cy, sla_label(shown[0]), shown[1], max_w=160)
            items += C.sla_pill(right - pw, cy, sla_label(shown[0]), shown[1], max_w=160)[0]
            right -= pw + 8
            items.append(Text(right, C.centred_baseline(cy, STATS_SIZE), "End to end", STATS_SIZE,
                              P.INK_500, anchor="end"))
            right -= text_width("End to end", STATS_SIZE) + 24
        stats = self.stats(stream)
        name_x = tag_w + 12
        lines = b.name_lines or (stream.name,)
        if len(lines) == 1 and name_x + text_width(lines[0], 16, True) + 32 > right:
            stats = ""  # only when the stats would not fit beside a one-line name anyway
        if stats:
            items.append(Text(right, C.centred_baseline(cy, STATS_SIZE), stats, STATS_SIZE,
                              P.INK_500, anchor="end"))
        for i, line in enumerate(lines):
            items.append(Text(name_x, C.centred_baseline(cy, 16) + i * L.HEADER_LEADING, line,
                              16, P.INK_900, True))
        return Group(f"row:{stream.id}", "row", b.header.x, b.header.y, (0, -2, w, b.header.h + 6),
                     tuple(items), ref=stream.id, title=stream.name)

    def stats(self, stream: Stream) -> str:
        return L.header_stats(stream, self.lane_order)

    def trigger(self, b: BlockGeom) -> Group:
        """The business-event marker and its connector to the first chevron."""
        t = b.trigger
        items: list[Primitive] = [C.trigger_shape(0, 0, t.w, t.h, Stroke(P.INK_700, 1.3))]
        items += _marker_text(L.MARKER_TEXT_INSET, t.h / 2, "TRIGGER", b.trigger_lines, "start")
        (x1, y1), (x2, _) = b.link_in
        items += C.arrow([(x1 - t.x, y1 - t.y), (x2 - t.x, y1 - t.y)], 0, LINK, LINK_HEAD)
        return Group(f"trigger:{b.stream_id}", "trigger", t.x, t.y, (-1, -1, x2 - t.x + 1, t.h + 2),
                     tuple(items), ref=b.stream_id)

    def value(self, b: BlockGeom) -> Group:
        """The value ellipse and the connector into it from the last chevron."""
        v = b.value
        (x1, _y1), (x2, _) = b.link_out
        dx = x1 - v.x
        items: list[Primitive] = C.arrow([(dx, v.h / 2), (x2 - v.x, v.h / 2)], 0, LINK, LINK_HEAD)
        items.append(Ellipse(v.w / 2, v.h / 2, v.w / 2, v.h / 2, fill=P.CANVAS,
                             stroke=Stroke(P.INK_900, 1.6)))
        items += _marker_text(v.w / 2, v.h / 2, "VALUE", b.value_lines, "middle")
        return Group(f"value:{b.stream_id}", "value", v.x, v.y, (dx - 1, -1, v.w - dx + 2, v.h + 2),
                     tuple(items), ref=b.stream_id)

    def placeholder(self, b: BlockGeom, p: Box) -> Group:
        """An empty stream (``p``: its placeholder) still reads trigger -> (nothing yet) -> value."""
        box = Box(0.5, 0.5, p.w - 1, p.h - 1)
        items = (_polygon(L.chevron_points(box), fill=P.CANVAS, stroke=Stroke(P.INK_300, 1, (4, 3))),
                 Text(p.w / 2 + 2, C.centred_baseline(p.h / 2, 11), "No stages yet", 11, P.INK_400,
                      anchor="middle"))
        return Group(f"empty:{b.stream_id}", "placeholder", p.x, p.y, (0, 0, p.w, p.h), items,
                     ref=b.stream_id)

    def chevron(self, g: ChevronGeom, stage: Stage) -> Group:
        # Like the chain view's cards, chevrons are built from shared pieces, cached by what
        # they show: a 10,000-stage map builds a few thousand pieces, not 100,000.
        colors = self.lane_colors(g.lane_id)
        w, h = g.box.w, g.box.h
        caption = g.caption or L.chevron_caption(self._lane_name(g.lane_id), g.step, g.returns)
        items = [*_chevron_head(w, h, colors, g.step, g.returns, caption),
                 *_chevron_name(g.name_lines, g.name_size, L.name_top(len(caption)))]
        items += self.pill_and_badges(stage, w - L.CONTENT_LEFT - L.CONTENT_RIGHT, h - 21)
        return Group(f"stage:{stage.id}", "stage", g.box.x, g.box.y, (0, 0, w, h), tuple(items),
                     z=2, ref=stage.id, title=stage.name)

    def _lane_name(self, lane_id: str) -> str:
        lane = self.lanes.get(lane_id)
        return lane.name if lane else L.NO_ACTIVITY

    def pill_and_badges(self, stage: Stage, room: float, cy: float = L.PILL_CY
                        ) -> tuple[Primitive, ...]:
        """The headline SLA pill (white on the tint), then as many badges as fit, centred on
        ``cy`` (21 px above the chevron's bottom)."""
        shown = headline_sla(stage.slas)
        people = tuple((initials(p), p.external) for p in self.stage_people(stage))
        return _pill_and_badges(room, (sla_label(shown[0]), shown[1]) if shown else None, people,
                                cy)

    def stage_people(self, stage: Stage) -> list[Stakeholder]:
        seen: set[str] = set()
        out: list[Stakeholder] = []
        for ref in stage.stakeholders:
            person = self.people.get(ref.stakeholder)
            if person is not None and person.id not in seen:
                seen.add(person.id)
                out.append(person)
        return out


@lru_cache(maxsize=4096)
def _chevron_head(w: float, h: float, colors: P.LaneColors, step: int, returns: bool,
                  caption: tuple[str, ...]) -> tuple[Primitive, ...]:
    """The chevron shape, step marker, return icon and activity caption (whole, in lines)."""
    items: list[Primitive] = [_polygon(L.chevron_points(Box(0, 0, w, h)), fill=colors.head)]
    disc, _ = step_marker(L.CONTENT_LEFT, L.CAPTION_CY, step)
    items += disc
    if returns:
        items += return_icon(L.CONTENT_LEFT + L.step_width(step) + 8, L.CAPTION_CY)
    x = L.caption_x(step, returns)
    for i, line in enumerate(caption):
        items.append(Text(x, C.centred_baseline(L.CAPTION_CY, L.CAPTION_SIZE)
                          + i * L.CAPTION_LEADING, line, L.CAPTION_SIZE, colors.ink, True))
    return tuple(items)


@lru_cache(maxsize=16384)
def _chevron_name(lines: tuple[str, ...], size: float, top: float) -> tuple[Primitive, ...]:
    leading = L.NAME_LEADING * size / L.NAME_SIZE
    return tuple(Text(L.CONTENT_LEFT, top + i * leading, line, size, P.INK_900, True)
                 for i, line in enumerate(lines))


@lru_cache(maxsize=4096)
def _pill_and_badges(room: float, sla: tuple[str, str] | None,
                     people: tuple[tuple[str, bool], ...], cy: float) -> tuple[Primitive, ...]:
    """``sla``: the pill's (label, status); ``people``: (initials, external) of each badge."""
    items: list[Primitive] = []
    x = float(L.CONTENT_LEFT)
    if sla is not None:  # a long SLA label leaves room for at least one badge or "+n"
        max_w = room - (34 if people else 0)
        pill, pw = C.sla_pill(x, cy, sla[0], sla[1], on_tint=True, max_w=max_w)
        items += pill
        x += pw + 10
    right = L.CONTENT_LEFT + room
    shown_n = len(people)
    if x + _span(shown_n) > right:  # keep room for a "+n" after the badges that fit
        shown_n -= 1
        while shown_n > 0 and x + _span(shown_n) + 4 + _more_w(len(people) - shown_n) > right:
            shown_n -= 1
    for letters, external in people[:shown_n]:
        items += C.badge(x + 10, cy, letters, external)
        x += BADGE_PITCH
    rest = len(people) - shown_n
    if rest and x + _more_w(rest) <= right:
        items.append(Text(x, C.centred_baseline(cy, 10.5), f"+{rest}", 10.5, P.INK_500))
    return tuple(items)


def _marker_text(x: float, cy: float, caption: str, lines: tuple[str, ...], anchor: Anchor
                 ) -> list[Primitive]:
    """Caption (8.5 Bold caps) over the 11.5 Bold lines, centred on ``cy`` as a block."""
    shown = lines or ("—",)
    n = len(shown)
    top = cy - 7.5 - 5.5 * min(n - 1, 1) - L.MARKER_LEADING / 2 * max(n - 2, 0)
    items: list[Primitive] = [Text(x, top, caption, 8.5, P.INK_500, True, anchor)]
    for i, line in enumerate(shown):
        items.append(Text(x, top + 16 + L.MARKER_LEADING * i, line, L.MARKER_SIZE,
                          P.INK_900 if lines else P.INK_400, True, anchor))
    return items


def step_marker(x: float, cy: float, step: int) -> tuple[list[Primitive], float]:
    """The step disc; numbers of two or more digits get a pill so they stay inside."""
    w = L.step_width(step)
    if w == 16.0:
        return C.step_disc(x + 8, cy, step), w
    return [Rect(x, cy - 8, w, 16, fill=P.INK_700, radius=8),
            Text(x + w / 2, C.centred_baseline(cy, 10), str(step), 10, P.CANVAS, True, "middle")], w


def _span(n: int) -> float:
    """Width taken by ``n`` badges side by side."""
    return n * BADGE_PITCH - 4 if n else 0.0


def _more_w(n: int) -> float:
    return text_width(f"+{n}", 10.5)


def stream_drawing(doc: DocumentModel) -> Drawing:
    """The whole stream view of ``doc``."""
    return StreamRenderer(doc).drawing()


__all__ = ["StreamRenderer", "stream_drawing"]
