"""Headless rendering for ``vscdesk export``: SVG needs no Qt; PNG and PDF start Qt offscreen."""

from __future__ import annotations

import os
from pathlib import Path

from vscdesk.model import DocumentModel


def drawing(doc: DocumentModel, view: str):
    if view == "stream":
        from vscdesk.render.stream import stream_drawing

        return stream_drawing(doc)
    from vscdesk.render.chain import chain_drawing

    return chain_drawing(doc)


def _qt_app() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.instance() is None:
        _qt_app.app = QGuiApplication(["vscdesk"])  # keep a reference for the process


def export_document(doc: DocumentModel, out: Path, view: str = "chain", scale: float = 1.0,
                    transparent: bool = False) -> None:
    picture = drawing(doc, view)
    suffix = out.suffix.lower()
    if suffix == ".svg":
        from vscdesk.paint.export import write_svg

        write_svg(picture, out, transparent)
        return
    _qt_app()
    from vscdesk.paint.export import write_pdf, write_png

    if suffix == ".pdf":
        write_pdf([picture], out)
    else:
        write_png(picture, out, scale, transparent)
