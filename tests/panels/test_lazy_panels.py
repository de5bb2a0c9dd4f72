"""Panels in background tabs are built when first shown, and show the document as it is then."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from vscdesk.document import SetStreamFields

LAZY = ("stream", "stakeholders", "activity_loop", "metrics")


def _click_tab(qtbot, window, text: str) -> None:
    for bar in window.findChildren(QTabBar):
        for index in range(bar.count()):
            if bar.tabText(index) == text and bar.isVisible():
                qtbot.mouseClick(bar, Qt.MouseButton.LeftButton,
                                 pos=bar.tabRect(index).center())
                return
    raise AssertionError(f"no visible tab {text!r}")


def test_only_the_panels_on_screen_are_built_at_start(window):
    assert window.features.docks["stage"].is_built()
    assert [key for key in LAZY if window.features.docks[key].is_built()] == []


def test_clicking_a_tab_builds_its_panel_with_the_latest_edits(window, qtbot):
    window.selection.set(["report-problem"], "restore-service")
    doc = window.document
    doc.push(SetStreamFields(doc, "restore-service", name="Get the user working"))
    _click_tab(qtbot, window, "Stream")
    qtbot.waitUntil(lambda: window.features.docks["stream"].is_built())
    panel = window.features.docks["stream"].widget()
    assert panel.isVisible() and panel.name.text() == "Get the user working"
    doc.push(SetStreamFields(doc, "restore-service", name="Restore it"))
    qtbot.waitUntil(lambda: panel.name.text() == "Restore it")  # shown: follows edits


def test_the_activity_loop_panel_draws_the_selected_stream_when_first_opened(window, qtbot):
    window.selection.set(["report-problem"], "restore-service")
    _click_tab(qtbot, window, "Activity loop")
    qtbot.waitUntil(lambda: window.features.docks["activity_loop"].is_built())
    panel = window.features.docks["activity_loop"].widget()
    assert panel.stream().id == "restore-service"
    assert "Restore service" in panel.picker.currentText()
