"""The panel docks: where they sit, View ▸ Panels, layout kept by saveState, keyboard use."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from vscdesk.app.main_window import MainWindow

KEYS = ("stage", "stream", "stakeholders", "activity_loop")


def test_four_docks_tabbed_on_the_right_with_a_menu(window):
    docks = {key: window.features.docks[key] for key in KEYS}
    assert len({d.objectName() for d in docks.values()}) == 4
    for dock in docks.values():
        assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert {d.windowTitle() for d in window.tabifiedDockWidgets(docks["stage"])} >= {
        "Stream", "Stakeholders", "Activity loop"}
    titles = [a.text() for a in window.menus["panels"].actions()]
    assert titles[:4] == ["Stage", "Stream", "Stakeholders", "Activity loop"]
    assert window.menus["panels"].menuAction() in window.menus["view"].actions()


def test_menu_hides_and_shows_a_panel(window, qtbot):
    action = window.actions["panel_stakeholders"]
    assert action.isChecked()
    action.trigger()
    assert not window.features.docks["stakeholders"].isVisible() and not action.isChecked()
    action.trigger()
    assert window.features.docks["stakeholders"].isVisibleTo(window)


def test_layout_and_visibility_survive_save_and_restore_state(window, qtbot):
    window.actions["panel_stream"].trigger()  # hide Stream
    window.removeDockWidget(window.features.docks["activity_loop"])
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, window.features.docks["activity_loop"])
    window.features.docks["activity_loop"].show()
    state = window.saveState()
    other = MainWindow()
    qtbot.addWidget(other)
    assert other.restoreState(state)
    other.show()
    assert not other.features.docks["stream"].isVisibleTo(other)
    assert other.dockWidgetArea(other.features.docks["activity_loop"]) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert other.features.docks["stage"].isVisibleTo(other)


def test_panels_fit_the_default_window_without_sideways_scrolling(window, qtbot):
    assert (window.width(), window.height()) == (1440, 900)
    window.selection.set(["report-problem"], "restore-service")
    for key in ("stage", "stream"):
        window.features.docks[key].raise_()
        qtbot.waitUntil(window.features.docks[key].widget().isVisible)
        QApplication.processEvents()  # let the dock lay out its newly shown page
        for area in window.features.docks[key].widget().findChildren(QScrollArea):
            if area.isVisible():
                assert not area.horizontalScrollBar().isVisible(), key
    assert window.features.docks["stage"].width() >= 440


def test_tab_moves_through_the_stage_fields_in_reading_order(window, qtbot):
    window.features.docks["stage"].raise_()
    window.selection.set(["report-problem"], "restore-service")
    details = window.features.docks["stage"].widget().details
    details.name.setFocus()
    order = []
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [details.lane, details.description, details.process_time.value,
                     details.process_time.unit]


def test_a_background_panel_catches_up_when_shown(window, qtbot):
    from vscdesk.document import SetStreamFields

    window.features.docks["stage"].raise_()
    window.selection.set(["report-problem"], "restore-service")
    doc = window.document
    stream_panel = window.features.docks["stream"].widget()
    doc.push(SetStreamFields(doc, "restore-service", name="Get the user working"))
    assert stream_panel.name.text() == "Restore service for a user"  # not worked on behind
    window.features.docks["stream"].raise_()
    qtbot.waitUntil(lambda: stream_panel.name.text() == "Get the user working")
    assert doc.undo_stack.count() == 1
