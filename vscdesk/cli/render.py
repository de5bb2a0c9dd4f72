"""Headless rendering for ``vscdesk export``: SVG needs no Qt; PNG and PDF start Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

from vscdesk.model import DocumentModel
from vscdesk.render.pages import ExportRequest, View, export_pages, framed


_APP: list[object] = []  # the QGuiApplication made here, kept for the process


def _qt_app() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _APP.append(QGuiApplication(["vscdesk"]))  # keep a reference for the process


def export_document(doc: DocumentModel, out: Path, view: View = "chain", scale: float = 1.0,
                    transparent: bool = False, stream: str | None = None,
                    heat: str | None = None, paper: str | None = None,
                    aspect: str | None = None) -> int:
    """Write ``out`` (format by suffix) and return its page count.

    ``stream`` (an id) draws that stream alone; a PDF of the whole document is a handout, one
    page per slide, or per stream when no slides are saved, on ``paper`` sheets ("a4",
    "letter", "fit"; None: by locale). ``aspect`` frames each picture to that shape."""
    from vscdesk.bulk import paused_gc

    with paused_gc():  # building and painting every group of a large map
        return _export(doc, out, view, scale, transparent, stream, heat, paper, aspect)


def _export(doc: DocumentModel, out: Path, view: View, scale: float, transparent: bool,
            stream: str | None, heat: str | None = None, paper: str | None = None,
            aspect: str | None = None) -> int:
    from vscdesk.cli.output import is_stdout

    suffix = ".svg" if is_stdout(out) else out.suffix.lower()
    request = ExportRequest(view, "stream" if stream else "document", stream, heat=heat)
    pages = [framed(p, aspect) for p in export_pages(doc, request, handout=suffix == ".pdf")]
    if suffix == ".svg":
        from vscdesk.paint.export import svg_bytes, write_svg

        if is_stdout(out):
            from vscdesk.cli.output import to_stdout

            to_stdout(svg_bytes(pages[0], transparent))
        else:
            write_svg(pages[0], out, transparent)
        return 1
    _qt_app()
    from vscdesk.paint.export import write_pdf, write_png

    if suffix == ".pdf":
        write_pdf(pages, out, title=pages[0].title if stream else doc.title, paper=paper)
    else:
        write_png(pages[0], out, scale, transparent)
    return len(pages)
