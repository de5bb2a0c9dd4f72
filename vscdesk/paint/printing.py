"""Paint a drawing on a QPrinter: the print preview, a printer, or a PDF file, page by page.

The pages come from render/print_layout.py (fit to one page, or tiled with overlap marks);
the painting is the export's own (paint/painter.py), so print and export look the same.
"""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QRectF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from vscdesk.paint.painter import load_fonts, paint_group, paint_primitive
from vscdesk.render.primitives import Drawing
from vscdesk.render.print_layout import print_pages

MARGIN_MM = 10.0


def landscape_printer(printer: QPrinter | None = None) -> QPrinter:
    """A printer set to landscape with 10 mm margins: diagrams are wider than tall."""
    printer = printer or QPrinter(QPrinter.PrinterMode.HighResolution)
    layout = QPageLayout(printer.pageLayout().pageSize() or QPageSize(QPageSize.PageSizeId.A4),
                         QPageLayout.Orientation.Landscape,
                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                         QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)
    return printer


def paint_print(printer: QPrinter, drawing: Drawing, title: str, mode: str = "fit") -> int:
    """Paint every page on ``printer``; the number of pages. Printing to a PDF file goes
    through the one atomic writer: Qt writes a temporary file, which is checked complete
    (``%%EOF``) and then replaces the target, so a failed print never leaves half a PDF."""
    target = printer.outputFileName()
    if printer.outputFormat() != QPrinter.OutputFormat.PdfFormat or not target:
        return _paint_pages(printer, drawing, title, mode)
    import tempfile
    from pathlib import Path

    from vscdesk.storage.atomic import write_output

    with tempfile.TemporaryDirectory(prefix="vscdesk-print-") as folder:
        scratch = str(Path(folder) / "print.pdf")
        printer.setOutputFileName(scratch)
        try:
            pages = _paint_pages(printer, drawing, title, mode)
        finally:
            printer.setOutputFileName(target)
        data = Path(scratch).read_bytes()
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        raise OSError("the PDF came out incomplete")
    write_output(Path(target), data)
    return pages


def _paint_pages(printer: QPrinter, drawing: Drawing, title: str, mode: str) -> int:
    load_fonts()
    layout = printer.pageLayout()
    area = layout.paintRect(QPageLayout.Unit.Point)
    pages = print_pages(drawing, area.width(), area.height(), title, mode)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be started")
    try:
        # The device has its own resolution: paint in points, as the layout measured.
        device = painter.viewport()
        to_points = device.width() / area.width()
        for i, page in enumerate(pages):
            if i:
                printer.newPage()
            painter.resetTransform()
            painter.scale(to_points, to_points)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            for item in (*page.marks, *page.header):
                paint_primitive(painter, item)
            sx, sy, sw, sh = page.source
            painter.save()
            painter.translate(page.x, page.y)
            painter.scale(page.scale, page.scale)
            painter.translate(-sx, -sy)
            painter.setClipRect(QRectF(sx, sy, sw, sh))
            for group in sorted(drawing.groups, key=lambda g: g.z):
                paint_group(painter, group, translate=True)
            painter.restore()
    finally:
        painter.end()
    return len(pages)
