"""A file changed on disk while it is open: reloaded when that loses nothing, else the user decides.

While the file is open (``watch``): a document without unsaved edits is reloaded at once; one
with edits gets a bar above the canvas (Reload from disk / Keep my version); a deleted file
marks the document modified so closing asks. Content is compared by hash, so our own saves,
``touch`` and identical rewrites change nothing. At save time (``check_save``) a file that
differs from the one we know is never silently overwritten.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from vscdesk.app import dialogs
from vscdesk.app.loading import run_in_background
from vscdesk.model import DocumentModel
from vscdesk.storage import LoadError, loads
from vscdesk.storage.journal import file_sha256
from vscdesk.storage.reader import read_limited

if TYPE_CHECKING:
    from vscdesk.app.change_bar import ChangeBar
    from vscdesk.app.file_watch import FileWatch
    from vscdesk.app.main_window import MainWindow

#: what ``_told`` holds once the user was told that the file is gone
MISSING = "missing"


def same_file(a: Path, b: Path) -> bool:
    return a.expanduser().resolve() == b.expanduser().resolve()


class DiskState(QObject):
    """The hash of the document's file as it was opened or last saved."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.sha256: str | None = None
        self.watcher: FileWatch | None = None
        self.bar: ChangeBar | None = None
        self._told: str | None = None  # the disk version the bar told about (hash or MISSING)
        self._marked_at: int | None = None  # undo index when a deletion marked the document
        self._busy = False  # a reload is running (its progress loop lets events through)
        self._again = False
        window.document.reset.connect(self.remember)
        window.file_saved.connect(lambda _path: self.remember())
        window.before_save.append(self.check_save)

    def remember(self) -> None:
        """The file and the document agree now (opened, reloaded or saved): start afresh."""
        self.sha256 = file_sha256(self.window.document.path)
        self._told = None
        self._marked_at = None
        if self.bar is not None:
            self.bar.clear()
        if self.watcher is not None:
            self.watcher.watch(self.window.document.path)

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
            self.reload()
        return None

    # -- while the file is open ----------------------------------------------------------------

    def watch(self, watcher: FileWatch, bar: ChangeBar) -> None:
        """Follow the open file from now on; news that needs the user goes to ``bar``."""
        self.watcher, self.bar = watcher, bar
        watcher.changed.connect(self.check_disk)
        watcher.watch(self.window.document.path)

    def check_disk(self) -> None:
        """The file may have changed: compare its content with what we opened or saved."""
        path = self.window.document.path
        if path is None or self.bar is None:
            return
        if self._busy:
            self._again = True
            return
        now = file_sha256(path)
        if now is None:
            if not os.path.lexists(path):
                self._gone(path)
            return  # unreadable for now (permissions): Save will say so if it matters
        if self._told == MISSING:
            self._back(now)
        if self.sha256 is None:
            self.sha256 = now
        if now == self.sha256 and self._told is not None:  # they went back to our version
            self._told = None
            self.bar.clear()
        if now in (self.sha256, self._told):
            return
        if self._has_edits():
            self._told = now
            self.bar.show_notice(path.name, "changed on disk.", [
                ("&Reload from disk", "Load the file as it is on disk; your unsaved changes "
                 "are discarded", self.reload),
                ("&Keep my version", "Keep editing your version; Save will ask before "
                 "overwriting theirs", self.bar.dismiss)])
        else:
            self.reload()

    def reload(self) -> None:
        """Show the file as it is on disk, keeping zoom, scroll and selection where they apply."""
        path = self.window.document.path
        if path is None or self._busy:
            return
        self._busy = True
        try:
            model, sha = run_in_background(self.window, f"Reloading {path.name}…", _read, path)
        except LoadError as err:
            self._unreadable(path, err)
            return
        finally:
            self._busy = False
            if self._again:
                self._again = False
                QTimer.singleShot(0, self.check_disk)
        restore = _keep_view(self.window)
        self.window.show_model(model, path)
        self.sha256 = sha  # exactly the bytes shown, even if the file moved on meanwhile
        restore()
        self.window.statusBar().showMessage(f"Reloaded {path.name}: it changed on disk", 8000)

    def _has_edits(self) -> bool:
        """Unsaved work of the user's own (not just our 'file deleted' mark)."""
        document = self.window.document
        return document.is_modified() and not (
            self._marked_at is not None and document.history.mark() == self._marked_at)

    def _unreadable(self, path: Path, err: LoadError) -> None:
        self._told = file_sha256(path)
        if self.bar is None:  # not watching (DiskState on its own): say it the old way
            dialogs.show_error(self.window, "Cannot reload document", str(err))
            return
        reason = str(err).removeprefix(f"{err.source}: ")
        self.bar.show_notice(path.name, "changed on disk but cannot be read, so the version "
                             f"you see stays open: {reason}", level="error")

    def _gone(self, path: Path) -> None:
        """Deleted or moved away: keep the document, and make sure closing asks first."""
        if self._told == MISSING or self.sha256 is None:
            return
        self._told = MISSING
        document = self.window.document
        if document.read_only:  # the other window owns it; a copy is all this one can make
            self.bar.show_notice(path.name, "was deleted or moved on disk; Save As… keeps "
                                 "a copy.", [("Save &As…", "Save this version under a "
                                                    "new name", self.window.save_as)])
            return
        if not document.is_modified():
            document.mark_unsaved()
            self._marked_at = document.history.mark()
        self.bar.show_notice(path.name, "was deleted or moved on disk; Save will write it "
                             "again.", [("&Save", "Write the file again", self.window.save)])

    def _back(self, now: str) -> None:
        """The file is there again (a checkout that deleted and re-created it)."""
        self._told = None
        self.bar.clear()
        document = self.window.document
        if (self._marked_at is not None and document.history.mark() == self._marked_at
                and now == self.sha256):
            document.mark_saved()
            self._marked_at = None


def _read(path: Path) -> tuple[DocumentModel, str]:
    """Load and hash the same bytes (in the loading thread): no Qt here."""
    data = read_limited(path, path.name)
    return loads(data, path.name), hashlib.sha256(data).hexdigest()


def _keep_view(window: MainWindow) -> Callable[[], None]:
    """Remember zoom, scroll and selection; the returned function puts them back after a reload."""
    view, selection = window.view, window.selection
    stages, stream = selection.stage_ids, selection.stream_id
    fitting, zoom = view.fitting, view.zoom()
    h, v = view.horizontalScrollBar().value(), view.verticalScrollBar().value()

    def restore() -> None:
        document = window.document
        if not fitting:  # a fitted view is fitted again by show_model
            view.set_zoom(zoom)
            view.horizontalScrollBar().setValue(h)
            view.verticalScrollBar().setValue(v)
        selection.set([s for s in stages if s in document],
                      stream if stream is not None and stream in document else None)

    return restore
