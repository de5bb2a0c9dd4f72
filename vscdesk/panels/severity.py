"""How a problem's severity looks: the status colours of the visual language, each with its own
glyph drawn in white in a disc (× error, ! warning, i info), so colour is never the only cue."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from vscdesk.render.palette import INK_500, STATUS

#: severity -> (disc colour, label, plural label)
SEVERITY_LOOK: dict[str, tuple[str, str, str]] = {
    "error": (STATUS["breached"].fg, "Error", "errors"),
    "warning": (STATUS["at_risk"].fg, "Warning", "warnings"),
    "info": (INK_500, "Info", "info"),
}


def _glyph(painter: QPainter, severity: str, size: float) -> None:
    c = size / 2
    pen = QPen(QColor("white"), size * 0.12, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    if severity == "error":
        d = size * 0.18
        painter.drawLine(QPointF(c - d, c - d), QPointF(c + d, c + d))
        painter.drawLine(QPointF(c - d, c + d), QPointF(c + d, c - d))
        return
    top, bottom = (c - size * 0.24, c + size * 0.06) if severity == "warning" else (
        c - size * 0.04, c + size * 0.24)
    painter.drawLine(QPointF(c, top), QPointF(c, bottom))
    dot = c + size * 0.23 if severity == "warning" else c - size * 0.22
    painter.setBrush(QColor("white"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(QPointF(c, dot), size * 0.07, size * 0.07)


def _pixmap(severity: str, size: int, scale: int) -> QPixmap:
    pixmap = QPixmap(size * scale, size * scale)
    pixmap.setDevicePixelRatio(scale)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(SEVERITY_LOOK[severity][0]))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    _glyph(painter, severity, size)
    painter.end()
    return pixmap


@lru_cache(maxsize=8)
def severity_icon(severity: str) -> QIcon:
    """A 16 px disc with the severity's glyph, crisp at 1x to 3x."""
    icon = QIcon()
    for scale in (1, 2, 3):
        icon.addPixmap(_pixmap(severity, 16, scale))
    return icon
