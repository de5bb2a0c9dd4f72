"""Render a drawing to PNG, SVG or PDF files without a window (used by the CLI and File ▸ Export)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF, Qt
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from vscdesk.paint.painter import load_fonts, paint_group
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


def write_pdf(pages: list[Drawing], out: Path, tick: Tick | None = None,
              title: str | None = None) -> None:
    """One vector page per drawing, each page sized to its drawing."""
    load_fonts()

    def write(tmp: str) -> None:
        writer = QPdfWriter(tmp)
        writer.setResolution(72)  # one diagram pixel is one PDF point
        writer.setTitle(title if title is not None else pages[0].title if pages else "")
        writer.setCreator("vscdesk")
        painter = None
        try:
            for i, drawing in enumerate(pages):
                size = QPageSize(QSizeF(drawing.width, drawing.height), QPageSize.Unit.Point,
                                 "", QPageSize.SizeMatchPolicy.ExactMatch)
                writer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait,
                                                 QMarginsF()))
                if i == 0:
                    painter = QPainter(writer)
                else:
                    writer.newPage()
                _paint(painter, drawing, tick)
        finally:
            if painter is not None:
                painter.end()

    _atomic_write(out, write)
