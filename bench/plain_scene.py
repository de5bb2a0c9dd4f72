"""The floors of the canvas and export cases: a plain QGraphicsScene holding one native path
or text item per shape and text of the real drawing, so Qt does the same drawing in C++."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene, QGraphicsSimpleTextItem

from vscdesk.render.primitives import Drawing, Ellipse, Path, Rect, Text


def _shape(p: Rect | Ellipse | Path) -> QPainterPath:
    path = QPainterPath()
    if isinstance(p, Rect):
        path.addRoundedRect(QRectF(p.x, p.y, p.w, p.h), p.radius, p.radius)
    elif isinstance(p, Ellipse):
        path.addEllipse(QRectF(p.cx - p.rx, p.cy - p.ry, 2 * p.rx, 2 * p.ry))
    else:
        for op in p.ops:
            if op[0] == "M":
                path.moveTo(op[1], op[2])
            elif op[0] == "L":
                path.lineTo(op[1], op[2])
            elif op[0] == "C":
                path.cubicTo(*op[1:7])
            elif op[0] == "Z":
                path.closeSubpath()
    return path


def counts(drawing: Drawing) -> tuple[int, int]:
    """(shapes, texts) in a drawing: what the plain scene has one native item for."""
    texts = sum(isinstance(p, Text) for g in drawing.groups for p in g.items)
    return sum(len(g.items) for g in drawing.groups) - texts, texts


def plain_scene(drawing: Drawing) -> QGraphicsScene:
    """Native items in the places and colours of the drawing's primitives."""
    scene = QGraphicsScene()
    scene.setSceneRect(0, 0, drawing.width, drawing.height)
    fonts: dict[tuple[float, bool], QFont] = {}
    pen, no_pen = QPen(QColor("#39424E"), 1.0), QPen()
    no_pen.setStyle(Qt.PenStyle.NoPen)
    for group in drawing.groups:
        for p in group.items:
            if isinstance(p, Text):
                item = QGraphicsSimpleTextItem(p.text)
                key = (p.size, p.bold)
                if key not in fonts:
                    fonts[key] = QFont("DejaVu Sans")
                    fonts[key].setPixelSize(max(1, round(p.size)))
                    fonts[key].setBold(p.bold)
                item.setFont(fonts[key])
                item.setBrush(QColor(p.color))
                item.setPos(group.x + p.x, group.y + p.y - p.size)
            else:
                item = QGraphicsPathItem(_shape(p))
                item.setPen(pen if p.stroke else no_pen)
                item.setBrush(QBrush(QColor(p.fill)) if p.fill else QBrush())
                item.setPos(group.x, group.y)
            item.setZValue(group.z)
            scene.addItem(item)
    return scene
