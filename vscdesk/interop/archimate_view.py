"""Where each element sits in the exported ArchiMate diagram: the chain view's geometry when the
layout package provides it, else a plain grid (lane column x stream row)."""

from __future__ import annotations

from vscdesk.model import DocumentModel

Rect = tuple[int, int, int, int]  # x, y, w, h in whole non-negative pixels

_CELL_W, _CELL_H, _GAP, _HEAD_W, _HEAD_H = 160, 80, 20, 200, 50


def view_geometry(doc: DocumentModel) -> dict[str, Rect]:
    """Rectangles of lane headers, stream row headers and stage cards, by our ids."""
    try:
        from vscdesk.layout.chain import layout_chain
    except ImportError:
        return grid_geometry(doc)
    layout = layout_chain(doc)
    rects: dict[str, Rect] = {}
    for lane in layout.lanes:
        if lane.id:
            rects[lane.id] = _whole(lane.header.x, lane.header.y, lane.header.w, lane.header.h)
    for row in layout.rows:
        rects[row.stream_id] = _whole(row.header.x, row.header.y, row.header.w, row.header.h)
    for stage_id, card in layout.cards.items():
        rects[stage_id] = _whole(card.box.x, card.box.y, card.box.w, card.box.h)
    return rects


def grid_geometry(doc: DocumentModel) -> dict[str, Rect]:
    """A simple grid: lane headers across the top, one row per stream, stages side by side."""
    column = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    unassigned = len(column)
    rects: dict[str, Rect] = {}
    for lane_id, i in column.items():
        rects[lane_id] = (_HEAD_W + _GAP + i * (_CELL_W + _GAP), 0, _CELL_W, _HEAD_H)
    y = _HEAD_H + _GAP
    for stream in doc.streams:
        per_cell: dict[int, int] = {}
        for stage in stream.stages:
            col = column.get(stage.lane or "", unassigned)
            per_cell[col] = per_cell.get(col, 0) + 1
        depth = max(per_cell.values(), default=1)
        rects[stream.id] = (0, y, _HEAD_W, depth * (_CELL_H + _GAP) - _GAP)
        seen: dict[int, int] = {}
        for stage in stream.stages:
            col = column.get(stage.lane or "", unassigned)
            k = seen[col] = seen.get(col, -1) + 1
            x = _HEAD_W + _GAP + col * (_CELL_W + _GAP)
            rects[stage.id] = (x, y + k * (_CELL_H + _GAP), _CELL_W, _CELL_H)
        y += depth * (_CELL_H + _GAP)
    return rects


def _whole(x: float, y: float, w: float, h: float) -> Rect:
    return (max(0, round(x)), max(0, round(y)), max(1, round(w)), max(1, round(h)))
