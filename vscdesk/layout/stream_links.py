"""Where links run in the stream view: under the chevron rows, between the blocks.

Chevrons sit 6 px apart, so a link cannot squeeze between them. Every link leaves a chevron
by its flat bottom (or top) edge and runs along a channel opened under a row:

- **Same stream**: down from the source, along the channel under the row, up into the
  target: an arc under the row.
- **Different streams**: the upper stage's bottom edge, the channel under its block, then
  straight down through the gap between blocks into the lower stage's top edge (crossing the
  lower block's header where its name is not). Streams in between are passed on their right,
  beyond their value marker and clear of the text at their header's right end (or beyond
  the headers when that text is in the way): never through the 6 px gap between two
  chevrons, which would cross both.

Within a channel the legs are stacked on tracks, shortest first, like the chain view's
channels. Pure: no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.layout import metrics as M
from vscdesk.layout.geometry import Box
from vscdesk.layout.links import LinkGeom
from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel

TRACK_FIRST = 18.0  # first track below the chevron row
TRACK_STEP = 22.0  # a 16 px label pill fits between tracks
CHANNEL_END = 14.0  # below the last track
CLEARANCE = 8.0
PORT_INSET = 24.0  # ports keep this far from the chevron's notch and point
FLAT = 18.0  # the chevron's point depth: its top and bottom edges end this far from the right


CORRIDOR_GAP = 16.0  # a corridor past the streams in between keeps this far from them
CORRIDOR_STEP = 12.0  # corridors of several links side by side


@dataclass(frozen=True, slots=True)
class Blocks:
    """What a link passing a stream block on its right must keep clear of, per block."""

    rights: tuple[float, ...]  # the right end of the row (the value marker)
    text_left: tuple[float, ...]  # where the text at the header's right end starts
    header_right: tuple[float, ...]

    def corridor(self, upper: int, lower: int, k: int) -> float:
        """The x of the ``k``-th vertical corridor from block ``upper`` down to ``lower``,
        past the blocks in between."""
        between = range(upper + 1, lower)
        x = max(self.rights[b] for b in between) + CORRIDOR_GAP + k * CORRIDOR_STEP
        if x <= min(self.text_left[b] for b in between) - CLEARANCE:
            return x
        return max(self.header_right[b] for b in between) + CORRIDOR_GAP + k * CORRIDOR_STEP


@dataclass(frozen=True, slots=True)
class _Leg:
    link_id: str
    upper: str  # the stage left by its bottom edge
    lower: str  # the stage entered by its top edge (or its bottom edge, for an arc)
    same: bool
    runs: tuple[tuple[int, float, float], ...]  # (block whose channel, x from, x to)
    forward: bool  # the link runs from upper to lower (else it points back up)


def _port(x: float, w: float, frac: float) -> float:
    return x + PORT_INSET + (w - FLAT - 2 * PORT_INSET) * frac


def _header_name_end(doc: DocumentModel, block: int) -> float:
    """Where the text of a block's header line ends on the left (kind tag and name)."""
    stream = doc.streams[block]
    tag = text_width(stream.kind.upper(), 8.5, True) + 14
    return M.MARGIN + tag + 12 + text_width(stream.name, 16, True) + 10


