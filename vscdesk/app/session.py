"""Start where you left off: recent files, window geometry and docks, the last document."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from vscdesk.app.settings import settings

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

MAX_RECENT = 10


def recent_files() -> list[Path]:
    """Recently opened or saved documents that still exist, newest first."""
    value = settings().value("recent_files", [])
    paths = [value] if isinstance(value, str) else list(value or [])
    return [Path(p) for p in paths if p and Path(p).is_file()]


def add_recent(path: Path) -> None:
    path = Path(path).expanduser().resolve()
    kept = [p for p in recent_files() if p != path]
    settings().setValue("recent_files", [str(p) for p in [path, *kept][:MAX_RECENT]])


def clear_recent() -> None:
    settings().setValue("recent_files", [])


def last_document() -> Path | None:
    """The document open when vscdesk last closed, if it still exists."""
    value = settings().value("last_document", "")
    return Path(value) if value and Path(value).is_file() else None


def has_started_before() -> bool:
    return settings().value("started_before", False, type=bool)


def mark_started() -> None:
    """From now on this is not the very first start (no welcome page unless asked for)."""
    settings().setValue("started_before", True)


def restore_layout(window: MainWindow) -> bool:
    """Window geometry and dock layout as they were; call after every dock was added."""
    store = settings()
    geometry, state = store.value("window/geometry"), store.value("window/state")
    restored = isinstance(geometry, QByteArray) and window.restoreGeometry(geometry)
    if isinstance(state, QByteArray):
        restored = window.restoreState(state) and restored
    return bool(restored)


def save_layout(window: MainWindow) -> None:
    store = settings()
    store.setValue("window/geometry", window.saveGeometry())
    store.setValue("window/state", window.saveState())
    path = window.document.path
    store.setValue("last_document", str(path) if path is not None else "")
    store.setValue("started_before", True)
    store.sync()


class Session(QObject):
    """Keeps the recent-files list and the saved layout of one window up to date."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu = QMenu("Open &Recent", window)
        self.menu.setObjectName("open_recent")
        self.menu.aboutToShow.connect(self.fill_menu)
        action = self.menu.menuAction()
        action.setStatusTip("Open a document you worked on recently")
        window.actions["open_recent"] = action
        file_menu = window.menus["file"]
        after = window.actions.get("save")
        file_menu.insertMenu(after, self.menu) if after else file_menu.addMenu(self.menu)
        window.document.reset.connect(self._remember)
        window.file_saved.connect(lambda path: add_recent(path))
        window.closed.connect(lambda: save_layout(window))

    def _remember(self) -> None:
        if self.window.document.path is not None:
            add_recent(self.window.document.path)

    def fill_menu(self) -> None:
        """Rebuilt on every show, so files deleted meanwhile never appear."""
        self.menu.clear()
        paths = recent_files()
        for number, path in enumerate(paths, 1):
            prefix = f"&{number} " if number < 10 else ""
            action = QAction(f"{prefix}{path.name}", self.menu)
            action.setStatusTip(str(path))
            action.setToolTip(str(path))
            action.triggered.connect(lambda _=False, p=path: self.open(p))
            self.menu.addAction(action)
        if not paths:
            self.menu.addAction("No recent files").setEnabled(False)
        self.menu.addSeparator()
        clear = self.menu.addAction("&Clear list", clear_recent)
        clear.setEnabled(bool(paths))

    def open(self, path: Path) -> bool:
        return self.window.maybe_discard() and self.window.open_path(path)
