"""The main toolbar: file, undo, adding, linking, export and Present, as icons with tooltips."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton

from session_helpers import finished_window

KEY_ACTIONS = ("new", "open", "save", "undo", "redo", "add_stage", "add_stream", "add_lane",
               "link_mode", "delete", "export", "present")


def test_the_main_toolbar_carries_the_key_actions_with_icons_and_tooltips(qtbot):
    window = finished_window(qtbot)
    bar = window.findChild(QToolBar, "main-toolbar")
    on_bar = bar.actions()
    for key in KEY_ACTIONS:
        action = window.actions[key]
        assert action in on_bar, key
        assert not action.icon().isNull(), key
        assert action.toolTip(), key
    order = [window.actions[k] for k in KEY_ACTIONS]
    assert sorted(order, key=on_bar.index) == order  # in reading order
    present = bar.widgetForAction(window.actions["present"])
    assert present.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    save = bar.widgetForAction(window.actions["save"])
    assert save.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert "Ctrl+S" in window.actions["save"].toolTip()


def test_toolbar_buttons_work_and_a_refill_keeps_the_undo_actions(qtbot):
    window = finished_window(qtbot)
    window.show()
    bar = window.findChild(QToolBar, "main-toolbar")
    before = len(window.document.model.streams)
    button = bar.widgetForAction(window.actions["add_stream"])
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    editor = window.features.edit_actions.editing.editor
    if editor.active:
        qtbot.keyClick(editor.line, Qt.Key.Key_Return)
    assert len(window.document.model.streams) == before + 1
    undo = bar.widgetForAction(window.actions["undo"])
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert len(window.document.model.streams) == before


def test_the_toolbar_fits_a_1440_wide_window(qtbot):
    window = finished_window(qtbot)
    window.resize(1440, 900)
    window.show()
    qtbot.waitExposed(window)
    bars = [b for b in window.findChildren(QToolBar) if b.isVisible()]
    assert sum(b.sizeHint().width() for b in bars) <= window.width()
    for bar in bars:  # nothing pushed into an overflow menu
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            assert widget is None or widget.isVisible(), action.text()