def _legs(doc: DocumentModel, pitch: float, first_x: float, width: float,
          blocks: Blocks) -> list[_Leg]:
    where: dict[str, tuple[int, int]] = {}
    for b, stream in enumerate(doc.streams):
        for k, stage in enumerate(stream.stages):
            where[stage.id] = (b, k)
    legs = []
    corridors: list[tuple[int, int]] = []  # (upper, lower) block of each corridor so far
    for link in doc.links:
        a, z = where.get(link.source), where.get(link.target)
        if a is None or z is None or a == z:
            continue
        xa, xz = first_x + a[1] * pitch, first_x + z[1] * pitch
        if a[0] == z[0]:
            right = z[1] > a[1]  # ports on the sides that face each other
            run = (a[0], _port(xa, width, 0.7 if right else 0.3),
                   _port(xz, width, 0.3 if right else 0.7))
            legs.append(_Leg(link.id, link.source, link.target, True, (run,), True))
            continue
        (ub, uk, up), (lb, lk, low) = sorted([(*a, link.source), (*z, link.target)])
        xu, xl = first_x + uk * pitch, first_x + lk * pitch
        toward = 0.65 if lk > uk else 0.35
        x_up = _port(xu, width, toward)
        # legs going down cross header lines: keep clear of the stream names on the left
        clear = max(_header_name_end(doc, b) for b in range(ub + 1, lb + 1))
        x_low = min(max(_port(xl, width, 1 - toward), clear), xl + width - FLAT - PORT_INSET)
        if lb == ub + 1:
            runs: tuple[tuple[int, float, float], ...] = ((ub, x_up, x_low),)
        else:  # past the streams in between, on their right
            k = sum(1 for u, v in corridors if u < lb and ub < v)
            corridors.append((ub, lb))
            x_gap = blocks.corridor(ub, lb, k)
            runs = ((ub, x_up, x_gap), (lb - 1, x_gap, x_low))
        legs.append(_Leg(link.id, up, low, False, runs, up == link.source))
    return legs


def assign_tracks(doc: DocumentModel, pitch: float, first_x: float, width: float,
                  blocks: Blocks) -> tuple[dict[tuple[str, int], int], dict[int, int]]:
    """Track of each horizontal run (by link and block), and the tracks under each block."""
    by_block: dict[int, list[tuple[str, float, float]]] = {}
    for leg in _legs(doc, pitch, first_x, width, blocks):
        for block, x1, x2 in leg.runs:
            by_block.setdefault(block, []).append((leg.link_id, min(x1, x2), max(x1, x2)))
    tracks: dict[tuple[str, int], int] = {}
    counts: dict[int, int] = {}
    for block, runs in by_block.items():
        taken: list[list[tuple[float, float]]] = []
        for link_id, a, b in sorted(runs, key=lambda r: (r[2] - r[1], r[0])):
            span = (a - CLEARANCE, b + CLEARANCE)
            k = 0
            while k < len(taken) and any(s[0] < span[1] and span[0] < s[1] for s in taken[k]):
                k += 1
            if k == len(taken):
                taken.append([])
            taken[k].append(span)
            tracks[(link_id, block)] = k
        counts[block] = len(taken)
    return tracks, counts


def channel_height(tracks: int) -> float:
    """Extra room under a row for ``tracks`` link tracks (none without links)."""
    return 0.0 if tracks == 0 else TRACK_FIRST + TRACK_STEP * (tracks - 1) + CHANNEL_END


def route_stream_links(doc: DocumentModel, boxes: dict[str, Box], row_bottoms: list[float],
                       pitch: float, first_x: float, blocks: Blocks) -> tuple[LinkGeom, ...]:
    """The routes of every link, once the chevrons (``boxes``) and rows are placed."""
    if not boxes:
        return ()
    width = next(iter(boxes.values())).w
    tracks, _ = assign_tracks(doc, pitch, first_x, width, blocks)
    out = []
    for leg in _legs(doc, pitch, first_x, width, blocks):
        up, low = boxes[leg.upper], boxes[leg.lower]
        pts = [(leg.runs[0][1], up.bottom)]
        for block, x1, x2 in leg.runs:
            y = row_bottoms[block] + TRACK_FIRST + TRACK_STEP * tracks[(leg.link_id, block)]
            pts += [(x1, y), (x2, y)]
        pts.append((leg.runs[-1][2], low.bottom if leg.same else low.y))
        if leg.same or not leg.forward:
            route = pts if leg.same else pts[::-1]
            source, target = (leg.upper, leg.lower) if leg.same else (leg.lower, leg.upper)
            out.append(LinkGeom(leg.link_id, source, target, tuple(route), False, (0.0, -1.0)))
        else:
            out.append(LinkGeom(leg.link_id, leg.upper, leg.lower, tuple(pts), False,
                                (0.0, 1.0)))
    return tuple(out)
