"""Panel tests: the bundled example in a real main window, and no modal question unanswered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from vscdesk.app import dialogs
from vscdesk.panels import questions


@pytest.fixture(autouse=True)
def _no_unexpected_questions(monkeypatch):
    def unexpected(*args):
        raise AssertionError(f"unexpected question: {args[1:]}")

    monkeypatch.setattr(questions, "confirm_remove_stakeholder", unexpected)
    monkeypatch.setattr(questions, "ask_color", unexpected)
    monkeypatch.setattr(questions, "ask_group_name", unexpected)
    monkeypatch.setattr(dialogs, "show_error", unexpected)
    monkeypatch.setattr(dialogs, "ask_lane_stages", unexpected)
    monkeypatch.setattr(dialogs, "ask_document_properties", unexpected)
    monkeypatch.setattr(dialogs, "ask_discard", lambda *a: dialogs.QMessageBox.StandardButton.Discard)


@pytest.fixture
def stack(window):
    return window.document.undo_stack


def pick(qtbot, combo: QComboBox, text: str) -> None:
    """Choose an entry the way a mouse user does: open the list and click the entry."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} not offered; have {[combo.itemText(i) for i in range(combo.count())]}"
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    rect = view.visualRect(view.model().index(index, 0))
    with qtbot.waitSignal(combo.activated, timeout=1000):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into(qtbot, widget, text: str) -> None:
    """Replace a line edit's text by typing, then press Enter."""
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def edit_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Double-click a table cell, type over its text and press Enter."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), editor
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits an Enter through a queued call: let the event loop deliver it.
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)


def choose_cell(qtbot, table, row: int, column: int, text: str) -> None:
    """Double-click a choice cell and click an entry of the combo box that opens."""
    from PySide6.QtWidgets import QApplication

    rect = table.visualItemRect(table.item(row, column))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox), editor
    pick(qtbot, editor, text)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState)
