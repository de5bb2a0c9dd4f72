"""Render a drawing to PNG, SVG or PDF files without a window (used by the CLI and File ▸ Export)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from vscdesk.paint.painter import load_fonts, paint_group, paint_primitive
from vscdesk.render.pages import PaperPage, paper_page
from vscdesk.render.primitives import Drawing
from vscdesk.render.svg import to_svg
from vscdesk.storage.atomic import replacing

FORMATS = ("png", "svg", "pdf")
MAX_PIXELS = 400_000_000  # a PNG larger than this would exhaust memory; refuse it clearly


#: Called after each group is painted; returning False cancels the export (progress dialogs).
Tick = Callable[[], bool]


class ExportError(Exception):
    """A readable reason why an export could not be written."""


class ExportCancelled(ExportError):
    """The user cancelled a long export; no file was written."""


def _paint(painter: QPainter, drawing: Drawing, tick: Tick | None = None) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    for group in sorted(drawing.groups, key=lambda g: g.z):
        paint_group(painter, group, translate=True)
        if tick is not None and not tick():
            raise ExportCancelled("the export was cancelled")


def render_image(drawing: Drawing, scale: float = 1.0, transparent: bool = False,
                 tick: Tick | None = None) -> QImage:
    load_fonts()
    w, h = round(drawing.width * scale), round(drawing.height * scale)
    if w * h > MAX_PIXELS:
        raise ExportError(f"a {w}×{h} image is too large; use a smaller --scale or SVG/PDF")
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent if transparent else QColor("#FFFFFF"))
    painter = QPainter(image)
    try:
        painter.scale(scale, scale)
        _paint(painter, drawing, tick)
    finally:
        painter.end()
    return image


def _atomic_write(out: Path, write) -> None:
    """Write through a temporary sibling so a failed export never leaves a half-written file."""
    with replacing(out) as tmp:
        write(tmp)


def write_png(drawing: Drawing, out: Path, scale: float = 1.0, transparent: bool = False,
              tick: Tick | None = None) -> None:
    image = render_image(drawing, scale, transparent, tick)

    def write(tmp: str) -> None:
        if not image.save(tmp, "PNG"):
            raise ExportError(f"could not write PNG to {out}")

    _atomic_write(out, write)


def write_svg(drawing: Drawing, out: Path, transparent: bool = False) -> None:
    text = to_svg(drawing, None if transparent else "#FFFFFF")
    _atomic_write(out, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))


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

    def write(tmp: str) -> None:
        writer = QPdfWriter(tmp)
        writer.setResolution(72)  # one diagram pixel is one PDF point
        writer.setTitle(doc_title)
        writer.setCreator("vscdesk")
        painter = None
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
                else:
                    writer.newPage()
                _paint_sheet(painter, drawing, sheet, tick)
        finally:
            if painter is not None:
                painter.end()

    _atomic_write(out, write)


def _paint_sheet(painter: QPainter, drawing: Drawing, sheet: PaperPage | None,
                 tick: Tick | None) -> None:
    """The drawing placed and scaled on its sheet, then the footer (or the bare drawing)."""
    if sheet is None:
        _paint(painter, drawing, tick)
        return
    painter.save()
    painter.translate(sheet.x, sheet.y)
    painter.scale(sheet.scale, sheet.scale)
    painter.setClipRect(QRectF(0, 0, drawing.width, drawing.height))
    _paint(painter, drawing, tick)
    painter.restore()
    for text in sheet.footer:
        paint_primitive(painter, text)
