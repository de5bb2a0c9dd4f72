"""Render docs/images/deck-slide.png: a slide of the exported deck beside the same slide in
presentation mode, both from the bundled example.

    .venv/bin/python scripts/deck_image.py [SLIDE] [OUT.png]     (default: 3, docs/images)

The right half is the .pptx as LibreOffice Impress draws it (``soffice --headless`` and
``pdftoppm``, from the system's packages: apt-get install libreoffice-impress poppler-utils);
the left half is the presentation window grabbed offscreen. The tests never need LibreOffice.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, Qt  # noqa: E402
from PySide6.QtGui import QColor, QFont, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from vscdesk.bundled import example_path  # noqa: E402
from vscdesk.canvas.presentation import PresentationWindow  # noqa: E402
from vscdesk.deck.build import export_deck  # noqa: E402
from vscdesk.document import Document  # noqa: E402
from vscdesk.storage import load  # noqa: E402

W, H = 1280, 720
GAP, CAPTION = 24, 36


def deck_png(slide: int, folder: Path) -> QImage:
    """Slide ``slide`` (1 = the first after the title) of the deck, drawn by LibreOffice."""
    deck = folder / "deck.pptx"
    export_deck(load(example_path()), deck)
    soffice = shutil.which("soffice") or sys.exit("soffice not found: apt-get install libreoffice-impress")
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(deck)],
                   check=True, capture_output=True, timeout=600)
    page = slide + 1  # the title slide comes first
    subprocess.run(["pdftoppm", "-png", "-r", str(round(72 * W / 960)), "-f", str(page), "-l",
                    str(page), "-singlefile", str(folder / "deck.pdf"), str(folder / "slide")],
                   check=True, timeout=120)
    return QImage(str(folder / "slide.png"))


def presentation_png(slide: int) -> QImage:
    window = PresentationWindow(Document(load(example_path())), start=slide - 1)
    window.resize(W, H)
    window.show()
    for _ in range(5):
        QApplication.processEvents()
    window.reframe()
    QApplication.processEvents()
    image = window.grab().toImage()
    window.close()
    return image


def side_by_side(left: QImage, right: QImage) -> QImage:
    out = QImage(2 * W + 3 * GAP, H + CAPTION + 2 * GAP, QImage.Format.Format_RGB32)
    out.fill(QColor("#E4E7EB"))
    painter = QPainter(out)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    font = QFont("DejaVu Sans")
    font.setPixelSize(17)
    painter.setFont(font)
    painter.setPen(QColor("#3A4655"))
    for i, (image, caption) in enumerate(((left, "vscdesk presentation mode (F5)"),
                                          (right, "The exported .pptx in LibreOffice Impress"))):
        x = GAP + i * (W + GAP)
        painter.drawText(QRect(x, GAP // 2, W, CAPTION), Qt.AlignmentFlag.AlignCenter, caption)
        painter.drawImage(QRect(x, GAP + CAPTION, W, H), image.scaled(
            W, H, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation))
    painter.end()
    return out


def main() -> None:
    slide = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else Path("docs/images/deck-slide.png")
    app = QApplication.instance() or QApplication(["vscdesk"])
    with tempfile.TemporaryDirectory(prefix="vscdesk-deck-") as folder:
        right = deck_png(slide, Path(folder))
        left = presentation_png(slide)
        side_by_side(left, right).save(str(out))
    print(f"wrote {out}")
    del app


if __name__ == "__main__":
    main()
