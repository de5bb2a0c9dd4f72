"""Where a dragged thing would land: pure drop targets computed from a layout.

A drag on the canvas asks these functions, on every mouse move, which edit a release at the
pointer would make and where to draw the drop indicator; the release turns the last answer
into one command. Keeping this here (no Qt) makes every rule testable without a scene.

Chain view: the pointer's row is the target stream and its column the target lane. In a cell
that already holds cards the stage goes into the gap nearest the pointer (a bar marks the
gap; see _between_cards). In an empty cell the stage keeps its place in its own stream, or,
in another stream, goes before the first stage that sits further right in chain order
(a card-sized slot marks the cell). Stream view: the row is the stream and x is the order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from vscdesk.layout import metrics as M
from vscdesk.layout.chain import UNASSIGNED, CardGeom, ChainLayout, RowGeom
from vscdesk.layout.geometry import Box
from vscdesk.layout.stream import CHEVRON_POINT, StreamLayout
from vscdesk.model import DocumentModel

BAR = 4.0  # thickness of an insertion bar


@dataclass(frozen=True, slots=True)
class StageDrop:
    """Releasing here moves the stage to ``index`` of ``stream_id`` (counted without it),
    in ``lane_id`` (None: no lane); ``marker`` is a bar, or a card-sized slot if ``slot``."""

    stream_id: str
    index: int
    lane_id: str | None
    marker: Box
    slot: bool = False


@dataclass(frozen=True, slots=True)
class ListDrop:
    """Releasing here moves a lane or stream to ``index`` (counted without it)."""

    index: int
    marker: Box


def _nearest(spans: Sequence[tuple[float, float]], v: float) -> int:
    """Index of the span containing ``v``, or the closest one."""
    best, best_d = 0, float("inf")
    for i, (a, b) in enumerate(spans):
        d = 0.0 if a <= v <= b else min(abs(v - a), abs(v - b))
        if d < best_d:
            best, best_d = i, d
    return best


def _stream_positions(doc: DocumentModel, stream_id: str) -> dict[str, int]:
    stream = next(s for s in doc.streams if s.id == stream_id)
    return {stage.id: i for i, stage in enumerate(stream.stages)}


def _current(doc: DocumentModel, stage_id: str) -> tuple[str, int, str | None]:
    for stream in doc.streams:
        for i, stage in enumerate(stream.stages):
            if stage.id == stage_id:
                return stream.id, i, stage.lane
    raise KeyError(stage_id)


def _without(index: int, same_stream: bool, old_pos: int) -> int:
    """A position among all stages of the stream, counted without the moving stage."""
    return index - 1 if same_stream and old_pos < index else index


def chain_stage_drop(doc: DocumentModel, layout: ChainLayout, stage_id: str,
                     x: float, y: float) -> StageDrop | None:
    """Where a stage dragged in the chain view would go if released at (x, y)."""
    if not layout.rows or not layout.lanes or x < M.LANES_X - M.GUTTER:
        return None
    row = layout.rows[_nearest([(r.band.y, r.band.bottom) for r in layout.rows], y)]
    lane = layout.lanes[_nearest([(g.column.x, g.column.right) for g in layout.lanes], x)]
    old_stream, old_pos, _old_lane = _current(doc, stage_id)
    same = row.stream_id == old_stream
    lane_id = lane.id or None
    card_y = row.band.y + row.top_channel
    others = sorted((c for c in layout.cards.values() if c.stream_id == row.stream_id
                     and c.lane_id == lane.id and c.stage_id != stage_id), key=lambda c: c.step)
    if others:
        return _between_cards(doc, others, row, lane_id, x, card_y, same, old_pos)
    slot = Box(lane.column.cx - M.CARD_W / 2, card_y, M.CARD_W, M.CARD_H)
    if same:
        return StageDrop(row.stream_id, old_pos, lane_id, slot, True)
    return StageDrop(row.stream_id, _by_chain_order(doc, row.stream_id, lane.id), lane_id,
                     slot, True)


def _between_cards(doc: DocumentModel, others: list[CardGeom], row: RowGeom,
                   lane_id: str | None, x: float, card_y: float, same: bool,
                   old_pos: int) -> StageDrop:
    """Drop into a cell with cards, in the gap nearest the pointer.

    Between two cards any stream position from just after the left one to just before the
    right one shows the same picture; a stage already in that range keeps its position, one
    from elsewhere in the stream takes the nearest end of it, and one from another stream goes
    right after the left card."""
    positions = _stream_positions(doc, row.stream_id)
    k = sum(1 for c in others if c.box.cx < x)
    if k == 0:
        lo = hi = positions[others[0].stage_id]
        bar_x = others[0].box.x - M.CARD_GAP / 2
    elif k == len(others):
        lo = hi = positions[others[-1].stage_id] + 1
        bar_x = others[-1].box.right + M.CARD_GAP / 2
    else:
        lo, hi = positions[others[k - 1].stage_id] + 1, positions[others[k].stage_id]
        bar_x = (others[k - 1].box.right + others[k].box.x) / 2
    lo, hi = _without(lo, same, old_pos), _without(hi, same, old_pos)
    index = min(max(old_pos, lo), hi) if same else lo
    marker = Box(bar_x - BAR / 2, card_y - 4, BAR, M.CARD_H + 8)
    return StageDrop(row.stream_id, index, lane_id, marker)


def _by_chain_order(doc: DocumentModel, stream_id: str, lane_key: str) -> int:
    """Before the first stage whose lane lies further right in chain order (else at the end)."""
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    last = len(order)
    target = order.get(lane_key, last) if lane_key != UNASSIGNED else last
    stream = next(s for s in doc.streams if s.id == stream_id)
    for i, stage in enumerate(stream.stages):
        if order.get(stage.lane or "", last) > target:
            return i
    return len(stream.stages)


def stream_stage_drop(doc: DocumentModel, layout: StreamLayout, stage_id: str,
                      x: float, y: float) -> StageDrop | None:
    """Where a chevron dragged in the stream view would go: x is the order, y the stream."""
    if not layout.blocks:
        return None
    block = layout.blocks[_nearest([(b.header.y, b.row.bottom) for b in layout.blocks], y)]
    _old_stream, _old_pos, old_lane = _current(doc, stage_id)
    others = [layout.chevrons[s] for s in block.stages if s != stage_id]
    top = block.row.y
    if not others:
        first = block.placeholder or layout.chevrons[stage_id].box
        return StageDrop(block.stream_id, 0, old_lane,
                         Box(first.x, top, first.w, first.h), True)
    k = sum(1 for c in others if c.box.cx < x)
    if k < len(others):
        bar_x = others[k].box.x + CHEVRON_POINT / 2
    else:
        bar_x = others[-1].box.right - CHEVRON_POINT / 2 + 6
    marker = Box(bar_x - BAR / 2, top - 6, BAR, others[0].box.h + 12)
    return StageDrop(block.stream_id, k, old_lane, marker)


def list_drop(spans: Sequence[tuple[str, float, float]], ident: str, pos: float,
              across: tuple[float, float], vertical: bool) -> ListDrop | None:
    """Reorder one of ``spans`` (id, start, end along the list axis) to the pointer ``pos``.

    ``across`` is the extent of the marker perpendicular to the list; ``vertical`` says the
    marker is a vertical bar (lanes side by side) rather than a horizontal one (rows)."""
    if ident not in [s[0] for s in spans]:
        return None
    others = [s for s in spans if s[0] != ident]
    k = sum(1 for _i, a, b in others if (a + b) / 2 < pos)
    if not others:
        edge = spans[0][1]
    elif k < len(others):
        edge = others[k][1] - M.GUTTER / 2
    else:
        edge = others[-1][2] + M.GUTTER / 2
    a, b = across
    marker = (Box(edge - BAR / 2, a, BAR, b - a) if vertical
              else Box(a, edge - BAR / 2, b - a, BAR))
    return ListDrop(k, marker)


def chain_lane_drop(layout: ChainLayout, lane_id: str, x: float) -> ListDrop | None:
    """Reorder lanes by dragging a lane header along the columns."""
    lanes = [g for g in layout.lanes if g.id != UNASSIGNED]
    if not lanes:
        return None
    spans = [(g.id, g.column.x, g.column.right) for g in lanes]
    return list_drop(spans, lane_id, x, (lanes[0].column.y, lanes[0].column.bottom), True)


def chain_stream_drop(layout: ChainLayout, stream_id: str, y: float) -> ListDrop | None:
    """Reorder streams by dragging a row header up or down."""
    if not layout.rows:
        return None
    spans = [(r.stream_id, r.header.y, r.header.bottom) for r in layout.rows]
    right = layout.rows[0].band.right
    return list_drop(spans, stream_id, y, (M.MARGIN, right), False)


def stream_view_stream_drop(layout: StreamLayout, stream_id: str, y: float) -> ListDrop | None:
    """Reorder streams in the stream view by dragging a stream's header line."""
    if not layout.blocks:
        return None
    spans = [(b.stream_id, b.header.y, b.row.bottom) for b in layout.blocks]
    right = max(b.header.right for b in layout.blocks)
    return list_drop(spans, stream_id, y, (M.MARGIN, right), False)
