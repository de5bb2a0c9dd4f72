"""The undo history: every step of the document's undo stack; click one to go back to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QUndoView

from vscdesk.app.icons import icon

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def install(window: MainWindow) -> QDockWidget:
    """A hidden dock on the right; View ▸ Undo history shows it."""
    dock = QDockWidget("Undo history", window)
    dock.setObjectName("undo_history")  # saveState/restoreState find docks by name
    view = QUndoView(dock)
    window.document.history.show_in(view)
    view.setEmptyLabel("Opened")
    view.setCleanIcon(icon("save"))
    view.setObjectName("undo_view")
    dock.setWidget(view)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.hide()
    action = dock.toggleViewAction()
    action.setText("&Undo history")
    action.setStatusTip("Show every step of the undo history; click one to return to it")
    window.actions["undo_history"] = action
    window.menus["view"].addSeparator()
    window.menus["view"].addAction(action)
    return dock
