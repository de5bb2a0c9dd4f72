"""While the welcome page covers the canvas, nothing acts on a document nobody asked for: the
document's commands are greyed out and their keys do nothing; Help ▸ Welcome over an open map
offers the way back to it (and Esc)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vscdesk.app.application import start_window
from vscdesk.app.welcome import Choice

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
DOCUMENT_ACTIONS = ["save", "save_as", "export", "print", "document_properties", "undo", "cut",
                    "paste", "delete", "add_stage", "add_stream", "add_lane", "rename",
                    "next_link", "find", "zoom_in", "fit", "toggle_view", "present",
                    "add_slide", "copy_image", "link_kind_rework"]
WINDOW_ACTIONS = ["new", "open", "quit", "shortcuts", "about", "welcome", "panel_stage",
                  "panel_problems", "next_pane", "undo_history"]


@pytest.fixture
def first_start(qtbot):
    window = start_window(None)  # the very first start: the welcome page
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    assert window.features.welcome.isVisible()
    return window


def _choice(window, name):
    return next(c for c in window.features.welcome.findChildren(Choice) if c.accessibleName() == name)


def test_the_document_s_commands_are_greyed_out_behind_the_page(first_start):
    actions = first_start.actions
    assert [k for k in DOCUMENT_ACTIONS if actions[k].isEnabled()] == []
    assert [k for k in WINDOW_ACTIONS if not actions[k].isEnabled()] == []
    assert all(a.isEnabled() for a in first_start.menus["templates"].actions())
    assert all(a.isEnabled() for a in first_start.menus["import"].actions())


def test_their_keys_do_nothing_behind_the_page(first_start, qtbot):
    doc = first_start.document
    qtbot.keyClick(first_start.features.welcome, Qt.Key.Key_R, CTRL_SHIFT)  # Add stream
    qtbot.keyClick(first_start.features.welcome, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert doc.model.streams == [] and doc.undo_stack.count() == 0
    assert QApplication.activeModalWidget() is None  # no export dialog either


def test_a_document_shown_brings_them_back_with_their_own_state(first_start, qtbot):
    qtbot.mouseClick(_choice(first_start, "Explore the example"), Qt.MouseButton.LeftButton)
    assert not first_start.features.welcome.isVisible()
    actions = first_start.actions
    enabled = [k for k in DOCUMENT_ACTIONS if actions[k].isEnabled()]
    assert enabled == [k for k in DOCUMENT_ACTIONS if k != "undo"]  # nothing to undo yet
    first_start.view.setFocus()
    qtbot.keyClick(first_start.view, Qt.Key.Key_R, CTRL_SHIFT)
    assert len(first_start.document.model.streams) == 4


def test_help_welcome_over_a_map_greys_out_and_esc_returns_to_it(first_start, qtbot):
    qtbot.mouseClick(_choice(first_start, "Explore the example"), Qt.MouseButton.LeftButton)
    first_start.actions["welcome"].trigger()
    page = first_start.features.welcome
    assert page.isVisible() and not first_start.actions["delete"].isEnabled()
    back = _choice(first_start, "Back to IT services (example)")
    assert back.isVisible()
    page.setFocus()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert not page.isVisible() and first_start.actions["delete"].isEnabled()
    assert QApplication.focusWidget() is first_start.view
    first_start.actions["welcome"].trigger()
    qtbot.mouseClick(_choice(first_start, "Back to IT services (example)"),
                     Qt.MouseButton.LeftButton)
    assert not page.isVisible() and len(first_start.document.model.streams) == 3


def test_the_first_start_offers_no_way_back_to_the_empty_document(first_start, qtbot):
    assert not any(c.accessibleName().startswith("Back to")
                   for c in first_start.features.welcome.findChildren(Choice))
    first_start.actions["welcome"].trigger()  # Help ▸ Welcome on the page itself
    qtbot.keyClick(first_start.features.welcome, Qt.Key.Key_Escape)
    assert first_start.features.welcome.isVisible()


def test_read_only_set_while_the_page_covers_keeps_its_edits_greyed_out(first_start):
    """Opening a locked map from the page: the lock's read-only mode may set in while the page
    still covers the canvas, before the page goes."""
    locking, actions = first_start.features.locking, first_start.actions
    locking.set_read_only(True)
    first_start.features.welcome.hide()
    assert not actions["delete"].isEnabled() and not actions["add_stream"].isEnabled()
    assert actions["zoom_in"].isEnabled() and actions["export"].isEnabled()
    locking.set_read_only(False)
    assert actions["delete"].isEnabled() and actions["add_stream"].isEnabled()


def test_the_new_document_choice_says_what_new_gives(first_start):
    from vscdesk.app.new_document import new_document

    detail = _choice(first_start, "New document").accessibleDescription()
    lanes = new_document().chain.lanes
    assert "No streams yet" in detail and f"{len(lanes)} lanes" not in detail
    assert "six lanes" in detail and len(lanes) == 6


def test_submenus_of_the_document_are_greyed_out_too(first_start):
    menus = first_start.menus
    for key in ("export", "move", "stream", "lane"):
        assert not menus[key].menuAction().isEnabled(), key
    assert menus["templates"].menuAction().isEnabled()
    assert menus["panels"].menuAction().isEnabled()
