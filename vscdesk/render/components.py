"""Reusable pieces of the visual language as primitives: discs, pills, badges, tags, arrows."""

from __future__ import annotations

import math

from vscdesk.layout.geometry import Point
from vscdesk.layout.sla_text import pill_width as pill_width  # re-exported (C.pill_width)
from vscdesk.layout.text import elide, text_width
from vscdesk.render import palette as P
from vscdesk.render.primitives import Ellipse, Path, PathOp, Primitive, Rect, Stroke, Text

K = 0.5523  # cubic approximation of a quarter circle
TRIGGER_ROUND = 30  # the largest corner radius of a trigger marker's right end
PILL_H = 18


def centred_baseline(cy: float, size: float) -> float:
    """Baseline that vertically centres one line of text on ``cy``."""
    return cy + 0.36 * size


def step_disc(cx: float, cy: float, number: int, fill: str = P.INK_700, r: float = 8) -> list[Primitive]:
    return [Ellipse(cx, cy, r, r, fill=fill),
            Text(cx, centred_baseline(cy, 10), str(number), 10, P.CANVAS, True, "middle")]


def status_glyph(cx: float, cy: float, status: str) -> list[Primitive]:
    """An 11 px status disc with a white check, "!" or "×" drawn as strokes."""
    colors = P.STATUS[status]
    out: list[Primitive] = [Ellipse(cx, cy, 5.5, 5.5, fill=colors.fg)]
    white = Stroke(P.CANVAS, 1.5)
    if status == "met":
        out.append(Path((("M", cx - 2.6, cy + 0.1), ("L", cx - 0.8, cy + 1.9),
                         ("L", cx + 2.7, cy - 1.9)), stroke=white))
    elif status == "at_risk":
        out.append(Path((("M", cx, cy - 2.9), ("L", cx, cy + 0.6)), stroke=white))
        out.append(Ellipse(cx, cy + 2.5, 0.9, 0.9, fill=P.CANVAS))
    elif status == "breached":
        out.append(Path((("M", cx - 2.1, cy - 2.1), ("L", cx + 2.1, cy + 2.1),
                         ("M", cx + 2.1, cy - 2.1), ("L", cx - 2.1, cy + 2.1)), stroke=white))
    else:
        out.append(Path((("M", cx - 2.4, cy), ("L", cx + 2.4, cy)), stroke=white))
    return out


def sla_pill(x: float, cy: float, label: str, status: str, on_tint: bool = False,
             max_w: float | None = None) -> tuple[list[Primitive], float]:
    """An SLA pill whose left edge is ``x``; returns the primitives and the pill width."""
    colors = P.STATUS[status]
    if max_w is not None and pill_width(label) > max_w:
        label = elide(label, 10.5, False, max_w - 30)
    w = pill_width(label)
    out: list[Primitive] = [Rect(x, cy - PILL_H / 2, w, PILL_H, fill=P.CANVAS if on_tint else colors.bg,
                                 radius=PILL_H / 2)]
    out += status_glyph(x + 6 + 5.5, cy, status)
    out.append(Text(x + 22, centred_baseline(cy, 10.5), label, 10.5, colors.text))
    return out, w


def badge(cx: float, cy: float, letters: str, external: bool) -> list[Primitive]:
    """A stakeholder badge: filled for internal teams, a ring for external parties."""
    size = 9.5 if len(letters) == 1 else 8.5 if len(letters) == 2 else 7
    if external:
        return [Ellipse(cx, cy, 10, 10, fill=P.CANVAS, stroke=Stroke(P.BADGE, 1.2)),
                Text(cx, centred_baseline(cy, size), letters, size, P.INK_700, True, "middle")]
    return [Ellipse(cx, cy, 10, 10, fill=P.BADGE),
            Text(cx, centred_baseline(cy, size), letters, size, P.CANVAS, True, "middle")]


def kind_tag(x: float, y: float, kind: str) -> tuple[list[Primitive], float]:
    """The CUSTOMER / SUPPORTING tag, 16 high; returns primitives and width."""
    label = kind.upper()
    w = text_width(label, 8.5, True) + 14
    base = centred_baseline(y + 8, 8.5)
    if kind == "customer":
        return [Rect(x, y, w, 16, fill=P.INK_700, radius=3),
                Text(x + 7, base, label, 8.5, P.CANVAS, True)], w
    return [Rect(x + 0.5, y + 0.5, w - 1, 15, fill=P.CANVAS, radius=3,
                 stroke=Stroke(P.INK_500, 1, (3, 2))),
            Text(x + 7, base, label, 8.5, P.INK_700, True)], w


