"""Paint display-list primitives with QPainter: the one Qt backend for screen, PNG and PDF."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontDatabase, QPainter, QPainterPath, QPen

from vscdesk.bundled import font_paths
from vscdesk.layout.text import text_width
from vscdesk.render.primitives import Ellipse, Group, Path, Primitive, Rect, Stroke, Text

FONT_PX = 100  # fonts are set at 100 px and scaled, so fractional sizes are exact on any device
_fonts_loaded = False


def load_fonts() -> None:
    """Register the bundled DejaVu Sans once, so every machine measures and draws alike."""
    global _fonts_loaded
    if not _fonts_loaded:
        for path in font_paths():
            QFontDatabase.addApplicationFont(str(path))
        _fonts_loaded = True


@lru_cache(maxsize=4)
def _font(bold: bool) -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(FONT_PX)
    font.setBold(bold)
    font.setKerning(False)  # layout measures sums of advances
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


@lru_cache(maxsize=256)
def _color(value: str, opacity: float = 1.0) -> QColor:
    color = QColor(value)
    color.setAlphaF(opacity)
    return color


@lru_cache(maxsize=512)  # pens and brushes are values: one per style, not one per shape
def _pen(stroke: Stroke | None) -> QPen:
    if stroke is None:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(_color(stroke.color), stroke.width)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    if stroke.dash:
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        pen.setDashPattern([d / stroke.width for d in stroke.dash])  # Qt counts in pen widths
    return pen


@lru_cache(maxsize=512)
def _brush(fill: str | None, opacity: float) -> QBrush:
    return QBrush(_color(fill, opacity)) if fill else QBrush(Qt.BrushStyle.NoBrush)


def qpath(path: Path) -> QPainterPath:
    """The Qt path of a display-list path (the same object for equal paths: do not change it).
    Zoomed out, every arrow of a large map is drawn on each repaint; building their Qt paths
    anew each time was a fifth of the repaint."""
    return _qpath(path.ops)


@lru_cache(maxsize=32_768)
def _qpath(ops: tuple) -> QPainterPath:
    out = QPainterPath()
    for op in ops:
        kind = op[0]
        if kind == "M":
            out.moveTo(op[1], op[2])
        elif kind == "L":
            out.lineTo(op[1], op[2])
        elif kind == "C":
            out.cubicTo(op[1], op[2], op[3], op[4], op[5], op[6])
        elif kind == "Z":
            out.closeSubpath()
    return out


def paint_primitive(painter: QPainter, p: Primitive, min_text_px: float = 0.0,
                    scale: float = 1.0) -> None:
    if isinstance(p, Rect):
        painter.setPen(_pen(p.stroke))
        painter.setBrush(_brush(p.fill, p.opacity))
        rect = QRectF(p.x, p.y, p.w, p.h)
        if p.radius:
            painter.drawRoundedRect(rect, p.radius, p.radius)
        else:
            painter.drawRect(rect)
    elif isinstance(p, Ellipse):
        painter.setPen(_pen(p.stroke))
        painter.setBrush(_brush(p.fill, p.opacity))
        painter.drawEllipse(QPointF(p.cx, p.cy), p.rx, p.ry)
    elif isinstance(p, Path):
        painter.setPen(_pen(p.stroke))
        painter.setBrush(_brush(p.fill, p.opacity))
        painter.drawPath(qpath(p))
    elif isinstance(p, Text):
        if p.size * scale < min_text_px:
            return  # level of detail: unreadably small text is not drawn
        x = p.x
        if p.anchor != "start":
            w = text_width(p.text, p.size, p.bold)
            x -= w / 2 if p.anchor == "middle" else w
        painter.save()
        painter.translate(x, p.y)
        k = p.size / FONT_PX
        painter.scale(k, k)
        painter.setFont(_font(p.bold))
        painter.setPen(_color(p.color))
        painter.drawText(QPointF(0, 0), p.text)
        painter.restore()


def silhouette_fill(group: Group) -> str | None:
    """The colour a group shows as when it is too small on screen for detail: its first
    opaque filled rectangle (a card's face, a lane's header), or None to draw nothing."""
    for p in group.items:
        if isinstance(p, Rect) and p.fill and p.opacity >= 0.5:
            return p.fill
    return None


def paint_silhouette(painter: QPainter, group: Group, fill: str | None = "",
                     rect: QRectF | None = None) -> None:
    """Level of detail: a group a few pixels wide is one rectangle, not dozens of shapes
    (``fill`` and ``rect``: its silhouette_fill and bounds, when the caller keeps them)."""
    if fill == "":
        fill = silhouette_fill(group)
    if fill is not None:
        painter.setPen(_pen(None))
        painter.setBrush(_brush(fill, 1.0))
        painter.drawRect(rect if rect is not None else QRectF(*group.bounds))


def _outside(p: Primitive, x0: float, y0: float, x1: float, y1: float) -> bool:
    """Whether a rectangle or text certainly lies outside the area (others never do)."""
    if isinstance(p, Rect):
        return p.y > y1 or p.y + p.h < y0 or p.x > x1 or p.x + p.w < x0
    if isinstance(p, Text):
        return p.y - p.size > y1 or p.y + p.size < y0
    return False


class StripIndex:
    """A large group's rectangles and texts ordered by their top edge, so painting a thin strip
    of a lane that spans 300 stream rows finds its few shapes by binary search instead of
    testing all of them on every repaint (an edit repaints one row across every lane)."""

    def __init__(self, items: tuple[Primitive, ...]) -> None:
        spans, self.always = [], []
        for i, p in enumerate(items):
            if isinstance(p, Rect):
                spans.append((p.y, p.y + p.h, i))
            elif isinstance(p, Text):
                spans.append((p.y - p.size, p.y + p.size, i))
            else:
                self.always.append(i)  # paths and ellipses are tested while painting
        spans.sort()
        self.spans = spans
        self.tops = [top for top, _, _ in spans]
        self.tallest = max((bottom - top for top, bottom, _ in spans), default=0.0)

    def within(self, items: tuple[Primitive, ...],
               visible: tuple[float, float, float, float]) -> list[Primitive]:
        """The primitives that may show in ``visible`` (x0, y0, x1, y1), in paint order."""
        x0, y0, x1, y1 = visible
        lo = bisect_left(self.tops, y0 - self.tallest)  # any earlier one ends above y0
        hi = bisect_right(self.tops, y1)
        picked = sorted([i for _, bottom, i in self.spans[lo:hi] if bottom >= y0] + self.always)
        return [items[i] for i in picked if not _outside(items[i], x0, y0, x1, y1)]


def paint_group(painter: QPainter, group: Group, min_text_px: float = 0.0, scale: float = 1.0,
                translate: bool = False,
                visible: tuple[float, float, float, float] | None = None,
                index: StripIndex | None = None) -> None:
    """Paint a group's primitives (in its local coordinates unless ``translate``); with
    ``visible`` (x0, y0, x1, y1 in local coordinates) rectangles and texts outside it are
    skipped, so a lane spanning 300 stream rows paints only the rows on screen (``index``:
    the group's StripIndex, which finds them without testing every primitive)."""
    if translate:
        painter.save()
        painter.translate(group.x, group.y)
    if visible is not None and index is not None:
        for p in index.within(group.items, visible):
            paint_primitive(painter, p, min_text_px, scale)
    else:
        for p in group.items:
            if visible is None or not _outside(p, *visible):
                paint_primitive(painter, p, min_text_px, scale)
    if translate:
        painter.restore()
