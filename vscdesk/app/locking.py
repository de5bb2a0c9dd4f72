"""Lock files in the app: one instance edits a file; a second may open it read-only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel, QMenu, QWidget

from vscdesk.app import dialogs
from vscdesk.app.external_change import same_file
from vscdesk.storage.locks import DocumentLock, LockOwner, lock_dir

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

#: Edit-menu actions that only read the document stay enabled in read-only mode
READING_ACTIONS = {"undo", "redo", "copy", "select_all", "find"}
#: docks that stay usable in read-only mode (they do not edit)
READING_DOCKS = {"undo_history"}


def describe(owner: LockOwner) -> str:
    return f"process {owner.instance.pid} on {owner.instance.host}"


class Locking(QObject):
    """Holds the lock of the open file; switches the window to read-only when another has it."""

    def __init__(self, window: MainWindow, state_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.directory = lock_dir(state_dir)
        self.lock: DocumentLock | None = None
        self.read_only = False
        self._read_only_next: Path | None = None
        self._disabled: list[QAction | QWidget] = []
        self.badge = QLabel("Read-only")
        self.badge.setObjectName("read_only_badge")
        self.badge.setToolTip("Another vscdesk window has this file open; save a copy to edit")
        window.statusBar().addPermanentWidget(self.badge)
        self.badge.hide()
        window.before_open.append(self.check_open)
        window.document.reset.connect(self._on_reset)
        window.file_saved.connect(self._on_saved)
        window.closed.connect(self.release)  # the file is free for other instances

    def check_open(self, path: Path) -> bool:
        """Before opening: a file held by another instance opens read-only, or not at all."""
        self._read_only_next = None
        owner = DocumentLock(self.directory, path).owner()
        if owner is None:
            return True
        if not dialogs.ask_locked(self.window, path.name, describe(owner)):
            return False
        self._read_only_next = path
        return True

    def release(self) -> None:
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def _on_reset(self) -> None:
        self.release()
        path = self.window.document.path
        wanted_read_only = (path is not None and self._read_only_next is not None
                            and same_file(path, self._read_only_next))
        self._read_only_next = None
        if path is None or wanted_read_only:
            self.set_read_only(wanted_read_only)
        else:
            self._take(path)

    def _on_saved(self, path: Path) -> None:
        if self.lock is not None and same_file(self.lock.document, path):
            return
        self.release()
        self._take(path)  # Save As: the copy is ours to edit
        self.window._update_title()

    def _take(self, path: Path) -> None:
        lock = DocumentLock(self.directory, path)
        try:
            owner = lock.acquire()
        except OSError as exc:  # no state dir: edit without a lock rather than not at all
            self.window.statusBar().showMessage(f"Cannot lock {path.name}: {exc}", 8000)
            owner = None
        if lock.held:
            self.lock = lock
        self.set_read_only(owner is not None)

    def set_read_only(self, on: bool) -> None:
        """Refuse edits (the document drops pushes) and grey out what would edit."""
        if on == self.read_only:
            return
        self.read_only = on
        self.window.document.read_only = on
        self.window.set_title_note(" (read-only)" if on else "")
        self.badge.setVisible(on)
        if on:
            self._disabled = [w for w in self._editing_widgets()
                              if w.isEnabled() or _greyed_by_group(w)]
            for widget in self._disabled:
                widget.setEnabled(False)
        else:
            for widget in self._disabled:
                widget.setEnabled(True)
            self._disabled = []

    def _editing_widgets(self) -> list[QAction | QWidget]:
        names = {id(action): name for name, action in self.window.actions.items()}
        actions = [a for a in _menu_actions(self.window.menus.get("edit"))
                   if names.get(id(a)) not in READING_ACTIONS]
        if "save" in self.window.actions:
            actions.append(self.window.actions["save"])
        docks = [d.widget() for d in self.window.findChildren(QDockWidget)
                 if d.objectName() not in READING_DOCKS and d.widget() is not None]
        return actions + docks


def _greyed_by_group(widget: QAction | QWidget) -> bool:
    """An action greyed out only by its group (the welcome page's cover, app/welcome_cover.py,
    lifted a moment later): read-only must still turn it off itself."""
    group = widget.actionGroup() if isinstance(widget, QAction) else None
    return group is not None and not group.isEnabled()


def _menu_actions(menu: QMenu | None) -> list[QAction]:
    """Every action of a menu and its submenus, without separators."""
    if menu is None:
        return []
    found = []
    for action in menu.actions():
        if action.menu() is not None:
            found.extend(_menu_actions(action.menu()))
        elif not action.isSeparator():
            found.append(action)
    return found

