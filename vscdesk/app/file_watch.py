"""Notice when another program changes the open file, also when it replaces it with a new one.

``QFileSystemWatcher`` follows an inode: editors, ``git checkout`` and our own atomic saves
write a new file and rename it over the old one, and the watch silently ends. So the folder is
watched too, and each time it changes the file is watched again. Bursts (a save writes a temp
file, a backup and renames; a program writes in chunks) are merged into one ``changed`` signal.
Whether the content really differs is for the listener to decide (it compares hashes).
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication

#: quiet time after the last event of a burst before ``changed`` is emitted
SETTLE_MS = 300

Signature = tuple[int, int, int, int] | None


def signature(path: Path | None) -> Signature:
    """Inode, size and times of a file: cheap to read, different after almost any write."""
    if path is None:
        return None
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns


class FileWatch(QObject):
    """Watches one file (and its folder) and says, once per burst, that it may have changed."""

    #: the file was written, replaced, created or removed (debounced)
    changed = Signal()

    def __init__(self, parent: QObject | None = None, settle_ms: int = SETTLE_MS) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self._seen: Signature = None
        self._file_event = False
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_file)
        self._watcher.directoryChanged.connect(self._on_folder)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(settle_ms)
        self._timer.timeout.connect(self._settled)
        # Back in the app after working elsewhere: look again (covers watches the OS dropped).
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.applicationStateChanged.connect(self._on_app_state)

    def watch(self, path: Path | None) -> None:
        """Follow ``path`` from now on (None: nothing); its present state counts as seen."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        self._timer.stop()
        self._file_event = False
        self.path = Path(os.path.abspath(path)) if path is not None else None
        self._seen = signature(self.path)
        if self.path is None:
            return
        folders = {str(self.path.parent), os.path.dirname(os.path.realpath(self.path))}
        self._watcher.addPaths(sorted(f for f in folders if os.path.isdir(f)))
        self._rewatch()

    def watched(self) -> list[str]:
        """The paths the operating system reports on (for tests and diagnostics)."""
        return self._watcher.files() + self._watcher.directories()

    def check(self) -> None:
        """Look now, without waiting for an event: emits ``changed`` if the file looks different."""
        self._rewatch()
        if signature(self.path) != self._seen:
            self._timer.start()

    def _rewatch(self) -> None:
        """A replaced file is a new inode the watcher does not know yet: add it (again)."""
        if self.path is not None and str(self.path) not in self._watcher.files() \
                and self.path.exists():
            self._watcher.addPath(str(self.path))

    def _on_file(self, _path: str) -> None:
        self._file_event = True  # a write in place may keep size and (coarse) time: look anyway
        self._rewatch()
        self._timer.start()

    def _on_folder(self, _path: str) -> None:
        # Other files of the folder come and go (our .tmp and .bak too): only ours matters.
        self._rewatch()
        if signature(self.path) != self._seen:
            self._timer.start()

    def _on_app_state(self, state: Qt.ApplicationState) -> None:
        if state == Qt.ApplicationState.ApplicationActive:
            self.check()

    def _settled(self) -> None:
        self._rewatch()
        now = signature(self.path)
        if self.path is None or (now == self._seen and not self._file_event):
            return
        self._seen = now
        self._file_event = False
        self.changed.emit()
