"""File ▸ Export…: formats, parts, preview, and a long export cancelled from its progress dialog."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QProgressDialog, QPushButton

from export_checks import hostile_document, pdf_pages, strict_svg, svg_texts
from vscdesk.app import dialogs
from vscdesk.app.export_dialog import ExportDialog
from vscdesk.model import DocumentModel



def _open(window) -> ExportDialog:
    window.actions["export"].trigger()
    dialog = window.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def _choose(box, key) -> None:
    box.setCurrentIndex(box.findData(key))


def _export(qtbot, dialog, monkeypatch, out) -> None:
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: out)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def test_png_at_3x_on_transparent_background(window, qtbot, monkeypatch, tmp_path):
    dialog = _open(window)
    _choose(dialog.scale, "3")
    _choose(dialog.background, "transparent")
    width = dialog.pages()[0].width
    out = tmp_path / "d.png"
    _export(qtbot, dialog, monkeypatch, out)
    image = QImage(str(out))
    assert image.width() == round(width * 3)
    assert image.pixelColor(0, 0).alpha() == 0
    colours = {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, image.height(), 9)}
    assert len(colours) > 20
    assert not dialog.isVisible() and str(out) in window.statusBar().currentMessage()


def test_svg_of_hostile_names_is_strict_and_inert(window, qtbot, monkeypatch, tmp_path):
    window.show_model(hostile_document(), None, "hostile")
    dialog = _open(window)
    _choose(dialog.format, ".svg")
    _choose(dialog.view, "stream")
    out = tmp_path / "h.svg"
    _export(qtbot, dialog, monkeypatch, out)
    shown = svg_texts(strict_svg(out.read_text(encoding="utf-8")))
    assert "alert" in shown and "Plain" in shown


def test_pdf_of_the_document_is_an_overview_then_a_page_per_stream(window, qtbot, monkeypatch,
                                                                    tmp_path):
    dialog = _open(window)
    _choose(dialog.format, ".pdf")
    assert dialog.info.text().startswith("4 pages")
    out = tmp_path / "handout.pdf"
    _export(qtbot, dialog, monkeypatch, out)
    assert len(pdf_pages(out)) == 4


@pytest.mark.parametrize("framing, ratio", [("16:9", 16 / 9), ("4:3", 4 / 3), ("a4", 297 / 210),
                                             ("letter", 11 / 8.5)])
def test_framing_gives_the_picture_that_shape(window, qtbot, monkeypatch, tmp_path, framing,
                                              ratio):
    dialog = _open(window)
    _choose(dialog.scale, "1")
    _choose(dialog.framing, framing)
    out = tmp_path / "framed.png"
    _export(qtbot, dialog, monkeypatch, out)
    image = QImage(str(out))
    assert abs(image.width() / image.height() - ratio) < 0.01


def test_one_stream_in_stream_view(window, qtbot, monkeypatch, tmp_path):
    dialog = _open(window)
    _choose(dialog.format, ".svg")
    _choose(dialog.scope, "stream")
    _choose(dialog.stream, "new-service")
    _choose(dialog.view, "stream")
    out = tmp_path / "one.svg"
    _export(qtbot, dialog, monkeypatch, out)
    shown = svg_texts(strict_svg(out.read_text(encoding="utf-8")))
    assert "Deliver a new service" in shown and "Restore service for a user" not in shown


def test_the_selection_only(window, qtbot, monkeypatch, tmp_path):
    window.selection.set(["approve", "operate"])
    dialog = _open(window)
    assert dialog.scope.itemText(dialog.scope.findData("selection")) == "The selected stages (2)"
    _choose(dialog.format, ".svg")
    _choose(dialog.scope, "selection")
    out = tmp_path / "sel.svg"
    _export(qtbot, dialog, monkeypatch, out)
    shown = svg_texts(strict_svg(out.read_text(encoding="utf-8")))
    assert "Approve" in shown and "Operate" in shown
    assert "Report the" not in shown and "Diagnose" not in shown


def test_selection_is_offered_only_with_a_selection(window):
    dialog = _open(window)
    assert not dialog.scope.model().item(dialog.scope.findData("selection")).isEnabled()


def test_what_the_window_shows_is_cropped_to_it(window, qtbot, monkeypatch, tmp_path):
    window.view.set_zoom(2.0)
    window.view.centerOn(0, 0)
    dialog = _open(window)
    _choose(dialog.format, ".svg")
    _choose(dialog.scope, "visible")
    out = tmp_path / "visible.svg"
    _export(qtbot, dialog, monkeypatch, out)
    root = strict_svg(out.read_text(encoding="utf-8"))
    assert float(root.get("width")) < window.scene.current_drawing().width / 1.5
    assert "IT services" in svg_texts(root) and "Review outcomes" not in svg_texts(root)


def test_preview_follows_the_choices(window):
    dialog = _open(window)
    chain = dialog.preview.pixmap().toImage()
    _choose(dialog.view, "stream")
    stream = dialog.preview.pixmap().toImage()
    assert not chain.isNull() and chain != stream
    _choose(dialog.format, ".png")
    _choose(dialog.scale, "4")
    info = dialog.info.text()
    assert info.endswith("pixels") and str(round(dialog.pages()[0].width * 4)) in info


def test_closing_the_dialog_writes_nothing(window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: pytest.fail("no file asked"))
    dialog = _open(window)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and list(tmp_path.iterdir()) == []


def _big_document() -> DocumentModel:
    lanes = [{"id": f"lane{i}", "name": f"Activity {i}"} for i in range(6)]
    streams = [{"id": f"s{k}", "name": f"Stream {k}",
                "stages": [{"id": f"s{k}-{j}", "name": f"Stage {j} of {k}", "lane": f"lane{j % 6}"}
                           for j in range(12)]} for k in range(25)]
    return DocumentModel.model_validate({"title": "Big", "chain": {"lanes": lanes}, "streams": streams})


@pytest.mark.parametrize("suffix", [".pdf", ".png"])
def test_cancelling_a_long_export_leaves_no_file(window, qtbot, monkeypatch, tmp_path, suffix):
    window.show_model(_big_document(), None, "big")
    dialog = _open(window)
    _choose(dialog.format, suffix)
    dialog.runner.show_after_ms = 0
    seen: list[QProgressDialog] = []
    dialog.runner.progress_shown.connect(seen.append)
    steps: list[int] = []

    def press_cancel(done, total):
        steps.append(done)
        if len(steps) == 2:
            assert seen[0].isVisible()
            qtbot.mouseClick(seen[0].findChild(QPushButton), Qt.MouseButton.LeftButton)

    dialog.runner.progressed.connect(press_cancel)
    out = tmp_path / f"big{suffix}"
    _export(qtbot, dialog, monkeypatch, out)
    total = sum(len(p.groups) for p in dialog.pages())
    assert 2 <= len(steps) < total / 8 - 1  # stopped early, not after painting everything
    assert list(tmp_path.iterdir()) == []  # no file, no temp file
    assert dialog.isVisible() and "cancelled" in window.statusBar().currentMessage()


def test_enter_exports_export_is_the_default_button(window, qtbot, monkeypatch):
    """Enter in the dialog asks where to export (it used to press Cancel)."""
    asked = []
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: asked.append(a) or None)
    dialog = _open(window)
    qtbot.waitExposed(dialog)
    defaults = [b for b in dialog.findChildren(QPushButton) if b.isDefault()]
    assert defaults == [dialog.export_button]
    qtbot.keyClick(dialog.format, Qt.Key.Key_Return)
    assert len(asked) == 1 and dialog.isVisible()  # the path question was cancelled: it stays
