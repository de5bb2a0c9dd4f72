"""Stream view layout: each stream a block of chevrons in strict stage order, from a trigger
marker to a value marker, with step n of every stream at the same x.

A pure function of the document; sizes follow docs/visual-language.md ("Stream view").
"""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.layout import metrics as M
from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.links import LinkGeom
from vscdesk.layout.sla_text import pill_width, sla_label
from vscdesk.layout.stream_key import (  # the key's names re-exported for render and tests
    GROUP_LABEL_SIZE as GROUP_LABEL_SIZE, KEY_CY as KEY_CY, KEY_SIZE as KEY_SIZE,
    NO_ACTIVITY as NO_ACTIVITY, UNASSIGNED as UNASSIGNED, KeyGeom as KeyGeom, key_row,
)
from vscdesk.layout.stream_links import (
    Blocks, assign_tracks, channel_height, route_stream_links,
)
from vscdesk.layout.text import fit_name, text_width, wrap_whole
from vscdesk.model import DocumentModel, Stage, Stream


CHEVRON_W = 209
CHEVRON_H = 104
CHEVRON_POINT = 18  # depth of the left notch and of the right point
CHEVRON_PITCH = 197  # leaves a 6 px white gap between chevrons
CONTENT_LEFT = 28  # chevron content spans x + 28 ... x + w - 24
CONTENT_RIGHT = 24
NAME_SIZE = 13
NAME_BASELINES = (48, 64)
CAPTION_CY = 19
PILL_CY = CHEVRON_H - 21

TRIGGER_W = 136
TRIGGER_H = 60
MARKER_SIZE = 11.5
MARKER_TEXT_INSET = 22
TRIGGER_TEXT_W = TRIGGER_W - 2 * MARKER_TEXT_INSET  # keeps clear of the rounded right end
VALUE_TEXT_W = 130
VALUE_H = 64
VALUE_PAD = 22  # the ellipse is the text width + 44 wide
LINK_GAP = 3  # between a marker and its connector
TRIGGER_TO_CHEVRONS = 19
CHEVRONS_TO_VALUE = 25
CHEVRONS_X = M.MARGIN + TRIGGER_W + TRIGGER_TO_CHEVRONS

HEADER_H = 16
HEADER_NAME_SIZE = 16
HEADER_LEADING = 20  # between the lines of a stream name too long for one header line
HEADER_NAME_X = text_width("SUPPORTING", 8.5, True) + 14 + 12  # after the wider kind tag
HEADER_RESERVE = 540  # the header's right end: stats, "End to end" and the SLA pill
MARKER_LEADING = 15
NAME_LEADING = NAME_BASELINES[1] - NAME_BASELINES[0]
NAME_TO_BOTTOM = CHEVRON_H - NAME_BASELINES[1]  # last name line to the chevron's bottom
HEADER_GAP = 14  # header line to the chevron row
BLOCK_GAP = 38  # chevron row to the next block's header
FIRST_BLOCK_GAP = 36  # key row centre to the first header
LEGEND_GAP = 26


@dataclass(frozen=True, slots=True)
class ChevronGeom:
    stage_id: str
    stream_id: str
    lane_id: str  # UNASSIGNED when the stage has no lane
    step: int  # 1-based position in the stream
    box: Box
    name_lines: tuple[str, ...]
    returns: bool  # moves to a lane further left in chain order than the previous stage
    name_size: float = NAME_SIZE  # smaller only for a name of more than six lines
    caption: tuple[str, ...] = ()  # the activity's name in caps, wrapped whole

    @property
    def needs(self) -> float:
        """The height this chevron's caption and name need."""
        return chevron_height(len(self.name_lines), self.name_size, len(self.caption))


