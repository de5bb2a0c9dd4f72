"""Lane groups and the margin in the chain view: each group's name over its lanes
("PRIMARY ACTIVITIES" / "SUPPORT ACTIVITIES", as Porter drew his chain), support lanes
hatched so they read as serving the others, and Porter's "Margin" at the end of the chain."""

from __future__ import annotations

from vscdesk.layout import lane_groups as G
from vscdesk.layout import metrics as M
from vscdesk.layout.chain import ChainLayout
from vscdesk.layout.geometry import Box
from vscdesk.model import DocumentModel
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.primitives import Group, Path, Primitive, Rect, Stroke, Text

SUPPORT_HATCH_STEP = 12.0


def support_lanes(doc: DocumentModel) -> set[str]:
    """Ids of the lanes in a support group."""
    support = {g.id for g in doc.chain.groups if g.support}
    return {lane.id for lane in doc.chain.lanes if lane.group in support}


def group_labels(doc: DocumentModel, layout: ChainLayout) -> Group | None:
    """Every group's name in caps over its lanes, above a rule as wide as they are."""
    groups = {g.id: g for g in doc.chain.groups}
    runs = layout.group_runs
    if not runs:
        return None
    baseline = layout.header_y - G.LABEL_ABOVE_HEADERS
    rule_y = layout.header_y - G.RULE_ABOVE_HEADERS
    items: list[Primitive] = []
    top = baseline
    for group_id, span in runs:
        group = groups[group_id]
        lines = G.label_lines(group.name, span.w)
        for i, line in enumerate(lines):  # a long name climbs upwards, whole
            y = baseline - (len(lines) - 1 - i) * G.LABEL_LEADING
            items.append(Text(span.x + M.LANE_INSET, y, line, G.LABEL_SIZE, P.INK_500, True))
            top = min(top, y - 10)
        dash = (4.0, 3.0) if group.support else None
        items.append(Path((("M", span.x, rule_y), ("L", span.right, rule_y)),
                          stroke=Stroke(P.INK_400, 1.5, dash)))
    left = runs[0][1].x
    right = max(b.right for _, b in runs)
    shifted = tuple(_moved(p, -left, -top) for p in items)
    return Group("lane-groups", "lane-groups", left, top, (0, 0, right - left, rule_y - top + 2),
                 shifted, z=0)


def _moved(p: Primitive, dx: float, dy: float) -> Primitive:
    from dataclasses import replace

    if isinstance(p, Path):
        return replace(p, ops=tuple((op[0], op[1] + dx, op[2] + dy) for op in p.ops))
    assert isinstance(p, Text)  # the labels are text and rules only
    return replace(p, x=p.x + dx, y=p.y + dy)


def support_hatch(x: float, y: float, w: float, h: float, ink: str) -> Path:
    """The hatching over a support lane's cells: its own ink, faded towards white (a solid
    light colour, so PNG, PDF and SVG draw the same lines)."""
    return C.hatch(x, y, w, h, Stroke(_faded(ink, 0.72), 1), SUPPORT_HATCH_STEP)


def _faded(color: str, share: float) -> str:
    """``color`` moved ``share`` of the way to white."""
    rgb = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(c + (255 - c) * share):02X}" for c in rgb)


def margin_group(text: str, box: Box, header_h: float = M.HEADER_H) -> Group:
    """Porter's margin: a neutral column whose right end is an arrowhead, named at its top
    like a lane."""
    from vscdesk.layout.chain import MARGIN_POINT

    w, h = box.w, box.h
    shape = Path((("M", 0, 0), ("L", w - MARGIN_POINT, 0), ("L", w, h / 2),
                  ("L", w - MARGIN_POINT, h), ("L", 0, h), ("Z",)), fill=P.INK_100)
    items: list[Primitive] = [shape,
                              Rect(0, 0, w - MARGIN_POINT, header_h, fill=P.INK_50,
                                   radius=M.TILE_RADIUS)]
    items.append(Text(M.LANE_INSET, 22, text, M.LANE_NAME_SIZE, P.INK_700, True))
    return Group("margin", "margin", box.x, box.y, (0, 0, w, h), tuple(items), z=0,
                 title=text)

