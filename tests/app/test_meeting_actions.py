"""For meetings: Copy as image (PNG and SVG on the clipboard), Print… (through a QPrinter into a
PDF, as the preview would), and File ▸ Export ▸ Presentation (.pptx)… from the window."""

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from export_checks import pdf_pages, svg_texts
from vscdesk.app import dialogs


def _clipboard_svg() -> str:
    data = QApplication.clipboard().mimeData()
    assert data.hasFormat("image/svg+xml") and data.hasFormat("image/png") and data.hasImage()
    return bytes(data.data("image/svg+xml").data()).decode("utf-8")


def test_ctrl_shift_c_copies_the_view_as_png_and_svg(window, qtbot):
    QApplication.clipboard().clear()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    svg = _clipboard_svg()
    shown = svg_texts(ET.fromstring(svg))
    assert "Report the problem" in shown and "Plan the service" in shown  # every stream
    data = QApplication.clipboard().mimeData()
    png = QImage.fromData(bytes(data.data("image/png").data()), "PNG")
    assert not png.isNull() and png.width() > 1000 and png.width() / png.height() > 1.2
    assert not QImage(data.imageData()).isNull()


def test_copy_as_image_with_a_stream_selected_copies_that_stream(window):
    window.selection.set(["approve"], "fulfil-request")
    window.actions["copy_image"].trigger()
    shown = svg_texts(ET.fromstring(_clipboard_svg()))
    assert "Approve" in shown and "Procure device" in shown
    assert "Report the problem" not in shown and "Plan the service" not in shown


def _print_to_pdf(window, monkeypatch, tmp_path, mode: str):
    out = tmp_path / f"{mode}.pdf"
    seen = {}

    def answer(parent, printer, paint, customise=None):
        # what the preview asks for, into a PDF file: the same painting, no dialog
        seen["landscape"] = printer.pageLayout().orientation().name
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        paint(printer)
        return True

    monkeypatch.setattr(dialogs, "ask_print", answer)
    from vscdesk.app.meeting_actions import print_document

    if mode == "fit":
        window.actions["print"].trigger()
    else:
        print_document(window, mode)
    assert seen["landscape"] == "Landscape"
    return pdf_pages(out), out.read_bytes()


def test_print_fits_the_view_on_one_landscape_page(window, monkeypatch, tmp_path):
    pages, _data = _print_to_pdf(window, monkeypatch, tmp_path, "fit")
    assert len(pages) == 1
    width, height = pages[0]
    assert width > height  # landscape by default


def test_print_tiles_over_pages_at_full_size(window, monkeypatch, tmp_path):
    pages, _ = _print_to_pdf(window, monkeypatch, tmp_path, "tile")
    assert len(pages) > 1 and all(w > h for w, h in pages)


def test_print_preview_offers_fit_or_tile(window, monkeypatch):
    from PySide6.QtPrintSupport import QPrintPreviewDialog
    from PySide6.QtWidgets import QComboBox

    from vscdesk.app.meeting_actions import _mode_choice

    state = {"mode": "fit"}
    dialog = QPrintPreviewDialog()
    _mode_choice(dialog, state)
    box = dialog.findChild(QComboBox, "print_mode")
    box.setCurrentIndex(box.findData("tile"))
    assert state["mode"] == "tile"
    dialog.deleteLater()


def test_export_presentation_from_the_file_menu(window, monkeypatch, tmp_path):
    from pptx import Presentation

    from vscdesk.render.slides import slide_sequence

    out = tmp_path / "talk.pptx"
    asked = []
    monkeypatch.setattr(dialogs, "ask_deck_path",
                        lambda parent, start: asked.append(start) or (out, "4:3"))
    assert window.actions["export_deck"] in window.menus["export"].actions()
    window.actions["export_deck"].trigger()
    assert [Path(start).name for start in asked] == ["IT services.pptx"]
    assert Path(asked[0]).is_absolute()  # in a folder, never the working directory
    deck = Presentation(str(out))
    assert len(deck.slides) == 1 + len(slide_sequence(window.document.model))
    assert abs(deck.slide_width / deck.slide_height - 4 / 3) < 0.01  # the size chosen
