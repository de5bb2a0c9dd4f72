"""How a selected or picked group is drawn: rings and highlights along its shape as drawn.

A chain-view card is a rounded rectangle, a stream-view stage a chevron; the selection follows
whichever shape the group draws, so a selected chevron does not sprout rounded corners. The
canvas uses the same outline as the stage's click target (``stage_outline``).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen

from vscdesk.paint.painter import paint_primitive, qpath
from vscdesk.render.chain import lane_header_height
from vscdesk.render.primitives import Group, Path, Rect, Text

RING_WIDTH = 2.0


def _body(group: Group) -> Path | Rect | None:
    """The primitive that is the stage's body: a closed filled polygon, else the card rect."""
    for p in group.items:
        if isinstance(p, Path) and p.fill is not None and p.ops and p.ops[-1][0] == "Z":
            return p
    cards = [p for p in group.items if isinstance(p, Rect) and p.opacity == 1.0 and p.fill]
    return max(cards, key=lambda r: r.w * r.h, default=None)


@lru_cache(maxsize=2048)
def stage_outline(group: Group) -> QPainterPath:
    """The body's outline in the group's local coordinates (its bounds if it has none)."""
    body = _body(group)
    path = QPainterPath()
    if isinstance(body, Path):
        return qpath(body)
    if isinstance(body, Rect):
        path.addRoundedRect(QRectF(body.x, body.y, body.w, body.h), body.radius, body.radius)
    else:
        path.addRect(QRectF(*group.bounds))
    return path


def paint_stage_selected(painter: QPainter, group: Group, color: QColor) -> None:
    """A 2 px ring in the selection colour along the stage's own outline.

    A card's ring sits just outside its border; a chevron (no border, neighbours 6 px away)
    is ringed on its edge."""
    body = _body(group)
    pen = QPen(color, RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin if isinstance(body, Path)
                     else Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if isinstance(body, Rect):
        half = RING_WIDTH / 2
        rect = QRectF(body.x, body.y, body.w, body.h).adjusted(-half, -half, half, half)
        painter.drawRoundedRect(rect, body.radius + half, body.radius + half)
    else:
        painter.drawPath(stage_outline(group))


def header_rect(group: Group) -> QRectF:
    """The part of a header group that a pick rings: a lane's header (not its whole column),
    a stream's label, the title block."""
    x, y, w, h = group.bounds
    if group.kind == "lane":
        h = lane_header_height(group)
    return QRectF(x, y, w, h)


def paint_header_picked(painter: QPainter, group: Group, color: QColor) -> None:
    """A ring in the selection colour just outside a picked header."""
    pen = QPen(color, RING_WIDTH)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH / 2
    painter.drawRoundedRect(header_rect(group).adjusted(-half, -half, half, half), 4, 4)


def paint_link_selected(painter: QPainter, group: Group, color: QColor) -> None:
    """A selected link: its route drawn again in the selection colour, and the pill ringed."""
    for p in group.items:
        if isinstance(p, Path) and p.stroke is not None:
            painter.setPen(QPen(color, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(qpath(p))
            break
    for p in group.items:  # the label again on top of the highlighted route, ringed
        if isinstance(p, (Rect, Text)):
            paint_primitive(painter, p)
        if isinstance(p, Rect):
            painter.setPen(QPen(color, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(p.x, p.y, p.w, p.h), p.radius, p.radius)
