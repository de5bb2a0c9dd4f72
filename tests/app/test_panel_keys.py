"""The keyboard between canvas and panels: start focus, F6, Esc, Ctrl+Shift+1…7 (real keys)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from vscdesk.app.application import start_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(make_window):
    win = make_window(name=None, focused=True, finished=True)
    win.view.setFocus()
    win.selection.set(["report-problem"], "restore-service")
    return win


def focus():
    return QApplication.focusWidget()


def in_dock(window, key):
    return focus() is not None and window.features.docks[key].isAncestorOf(focus())


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focus(), key, modifiers)


def test_the_window_starts_with_the_canvas_focused(qtbot, example_file):
    window = start_window(example_file)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitActive(window):
        window.activateWindow()
    assert focus() is window.view
    # and keys go to the canvas: Del deletes the selected stage
    window.selection.set(["report-problem"], "restore-service")
    press(qtbot, Qt.Key.Key_Delete)
    assert "report-problem" not in {s.id for s in window.document.stages()}


def test_f6_goes_round_canvas_and_panels_and_shift_f6_back(window, qtbot):
    window.features.docks["problems"].show()  # the bottom row too
    qtbot.waitUntil(lambda: not window.features.docks["problems"].visibleRegion().isEmpty())
    press(qtbot, Qt.Key.Key_F6)
    assert in_dock(window, "stage")
    assert isinstance(focus(), QLineEdit)  # its first field, the stage's name
    press(qtbot, Qt.Key.Key_F6)
    assert in_dock(window, "problems")
    press(qtbot, Qt.Key.Key_F6)
    assert focus() is window.view
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert in_dock(window, "problems")
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert in_dock(window, "stage")
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert focus() is window.view


def test_esc_in_a_panel_field_commits_and_returns_to_the_canvas(window, qtbot):
    press(qtbot, Qt.Key.Key_F6)
    name = window.features.docks["stage"].widget().details.name
    assert focus() is name
    name.selectAll()
    qtbot.keyClicks(name, "Log the problem")
    press(qtbot, Qt.Key.Key_Escape)
    assert focus() is window.view
    assert window.document.stage("report-problem").name == "Log the problem"
    assert window.document.undo_stack.count() == 1


def test_esc_in_the_description_commits_and_returns_to_the_canvas(window, qtbot):
    description = window.features.docks["stage"].widget().details.description
    press(qtbot, Qt.Key.Key_F6)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert focus() is description
    qtbot.keyClicks(description, "Within the hour. ")
    press(qtbot, Qt.Key.Key_Escape)
    assert focus() is window.view
    assert window.document.stage("report-problem").description.startswith("Within the hour. ")


def test_esc_in_a_table_cell_drops_that_edit_and_a_second_esc_returns(window, qtbot):
    """A cell editor keeps the spreadsheet meaning of Esc; Enter commits, Esc goes on."""
    panel = window.features.docks["stage"].widget()
    panel.tabs.setCurrentWidget(panel.slas)
    table = panel.slas.table
    before = window.document.stage("report-problem").slas[0].name
    table.setFocus()
    table.setCurrentCell(0, 0)
    press(qtbot, Qt.Key.Key_F2)
    qtbot.keyClicks(focus(), "Dropped")
    press(qtbot, Qt.Key.Key_Escape)
    assert focus() is table and window.document.stage("report-problem").slas[0].name == before
    press(qtbot, Qt.Key.Key_F2)
    focus().selectAll()
    qtbot.keyClicks(focus(), "Logged within")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: focus() is table)  # the delegate commits from the event loop
    press(qtbot, Qt.Key.Key_Escape)
    assert focus() is window.view
    assert window.document.stage("report-problem").slas[0].name == "Logged within"


def test_ctrl_shift_number_raises_a_panel_behind_a_tab_and_focuses_it(window, qtbot):
    dock = window.features.docks["stakeholders"]
    assert dock.visibleRegion().isEmpty()  # behind the Stage tab
    press(qtbot, Qt.Key.Key_3, CTRL_SHIFT)
    assert dock.isVisible() and not dock.visibleRegion().isEmpty()
    assert in_dock(window, "stakeholders")
    assert window.actions["panel_stakeholders"].isChecked()
    press(qtbot, Qt.Key.Key_3, CTRL_SHIFT)  # again, on the focused panel: hide it
    assert not dock.isVisible() and not window.actions["panel_stakeholders"].isChecked()
    assert focus() is window.view
    press(qtbot, Qt.Key.Key_3, CTRL_SHIFT)
    assert dock.isVisible() and in_dock(window, "stakeholders")


def test_ctrl_shift_number_focuses_a_panel_in_front_and_shows_a_hidden_one(window, qtbot):
    press(qtbot, Qt.Key.Key_1, CTRL_SHIFT)  # Stage is in front, the canvas has the focus
    assert window.features.docks["stage"].isVisible() and in_dock(window, "stage")
    assert not window.features.docks["problems"].isVisible()
    press(qtbot, Qt.Key.Key_6, CTRL_SHIFT)
    assert window.features.docks["problems"].isVisible() and in_dock(window, "problems")


def test_the_menu_entry_stays_a_show_and_hide_checkbox(window, qtbot):
    action = window.actions["panel_metrics"]
    assert not window.features.docks["metrics"].isVisible() and not action.isChecked()
    action.trigger()  # hidden: shown in front
    assert not window.features.docks["metrics"].visibleRegion().isEmpty() and action.isChecked()
    action.trigger()
    assert not window.features.docks["metrics"].isVisible() and not action.isChecked()
