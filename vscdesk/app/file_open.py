"""Documents the system asks us to open: macOS's Finder sends an event, not a command line.

Double-clicking a ``*.vsc.json`` in the Finder, dropping it on the Dock icon or choosing
Open With starts the app without arguments and delivers the file as a ``QFileOpenEvent``
(also to an app already running). Windows and Linux pass the file on the command line
(``vscdesk FILE``), which ``application.start_window`` handles; the event never comes there.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFileOpenEvent

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


class FileOpenHandler(QObject):
    """Opens the file of each file-open event in ``window``, asking first about unsaved edits."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        name = event.file()
        if not name:
            return False  # a URL (not a local file): let Qt handle it
        path = Path(name)
        if path != self.window.document.path and self.window.maybe_discard():
            self.window.open_path(path)
        self.window.raise_()
        self.window.activateWindow()
        return True


def install(window: MainWindow) -> FileOpenHandler:
    """Route the application's file-open events to ``window``."""
    from PySide6.QtWidgets import QApplication

    handler = FileOpenHandler(window)
    QApplication.instance().installEventFilter(handler)
    return handler
