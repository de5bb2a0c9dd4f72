"""Where a drawing goes on printed pages: fitted on one page, or tiled over several with an
overlap to glue along and marks where it starts. Pure geometry in points; paint/printing.py
draws it on a QPrinter (the printer, a PDF, or the print preview)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from vscdesk.layout.text import elide, text_width
from vscdesk.render.primitives import Drawing, Path, Rect, Stroke, Text

HEADER_SIZE = 9.0
HEADER_H = 22.0  # title line, rule and the gap under it
OVERLAP = 36.0  # half an inch of each tile is repeated on its neighbour
TILE_SCALE = 1.0  # a tiled page prints one diagram pixel as one point
MARK = 16.0
INK = "#6B7785"
MODES = ("fit", "tile")


@dataclass(frozen=True)
class PrintPage:
    """One sheet: the part of the drawing it shows (x, y, w, h in drawing pixels), where and
    how large it lands (in points, inside the printable area), and its header and marks."""

    source: tuple[float, float, float, float]
    x: float
    y: float
    scale: float
    header: tuple[Text, ...]
    marks: tuple[Path | Rect, ...]


def _header(title: str, number: int, total: int, width: float) -> tuple[Text, ...]:
    count = f"page {number} of {total}"
    room = width - text_width(count, HEADER_SIZE) - 24
    return (Text(0, HEADER_SIZE, elide(title, HEADER_SIZE, True, room), HEADER_SIZE, INK, True),
            Text(width, HEADER_SIZE, count, HEADER_SIZE, INK, anchor="end"))


def _rule(width: float) -> Rect:
    return Rect(0, HEADER_SIZE + 5, width, 0.6, fill="#C3CBD4")


def fit_pages(drawing: Drawing, width: float, height: float, title: str) -> list[PrintPage]:
    """The whole drawing on one page, as large as fits, centred under the header."""
    area_h = height - HEADER_H
    scale = min(width / max(drawing.width, 1.0), area_h / max(drawing.height, 1.0))
    x = (width - drawing.width * scale) / 2
    y = HEADER_H + (area_h - drawing.height * scale) / 2
    return [PrintPage((0.0, 0.0, drawing.width, drawing.height), x, y, scale,
                      _header(title, 1, 1, width), (_rule(width),))]


def tile_pages(drawing: Drawing, width: float, height: float, title: str,
               scale: float = TILE_SCALE) -> list[PrintPage]:
    """The drawing at ``scale`` over as many pages as it needs, left to right, top to bottom;
    neighbouring pages share ``OVERLAP`` points, marked with corner ticks where it begins."""
    area_w, area_h = width, height - HEADER_H
    step_w, step_h = (area_w - OVERLAP) / scale, (area_h - OVERLAP) / scale
    cols = max(1, math.ceil((drawing.width - OVERLAP / scale) / step_w))
    rows = max(1, math.ceil((drawing.height - OVERLAP / scale) / step_h))
    total = cols * rows
    pages: list[PrintPage] = []
    for r in range(rows):
        for c in range(cols):
            source = (c * step_w, r * step_h, area_w / scale, area_h / scale)
            marks: list[Path | Rect] = [_rule(width)]
            if c + 1 < cols:  # the next page to the right repeats from here
                marks.append(_tick(area_w - OVERLAP, HEADER_H, area_h, vertical=True))
            if r + 1 < rows:
                marks.append(_tick(area_h - OVERLAP + HEADER_H, 0, area_w, vertical=False))
            pages.append(PrintPage(source, 0.0, HEADER_H, scale,
                                   _header(f"{title} · row {r + 1}, column {c + 1}",
                                           len(pages) + 1, total, width), tuple(marks)))
    return pages


def _tick(at: float, start: float, length: float, vertical: bool) -> Path:
    """Short dashed ticks at both ends of the line where the overlap begins."""
    stroke = Stroke(INK, 1.0, (3, 2))
    if vertical:
        ops = (("M", at, start), ("L", at, start + MARK),
               ("M", at, start + length - MARK), ("L", at, start + length))
    else:
        ops = (("M", start, at), ("L", start + MARK, at),
               ("M", start + length - MARK, at), ("L", start + length, at))
    return Path(ops, stroke=stroke)


def print_pages(drawing: Drawing, width: float, height: float, title: str,
                mode: str = "fit") -> list[PrintPage]:
    """Pages for ``mode`` "fit" (one page) or "tile" (full size over several)."""
    if mode == "tile":
        return tile_pages(drawing, width, height, title)
    return fit_pages(drawing, width, height, title)
