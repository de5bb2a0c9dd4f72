"""The chain view as a display list: title, lanes, stream rows, stage cards and arrows."""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from vscdesk.layout import metrics as M
from vscdesk.layout.chain import (
    UNASSIGNED, CardGeom, ChainLayout, LaneGeom, RowGeom, card_name, layout_chain,
)
from vscdesk.layout.channels import LOOP, NEXT, ArrowGeom
from vscdesk.layout.geometry import Box
from vscdesk.model import DocumentModel, Stage, Stream
from vscdesk.model.queries import initials
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.labels import headline_sla, loop_backs, plural, sla_label
from vscdesk.render.lane_groups import group_labels, margin_group, support_hatch, support_lanes
from vscdesk.render.legend import legend_group, title_group
from vscdesk.render.links import link_groups
from vscdesk.render.primitives import Drawing, Group, Path, Primitive, Rect, Stroke, Text

FORWARD = Stroke(P.INK_700, 1.5)
RETURN = Stroke(P.ACCENT, 1.75, (6, 4))
MAX_BADGES = 5
ARROW_CLEAR = 7.0  # a link label keeps this far (plus its own clearance) from stream arrows


class ChainRenderer:
    """Turns one document and its chain layout into groups; one group per canvas item."""

    def __init__(self, doc: DocumentModel, layout: ChainLayout | None = None) -> None:
        self.doc = doc
        self.layout = layout or layout_chain(doc)
        self.lanes = {lane.id: lane for lane in doc.chain.lanes}
        self.lane_order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
        self.people = {p.id: p for p in doc.stakeholders}
        self._rows_at: dict[str, RowGeom] | None = None
        self.support = support_lanes(doc)

    def drawing(self) -> Drawing:
        groups: list[Group] = [title_group(self.doc, "chain", self.layout.width), self.corner()]
        labels = group_labels(self.doc, self.layout)
        if labels is not None:
            groups.append(labels)
        groups += [self.lane(g) for g in self.layout.lanes]
        if self.layout.margin is not None:
            groups.append(margin_group(self.doc.chain.margin, self.layout.margin,
                                       self.layout.header_h))
        streams = {s.id: s for s in self.doc.streams}
        groups += [self.row(g, streams[g.stream_id]) for g in self.layout.rows]
        groups += [self.arrow(a) for a in self.layout.arrows]
        for stream in self.doc.streams:
            groups += [self.card(self.layout.cards[s.id], s) for s in stream.stages]
        groups += link_groups(self.doc, {sid: c.box for sid, c in self.layout.cards.items()},
                              self.link_area(), self.arrow_legs())
        hint = self.empty_hint()
        if hint is not None:
            groups.append(hint)
        legend = legend_group(self.doc, "chain", self.layout.legend_y, self.layout.width)
        groups.append(legend)
        height = max(self.layout.height, legend.y + legend.bounds[3] + M.MARGIN)
        return Drawing(self.layout.width, height, tuple(groups), self.doc.title)

    def empty_hint(self) -> Group | None:
        """What to do next in a document without lanes or streams, instead of a blank grid."""
        if not self.doc.chain.lanes:
            text = "No activities yet: add a lane (Ctrl+Shift+L) for each activity of the value chain."
        elif not self.doc.streams:
            text = "No value streams yet: add a stream (Ctrl+Shift+R), then its stages (Insert)."
        else:
            return None
        top = self.layout.header_y + self.layout.header_h + M.GUTTER
        width = self.layout.width - M.LANES_X - M.MARGIN
        items = (Rect(0, 0, width, 64, fill=P.CANVAS, stroke=Stroke(P.INK_300, 1, (4, 3)),
                      radius=M.TILE_RADIUS),
                 Text(width / 2, C.centred_baseline(32, 12.5), text, 12.5, P.INK_500, False,
                      "middle"))
        return Group("empty-hint", "hint", M.LANES_X, top + 8, (0, 0, width, 64), items, z=1)

    def arrow_legs(self) -> list[Box]:
        """Thin boxes along every stream arrow: a link label must not sit on one, where it
        would read as that arrow's label."""
        legs = []
        for arrow in self.layout.arrows:
            for (x0, y0), (x1, y1) in zip(arrow.points, arrow.points[1:]):
                legs.append(Box(min(x0, x1) - ARROW_CLEAR, min(y0, y1) - ARROW_CLEAR,
                                abs(x1 - x0) + 2 * ARROW_CLEAR, abs(y1 - y0) + 2 * ARROW_CLEAR))
        return legs

    def link_area(self) -> Box:
        """Where link labels may go: over the lanes, below their headers, above the legend."""
        top = self.layout.header_y + self.layout.header_h
        rows = self.layout.rows
        bottom = rows[-1].band.bottom if rows else top + 80
        return Box(M.LANES_X, top, self.layout.width - M.LANES_X - M.MARGIN, bottom - top)

    def card_lines(self, stage: Stage) -> tuple[str, ...]:
        """The wrapped name of a stage card, as the layout would place it."""
        return card_name(stage.name)[1]

    def relabel(self, card: CardGeom, stage: Stage) -> CardGeom:
        """The same card with the stage's current name; remembered for the next edit."""
        size, lines = card_name(stage.name)
        card = replace(card, name_lines=lines, name_size=size)
        self.layout.cards[stage.id] = card
        return card

    def restage(self, stage: Stage, stream: Stream) -> list[Group] | None:
        """The groups an edit of ``stage`` changes, when it moves nothing: its card and its
        stream's row; None when it may move something (a new lane, a stage not drawn, a
        name that needs a taller row, or the row's tallest name that got shorter)."""
        card = self.layout.cards.get(stage.id)
        if card is None or (stage.lane or "") != card.lane_id:
            return None
        before = M.card_height(len(card.name_lines), card.name_size)
        size, lines = card_name(stage.name)
        after = M.card_height(len(lines), size)
        if after > card.box.h or (after != before and before >= card.box.h):
            return None
        card = self.relabel(card, stage)
        if self._rows_at is None:
            self._rows_at = {row.stream_id: row for row in self.layout.rows}
        return [self.card(card, stage), self.row(self._rows_at[stream.id], stream)]

    def lane_colors(self, lane_id: str) -> P.LaneColors:
        lane = self.lanes.get(lane_id)
        return P.lane_colors(lane.color) if lane else P.UNASSIGNED_LANE

    def corner(self) -> Group:
        box = self.layout.corner
        items = (Text(18, 22, "Value stream", 11, P.INK_500, True),
                 Text(18, 36, "trigger → value", 10.5, P.INK_400))
        return Group("corner", "corner", box.x, box.y, (0, 0, box.w, box.h), items)

    def lane(self, g: LaneGeom) -> Group:
        colors = self.lane_colors(g.id)
        h = g.header
        items: list[Primitive] = [Rect(0, 0, h.w, h.h, fill=colors.head, radius=M.TILE_RADIUS)]
        for row in self.layout.rows:
            items.append(Rect(0, row.band.y - h.y, h.w, row.band.h, fill=colors.tint,
                              radius=M.TILE_RADIUS))
            if g.id in self.support:  # a support activity serves the whole chain: hatched
                items.append(support_hatch(2, row.band.y - h.y + 2, h.w - 4, row.band.h - 4,
                                           colors.ink))
        leading = M.lane_name_leading(g.name_size)
        for i, line in enumerate(g.name_lines or (g.name,)):
            items.append(Text(M.LANE_INSET, M.LANE_NAME_TOP + i * leading, line, g.name_size,
                              colors.ink, True))
        count_y = M.LANE_NAME_TOP + 14 + leading * (len(g.name_lines or (g.name,)) - 1)
        items.append(Text(M.LANE_INSET, count_y, plural(g.stage_count, "stage"), 10.5,
                          P.INK_500))
        col = g.column
        return Group(f"lane:{g.id}", "lane", h.x, h.y, (0, 0, col.w, col.h), tuple(items),
                     z=0, ref=g.id or None, title=g.name)

    def row(self, g: RowGeom, stream: Stream) -> Group:
        b = g.header
        items: list[Primitive] = [Rect(0, 0, b.w, b.h, fill=P.INK_50, radius=M.TILE_RADIUS)]
        if stream.kind == "customer":
            items.append(Rect(0, 0, 4, b.h, fill=P.INK_700))
        else:
            items.append(Path((("M", 1.5, 0), ("L", 1.5, b.h)), stroke=Stroke(P.INK_400, 3, (6, 4))))
        tag, _ = C.kind_tag(M.ROW_PAD, M.ROW_PAD, stream.kind)
        items += tag
        leading = M.ROW_NAME_LEADING * g.name_size / M.ROW_NAME_SIZE
        y: float = M.ROW_PAD + 16 + 12 + 11
        for line in g.name_lines:
            items.append(Text(M.ROW_PAD, y, line, g.name_size, P.INK_900, True))
            y += leading
        y += 2
        for icon, lines in ((C.trigger_icon, g.trigger_lines), (C.value_icon, g.value_lines)):
            items.append(icon(M.ROW_PAD, y))
            for i, text in enumerate(lines or ("—",)):
                items.append(Text(M.ROW_PAD + 22, C.centred_baseline(y, M.SMALL_SIZE) + i
                                  * M.SMALL_LEADING, text, M.SMALL_SIZE,
                                  P.INK_700 if lines else P.INK_400))
            y += 20 + M.SMALL_LEADING * max(len(lines) - 1, 0)
        stats = plural(len(stream.stages), "stage")
        backs = loop_backs(stream, self.lane_order)
        if backs:
            stats += f" · {plural(backs, 'loop-back')}"
        items.append(Text(M.ROW_PAD, y + 12, stats, 10.5, P.INK_500))
        return Group(f"row:{stream.id}", "row", b.x, b.y, (0, 0, b.w, b.h), tuple(items),
                     ref=stream.id, title=stream.name)

    def card(self, g: CardGeom, stage: Stage) -> Group:
        # Every card draws its pieces at the same local places, so pieces are shared values
        # (cached by what they show): a 10,000-stage map builds a few hundred, not 150,000.
        b = g.box
        items = [*_card_face(b.w, b.h), *_step(g.step)]
        shown = headline_sla(stage.slas)
        if shown is not None:
            items += _card_pill(b.w, sla_label(shown[0]), shown[1])
        items += _card_name(g.name_lines, g.name_size)
        items += self.badges(stage, b.h - 20)
        return Group(f"stage:{stage.id}", "stage", b.x, b.y, (-1, -1, b.w + 2, b.h + 3),
                     tuple(items), z=2, ref=stage.id, title=stage.name)

    def badges(self, stage: Stage, cy: float) -> tuple[Primitive, ...]:
        refs = [self.people[r.stakeholder] for r in stage.stakeholders if r.stakeholder in self.people]
        seen, unique = set(), []
        for person in refs:
            if person.id not in seen:
                seen.add(person.id)
                unique.append((initials(person), person.external))
        return _badges(tuple(unique), cy)

    def arrow(self, a: ArrowGeom) -> Group:
        stroke = RETURN if a.kind == LOOP else FORWARD
        xs = [p[0] for p in a.points]
        ys = [p[1] for p in a.points]
        x0, y0 = min(xs), min(ys)
        local = tuple((x - x0, y - y0) for x, y in a.points)
        items = _arrow_items(local, 0 if a.kind == NEXT else a.radius, stroke)
        pad = 6
        return Group(f"arrow:{a.source}>{a.target}", "arrow", x0, y0,
                     (-pad, -pad, max(xs) - x0 + 2 * pad, max(ys) - y0 + 2 * pad), items, z=1,
                     ref=a.stream_id)


