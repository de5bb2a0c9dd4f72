"""Every platform binding of a standard shortcut works, plus the fallbacks users expect."""

import pytest
from PySide6.QtCore import Qt

from vscdesk.app.main_window import MainWindow
from vscdesk.document import SetStageFields
from vscdesk.storage import load


@pytest.fixture
def window(qtbot, example_file):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_model(load(example_file), None, "example")
    win.show()
    qtbot.waitExposed(win)
    win.view.setFocus()
    return win


def _keys(action):
    return {k.toString() for k in action.shortcuts()}


def test_actions_carry_all_bindings_and_fallbacks(window):
    assert {"Ctrl+Shift+Z", "Ctrl+Y"} <= _keys(window.actions["redo"])
    assert "Ctrl+=" in _keys(window.actions["zoom_in"])
    assert "Ctrl+Q" in _keys(window.actions["quit"])


def test_ctrl_shift_z_redoes(window, qtbot):
    doc = window.document
    doc.push(SetStageFields(doc, "approve", name="Approve budget"))
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.stage("approve").name == "Approve"
    qtbot.keyClick(window.view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert doc.stage("approve").name == "Approve budget"


def test_ctrl_equals_zooms_in(window, qtbot):
    before = window.view.zoom()
    qtbot.keyClick(window.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom() > before


def test_no_two_actions_share_a_binding(window):
    seen = {}
    for name, action in window.actions.items():
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen or seen[text] == name, f"{text}: {seen.get(text)} and {name}"
            seen[text] = name