@dataclass(frozen=True, slots=True)
class BlockGeom:
    """One stream: header line, trigger, chevrons (or an empty placeholder) and value."""

    stream_id: str
    index: int
    header: Box
    trigger: Box
    trigger_lines: tuple[str, ...]  # empty when the stream names no trigger
    value: Box  # the bounding box of the value ellipse
    value_lines: tuple[str, ...]  # empty when the stream names no value (drawn as "—")
    stages: tuple[str, ...]
    placeholder: Box | None  # where "No stages yet" goes when the stream is empty
    link_in: tuple[Point, Point]  # trigger -> first chevron
    link_out: tuple[Point, Point]  # last chevron -> value
    rule_y: float | None  # the hairline under this block, if another block follows
    name_lines: tuple[str, ...] = ()  # the stream name wrapped whole in the header
    chevron_h: float = CHEVRON_H  # every chevron of a stream as tall as its longest name needs

    @property
    def row(self) -> Box:
        """The chevron row, from the trigger to the value marker."""
        h = max(self.chevron_h, self.trigger.h, self.value.h)
        return Box(self.trigger.x, self.trigger.cy - h / 2, self.value.right - self.trigger.x, h)


@dataclass(frozen=True, slots=True)
class StreamLayout:
    width: float
    height: float
    key_heading: tuple[float, float]  # (x, cy) of the "ACTIVITIES" heading
    keys: tuple[KeyGeom, ...]
    blocks: tuple[BlockGeom, ...]
    chevrons: dict[str, ChevronGeom]
    legend_y: float
    links: tuple[LinkGeom, ...] = ()  # routed under the rows (see layout/stream_links.py)
    key_groups: tuple[tuple[str, float, float], ...] = ()  # lane group names in the key


def chevron_points(box: Box, point: float = CHEVRON_POINT) -> tuple[Point, ...]:
    """The six corners of a chevron: notched left side, pointed right side."""
    x, y, w, h = box.x, box.y, box.w, box.h
    return ((x, y), (x + w - point, y), (x + w, y + h / 2), (x + w - point, y + h),
            (x, y + h), (x + point, y + h / 2))


def stream_lane_keys(doc: DocumentModel) -> list[str]:
    """Lane ids in chain order, plus UNASSIGNED when some stage has no lane."""
    keys = [lane.id for lane in doc.chain.lanes]
    if any(stage.lane is None for s in doc.streams for stage in s.stages):
        keys.append(UNASSIGNED)
    return keys


def returning_steps(stream: Stream, lane_order: dict[str, int]) -> list[bool]:
    """Per stage: does it move to a lane further left in chain order than the stage before?"""
    flags = [False] * len(stream.stages)
    for i in range(1, len(stream.stages)):
        a, b = stream.stages[i - 1].lane, stream.stages[i].lane
        if a in lane_order and b in lane_order and lane_order[b] < lane_order[a]:
            flags[i] = True
    return flags


def header_w(row_right: float, min_width: float) -> float:
    """A header spans the default width, or its own row when that is longer: the stats of a
    short stream stay near it even when another stream makes the drawing very wide."""
    return max(min_width - 2 * M.MARGIN, row_right - M.MARGIN)


def marker_height(base: float, lines: int) -> float:
    """A trigger or value marker grows by a line pitch for each line past two."""
    return base + MARKER_LEADING * max(lines - 2, 0)


def _value_box(text: str, right_of: float) -> tuple[Box, tuple[str, ...]]:
    lines = tuple(wrap_whole(text, MARKER_SIZE, True, VALUE_TEXT_W))
    text_w = max([text_width(line, MARKER_SIZE, True) for line in lines] + [0.0])
    width, height = text_w + 2 * VALUE_PAD, marker_height(VALUE_H, len(lines))
    if len(lines) > 2:  # the caption and the lines' corners stay well inside the ellipse
        block = 8.5 + 16 + MARKER_LEADING * (len(lines) - 1) + 3
        height = max(height, 1.45 * block)
        squeeze = (1 - (block / height) ** 2) ** 0.5
        width = max(width, text_w / squeeze + 16)
    return Box(right_of, 0.0, max(width, 80.0), height), lines


def _block_x(stream: Stream) -> tuple[float, Box, tuple[str, ...]]:
    """Right end of the chevron row and the value marker (y relative to the row centre)."""
    count = len(stream.stages)
    row_right = CHEVRONS_X + max(count - 1, 0) * CHEVRON_PITCH + CHEVRON_W
    box, lines = _value_box(stream.value, row_right + CHEVRONS_TO_VALUE)
    return row_right, box, lines


