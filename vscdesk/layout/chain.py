"""Chain view layout: lanes as columns, streams as rows, a card where each stage's stream
crosses its lane, and arrows that follow each stream's order (loop-backs over the top).

A pure function of the document: the same document always gives the same geometry.
Sizes follow the visual language in docs/visual-language.md.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from vscdesk.layout import metrics as M
from vscdesk.layout.channels import ArrowGeom, route_row_arrows
from vscdesk.layout.geometry import Box
from vscdesk.layout.lane_groups import band_height, group_runs, run_boxes
from vscdesk.layout.links import BRACKET_ROOM, bracket_lanes
from vscdesk.layout.text import fit_name, text_width, wrap_whole
from vscdesk.model import DocumentModel, Stream

UNASSIGNED = ""  # the lane key of stages that belong to no lane


@dataclass(frozen=True, slots=True)
class LaneGeom:
    id: str  # UNASSIGNED for the "No activity" column
    index: int
    header: Box
    column: Box  # the lane's extent over all rows
    name: str  # the whole name
    stage_count: int
    name_lines: tuple[str, ...] = ()  # the name wrapped whole to the header's width
    name_size: float = M.LANE_NAME_SIZE  # smaller only for a name of more than six lines


@dataclass(frozen=True, slots=True)
class RowGeom:
    stream_id: str
    index: int
    header: Box
    band: Box  # the row across the lane area
    name_lines: tuple[str, ...]
    trigger: str
    value: str
    top_channel: float
    bottom_channel: float
    trigger_lines: tuple[str, ...] = ()  # the trigger and value wrapped whole
    value_lines: tuple[str, ...] = ()
    name_size: float = M.ROW_NAME_SIZE  # smaller only for a name of more than six lines
    card_h: float = M.CARD_H  # every card of a row is as tall as its longest name needs


@dataclass(frozen=True, slots=True)
class CardGeom:
    stage_id: str
    stream_id: str
    lane_id: str
    step: int  # 1-based position in the stream
    box: Box
    name_lines: tuple[str, ...]
    name_size: float = M.CARD_NAME_SIZE  # smaller only for a name of more than six lines


def card_name(name: str) -> tuple[float, tuple[str, ...]]:
    """(font size, lines) of a stage name on a card: whole, wrapped to the card's width."""
    return fit_name(name, M.CARD_NAME_SIZE, True, M.CARD_W - 2 * M.CARD_PAD)


def card_name_height(name: str) -> float:
    """How tall a card must be to show ``name`` whole."""
    size, lines = card_name(name)
    return M.card_height(len(lines), size)


def row_name(name: str) -> tuple[float, tuple[str, ...]]:
    """(font size, lines) of a stream name in its row header."""
    return fit_name(name, M.ROW_NAME_SIZE, True, M.ROW_TEXT_W)


def lane_name(name: str, width: float) -> tuple[float, tuple[str, ...]]:
    """(font size, lines) of a lane name in a header ``width`` wide: whole, wrapped."""
    return fit_name(name, M.LANE_NAME_SIZE, True, width - 2 * M.LANE_INSET)


def lane_header_height(fitted: list[tuple[float, tuple[str, ...]]]) -> float:
    """The one height of every lane header: the mockup's 46 for one line of name, more for
    the longest wrapped name, so the headers stay aligned."""
    return max([M.HEADER_H] + [M.HEADER_H + M.lane_name_leading(size) * (len(lines) - 1)
                               for size, lines in fitted])


def end_lines(text: str) -> tuple[str, ...]:
    """A trigger or value in a row header, wrapped whole beside its icon."""
    return tuple(wrap_whole(text, M.SMALL_SIZE, False, M.ROW_TEXT_W - 22))


@dataclass(frozen=True, slots=True)
class ChainLayout:
    width: float
    height: float
    corner: Box  # the tile above the row headers
    lanes: tuple[LaneGeom, ...]
    rows: tuple[RowGeom, ...]
    cards: dict[str, CardGeom]
    arrows: tuple[ArrowGeom, ...]
    legend_y: float
    margin: Box | None = None  # Porter's "Margin" at the end of the chain, when it has one
    header_h: float = M.HEADER_H  # every lane header as tall as the longest name needs
    header_y: float = M.HEADER_Y  # lower when lane groups are named above the headers
    group_runs: tuple[tuple[str, Box], ...] = ()  # (group id, its lanes' headers) per run


MARGIN_POINT = 22  # how far the margin's arrowhead end reaches past its straight part


def margin_width(text: str) -> float:
    """The margin column: its word (13 Bold) inset like a lane name, then the point; whole
    pixels, so the columns after it add up exactly to the drawing's width."""
    word = text_width(text, M.LANE_NAME_SIZE, True)
    return math.ceil(max(word + 2 * M.LANE_INSET, 64.0)) + MARGIN_POINT


def lane_keys(doc: DocumentModel) -> list[str]:
    """Lane ids in chain order, plus UNASSIGNED at the end when some stage has no lane."""
    keys = [lane.id for lane in doc.chain.lanes]
    if any(stage.lane is None for s in doc.streams for stage in s.stages):
        keys.append(UNASSIGNED)
    return keys


def _cells(stream: Stream) -> dict[str, list[int]]:
    """Lane key -> positions of the stream's stages in that lane, in stream order."""
    cells: dict[str, list[int]] = {}
    for i, stage in enumerate(stream.stages):
        cells.setdefault(stage.lane or UNASSIGNED, []).append(i)
    return cells


