"""Every platform binding of a standard shortcut works, plus the fallbacks users expect."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from vscdesk.document import SetStageFields


@pytest.fixture
def window(make_window):
    win = make_window(name="example")
    win.view.setFocus()
    return win


Std = QKeySequence.StandardKey


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


@pytest.mark.parametrize("scheme", ["x11", "kde", "gnome", "win", "mac"])
def test_no_desktop_lists_keys_few_keyboards_have(scheme):
    """X11 adds F14/F16/F18/F20 (a Sun keyboard's Undo, Copy, Paste, Cut) and every desktop
    Shift+Save for Save As: the menus and the shortcut sheet showed them."""
    from shortcut_keys import scheme_table

    from vscdesk.app.shortcuts import bindings

    table = scheme_table(scheme)
    shown = {std.name: [k.toString() for k in bindings(std, table)]
             for std in (Std.Undo, Std.Redo, Std.Cut, Std.Copy, Std.Paste, Std.Save, Std.SaveAs,
                         Std.Delete, Std.ZoomIn, Std.Quit)}
    keys = [key for found in shown.values() for key in found]
    assert not any(k in ("F14", "F16", "F18", "F20") or "Save" in k for k in keys), shown
    if scheme == "x11":
        assert shown["Undo"] == ["Ctrl+Z"] and shown["Cut"] == ["Ctrl+X", "Shift+Del"]
        assert shown["SaveAs"] == ["Ctrl+Shift+S"] and "Ctrl+V" in shown["Paste"]
