"""Cases without a window: open, save, analysis, and the CLI's SVG and PNG export."""

from __future__ import annotations

import json
import math
import os
import tempfile
from pathlib import Path

from bench.timing import Timed, measure
from vscdesk.model import DocumentModel

PNG_PIXELS = 16_000_000  # the PNG export is scaled down to at most this many pixels


def open_file(path: Path, repeat: int) -> Timed:
    """Read and validate a document file; floor: read and ``json.loads`` the same bytes."""
    from vscdesk.storage import load

    return measure(lambda: load(path), lambda: json.loads(path.read_bytes()), repeat)


def save(model: DocumentModel, path: Path, repeat: int) -> Timed:
    """Write the document atomically; floor: ``json.dumps`` of the same data to a file."""
    from vscdesk.storage import save as save_doc

    data = json.loads(path.read_bytes())
    with tempfile.TemporaryDirectory() as folder:
        out, plain = Path(folder) / "saved.vsc.json", Path(folder) / "plain.json"

        def floor() -> None:
            plain.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")

        return measure(lambda: save_doc(model, out), floor, repeat)


def analysis(model: DocumentModel, repeat: int) -> Timed:
    """All metrics and problems."""
    from vscdesk.analysis import analyse

    return measure(lambda: analyse(model), None, repeat)


def png_scale(width: float, height: float) -> float:
    """The export scale that keeps a PNG of the whole map within PNG_PIXELS."""
    return min(1.0, math.sqrt(PNG_PIXELS / (width * height)))


def export(model: DocumentModel, fmt: str, repeat: int) -> Timed:
    """``vscdesk export`` of the whole chain view; floor: Qt rendering the plain scene."""
    from vscdesk.cli.render import _qt_app, export_document
    from vscdesk.render.chain import chain_drawing

    _qt_app()
    from bench.plain_scene import plain_scene

    size = chain_drawing(model)
    width, height = size.width, size.height
    del size  # the floor's drawing is made after the case's own memory was measured
    scale = png_scale(width, height)
    plain: list = []

    def prepare_floor() -> None:  # built after the case's own memory was measured
        if not plain:
            drawing = chain_drawing(model)
            plain.extend((plain_scene(drawing), drawing))
    with tempfile.TemporaryDirectory() as folder:
        out, floor_out = Path(folder) / f"out.{fmt}", Path(folder) / f"floor.{fmt}"
        if fmt == "svg":
            step = lambda: export_document(model, out, "chain")  # noqa: E731
            floor = lambda: _svg_floor(plain[0], plain[1], floor_out)  # noqa: E731
        else:
            step = lambda: export_document(model, out, "chain", scale)  # noqa: E731
            floor = lambda: _png_floor(plain[0], plain[1], scale, floor_out)  # noqa: E731
        result = measure(step, floor, repeat, prepare_floor=prepare_floor)
        assert os.path.getsize(out) > 0
        return result


def _svg_floor(scene, drawing, out: Path) -> None:
    from PySide6.QtCore import QRectF, QSize
    from PySide6.QtGui import QPainter
    from PySide6.QtSvg import QSvgGenerator

    generator = QSvgGenerator()
    generator.setFileName(str(out))
    generator.setSize(QSize(round(drawing.width), round(drawing.height)))
    generator.setViewBox(QRectF(0, 0, drawing.width, drawing.height))
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, drawing.width, drawing.height), scene.sceneRect())
    painter.end()


def _png_floor(scene, drawing, scale: float, out: Path) -> None:
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    w, h = round(drawing.width * scale), round(drawing.height * scale)
    image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, w, h), scene.sceneRect())
    painter.end()
    image.save(str(out), "PNG")
