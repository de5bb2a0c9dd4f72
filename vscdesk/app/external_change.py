"""A file changed on disk since it was opened is never silently overwritten on save."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from vscdesk.app import dialogs
from vscdesk.storage.journal import file_sha256

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def same_file(a: Path, b: Path) -> bool:
    return a.expanduser().resolve() == b.expanduser().resolve()


class DiskState(QObject):
    """The hash of the document's file as it was opened or last saved."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sha256: str | None = None
        window.document.reset.connect(self.remember)
        window.file_saved.connect(lambda _path: self.remember())
        window.before_save.append(self.check_save)

    def remember(self) -> None:
        self.sha256 = file_sha256(self.window.document.path)

    def changed_on_disk(self) -> bool:
        """True when another program rewrote the file (a deleted file is simply saved again)."""
        path = self.window.document.path
        if path is None or self.sha256 is None:
            return False
        now = file_sha256(path)
        return now is not None and now != self.sha256

    def check_save(self, path: Path) -> Path | None:
        """Before saving: ask when saving over a file that changed under us."""
        current = self.window.document.path
        if current is None or not same_file(path, current) or not self.changed_on_disk():
            return path
        answer = dialogs.ask_external_change(self.window, current.name)
        if answer == "overwrite":
            return path
        if answer == "save_as":
            return dialogs.ask_save_path(self.window, str(current))
        if answer == "reload":
            self.window.open_path(current)
        return None
