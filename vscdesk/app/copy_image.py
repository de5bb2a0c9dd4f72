"""Edit ▸ Copy as image: the current view (or the selected stream) on the clipboard as PNG and
SVG at once, so it pastes into slides, documents, Inkscape or a chat, each taking the form it
prefers. Drawn by the export painters (render/pages.py), so it looks like File ▸ Export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QClipboard, QImage

from vscdesk.paint.export import render_image
from vscdesk.render.pages import ExportRequest, export_pages
from vscdesk.render.primitives import Drawing
from vscdesk.render.svg import to_svg

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

SVG_MIME = "image/svg+xml"
PNG_MIME = "image/png"
SCALE = 2.0  # crisp when pasted on a high-density screen or a projector slide
MAX_PIXELS = 60_000_000  # a clipboard image larger than this is drawn smaller, not refused


def current_picture(window: MainWindow) -> Drawing:
    """The view the window shows; only the selected stream when there is one."""
    stream = window.selection.stream_id
    known = {s.id for s in window.document.model.streams}
    scope = "stream" if stream in known else "document"
    request = ExportRequest(window.scene.view, scope, stream if scope == "stream" else None)  # type: ignore[arg-type]
    return export_pages(window.document.model, request)[0]


def image_data(drawing: Drawing) -> tuple[QImage, bytes, bytes]:
    """The picture as a QImage, PNG bytes and SVG bytes."""
    pixels = drawing.width * drawing.height * SCALE * SCALE
    scale = SCALE if pixels <= MAX_PIXELS else max(0.1, SCALE * (MAX_PIXELS / pixels) ** 0.5)
    image = render_image(drawing, scale)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    png = bytes(buffer.data().data())
    svg = to_svg(drawing, "#FFFFFF").encode("utf-8")
    return image, png, svg


def put_image(clipboard: QClipboard, drawing: Drawing) -> None:
    """PNG (also as Qt's native image) and SVG in one clipboard entry."""
    image, png, svg = image_data(drawing)
    data = QMimeData()
    data.setImageData(image)
    data.setData(PNG_MIME, QByteArray(png))
    data.setData(SVG_MIME, QByteArray(svg))
    clipboard.setMimeData(data)


def copy_as_image(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    drawing = current_picture(window)
    put_image(QApplication.clipboard(), drawing)
    what = "the selected stream" if window.selection.stream_id else f"the {window.scene.view} view"
    window.statusBar().showMessage(f"Copied {what} as an image (PNG and SVG)", 4000)
