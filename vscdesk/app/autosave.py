"""Autosave: a snapshot of the modified document a few seconds after the last change.

Snapshots go to the per-user state directory (``storage.journal``), never over the user's
file. Saving, undoing back to the saved state, discarding or closing removes the snapshot;
only a crash leaves it behind for the next start to offer (``app.recovery``).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from vscdesk.storage import SaveError, dumps
from vscdesk.storage.journal import autosave_dir, snapshot_path, write_snapshot

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

#: quiet time after the last edit before a snapshot is written
DELAY_MS = 3000
_keys = itertools.count(1)


class Autosave(QObject):
    """Keeps one snapshot of one window's document while it has unsaved changes."""

    #: a snapshot was written (its path)
    written = Signal(object)

    def __init__(self, window: MainWindow, state_dir: Path,
                 original_sha256: Callable[[], str | None] = lambda: None,
                 delay_ms: int = DELAY_MS) -> None:
        super().__init__(window)
        self.window = window
        self.document = window.document
        self.directory = autosave_dir(state_dir)
        self.key = f"w{next(_keys)}"
        self._original_sha256 = original_sha256
        self._failed = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.write_now)
        self.document.changed.connect(self._schedule)
        self.document.modified_changed.connect(self._on_modified)
        self.document.reset.connect(self.discard)
        window.closed.connect(self.discard)  # saved or discarded: nothing left to keep

    @property
    def path(self) -> Path:
        """Where this window's snapshot is (whether or not one exists now)."""
        return snapshot_path(self.directory, self.key)

    def write_now(self) -> Path | None:
        """Write the snapshot at once (also used right after a recovery); None when clean."""
        self.timer.stop()
        if not self.document.is_modified():
            self.discard()
            return None
        try:
            path = write_snapshot(
                self.directory, self.key, dumps(self.document.model),
                name=self.window.display_name, original=self.document.path,
                original_sha256=self._original_sha256() if self.document.path else None)
        except (OSError, ValueError, SaveError) as exc:
            if not self._failed:  # say it once, not every few seconds
                why = exc.reason if isinstance(exc, SaveError) else exc
                self.window.statusBar().showMessage(f"Autosave failed: {why}", 10000)
            self._failed = True
            return None
        self._failed = False
        self.written.emit(path)
        return path

    def discard(self) -> None:
        """Drop the snapshot: the changes were saved or deliberately thrown away."""
        self.timer.stop()
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            pass  # the state folder is gone or unusable: there is no snapshot to remove

    def _schedule(self) -> None:
        if self.document.is_modified():
            self.timer.start()  # restarting it waits for a quiet moment

    def _on_modified(self, modified: bool) -> None:
        if modified:
            self.timer.start()
        else:
            self.discard()