@lru_cache(maxsize=8192)
def _arrow_items(local: tuple[tuple[float, float], ...], radius: float,
                 stroke: Stroke) -> tuple[Primitive, ...]:
    """An arrow's shapes in its own coordinates: shared by arrows of the same shape (a
    10,000-stage map has under a thousand shapes among its 10,000 arrows)."""
    return tuple(C.arrow(list(local), radius, stroke))


@lru_cache(maxsize=64)
def _card_face(w: float, h: float) -> tuple[Primitive, ...]:
    return (Rect(0, 1.5, w, h, fill=P.INK_900, radius=6, opacity=0.07),
            Rect(0, 0, w, h, fill=P.CANVAS, stroke=Stroke(P.INK_200, 1), radius=6))


@lru_cache(maxsize=1024)
def _step(step: int) -> tuple[Primitive, ...]:
    return tuple(C.step_disc(M.CARD_PAD + 8, M.CARD_PAD + 8, step))


@lru_cache(maxsize=4096)
def _card_pill(card_w: float, label: str, status: str) -> tuple[Primitive, ...]:
    max_w = card_w - 2 * M.CARD_PAD - 22
    width = C.pill_width(label)
    pill, _ = C.sla_pill(card_w - M.CARD_PAD - min(width, max_w), M.CARD_PAD + 8, label,
                         status, max_w=max_w)
    return tuple(pill)


