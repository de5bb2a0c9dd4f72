"""While the welcome page covers the canvas, the commands that act on a document are greyed out:
there is no map to edit, export, save or present (at the first start the window holds an empty
document nobody asked for), so Ctrl+E or Ctrl+Shift+R must not quietly act on it.

What stays: New, Open, Open Recent, the templates, the imports (each starts a new document),
Quit, the panels and theme, Help. The actions go into one QActionGroup that is disabled while
the page shows: Qt remembers each action's own state (Undo with nothing to undo, a read-only
document's edits) and gives it back when the group is enabled again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

#: File menu entries that act on the open document
FILE_ACTIONS = ("save", "save_as", "print", "document_properties", "import_flow_items")
#: submenus whose entries all act on the open document
MENUS = ("edit", "present", "export")
#: entries that change the window, not the map shown (plus every panel's own entry)
VIEW_KEPT = ("panels", "theme", "undo_history")


def _entries(menu: QObject | None) -> list[QAction]:
    """The entries of a menu and of its submenus, without separators."""
    if not isinstance(menu, QMenu):
        return []
    found: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)  # a submenu's own entry too: greyed, it does not open
        found.extend(_entries(action.menu()))
    return found


def _kept(window: MainWindow) -> set[int]:
    """The window's own commands: panels (wherever a menu lists them), theme, undo history."""
    kept: list[QAction] = []
    for key, action in window.actions.items():
        if key in VIEW_KEPT or key.startswith("panel_") or key.endswith("_pane"):
            kept += [action, *_entries(action.menu())]
    for key in VIEW_KEPT:
        if key in window.menus:
            kept += [window.menus[key].menuAction(), *_entries(window.menus[key])]
    return {id(a) for a in kept}


def document_actions(window: MainWindow) -> list[QAction]:
    """Every action that needs a document on screen, once each."""
    found = [window.actions[key] for key in FILE_ACTIONS if key in window.actions]
    if "export" in window.menus:
        found.append(window.menus["export"].menuAction())
    for key in (*MENUS, "view"):
        if key in window.menus:
            found += _entries(window.menus[key])
    kept = _kept(window)
    return list({id(a): a for a in found if id(a) not in kept}.values())


class WelcomeCover(QObject):
    """Greys out the document's commands while ``page`` is shown."""

    def __init__(self, window: MainWindow, page: QWidget) -> None:
        super().__init__(page)
        self.group = QActionGroup(window)
        self.group.setExclusionPolicy(QActionGroup.ExclusionPolicy.None_)
        #: actions already in a group of their own (view kind, heat map): enabled one by one
        self.loose: list[QAction] = []
        for action in document_actions(window):
            if action.actionGroup() is None:
                self.group.addAction(action)
            else:
                self.loose.append(action)
        self.page = page
        self._follow()
        page.installEventFilter(self)

    def _follow(self) -> None:
        covered = not self.page.isHidden()  # shown, or to be shown with the window
        self.group.setEnabled(not covered)
        for action in self.loose:
            group = action.actionGroup()
            if group is not None:
                group.setEnabled(not covered)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self._follow()
        return False


def install(window: MainWindow, page: QWidget) -> WelcomeCover:
    return WelcomeCover(window, page)