def chevron_fit(stage: Stage) -> tuple[float, tuple[str, ...]]:
    """(font size, lines) of a stage's name in its chevron, whole."""
    return fit_name(stage.name, NAME_SIZE, True, CHEVRON_W - CONTENT_LEFT - CONTENT_RIGHT)


def chevron_name(stage: Stage) -> tuple[str, ...]:
    """The wrapped name of a stage's chevron."""
    return chevron_fit(stage)[1]


CAPTION_SIZE = 9
CAPTION_LEADING = 11


def step_width(step: int) -> float:
    """The step marker: a disc, or a pill for numbers of two or more digits."""
    return max(16.0, text_width(str(step), 10, True) + 8)


def caption_x(step: int, returns: bool) -> float:
    """Where a chevron's activity caption starts: after the step marker and the return icon."""
    return CONTENT_LEFT + step_width(step) + 8 + (18 if returns else 0)


def chevron_caption(caption: str, step: int, returns: bool) -> tuple[str, ...]:
    """The activity name in caps over a chevron, whole: on a second line when it is long."""
    room = CHEVRON_W - CONTENT_RIGHT - caption_x(step, returns)
    return tuple(wrap_whole(caption.upper(), CAPTION_SIZE, True, room))


def name_top(caption_lines: int) -> float:
    """Baseline of a chevron's first name line, below a caption of one or more lines."""
    return NAME_BASELINES[0] + CAPTION_LEADING * max(caption_lines - 1, 0)


def chevron_height(lines: int, size: float = NAME_SIZE, caption_lines: int = 1) -> float:
    """A chevron tall enough for ``lines`` name lines: the mockup's 104 up to two lines."""
    leading = NAME_LEADING * size / NAME_SIZE
    need = name_top(caption_lines) + leading * max(lines - 1, 0) + NAME_TO_BOTTOM
    return max(float(CHEVRON_H), need)


STATS_SIZE = 11
PILL_MAX_W = 160  # the end-to-end SLA pill is elided to this width


def header_stats(stream: Stream, lane_order: dict[str, int]) -> str:
    """The stats at the header's right end: stages, activities and loop-backs."""
    def count(n: int, word: str, many: str) -> str:
        return f"{n} {word if n == 1 else many}"

    lanes = {s.lane for s in stream.stages if s.lane}
    parts = [count(len(stream.stages), "stage", "stages"),
             count(len(lanes), "activity", "activities")]
    backs = sum(returning_steps(stream, lane_order))
    if backs:
        parts.append(count(backs, "loop-back", "loop-backs"))
    return " · ".join(parts)


def header_end_width(stream: Stream, lane_order: dict[str, int]) -> float:
    """At most how wide the text at the header's right end is: the stats, and "End to end"
    with its SLA pill when the stream has SLAs."""
    width = text_width(header_stats(stream, lane_order), STATS_SIZE)
    if stream.slas:  # the pill shows one of them: the widest bounds it
        pill = min(max(pill_width(sla_label(sla)) for sla in stream.slas), PILL_MAX_W)
        width += pill + 8 + text_width("End to end", STATS_SIZE) + 24
    return width


def header_lines(stream: Stream, header: float) -> tuple[str, ...]:
    """The stream name in its header, whole: beside the stats when it fits, else wrapped."""
    room = header - HEADER_NAME_X - HEADER_RESERVE
    return tuple(wrap_whole(stream.name, HEADER_NAME_SIZE, True, max(room, 200.0)))