@lru_cache(maxsize=16384)
def _card_name(lines: tuple[str, ...], size: float) -> tuple[Primitive, ...]:
    leading = M.name_leading(size)
    return tuple(Text(M.CARD_PAD, M.CARD_NAME_TOP + i * leading, line, size, P.INK_900, True)
                 for i, line in enumerate(lines))


@lru_cache(maxsize=4096)
def _badges(people: tuple[tuple[str, bool], ...], cy: float) -> tuple[Primitive, ...]:
    """Badges of (initials, external) stakeholders, the last as "+n" when there are many."""
    shown = people if len(people) <= MAX_BADGES else people[:MAX_BADGES - 1]
    items: list[Primitive] = []
    x = M.CARD_PAD + 10
    for letters, external in shown:
        items += C.badge(x, cy, letters, external)
        x += 24
    if len(shown) < len(people):
        items.append(Text(x - 6, C.centred_baseline(cy, 10.5), f"+{len(people) - len(shown)}",
                          10.5, P.INK_500))
    return tuple(items)


def chain_drawing(doc: DocumentModel) -> Drawing:
    """The whole chain view of ``doc``."""
    return ChainRenderer(doc).drawing()


__all__ = ["UNASSIGNED", "ChainRenderer", "chain_drawing"]


def lane_header_height(group: Group) -> float:
    """How tall the header tile of a lane group is (all alike; taller for long names): its
    first primitive is that tile."""
    first = group.items[0] if group.items else None
    return first.h if isinstance(first, Rect) else M.HEADER_H
