"""Heat map: recolour each stage by a measure (wait time, SLA status, %C&A, visits to the lane).

A pass over a finished drawing, so the chain view, the stream view and every export get it
the same way without the painters knowing about it. Qt-free.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, TypeGuard

from vscdesk.layout import metrics as M
from vscdesk.layout.text import text_width, wrap_whole
from vscdesk.model import DocumentModel
from vscdesk.render import components as C
from vscdesk.render import palette as P
from vscdesk.render.primitives import Drawing, Group, Path, Primitive, Rect, Stroke, Text

if TYPE_CHECKING:
    from vscdesk.analysis.heat import StageHeat

#: a single-hue sequential scale (no violet, no status red/amber/green): cool to hot. Even
#: its best end is a visible tint: a best stage drawn white vanished into white paper.
SCALE = ("#F9E6CC", "#F4D1A5", "#EDB87E", "#E49B5B", "#D97C3E")
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


def _is_face(p: Primitive) -> TypeGuard[Rect | Path]:
    """The card (chain view) or chevron (stream view) a stage group is drawn on."""
    if isinstance(p, Rect):
        return p.fill == P.CANVAS and p.stroke is not None
    return isinstance(p, Path) and p.fill is not None and p.stroke is None


HATCH = Stroke(P.INK_300, 1)
HATCH_STEP = 8.0
MAX_NAMED = 24  # unmeasured stages named in the legend; the rest are counted


def hatch_lines(x: float, y: float, w: float, h: float) -> Path:
    """Diagonal hatching inside a box: the mark of "not measured"."""
    return C.hatch(x, y, w, h, HATCH, HATCH_STEP)


def _hatch_box(group: Group, face: Primitive) -> tuple[float, float, float, float]:
    """Where a stage's hatching goes: the card, or the body of a chevron between its notch
    and its point."""
    if isinstance(face, Rect):
        return face.x + 3, face.y + 3, face.w - 6, face.h - 6
    _, _, w, h = group.bounds
    return 20.0, 2.0, w - 40.0, h - 4.0


def _recolour(group: Group, fill: str, hatched: bool = False) -> Group:
    items = list(group.items)
    for i, p in enumerate(items):
        if _is_face(p):
            items[i] = replace(p, fill=fill)
            if hatched:
                items.insert(i + 1, hatch_lines(*_hatch_box(group, p)))
            return replace(group, items=tuple(items))
    return group


def apply_heat(drawing: Drawing, doc: DocumentModel, measure: str) -> Drawing:
    """``drawing`` with every stage coloured by ``measure`` and a heat legend at the bottom."""
    from vscdesk.analysis import analyse
    from vscdesk.analysis.heat import MEASURES, measure_named, stage_heat

    drawn = {g.ref for g in drawing.groups if g.kind == "stage"}
    if not drawn:  # no stage to colour: a lone "HEAT MAP · WAIT TIME" would say nothing
        return drawing
    chosen = measure_named(measure)
    heats = stage_heat(doc, analyse(doc), chosen)
    groups = []
    for g in drawing.groups:
        heat = heats.get(g.ref or "") if g.kind == "stage" else None
        groups.append(_recolour(g, heat_color(heat.heat), heat.heat is None)
                      if heat is not None else g)
    measured = [h for h in heats.values() if h.heat is not None and h.stage_id in drawn]
    names = {s.id: s.name for st in doc.streams for s in st.stages}
    blank = [names[h.stage_id] for h in heats.values() if h.heat is None and h.stage_id in drawn]
    y = drawing.height - M.MARGIN + 8
    legend = _legend(MEASURES[chosen], measured, blank, y, drawing.width)
    groups.append(legend)
    return replace(drawing, groups=tuple(groups),
                   height=drawing.height + legend.bounds[3] + LEGEND_H - 28)


def _measured_heat(heat: StageHeat) -> float:
    assert heat.heat is not None  # the legend ranks measured stages only
    return heat.heat


def _legend(name: str, measured: list[StageHeat], blank: list[str], y: float,
            width: float) -> Group:
    """HEAT MAP · WAIT TIME  [best] ▭▭▭▭▭ [worst]   ▨ not measured (2): Triage, Fix

    One measured value has no scale: its one colour and "all measured stages: 4 h". The
    stages without a value are hatched on the drawing and named here."""
    cy = 14
    heading = f"HEAT MAP · {name.upper()}"
    items: list[Primitive] = [Text(0, C.centred_baseline(cy, 9.5), heading, 9.5, P.INK_500, True)]
    x = text_width(heading, 9.5, True) + 14
    values = {h.label for h in measured}
    if len(values) > 1:
        best = min(measured, key=_measured_heat).label
        worst = max(measured, key=_measured_heat).label
        items.append(Text(x, C.centred_baseline(cy, 10.5), best, 10.5, P.INK_700))
        x += text_width(best, 10.5) + 8
        for color in SCALE:
            items.append(Rect(x, cy - 7, 22, 14, fill=color, stroke=Stroke(P.INK_200, 1),
                              radius=3))
            x += 24
        items.append(Text(x + 6, C.centred_baseline(cy, 10.5), worst, 10.5, P.INK_700))
        x += text_width(worst, 10.5) + 30
    elif values:
        items.append(Rect(x, cy - 7, 22, 14, fill=heat_color(0.5), stroke=Stroke(P.INK_200, 1),
                          radius=3))
        text = f"{'the one measured stage' if len(measured) == 1 else 'every measured stage'}: "
        text += next(iter(values))
        items.append(Text(x + 30, C.centred_baseline(cy, 10.5), text, 10.5, P.INK_700))
        x += 30 + text_width(text, 10.5) + 30
    if not blank:
        return Group("heat-legend", "legend", M.MARGIN, y, (0, 0, width - 2 * M.MARGIN, 28),
                     tuple(items))
    items.append(Rect(x, cy - 7, 22, 14, fill=NO_DATA, stroke=Stroke(P.INK_200, 1), radius=3))
    items.append(hatch_lines(x + 1, cy - 6, 20, 12))
    listed = ", ".join(blank[:MAX_NAMED]) + (f" and {len(blank) - MAX_NAMED} more"
                                             if len(blank) > MAX_NAMED else "")
    lines = wrap_whole(f"not measured ({len(blank)}): {listed}", 10.5, False,
                       max(width - 2 * M.MARGIN - x - 30, 240))
    for i, line in enumerate(lines):
        items.append(Text(x + 30, C.centred_baseline(cy, 10.5) + 15 * i, line, 10.5,
                          P.INK_500))
    h = 28 + 15 * (len(lines) - 1)
    return Group("heat-legend", "legend", M.MARGIN, y, (0, 0, width - 2 * M.MARGIN, h),
                 tuple(items))
