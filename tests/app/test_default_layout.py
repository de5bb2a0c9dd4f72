"""The first start's layout: the canvas keeps most of the window; Problems and Metrics are one
click away (status bar count, View ▸ Panels, Ctrl+Shift+6/7)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from session_helpers import finished_window
from tests.windows import new_window


def shown_window(qtbot):
    window = new_window(qtbot, finished=True)
    window.features.analysis_runner.run_now()
    return window


def test_first_start_gives_the_canvas_most_of_the_window(qtbot):
    window = shown_window(qtbot)
    docks = window.features.docks
    assert not docks["problems"].isVisible() and not docks["metrics"].isVisible()
    # hidden before the window first showed: View ▸ Panels does not tick them either
    assert not window.actions["panel_problems"].isChecked()
    assert not window.actions["panel_metrics"].isChecked()
    view = window.view
    assert view.height() >= 0.8 * window.height()
    assert view.width() * view.height() >= 0.55 * window.width() * window.height()


def test_the_status_bar_counts_problems_and_one_click_shows_the_panel(qtbot):
    window = shown_window(qtbot)
    button = window.features.problems_status
    assert button.isVisible()
    warnings = sum(1 for p in window.features.analysis_runner.analysis.problems if p.severity == "warning")
    assert f"{warnings} warnings" in button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dock = window.features.docks["problems"]
    qtbot.waitUntil(dock.isVisible)
    assert not dock.visibleRegion().isEmpty()  # in front, not behind the Metrics tab
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dock.isVisible()


def test_problems_and_metrics_are_in_view_panels_with_their_shortcuts(qtbot):
    window = shown_window(qtbot)
    entries = {a.text(): a for a in window.menus["panels"].actions()}
    assert entries["Metrics"].shortcut() == QKeySequence("Ctrl+Shift+7")
    problems = next(a for t, a in entries.items() if t.startswith("Problems"))
    assert problems.shortcut() == QKeySequence("Ctrl+Shift+6")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_6,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert window.features.docks["problems"].isVisible()


def test_a_saved_layout_keeps_the_users_choice(qtbot):
    from vscdesk.app.session import save_layout

    window = shown_window(qtbot)
    window.features.docks["metrics"].show()
    save_layout(window)
    again = finished_window(qtbot)
    again.show()
    assert again.features.docks["metrics"].isVisibleTo(again)


def test_view_panels_lists_the_panels_in_the_order_of_their_shortcuts(qtbot):
    """Ctrl+Shift+1…7 read top to bottom; the panels without a number come after them, and
    the keys that move between panes stay below the separator."""
    window = finished_window(qtbot)
    actions = window.menus["panels"].actions()
    cut = next(i for i, a in enumerate(actions) if a.isSeparator())
    keys = [a.shortcut().toString() for a in actions[:cut]]
    numbered = [k for k in keys if k]
    assert numbered == [f"Ctrl+Shift+{n}" for n in range(1, 8)]
    assert keys[:len(numbered)] == numbered
    assert [a.shortcut().toString() for a in actions[cut + 1:]] == ["F6", "Shift+F6"]
