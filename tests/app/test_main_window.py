"""The main window: title and modified marker, open errors, save, prompts before discarding."""


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from vscdesk.app import dialogs
from vscdesk.app.export_dialog import ExportDialog
from vscdesk.document import SetStageFields
from vscdesk.storage import load


@pytest.fixture
def window(make_window):
    return make_window(shown=False)


def test_title_shows_name_and_modified_marker(window):
    assert window.windowTitle() == "IT services (example)[*] — vscdesk"
    assert not window.isWindowModified()
    window.document.push(SetStageFields(window.document, "approve", name="Approve budget"))
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert not window.isWindowModified()


def test_undo_redo_through_the_edit_menu_shortcuts(window, qtbot):
    window.show()
    window.document.push(SetStageFields(window.document, "approve", name="Approve budget"))
    window.actions["undo"].trigger()
    assert window.document.stage("approve").name == "Approve"
    window.actions["redo"].trigger()
    assert window.document.stage("approve").name == "Approve budget"
    assert window.actions["undo"].shortcut().matches(
        window.actions["undo"].shortcut()) and window.actions["undo"].text().startswith("&Undo")


def test_save_as_writes_file_and_clears_marker(window, tmp_path, monkeypatch):
    target = tmp_path / "my map.vsc.json"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: target)
    window.document.push(SetStageFields(window.document, "approve", name="Approve budget"))
    assert window.actions["save"].isEnabled()
    window.actions["save"].trigger()
    assert load(target).streams[1].stages[1].name == "Approve budget"
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("my map.vsc.json")


def test_open_invalid_file_shows_the_message_and_keeps_document(window, tmp_path, monkeypatch):
    bad = tmp_path / "bad.vsc.json"
    bad.write_text('{"format": "vscdesk", "schema_version": 1, "streams": [{"id": 5}]}')
    shown = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, msg: shown.append(msg))
    assert not window.open_path(bad)
    assert len(shown) == 1 and "streams[0]" in shown[0]
    assert window.document.model.title == "IT services"


def test_close_with_unsaved_changes_asks_and_cancel_keeps_window(window, monkeypatch):
    window.show()
    asked = []
    monkeypatch.setattr(dialogs, "ask_discard",
                        lambda *a: asked.append(a) or QMessageBox.StandardButton.Cancel)
    window.document.push(SetStageFields(window.document, "approve", name="Approve budget"))
    assert not window.close()
    assert asked and window.isVisible()
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: QMessageBox.StandardButton.Discard)
    assert window.close()


def test_new_document_after_discard(window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: QMessageBox.StandardButton.Discard)
    window.document.push(SetStageFields(window.document, "approve", name="Approve budget"))
    window.actions["new"].trigger()
    assert window.document.model.streams == []
    assert len(window.document.model.chain.lanes) == 6
    assert window.document.path is None


def test_export_from_menu_writes_svg(window, tmp_path, monkeypatch):
    out = tmp_path / "d.svg"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *a: out)
    window.actions["export"].trigger()
    window.findChild(ExportDialog).export_button.click()  # the dialog's defaults, then Export…
    assert "<svg" in out.read_text(encoding="utf-8")


def _wheel(view, modifiers):
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(view.viewport().rect().center())
    event = QWheelEvent(centre, QPointF(view.viewport().mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def test_window_fits_the_diagram_and_ctrl_wheel_zooms(window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    view = window.view
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.sceneRect().adjusted(1, 1, -1, -1)) or view.zoom() == 1.0
    before = view.zoom()
    _wheel(view, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom() == pytest.approx(before * 1.15)
    _wheel(view, Qt.KeyboardModifier.NoModifier)  # plain wheel scrolls, does not zoom
    assert view.zoom() == pytest.approx(before * 1.15)
