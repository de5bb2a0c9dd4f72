"""Links that would cut through cards take a detour along the free corridors between them.

A curve from one card to another far away crosses every card in between: in
big maps curved links ran straight through cards and their names. When the curve does, the
link runs as a "Z" instead: out of the source's facing side, along a vertical corridor free
of cards, and into the target's facing side. Where no such corridor exists the curve stays.
"""

from __future__ import annotations

from vscdesk.layout.box_grid import BoxGrid
from vscdesk.layout.geometry import Box, Point

CLEAR = 8.0  # a route keeps this far from any card it passes
STEP = 6.0  # corridor candidates are tried this far apart
MAX_TRIES = 160
CURVE_SAMPLES = 24
CORRIDOR_REACH = 400  # corridor candidates on each side of the source (STEP apart)
CORNER = 8.0  # the rounded corners of the drawn route (render/links.py BRACKET_RADIUS)


def _segment(a: Point, b: Point) -> Box:
    """The thin box a straight horizontal or vertical leg sweeps, widened by CLEAR."""
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    return Box(x0 - CLEAR, y0 - CLEAR, x1 - x0 + 2 * CLEAR, y1 - y0 + 2 * CLEAR)


def curve_hits(points: tuple[Point, ...], grid: BoxGrid, ends: tuple[Box, Box]) -> bool:
    """Whether a cubic Bézier passes over a card other than its two ends."""
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points
    for k in range(1, CURVE_SAMPLES):
        t = k / CURVE_SAMPLES
        u = 1 - t
        x = u ** 3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t ** 3 * x3
        y = u ** 3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t ** 3 * y3
        if grid.hits(Box(x - 1, y - 1, 2, 2), ends):
            return True
    return False


def z_route(a: Box, b: Box, side_y: float, grid: BoxGrid) -> tuple[Point, ...] | None:
    """Source side -> vertical corridor -> target side, clear of every other card; the
    corridor nearest the middle of the gap wins. None when the cards do not face each
    other across a gap or no corridor is free."""
    if b.x >= a.right + 2 * CLEAR:
        s, x_from, x_to = 1.0, a.right, b.x
    elif a.x >= b.right + 2 * CLEAR:
        s, x_from, x_to = -1.0, a.x, b.right
    else:
        return corridor_route(a, b, side_y, grid)
    start = (x_from, a.y + a.h * side_y)
    end = (x_to, b.y + b.h * side_y)
    ends = (a, b)
    if abs(start[1] - end[1]) < 2 * CORNER:  # no room for two corners: straight, if free
        straight = (start, (x_to, start[1]))
        if not grid.hits(_segment(*straight), ends):
            return straight
        return corridor_route(a, b, side_y, grid)
    middle = (x_from + x_to) / 2
    span = abs(x_to - x_from) / 2 - CLEAR
    offsets = [0.0]
    k = 1
    while k * STEP <= span and len(offsets) < MAX_TRIES:
        offsets += [k * STEP, -k * STEP]
        k += 1
    for off in offsets:
        x = middle + off * s
        legs = ((start, (x, start[1])), ((x, start[1]), (x, end[1])), ((x, end[1]), end))
        if not any(grid.hits(_segment(p, q), ends) for p, q in legs):
            return (start, (x, start[1]), (x, end[1]), end)
    return corridor_route(a, b, side_y, grid)


def route_free(points: tuple[Point, ...], grid: BoxGrid, ends: tuple[Box, Box]) -> bool:
    """Whether an orthogonal route passes no card but its two ends."""
    return not any(grid.hits(_segment(p, q), ends) for p, q in zip(points, points[1:]))


def corridor_route(a: Box, b: Box, side_y: float, grid: BoxGrid) -> tuple[Point, ...] | None:
    """Across a crowded map: out of the source's top or bottom into the channel beside its
    row, along it to the nearest vertical corridor free of cards, along that to the channel
    beside the target's row, across, and into the target."""
    if abs(b.cy - a.cy) < a.h:
        return _over_the_row(a, b, grid)
    down = b.cy > a.cy
    ends = (a, b)
    x_a, x_t = a.x + a.w * 0.85, b.x + b.w * 0.85
    a_edge, b_edge = (a.bottom, b.y) if down else (a.y, b.bottom)
    sign = 1.0 if down else -1.0
    y_1 = _channel(x_a, a_edge, sign, grid, ends)
    y_h = _channel(x_t, b_edge, -sign, grid, ends)
    if y_1 is None or y_h is None:
        return None
    toward = 1.0 if x_t >= x_a else -1.0
    for k in range(CORRIDOR_REACH):
        for side in (toward, -toward):
            x_c = x_a + side * k * STEP
            route = ((x_a, a_edge), (x_a, y_1), (x_c, y_1), (x_c, y_h), (x_t, y_h), (x_t, b_edge))
            if route_free(route[1:5], grid, ends):
                return _tidy(route)
    return None


def _channel(x: float, edge: float, sign: float, grid: BoxGrid,
             ends: tuple[Box, Box]) -> float | None:
    """The first y beyond a card's top or bottom edge where a short stub from the card ends
    clear of every other card (the arrow channel beside its row)."""
    for j in range(2, 8):
        y = edge + sign * j * STEP
        if not grid.hits(_segment((x, edge), (x, y)), ends):
            return y
    return None


def _tidy(route: tuple[Point, ...]) -> tuple[Point, ...]:
    """Drop points that make a zero-length leg (a corridor right at the source's port)."""
    out = [route[0]]
    for p in route[1:]:
        if abs(p[0] - out[-1][0]) > 0.5 or abs(p[1] - out[-1][1]) > 0.5:
            out.append(p)
    kept = [out[0]]  # and points in the middle of a straight run
    for here, after in zip(out[1:], out[2:]):
        before = kept[-1]
        same_x = abs(before[0] - here[0]) < 0.5 and abs(here[0] - after[0]) < 0.5
        same_y = abs(before[1] - here[1]) < 0.5 and abs(here[1] - after[1]) < 0.5
        if not (same_x or same_y):
            kept.append(here)
    kept.append(out[-1])
    return tuple(kept)


def _over_the_row(a: Box, b: Box, grid: BoxGrid) -> tuple[Point, ...] | None:
    """Two cards of one row with cards between them: up out of the source's top, along the
    channel above the row and down into the target (or the same below the row)."""
    ends = (a, b)
    x_a, x_b = a.x + a.w * 0.85, b.x + b.w * 0.15
    for j in range(2, 14):
        for above in (True, False):
            y = min(a.y, b.y) - j * STEP if above else max(a.bottom, b.bottom) + j * STEP
            route = ((x_a, a.y if above else a.bottom), (x_a, y), (x_b, y),
                     (x_b, b.y if above else b.bottom))
            if route_free(route, grid, ends):
                return route
    return None
