"""The side panels as dock widgets, tabbed on the right: Stage | Stream | Stakeholders |
Activity loop; View ▸ Panels shows and hides them. Each dock has a stable object name, so
the session's saveState()/restoreState() keeps their layout and visibility between runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from vscdesk.panels.activity_loop_panel import ActivityLoopPanel
from vscdesk.panels.stage_panel import StagePanel
from vscdesk.panels.stakeholders_panel import StakeholdersPanel
from vscdesk.panels.stream_panel import StreamPanel

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

RIGHT_WIDTH = 440


def make_dock(window: QMainWindow, key: str, title: str, panel: QWidget,
              shortcut: str) -> QDockWidget:
    """A dock with a stable object name (saveState finds docks by it) and a shortcut."""
    dock = QDockWidget(title, window)
    dock.setObjectName(f"dock-{key}")  # saveState() finds docks by object name
    dock.setWidget(panel)
    if hasattr(panel, "set_shown"):
        dock.visibilityChanged.connect(panel.set_shown)  # tabbed away: refresh when back
    dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
    action = dock.toggleViewAction()
    action.setShortcut(shortcut)
    action.setStatusTip(f"Show or hide the {title} panel")
    return dock


def install(window: MainWindow) -> dict[str, QDockWidget]:
    """Add the panels' docks and the View ▸ Panels menu; returns the docks by key."""
    doc, sel = window.document, window.selection
    docks = {
        "stage": make_dock(window, "stage", "Stage", StagePanel(doc, sel), "Ctrl+Shift+1"),
        "stream": make_dock(window, "stream", "Stream", StreamPanel(doc, sel), "Ctrl+Shift+2"),
        "stakeholders": make_dock(window, "stakeholders", "Stakeholders",
                                  StakeholdersPanel(doc, sel), "Ctrl+Shift+3"),
        "activity_loop": make_dock(window, "activity-loop", "Activity loop",
                                   ActivityLoopPanel(doc, sel), "Ctrl+Shift+4"),
    }
    right = Qt.DockWidgetArea.RightDockWidgetArea
    # One full-height column of tabs: at 1440 × 900 every panel gets the height it needs and
    # the canvas keeps its width; drag a tab out to see two panels at once.
    window.addDockWidget(right, docks["stage"])
    for before, after in (("stage", "stream"), ("stream", "stakeholders"),
                          ("stakeholders", "activity_loop")):
        window.tabifyDockWidget(docks[before], docks[after])
    docks["stage"].raise_()
    window.resizeDocks([docks["stage"]], [RIGHT_WIDTH], Qt.Orientation.Horizontal)
    menu = window.menus["view"].addMenu("&Panels")
    window.menus["panels"] = menu
    for key, dock in docks.items():
        menu.addAction(dock.toggleViewAction())
        window.actions[f"panel_{key}"] = dock.toggleViewAction()
    window.docks = docks  # type: ignore[attr-defined]
    return docks
