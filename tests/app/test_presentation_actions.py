"""F5 presents the open document, Esc comes back; the current view can be saved as a slide."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from vscdesk.app.presentation_actions import THEME_KEY, PresentationActions
from vscdesk.app.settings import settings
from vscdesk.app.view_actions import ANIMATE_KEY


@pytest.fixture
def window(make_window):
    settings().setValue(ANIMATE_KEY, False)
    win = make_window()
    win.activateWindow()
    return win


@pytest.fixture
def actions(window):
    return window.findChild(PresentationActions)


def _present(qtbot, window, actions, key=Qt.Key.Key_F5, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(window.view, key, modifier)
    shown = actions.presentation
    assert shown is not None
    qtbot.addWidget(shown)
    qtbot.waitExposed(shown)
    return shown


def test_f5_enters_full_screen_and_escape_leaves(window, actions, qtbot):
    shown = _present(qtbot, window, actions)
    assert shown.isFullScreen() and shown.index == 0
    assert window.isVisible()  # the editor stays as it was underneath
    qtbot.keyClick(shown.view, Qt.Key.Key_Right)
    qtbot.keyClick(shown.view, Qt.Key.Key_Right)
    assert shown.index == 2
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)
    assert actions.presentation is None
    assert not shown.isVisible()
    assert window.scene.view == "chain"  # presenting never changed the editor's view


def test_the_chosen_theme_is_used(window, actions, qtbot):
    window.actions["presentation_dark"].trigger()
    assert settings().value(THEME_KEY) == "dark"
    shown = _present(qtbot, window, actions)
    assert shown.theme == "dark"
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)


def test_add_current_view_saves_a_slide_that_is_then_presented(window, actions, qtbot):
    window.actions["stream_view"].trigger()
    window.scene.items_by_key["stage:approve"].setSelected(True)
    window.actions["add_slide"].trigger()
    slides = window.document.model.slides
    assert len(slides) == 1
    slide = slides[0]
    assert (slide.view, slide.stream, slide.stage) == ("stream", "fulfil-request", "approve")
    assert slide.zoom == 1.0  # the editor was fitted to the window
    assert slide.name == "Stream view · Fulfil a service request · Approve"
    assert actions.dock.isVisible()
    window.document.undo_stack.undo()
    assert window.document.model.slides == []
    window.document.undo_stack.redo()
    shown = _present(qtbot, window, actions)
    assert [s.title for s in shown.slides] == [slide.name]
    assert "callout" in shown.scene.items_by_key
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)


def test_a_zoomed_editor_saves_a_zoomed_slide(window, actions, qtbot):
    window.scene.clearSelection()
    window.selection.clear()
    window.view.set_zoom(window.view.zoom() * 2.5)
    actions.add_slide()
    assert window.document.model.slides[0].zoom > 1.5


def test_shift_f5_starts_at_the_slide_of_the_current_view(window, actions, qtbot):
    window.actions["stream_view"].trigger()
    window.scene.items_by_key["stage:operate"].setSelected(True)
    shown = _present(qtbot, window, actions, Qt.Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    assert (shown.current().stream, shown.current().stage) == ("new-service", "operate")
    qtbot.keyClick(shown.view, Qt.Key.Key_Escape)


def test_present_menu_lists_the_actions(window):
    texts = [a.text() for a in window.menus["present"].actions()]
    assert "&Start presentation" in texts
    assert window.actions["present"].shortcut().toString() == "F5"
    assert QApplication.instance() is not None


def test_present_menu_comes_before_help(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Present" in titles
    if "&Help" in titles:
        assert titles.index("&Present") < titles.index("&Help")
