"""Documents the system asks us to open: macOS's Finder sends an event, not a command line.

Double-clicking a ``*.vsc.json`` in the Finder, dropping it on the Dock icon or choosing
Open With starts the app without arguments and delivers the file as a ``QFileOpenEvent`` to
the application object (also to an app already running). Windows and Linux pass the file on
the command line (``vscdesk FILE``), which ``application.start_window`` handles; the event
never comes there.

The event is caught in ``Application.event``, which sees only the application object's own
events; an event filter on the application would run Python for every event of every
widget, and slowed the first paint measurably.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


class Application(QApplication):
    """vscdesk's QApplication: file-open events go to ``open_file`` once a window exists."""

    open_file: Callable[[Path], None] | None = None

    def event(self, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent)
                and event.file() and self.open_file is not None):
            self.open_file(Path(event.file()))
            return True
        return super().event(event)


def open_in(window: MainWindow, path: Path) -> None:
    """Open ``path`` in ``window`` (asking first about unsaved edits) and bring it forward."""
    if path != window.document.path and window.maybe_discard():
        window.open_path(path)
    window.raise_()
    window.activateWindow()


def connect(app: QApplication, window: MainWindow) -> None:
    """Route the application's file-open events to ``window``."""
    if isinstance(app, Application):
        app.open_file = lambda path: open_in(window, path)
