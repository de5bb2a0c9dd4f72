"""The main toolbar: the actions used every few minutes, as icons with tooltips, the ones that
add things with their words beside them. Filled from ``window.actions`` by name, so it can be
filled again once every feature has added its actions (Present comes after editing)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QToolBar, QToolButton

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

#: what the toolbar shows, in order; None is a separator
LAYOUT: tuple[str | None, ...] = (
    "new", "open", "save", None,
    "undo", "redo", None,
    "add_stage", "add_stream", "add_lane", "link_mode", "delete", None,
    "fit", "export", "present",
)
#: buttons that also show their words: the actions a new user looks for by name
WITH_TEXT = frozenset({"add_stage", "add_stream", "add_lane", "link_mode", "present"})
ICON_SIZE = 20


def make_toolbar(window: MainWindow) -> QToolBar:
    """An empty main toolbar at the top of the window; fill() puts the actions on it."""
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("main-toolbar")  # saveState() finds toolbars by object name
    bar.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    window.addToolBar(bar)
    return bar


def fill(bar: QToolBar, window: MainWindow) -> None:
    """(Re)build the toolbar from the actions that exist now; safe to repeat."""
    for action in bar.actions():  # not bar.clear(): that deletes the undo stack's actions
        bar.removeAction(action)
        if action.isSeparator():
            action.deleteLater()
    pending_separator = False
    for key in LAYOUT:
        if key is None:
            pending_separator = bool(bar.actions())
            continue
        action = window.actions.get(key)
        if action is None:
            continue
        if pending_separator:
            bar.addSeparator()
            pending_separator = False
        bar.addAction(action)
        button = bar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setObjectName(f"toolbar-{key}")
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon
                                      if key in WITH_TEXT else
                                      Qt.ToolButtonStyle.ToolButtonIconOnly)
