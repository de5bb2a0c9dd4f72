"""Heat map: recolour each stage by a measure (wait time, SLA status, %C&A, visits to the lane).

A pass over a finished drawing, so the chain view, the stream view and every export get it
the same way without the painters knowing about it. Qt-free.
"""

from __future__ import annotations

from dataclasses import replace

from vscdesk.layout import metrics as M
from vscdesk.model import DocumentModel
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.primitives import Drawing, Group, Path, Primitive, Rect, Stroke, Text

#: a single-hue sequential scale (no violet, no status red/amber/green): cool to hot
SCALE = ("#FFFFFF", "#FCEBD5", "#F7D2A6", "#EEB271", "#E08E4F")
NO_DATA = P.INK_50
LEGEND_H = 40


def heat_color(heat: float | None) -> str:
    """The fill for a 0..1 heat (1 = worst); None means no data."""
    if heat is None:
        return NO_DATA
    position = min(max(heat, 0.0), 1.0) * (len(SCALE) - 1)
    low = int(position)
    if low >= len(SCALE) - 1:
        return SCALE[-1]
    return _mix(SCALE[low], SCALE[low + 1], position - low)


def _mix(a: str, b: str, t: float) -> str:
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02X}" for x, y in zip(ca, cb))


def _is_face(p: Primitive) -> bool:
    """The card (chain view) or chevron (stream view) a stage group is drawn on."""
    if isinstance(p, Rect):
        return p.fill == P.CANVAS and p.stroke is not None
    return isinstance(p, Path) and p.fill is not None and p.stroke is None


def _recolour(group: Group, fill: str) -> Group:
    items = list(group.items)
    for i, p in enumerate(items):
        if _is_face(p):
            items[i] = replace(p, fill=fill)
            return replace(group, items=tuple(items))
    return group


def apply_heat(drawing: Drawing, doc: DocumentModel, measure: str) -> Drawing:
    """``drawing`` with every stage coloured by ``measure`` and a heat legend at the bottom."""
    from vscdesk.analysis import analyse
    from vscdesk.analysis.heat import MEASURES, stage_heat

    heats = stage_heat(doc, analyse(doc), measure)  # type: ignore[arg-type]
    groups = []
    for g in drawing.groups:
        heat = heats.get(g.ref or "") if g.kind == "stage" else None
        groups.append(_recolour(g, heat_color(heat.heat)) if heat is not None else g)
    labels = [h for h in heats.values() if h.heat is not None]
    low = min(labels, key=lambda h: h.heat).label if labels else "-"
    high = max(labels, key=lambda h: h.heat).label if labels else "-"
    y = drawing.height - M.MARGIN + 8
    groups.append(_legend(MEASURES[measure], low, high, y, drawing.width))
    return replace(drawing, groups=tuple(groups), height=drawing.height + LEGEND_H)


def _legend(name: str, best: str, worst: str, y: float, width: float) -> Group:
    """HEAT MAP · WAIT TIME  [best] ▭▭▭▭▭ [worst]   ▭ no data"""
    cy = 14
    heading = f"HEAT MAP · {name.upper()}"
    items: list[Primitive] = [Text(0, C.centred_baseline(cy, 9.5), heading, 9.5, P.INK_500, True)]
    x = C.text_width(heading, 9.5, True) + 14
    items.append(Text(x, C.centred_baseline(cy, 10.5), best, 10.5, P.INK_700))
    x += C.text_width(best, 10.5) + 8
    for color in SCALE:
        items.append(Rect(x, cy - 7, 22, 14, fill=color, stroke=Stroke(P.INK_200, 1), radius=3))
        x += 24
    items.append(Text(x + 6, C.centred_baseline(cy, 10.5), worst, 10.5, P.INK_700))
    x += C.text_width(worst, 10.5) + 30
    items.append(Rect(x, cy - 7, 22, 14, fill=NO_DATA, stroke=Stroke(P.INK_200, 1, (3, 2)),
                      radius=3))
    items.append(Text(x + 30, C.centred_baseline(cy, 10.5), "no data", 10.5, P.INK_500))
    return Group("heat-legend", "legend", M.MARGIN, y, (0, 0, width - 2 * M.MARGIN, 28),
                 tuple(items))
