"""Alt+letter does what its underline promises: no two mnemonics on screen share a letter."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget
from mnemonic_keys import collisions, visible_mnemonics


ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def window(make_window):
    win = make_window(name=None, focused=True, finished=True)
    win.selection.set(["report-problem"], "restore-service")
    return win


def _pages(dock):
    """Raise each page of the panel's tabs in turn (once if it has none)."""
    tabs = dock.widget().findChildren(QTabWidget)
    if not tabs:
        yield "—"
        return
    for index in range(tabs[0].count()):
        tabs[0].setCurrentIndex(index)
        QApplication.processEvents()
        yield tabs[0].tabText(index)


def _docks_in(window, area):
    return [key for key, dock in window.features.docks.items() if window.dockWidgetArea(dock) == area]


def test_menus_and_every_panel_page_on_screen_together_share_no_letter(window, qtbot):
    seen = 0
    right = _docks_in(window, Qt.DockWidgetArea.RightDockWidgetArea)
    bottom = _docks_in(window, Qt.DockWidgetArea.BottomDockWidgetArea)
    assert {"stage", "stream", "stakeholders", "activity_loop"} <= set(right)
    assert {"problems", "metrics"} <= set(bottom)
    for on_right in right:
        for below in bottom:
            for dock in (window.features.docks[on_right], window.features.docks[below]):
                dock.show()
                dock.raise_()
            QApplication.processEvents()
            for page in _pages(window.features.docks[on_right]):
                found = visible_mnemonics(window)
                seen += len(found)
                assert collisions(found) == [], f"{on_right} ({page}) with {below}"
    assert seen > 100  # the menus, labels, tabs and buttons were all looked at


def test_the_finder_sees_a_collision(window):
    from PySide6.QtWidgets import QLabel, QLineEdit

    panel = window.features.docks["stage"].widget()
    label = QLabel("&Priority:", panel.details)
    label.setBuddy(QLineEdit(panel.details))
    label.show()
    assert [(a.letter, b.letter) for a, b in collisions(visible_mnemonics(window))] == [("P", "P")]


def test_a_panel_behind_a_tab_offers_no_mnemonics(window, qtbot):
    """Alt+M is the Stream panel's picker; with the Stage tab in front it must not reach it."""
    window.features.docks["stage"].raise_()
    stream = window.features.docks["stream"].widget()
    qtbot.keyClick(window.view, Qt.Key.Key_M, ALT)
    assert not stream.isAncestorOf(QApplication.focusWidget())
    window.features.docks["stream"].raise_()
    qtbot.waitUntil(stream.isVisible)
    qtbot.keyClick(window.view, Qt.Key.Key_M, ALT)
    assert QApplication.focusWidget() is stream.picker


def test_alt_r_reaches_process_time(window, qtbot):
    details = window.features.docks["stage"].widget().details
    qtbot.keyClick(window.view, Qt.Key.Key_R, ALT)
    assert details.process_time.isAncestorOf(QApplication.focusWidget())


def _entries(menu):
    """The visible entries of a menu with their letters (None: no underline)."""
    from mnemonic_keys import letter

    return [(action.text(), letter(action.text())) for action in menu.actions()
            if action.isVisible() and not action.isSeparator()]


def _menus(menu, path=""):
    """A menu and every submenu under it, each with where it sits ("Edit ▸ Lane")."""
    yield path, menu
    for action in menu.actions():
        if action.menu() is not None and action.isVisible():
            yield from _menus(action.menu(), f"{path} ▸ {action.text().replace('&', '')}")


def _clashes(menu):
    letters = [key for _text, key in _entries(menu) if key]
    return sorted({key for key in letters if letters.count(key) > 1})


def test_no_menu_offers_one_letter_twice(window):
    """Two entries with one letter make the letter only move between them (Qt cycles), so
    Alt+E, D deleted nothing while "Duplicate" shared Undo's U."""
    looked_at = 0
    for top in window.menuBar().actions():
        for path, menu in _menus(top.menu(), top.text().replace("&", "")):
            looked_at += 1
            assert _clashes(menu) == [], path
    assert looked_at >= 15


def test_every_entry_of_the_edit_menu_has_a_letter(window):
    missing = [(path, text) for path, menu in _menus(window.menus["edit"], "Edit")
               for text, key in _entries(menu) if key is None]
    assert missing == []
    texts = [text for text, _key in _entries(window.menus["edit"])]
    assert "Lan&e" in texts and "Rename t&he title" in texts


def test_the_lane_submenu_and_the_title_open_by_their_letters(window, qtbot):
    """Alt+E, E, N renames the lane of the selected stage; Alt+E, H opens the title editor."""
    from PySide6.QtWidgets import QLineEdit, QMenu

    window.activateWindow()
    qtbot.keyClick(window.view, Qt.Key.Key_E, ALT)
    edit = window.menus["edit"]
    qtbot.waitUntil(edit.isVisible)
    qtbot.keyClick(edit, Qt.Key.Key_E)
    lane = window.menus["lane"]
    qtbot.waitUntil(lane.isVisible)
    qtbot.keyClick(lane, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not lane.isVisible())
    qtbot.keyClick(edit, Qt.Key.Key_H)
    qtbot.waitUntil(lambda: not edit.isVisible())
    line = window.features.edit_actions.editing.editor.line
    qtbot.waitUntil(line.isVisible)
    assert isinstance(line, QLineEdit) and line.text() == window.document.model.title
    assert not any(m.isVisible() for m in window.findChildren(QMenu))


def test_context_menus_offer_each_letter_once(window):
    from vscdesk.canvas.interaction import Target

    edit = window.features.edit_actions
    for target in (Target("stage", "report-problem"), Target("link", window.document.model.links[0].id),
                   Target("lane", window.document.model.chain.lanes[0].id),
                   Target("row", "restore-service"), Target("title", ""), Target("")):
        menu = edit.context_menu(target)
        assert _clashes(menu) == [], target
        menu.deleteLater()
