"""Links as display-list groups: one "link:{id}" group per link, above the cards.

A link is a light ink-400 line on a white halo (so it reads where it crosses something),
from a round dot on its source to an open chevron on its target, so it never reads as a stream
arrow (ink-700, filled head); its kind is told by the line (integration point solid, hand-off
dashed, rework dotted) and by its label pill. Never the accent violet: that means only
"return to an earlier activity".
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from vscdesk.layout.box_grid import BoxGrid
from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.links import BRACKET_RADIUS, LinkGeom, layout_links
from vscdesk.layout.text import elide, text_width
from vscdesk.model import DocumentModel, Link
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.primitives import Ellipse, Group, Path, PathOp, Primitive, Rect, Stroke, Text

LINK_Z = 3.0
KIND_NAMES = {"integration": "Integration", "handoff": "Hand-off", "rework": "Rework"}
DASHES = {"integration": None, "handoff": (5.0, 3.0), "rework": (1.6, 2.4)}
LABEL_SIZE = 9.5
LABEL_MAX_W = 260.0  # room for a kind and a few words ("Integration · Service in the catalogue")


LINK_INK = P.INK_400  # lighter than the ink-700 stream arrows, never the loop-back violet
LINK_WIDTH = 1.25
HEAD_LEN, HEAD_W = 7.0, 8.0
TAIL_R = 2.6


def link_stroke(kind: str) -> Stroke:
    return Stroke(LINK_INK, LINK_WIDTH, DASHES.get(kind))


def link_head(tip: Point, direction: Point) -> Path:
    """An open chevron: stream arrows end in a filled head, links never do."""
    dx, dy = direction
    norm = math.hypot(dx, dy) or 1.0
    dx, dy = dx / norm, dy / norm
    px, py = -dy, dx
    bx, by = tip[0] - dx * HEAD_LEN, tip[1] - dy * HEAD_LEN
    return Path((("M", bx + px * HEAD_W / 2, by + py * HEAD_W / 2), ("L", *tip),
                 ("L", bx - px * HEAD_W / 2, by - py * HEAD_W / 2)),
                stroke=Stroke(P.INK_500, 1.5))


def link_tail(point: Point) -> Ellipse:
    """A small round dot where the link leaves its source card."""
    return Ellipse(point[0], point[1], TAIL_R, TAIL_R, fill=LINK_INK,
                   stroke=Stroke(P.CANVAS, 1.0))


def link_label(link: Link) -> str:
    kind = KIND_NAMES.get(link.kind, link.kind)
    return f"{kind} · {link.label}" if link.label else kind


LABEL_TRIES = (0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.1, 0.9)
LABEL_H = 16.0
LABEL_CLEARANCE = 3.0  # between a label and a card, a pill or another label
SEARCH_STEP, SEARCH_REACH = 10.0, 320.0


def _free(box: Box, obstacles: BoxGrid, area: Box) -> bool:
    c = LABEL_CLEARANCE
    return (area.x <= box.x and box.right <= area.right and area.y <= box.y
            and box.bottom <= area.bottom
            and not obstacles.hits(Box(box.x - c, box.y - c, box.w + 2 * c, box.h + 2 * c)))


def _label_box(geom: LinkGeom, w: float, obstacles: BoxGrid, area: Box) -> Box:
    """Where the label pill goes: on the link (centred, then beside it) at the first spot clear
    of every card and label, trying the middle first; failing that, the clear spot nearest the
    middle; never outside ``area`` (the drawing's content), even if it must then overlap."""
    h = LABEL_H
    for t in LABEL_TRIES:
        x, y = geom.point_at(t)
        for left, top in ((x - w / 2, y - h / 2), (x - w - 6, y - h / 2), (x + 6, y - h / 2),
                          (x - w / 2, y - h - 6), (x - w / 2, y + 6)):
            box = Box(left, top, w, h)
            if _free(box, obstacles, area):
                return box
    mx, my = geom.point_at(0.5)
    r = SEARCH_STEP
    while r <= SEARCH_REACH:  # rings of candidate spots around the middle, nearest first
        for k in range(16):
            angle = 2 * math.pi * k / 16
            box = Box(mx + r * math.cos(angle) - w / 2, my + r * math.sin(angle) - h / 2, w, h)
            if _free(box, obstacles, area):
                return box
        r += SEARCH_STEP
    left = min(max(mx - w / 2, area.x), area.right - w)
    top = min(max(my - h / 2, area.y), area.bottom - h)
    return Box(left, top, w, h)


def link_group(geom: LinkGeom, link: Link, obstacles: BoxGrid, area: Box) -> Group:
    """One link: halo, line, arrowhead and label pill, in local coordinates; the pill is
    placed clear of ``obstacles`` inside ``area`` and becomes an obstacle itself."""
    label = elide(link_label(link), LABEL_SIZE, False, LABEL_MAX_W)
    pill = _label_box(geom, text_width(label, LABEL_SIZE) + 12, obstacles, area)
    obstacles.add(pill)
    xs = [p[0] for p in geom.points] + [pill.x, pill.right]
    ys = [p[1] for p in geom.points] + [pill.y, pill.bottom]
    ox, oy = min(xs), min(ys)
    pts = [(x - ox, y - oy) for x, y in geom.points]
    dx, dy = geom.direction
    tip = pts[-1]
    stop = (tip[0] - dx * 1.0, tip[1] - dy * 1.0)  # the open head's own strokes reach the tip
    if geom.curved:
        ops: tuple[PathOp, ...] = (("M", *pts[0]), ("C", *pts[1], *pts[2], *stop))
    else:
        ops = C.rounded_polyline([*pts[:-1], stop], BRACKET_RADIUS)
    items: list[Primitive] = [
        Path(ops, stroke=Stroke(P.CANVAS, 5.0), opacity=0.9),
        Path(ops, stroke=link_stroke(link.kind)),
        link_tail(pts[0]),
        link_head(tip, (dx, dy)),
        Rect(pill.x - ox, pill.y - oy, pill.w, pill.h, fill=P.CANVAS,
             stroke=Stroke(P.INK_300, 1, DASHES.get(link.kind)), radius=8),
        Text(pill.cx - ox, C.centred_baseline(pill.cy - oy, LABEL_SIZE), label, LABEL_SIZE,
             P.INK_700, anchor="middle"),
    ]
    pad = 6.0
    return Group(f"link:{link.id}", "link", ox, oy,
                 (-pad, -pad, max(xs) - ox + 2 * pad, max(ys) - oy + 2 * pad),
                 tuple(items), z=LINK_Z, ref=link.id)


def link_groups(doc: DocumentModel, boxes: dict[str, Box], area: Box,
                obstacles: Iterable[Box] = (), geoms: Iterable[LinkGeom] | None = None
                ) -> list[Group]:
    """The groups of every link between stages placed at ``boxes``; labels stay inside ``area``
    and clear of the stages, of ``obstacles`` (headers, pills) and of each other. ``geoms``
    are the routes when the view has its own (else curves between the boxes)."""
    links = {link.id: link for link in doc.links}
    if not links:
        return []
    grid = BoxGrid(boxes.values())
    routes = layout_links(doc, boxes, grid) if geoms is None else geoms
    for box in obstacles:  # labels avoid these too; routes only avoid the cards
        grid.add(box)
    return [link_group(g, links[g.link_id], grid, area) for g in routes]
