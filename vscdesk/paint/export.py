"""Render a drawing to PNG, SVG or PDF files without a window (used by the CLI and File ▸ Export).

Each picture is produced whole in memory and checked (the painter ended cleanly, the PNG
encoder succeeded, the PDF ends with ``%%EOF``) before ``storage.write_output`` replaces the
file, so a failure never leaves a truncated or empty file and is always reported."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (QBuffer, QByteArray, QIODevice, QLocale, QMarginsF, QRectF, QSizeF,
                            Qt, qInstallMessageHandler)
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from vscdesk.paint.painter import load_fonts, paint_group, paint_primitive
from vscdesk.render.pages import PaperPage, paper_page
from vscdesk.render.primitives import Drawing
from vscdesk.render.svg import to_svg
from vscdesk.storage.atomic import write_output

FORMATS = ("png", "svg", "pdf")
MAX_PIXELS = 400_000_000  # a PNG larger than this would exhaust memory; refuse it clearly


#: Called after each group is painted; returning False cancels the export (progress dialogs).
Tick = Callable[[], bool]


class ExportError(Exception):
    """A readable reason why an export could not be written."""


class ExportCancelled(ExportError):
    """The user cancelled a long export; no file was written."""


def export_failure(err: BaseException, out: Path) -> str:
    """One line for any failed export; a write error already names the file."""
    from vscdesk.storage import SaveError
    from vscdesk.storage.atomic import reason
    from vscdesk.storage.errors import one_line

    if isinstance(err, SaveError):
        return str(err)
    if isinstance(err, MemoryError):
        why = "not enough memory; use a smaller --scale or SVG/PDF"
    elif isinstance(err, OSError):  # never the text of an OSError: it may name a temp file
        why = reason(err)
    else:
        why = str(err)
    import os

    after = "The file on disk was not changed." if os.path.lexists(out) else "Nothing was written."
    return one_line(f"Could not write {out.name}: {why}. {after}")


def _paint(painter: QPainter, drawing: Drawing, tick: Tick | None = None) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for group in sorted(drawing.groups, key=lambda g: g.z):
        paint_group(painter, group, translate=True)
        if tick is not None and not tick():
            raise ExportCancelled("the export was cancelled")


@contextmanager
def quiet_qt_messages() -> Iterator[None]:
    """Drop Qt's own messages for the duration (restoring whatever handler was installed)."""
    previous = qInstallMessageHandler(lambda *_args: None)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def render_image(drawing: Drawing, scale: float = 1.0, transparent: bool = False,
                 tick: Tick | None = None) -> QImage:
    load_fonts()
    w, h = round(drawing.width * scale), round(drawing.height * scale)
    if w * h > MAX_PIXELS:
        raise ExportError(f"a {w}×{h} image is too large; use a smaller --scale or SVG/PDF")
    with quiet_qt_messages():  # Qt's "out of memory" warning: our one line says it better
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    if image.isNull():  # painting on it would print a warning for every shape
        raise ExportError(f"not enough memory for a {w}×{h} image; use a smaller --scale "
                          "or SVG/PDF")
    image.fill(Qt.GlobalColor.transparent if transparent else QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        _paint(painter, drawing, tick)
    finally:
        ended = painter.end()
    if not ended:
        raise ExportError("the image could not be drawn")
    return image


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG, checked to be a whole PNG file."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    saved = image.save(buffer, "PNG")
    buffer.close()
    data = bytes(array.data())
    if not saved or not data.startswith(b"\x89PNG\r\n\x1a\n") or b"IEND" not in data[-12:]:
        raise ExportError("the PNG encoder failed (is there enough memory?)")
    return data


def write_png(drawing: Drawing, out: Path, scale: float = 1.0, transparent: bool = False,
              tick: Tick | None = None) -> None:
    """Raises ExportError (drawing) or OutputError (writing); the old file is kept either way."""
    write_output(out, png_bytes(render_image(drawing, scale, transparent, tick)))


def write_svg(drawing: Drawing, out: Path, transparent: bool = False) -> None:
    write_output(out, svg_bytes(drawing, transparent))


def svg_bytes(drawing: Drawing, transparent: bool = False) -> bytes:
    return to_svg(drawing, None if transparent else "#FFFFFF").encode("utf-8")


def default_paper() -> str:
    """Letter where the locale measures in inches (US), else A4."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


def _page_size(width: float, height: float) -> QPageLayout:
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Point, "",
                     QPageSize.SizeMatchPolicy.ExactMatch)
    return QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF())


def write_pdf(pages: list[Drawing], out: Path, tick: Tick | None = None,
              title: str | None = None, paper: str | None = None) -> None:
    """One vector page per drawing: on an A4 or Letter landscape sheet (``paper``, by default
    from the locale), scaled to fit, with a footer; or ``paper="fit"``, a page the size of
    the drawing (a figure to embed elsewhere)."""
    load_fonts()
    paper = paper or default_paper()
    doc_title = title if title is not None else pages[0].title if pages else ""

    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(72)  # one diagram pixel is one PDF point
    writer.setTitle(doc_title)
    writer.setCreator("vscdesk")
    painter = None
    ended = False
    try:
        for i, drawing in enumerate(pages):
            if paper == "fit":
                sheet = None
                layout = _page_size(drawing.width, drawing.height)
            else:
                sheet = paper_page(drawing, paper, doc_title, i + 1, len(pages))
                layout = _page_size(sheet.width, sheet.height)
            writer.setPageLayout(layout)
            if i == 0:
                painter = QPainter(writer)
                if not painter.isActive():
                    raise ExportError("the PDF could not be started")
            elif not writer.newPage():
                raise ExportError("the PDF could not be written (a new page failed)")
            _paint_sheet(painter, drawing, sheet, tick)
    finally:
        if painter is not None:
            ended = painter.end()  # writes the PDF's trailer into the buffer
        buffer.close()
    write_output(out, _checked_pdf(bytes(array.data()), ended))


def _checked_pdf(data: bytes, ended: bool) -> bytes:
    """The PDF's bytes if they are a whole PDF (QPdfWriter reports failures only this way)."""
    if not ended or not data.startswith(b"%PDF-") or not data.rstrip().endswith(b"%%EOF"):
        raise ExportError("the PDF could not be completed")
    return data


def _paint_sheet(painter: QPainter, drawing: Drawing, sheet: PaperPage | None,
                 tick: Tick | None) -> None:
    """The drawing placed and scaled on its sheet, then the footer (or the bare drawing)."""
    if sheet is None:
        _paint(painter, drawing, tick)
        return
    painter.save()
    try:  # a cancelled export leaves here too: the painter must end without a saved state
        painter.translate(sheet.x, sheet.y)
        painter.scale(sheet.scale, sheet.scale)
        painter.setClipRect(QRectF(0, 0, drawing.width, drawing.height))
        _paint(painter, drawing, tick)
    finally:
        painter.restore()
    for text in sheet.footer:
        paint_primitive(painter, text)
