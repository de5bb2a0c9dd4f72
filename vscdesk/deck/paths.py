"""Outlines of the display list read as PowerPoint needs them: points of a path (curves
sampled), an arrow route's corners for connectors, the layout's chevron recognised so it can
become PowerPoint's own chevron, and which filled path is the arrowhead of which shaft."""

from __future__ import annotations

from vscdesk.render.primitives import Path, Primitive

CURVE_STEPS = 6


def path_points(p: Path) -> tuple[list[float], list[float]]:
    pts = flatten(p.ops)
    return [x for x, _ in pts], [y for _, y in pts]


def flatten(ops) -> list[tuple[float, float]]:
    """The path's outline as points; curves sampled, a closing point not repeated."""
    pts: list[tuple[float, float]] = []
    for op in ops:
        if op[0] in ("M", "L"):
            pts.append((op[1], op[2]))
        elif op[0] == "C" and pts:
            (x0, y0), (x1, y1, x2, y2, x3, y3) = pts[-1], op[1:]
            for k in range(1, CURVE_STEPS + 1):
                t = k / CURVE_STEPS
                u = 1 - t
                pts.append((u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3,
                            u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3))
    return pts


def orthogonal(ops) -> bool:
    """Whether a path is straight lines with quarter-circle corners (components.
    rounded_polyline), which connectors can follow; a free curve cannot."""
    previous, here = None, (0.0, 0.0)
    for op in ops:
        if op[0] == "C":
            (x0, y0), (x1, y1), (x3, y3) = here, op[1:3], op[5:7]
            turns = abs(x3 - x0) > 0.01 and abs(y3 - y0) > 0.01
            along = abs(x1 - x0) < 0.01 or abs(y1 - y0) < 0.01
            if previous != "L" or not turns or not along:
                return False
        if op[0] != "Z":
            here = op[-2:]
        previous = op[0]
    return True


def corners(ops) -> list[tuple[float, float]]:
    """An orthogonal route's corner points: a rounded corner (line, quarter curve) is put
    back to the corner it rounds, since a connector bends sharply."""
    pts: list[tuple[float, float]] = []
    for op in ops:
        if op[0] in ("M", "L"):
            pts.append((op[1], op[2]))
        elif op[0] == "C" and pts:
            (x0, y0), (x1, y1) = pts[-1], op[1:3]
            x3, y3 = op[5], op[6]
            across = abs(x1 - x0) >= abs(y1 - y0)  # the curve leaves horizontally
            pts[-1] = (x3, y0) if across else (x0, y3)
    out = [pts[0]] if pts else []
    for p in pts[1:]:
        if abs(p[0] - out[-1][0]) > 0.01 or abs(p[1] - out[-1][1]) > 0.01:
            out.append(p)
    return out


def stroke_box(p: Primitive) -> tuple[float, float, float, float] | None:
    if isinstance(p, Path):
        xs, ys = path_points(p)
        if xs:
            return min(xs), min(ys), max(xs), max(ys)
    return None


def chevron_box(points: list[tuple[float, float]]) -> tuple[float, float, float, float, float] | None:
    """(x, y, w, h, depth) when the outline is layout/stream.py's six-cornered chevron."""
    if len(points) != 6:
        return None
    (ax, ay), (bx, by), (cx, cy), (dx, dy), (ex, ey), (fx, fy) = points
    h = ey - ay
    depth = cx - bx
    if h <= 0 or depth <= 0:
        return None
    ok = (abs(ay - by) < 0.01 and abs(dy - ey) < 0.01 and abs(ax - ex) < 0.01
          and abs(bx - dx) < 0.01 and abs(cy - (ay + h / 2)) < 0.01
          and abs(fy - cy) < 0.01 and abs(fx - ax - depth) < 0.01)
    return (ax, ay, cx - ax, h, depth) if ok else None


def arrow_heads(items: tuple[Primitive, ...]) -> dict[int, int]:
    """Shafts followed by their arrowhead (components.arrow): shaft index -> head index."""
    out: dict[int, int] = {}
    for i in range(len(items) - 1):
        shaft, head = items[i], items[i + 1]
        if (isinstance(shaft, Path) and shaft.fill is None and shaft.stroke is not None
                and isinstance(head, Path) and head.fill is not None and len(head.ops) == 5
                and head.ops[-1][0] == "Z" and head.fill == shaft.stroke.color):
            out[i] = i + 1
    return out