def layout_stream(doc: DocumentModel, min_width: float = M.MIN_WIDTH) -> StreamLayout:
    """Place the key, every stream block, every chevron and the legend of the stream view."""
    keys = stream_lane_keys(doc)
    lane_order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    xs = [_block_x(stream) for stream in doc.streams]
    width = max([min_width] + [box.right + M.MARGIN for _, box, _ in xs])
    key_geoms, key_groups, key_cy = key_row(doc, keys, width)
    heads = [M.MARGIN + header_w(box.right, min_width) for _, box, _ in xs]
    passing = Blocks(tuple(box.right for _, box, _ in xs),
                     tuple(right - header_end_width(stream, lane_order)
                           for right, stream in zip(heads, doc.streams)), tuple(heads))
    _tracks, link_tracks = assign_tracks(doc, CHEVRON_PITCH, CHEVRONS_X, CHEVRON_W, passing)
    row_bottoms = []

    blocks, chevrons = [], {}
    names_by_lane = {lane.id: lane.name for lane in doc.chain.lanes}
    y = key_cy + FIRST_BLOCK_GAP
    for index, (stream, (row_right, value, value_lines)) in enumerate(zip(doc.streams, xs)):
        head_w = header_w(value.right, min_width)
        names = header_lines(stream, head_w)
        head_h = HEADER_H + HEADER_LEADING * max(len(names) - 1, 0)
        fitted = [chevron_fit(stage) for stage in stream.stages]
        returns = returning_steps(stream, lane_order)
        captions = [chevron_caption(names_by_lane.get(stage.lane or UNASSIGNED, NO_ACTIVITY),
                                    step, back)
                    for step, (stage, back) in enumerate(zip(stream.stages, returns), start=1)]
        chevron_h = max([chevron_height(len(lines), size, len(cap))
                         for (size, lines), cap in zip(fitted, captions)] + [float(CHEVRON_H)])
        trigger_lines = tuple(wrap_whole(stream.trigger, MARKER_SIZE, True, TRIGGER_TEXT_W))
        trigger_h = marker_height(TRIGGER_H, len(trigger_lines))
        row_h = max(chevron_h, trigger_h, value.h)
        row_y = y + head_h + HEADER_GAP
        cy = row_y + row_h / 2
        top = cy - chevron_h / 2
        for step, (stage, (size, lines)) in enumerate(zip(stream.stages, fitted), start=1):
            box = Box(CHEVRONS_X + (step - 1) * CHEVRON_PITCH, top, CHEVRON_W, chevron_h)
            chevrons[stage.id] = ChevronGeom(stage.id, stream.id, stage.lane or UNASSIGNED, step,
                                             box, lines, returns[step - 1], size,
                                             captions[step - 1])
        channel = channel_height(link_tracks.get(index, 0))
        row_bottoms.append(row_y + row_h)
        trigger = Box(M.MARGIN, cy - trigger_h / 2, TRIGGER_W, trigger_h)
        value = Box(value.x, cy - value.h / 2, value.w, value.h)
        last = index == len(doc.streams) - 1
        blocks.append(BlockGeom(
            stream.id, index, Box(M.MARGIN, y, head_w, head_h), trigger, trigger_lines,
            value, value_lines, tuple(s.id for s in stream.stages),
            None if stream.stages else Box(CHEVRONS_X, top, CHEVRON_W, chevron_h),
            ((trigger.right + LINK_GAP, cy), (CHEVRONS_X, cy)),
            ((row_right + LINK_GAP, cy), (value.x - LINK_GAP, cy)),
            None if last else row_y + row_h + channel + BLOCK_GAP / 2,
            names, chevron_h,
        ))
        y = row_y + row_h + channel + BLOCK_GAP
    legend_y = (y - BLOCK_GAP + LEGEND_GAP) if doc.streams else key_cy + FIRST_BLOCK_GAP
    links = route_stream_links(doc, {sid: c.box for sid, c in chevrons.items()}, row_bottoms,
                               CHEVRON_PITCH, CHEVRONS_X, passing)
    # a link passing streams beyond their headers widens the drawing to keep it inside
    width = max([width] + [x + M.MARGIN for link in links for x, _ in link.points])
    return StreamLayout(width, legend_y + M.LEGEND_H + M.MARGIN, (M.MARGIN, KEY_CY),
                        tuple(key_geoms), tuple(blocks), chevrons, legend_y, links,
                        tuple(key_groups))
