"""No key press is claimed by two actions, on this platform or on a Linux desktop's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from shortcut_keys import SCHEMES, clashes, collect_bindings, describe, scheme_table

from vscdesk.app.shortcuts import bindings

Std = QKeySequence.StandardKey
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(make_window):
    """The whole window, as a start leaves it, with every panel built (some add actions)."""
    win = make_window(name=None, focused=True, finished=True)
    for dock in win.features.docks.values():
        dock.widget()
    win.view.setFocus()
    return win


def test_the_standard_key_table_is_this_qts(qapp):
    """The offscreen platform uses Qt's Windows scheme: the table must agree with Qt there
    (x11, kde and gnome were checked the same way under Xvfb with the xcb plugin)."""
    if QGuiApplication.platformName() != "offscreen":
        pytest.skip("the table is compared on the offscreen platform")
    table = scheme_table("win")
    for std in Std:
        if std != Std.UnknownKey:
            live = {k.toString() for k in QKeySequence.keyBindings(std)}
            assert live == {k.toString() for k in table(std)}, std.name


@pytest.mark.parametrize("scheme", [None, "x11", "kde", "gnome"])
def test_no_key_is_claimed_twice(window, scheme):
    found = collect_bindings(window, scheme)
    assert len(found) > 40  # menus, toolbar, canvas and docks were all collected
    assert clashes(found) == [], describe(clashes(found))


def test_x11_delete_keeps_del_but_leaves_ctrl_d_to_duplicate(window):
    keys = {k.toString() for k in bindings(Std.Delete, scheme_table("x11"))}
    assert "Del" in keys and "Ctrl+D" not in keys
    assert "Ctrl+D" in {k.toString() for k in scheme_table("x11")(Std.Delete)}  # Qt's own


def test_a_clash_is_found(window):
    extra = QAction("Do something else", window)
    extra.setShortcut("Ctrl+D")
    window.addAction(extra)
    found = clashes(collect_bindings(window))
    assert [(a.key, b.key) for a, b in found] == [("Ctrl+D", "Ctrl+D")]
    assert "Do something else" in describe(found) and "Duplicate" in describe(found)


def test_the_x11_delete_would_clash_without_the_fix(window):
    """What X11 users had: Delete with all of Qt's X11 bindings, Ctrl+D among them."""
    raw = list(scheme_table("x11")(Std.Delete))
    window.actions["delete"].setShortcuts(raw)
    found = clashes(collect_bindings(window))
    assert any({"Delete", "Duplicate"} == {a.owner.replace("&", "") for a in pair}
               for pair in found), describe(found)


def test_widget_keys_of_separate_widgets_do_not_clash(window):
    """A panel's own Del (live only while that panel has the focus) is no clash with the
    canvas's Del; the same key for the whole window is."""
    panel = window.features.docks["stakeholders"].widget()
    local = QAction("Remove from the list", panel)
    local.setShortcut("Del")
    local.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    panel.addAction(local)
    assert clashes(collect_bindings(window)) == []
    local.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    assert len(clashes(collect_bindings(window))) == 1


def test_ctrl_d_duplicates_with_the_x11_delete_keys(window, qtbot):
    """The X11 expansion of Delete on the real action, then a real Ctrl+D on the canvas."""
    window.actions["delete"].setShortcuts(bindings(Std.Delete, scheme_table("x11")))
    doc = window.document
    first = next(iter(doc.stages())).id
    window.selection.set([first], None)
    before = len(list(doc.stages()))
    qtbot.keyClick(window.view, Qt.Key.Key_D, CTRL)
    assert len(list(doc.stages())) == before + 1
    qtbot.keyClick(window.view, Qt.Key.Key_Delete)
    assert len(list(doc.stages())) == before


def test_every_scheme_is_known():
    for scheme in SCHEMES:
        assert scheme_table(scheme)(Std.Copy)
    with pytest.raises(ValueError):
        scheme_table("beos")