def _lane_widths(keys: list[str], names: dict[str, str], cells: list[dict[str, list[int]]],
                 min_area: float, room: dict[str, float]) -> list[float]:
    """Each lane as wide as its busiest cell (and the room a link bracket needs beside its
    cards), and wide enough for its name up to a limit."""
    busiest = {key: max([len(c.get(key, ())) for c in cells] + [1]) for key in keys}
    widths = [max(2 * M.CELL_PAD + busiest[k] * M.CARD_W + (busiest[k] - 1) * M.CARD_GAP
                  + room.get(k, 0.0),
                  min(text_width(names[k], M.LANE_NAME_SIZE, True), M.LANE_NAME_MAX)
                  + 2 * M.LANE_INSET)
              for k in keys]
    natural = sum(widths) + M.GUTTER * max(len(keys) - 1, 0)
    if keys and natural < min_area:
        extra = (min_area - natural) / len(keys)
        widths = [w + extra for w in widths]
    return widths


def layout_chain(doc: DocumentModel, min_width: float = M.MIN_WIDTH) -> ChainLayout:
    """Place every lane, stream row, stage card and arrow of the chain view."""
    keys = lane_keys(doc)
    names = {lane.id: lane.name for lane in doc.chain.lanes} | {UNASSIGNED: "No activity"}
    cells = [_cells(stream) for stream in doc.streams]
    margin_w = margin_width(doc.chain.margin) + M.GUTTER if doc.chain.margin.strip() else 0.0
    room: dict[str, float] = dict.fromkeys(bracket_lanes(doc), BRACKET_ROOM)
    widths = _lane_widths(keys, names, cells, min_width - M.LANES_X - M.MARGIN - margin_w, room)
    xs: list[float] = []
    x: float = M.LANES_X
    for w in widths:
        xs.append(x)
        x += w + M.GUTTER
    area_right = (xs[-1] + widths[-1]) if keys else min_width - M.MARGIN - margin_w
    lane_x = dict(zip(keys, xs))
    lane_w = dict(zip(keys, widths))
    lane_names = {key: lane_name(names[key], lane_w[key]) for key in keys}
    header_h = lane_header_height(list(lane_names.values()))
    runs = group_runs(doc, keys, lane_x, lane_w)
    header_y = M.HEADER_Y + band_height(doc, runs)

    rows, cards = [], {}
    arrows: list[ArrowGeom] = []
    y = header_y + header_h + M.GUTTER
    for index, (stream, cell) in enumerate(zip(doc.streams, cells)):
        fitted = [card_name(stage.name) for stage in stream.stages]
        card_h = max([M.card_height(len(lines), size) for size, lines in fitted] + [M.CARD_H])
        row_cards = _place_cards(stream, cell, lane_x, lane_w, card_h, room)
        routed = route_row_arrows(stream.id, [(s.id, row_cards[s.id]) for s in stream.stages])
        name_size, header_lines = row_name(stream.name)
        trigger, value = end_lines(stream.trigger), end_lines(stream.value)
        leading = M.ROW_NAME_LEADING * name_size / M.ROW_NAME_SIZE
        height = max(routed.top + card_h + routed.bottom,
                     M.row_header_height(len(header_lines), len(trigger), len(value), leading))
        top_channel = routed.top + (height - routed.top - card_h - routed.bottom) / 2
        for sid, box in row_cards.items():
            row_cards[sid] = Box(box.x, y + top_channel, box.w, box.h)
        for step, (stage, (size, lines)) in enumerate(zip(stream.stages, fitted), start=1):
            cards[stage.id] = CardGeom(stage.id, stream.id, stage.lane or UNASSIGNED, step,
                                       row_cards[stage.id], lines, size)
        arrows.extend(a.placed(row_cards) for a in routed.arrows)
        rows.append(RowGeom(
            stream.id, index, Box(M.MARGIN, y, M.ROW_HEADER_W, height),
            Box(M.LANES_X, y, area_right - M.LANES_X, height), header_lines,
            stream.trigger, stream.value, top_channel, height - top_channel - card_h,
            trigger, value, name_size, card_h,
        ))
        y += height + M.GUTTER

    rows_bottom = y - M.GUTTER if doc.streams else header_y + header_h + 80
    lanes = []
    for i, key in enumerate(keys):
        count = sum(len(c.get(key, ())) for c in cells)
        header = Box(lane_x[key], header_y, lane_w[key], header_h)
        size, lines = lane_names[key]
        lanes.append(LaneGeom(
            key, i, header, Box(header.x, header.y, header.w, rows_bottom - header.y),
            names[key], count, lines, size,
        ))
    margin = (Box(area_right + M.GUTTER, header_y, margin_w - M.GUTTER,
                  rows_bottom - header_y) if margin_w else None)
    width = area_right + margin_w + M.MARGIN
    legend_y = rows_bottom + M.LEGEND_GAP
    return ChainLayout(
        width, legend_y + M.LEGEND_H + M.MARGIN,
        Box(M.MARGIN, header_y, M.ROW_HEADER_W, header_h),
        tuple(lanes), tuple(rows), cards, tuple(arrows), legend_y, margin, header_h,
        header_y, run_boxes(runs, header_y, header_h),
    )


def _place_cards(stream: Stream, cell: dict[str, list[int]], lane_x: dict[str, float],
                 lane_w: dict[str, float], card_h: float,
                 room: dict[str, float]) -> dict[str, Box]:
    """Card boxes of one stream, centred in their cells left of any bracket room (y is
    relative to the card row)."""
    placed: dict[str, Box] = {}
    for key, positions in cell.items():
        total = len(positions) * M.CARD_W + (len(positions) - 1) * M.CARD_GAP
        x = lane_x[key] + (lane_w[key] - room.get(key, 0.0) - total) / 2
        for pos in positions:
            placed[stream.stages[pos].id] = Box(x, 0.0, M.CARD_W, card_h)
            x += M.CARD_W + M.CARD_GAP
    return placed