def trigger_shape(x: float, y: float, w: float, h: float, stroke: Stroke,
                  fill: str | None = P.CANVAS) -> Path:
    """ArchiMate business event: notched left side, rounded right end. A marker taller than
    the usual 60 px (a trigger of many lines) keeps the usual notch and corner radius, with
    straight sides between, so its text keeps the full width."""
    r = min(h / 2, TRIGGER_ROUND)
    notch = 0.28 * min(h, 2 * TRIGGER_ROUND)
    ops = (("M", x, y), ("L", x + w - r, y),
           ("C", x + w - r + r * K, y, x + w, y + r - r * K, x + w, y + r),
           ("L", x + w, y + h - r),
           ("C", x + w, y + h - r + r * K, x + w - r + r * K, y + h, x + w - r, y + h),
           ("L", x, y + h), ("L", x + notch, y + h / 2), ("Z",))
    return Path(ops, fill=fill, stroke=stroke)


def hatch(x: float, y: float, w: float, h: float, stroke: Stroke, step: float = 8.0) -> Path:
    """Diagonal hatching (45°, every ``step`` px) inside a box, as one path of segments."""
    ops: list[PathOp] = []
    t = step
    while t < w + h:  # the lines x' + y' = t, cut to the box
        x0, y0 = (t, 0.0) if t <= w else (w, t - w)
        x1, y1 = (0.0, t) if t <= h else (t - h, h)
        ops += [("M", x + x0, y + y0), ("L", x + x1, y + y1)]
        t += step
    return Path(tuple(ops), stroke=stroke)


def trigger_icon(x: float, cy: float) -> Path:
    return trigger_shape(x, cy - 5.5, 16, 11, Stroke(P.INK_700, 1.2))


def value_icon(x: float, cy: float) -> Ellipse:
    return Ellipse(x + 8, cy, 8, 5.5, fill=P.CANVAS, stroke=Stroke(P.INK_700, 1.2))


def arrowhead(tip: Point, direction: Point, color: str, length: float = 9,
              width: float = 8) -> Path:
    """A swept triangle whose tip touches the target; the back is notched to 72 %."""
    dx, dy = direction
    norm = math.hypot(dx, dy) or 1.0
    dx, dy = dx / norm, dy / norm
    px, py = -dy, dx
    tx, ty = tip
    bx, by = tx - dx * length, ty - dy * length
    nx, ny = tx - dx * length * 0.72, ty - dy * length * 0.72
    return Path((("M", tx, ty), ("L", bx + px * width / 2, by + py * width / 2), ("L", nx, ny),
                 ("L", bx - px * width / 2, by - py * width / 2), ("Z",)), fill=color)


def rounded_polyline(points: list[Point], radius: float) -> tuple[PathOp, ...]:
    """Path ops for an orthogonal polyline with quarter-circle corners."""
    ops: list[PathOp] = [("M", *points[0])]
    for i in range(1, len(points) - 1):
        (x0, y0), (x1, y1), (x2, y2) = points[i - 1], points[i], points[i + 1]
        d_in, d_out = math.dist((x0, y0), (x1, y1)), math.dist((x1, y1), (x2, y2))
        r = min(radius, d_in / 2 if i > 1 else d_in, d_out / 2 if i < len(points) - 2 else d_out)
        if r <= 0.01:
            ops.append(("L", x1, y1))
            continue
        ux, uy = (x1 - x0) / d_in, (y1 - y0) / d_in
        vx, vy = (x2 - x1) / d_out, (y2 - y1) / d_out
        ax, ay = x1 - ux * r, y1 - uy * r
        bx, by = x1 + vx * r, y1 + vy * r
        ops.append(("L", ax, ay))
        ops.append(("C", ax + ux * r * K, ay + uy * r * K, bx - vx * r * K, by - vy * r * K, bx, by))
    ops.append(("L", *points[-1]))
    return tuple(ops)


def arrow(points: list[Point], radius: float, stroke: Stroke, head: tuple[float, float] = (9, 8)
          ) -> list[Primitive]:
    """A shaft along ``points`` ending in an arrowhead whose tip is the last point."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    seg = math.dist((x1, y1), (x2, y2)) or 1.0
    direction = ((x2 - x1) / seg, (y2 - y1) / seg)
    stop = min(head[0] * 0.6, seg * 0.9)  # the shaft stops inside the head, never at its tip
    shaft = [*points[:-1], (x2 - direction[0] * stop, y2 - direction[1] * stop)]
    return [Path(rounded_polyline(shaft, radius), stroke=stroke),
            arrowhead((x2, y2), direction, stroke.color, *head)]
