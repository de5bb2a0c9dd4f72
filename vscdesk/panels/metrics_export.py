"""Saving a chart as PNG: the widget rendered at twice its size, so it stays sharp on slides.

pyqtgraph's own exporters are not used: its SVG exporter fails with Qt >= 6.11 (upstream #3485),
and rendering the widget gives exactly what is on screen, title and legend included. Where to
save is the app's question (app/dialogs.py::ask_chart_path): it starts in the document's folder,
else the last folder used, like every file dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget

SCALE = 2


def chart_image(widget: QWidget, scale: int = SCALE) -> QImage:
    image = QImage(widget.size() * scale, QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        # QWidget's render, not QGraphicsView's (a different signature that draws the scene only)
        QWidget.render(widget, painter, QPoint(0, 0))
    finally:
        painter.end()
    return image


def save_png(widget: QWidget, path: Path) -> str | None:
    """Write the PNG (atomically, like every output); returns None, or why it was not written."""
    from vscdesk.paint.export import ExportError, png_bytes
    from vscdesk.storage import SaveError, write_output

    try:
        write_output(path, png_bytes(chart_image(widget)))
    except SaveError as err:
        return str(err)
    except ExportError as err:
        from vscdesk.paint.export import export_failure

        return export_failure(err, path)
    return None
