"""Open large documents without freezing: parse in a worker thread, show progress if it takes long.

Reading and validating a file is pure Python with no Qt objects, so it can run beside the
event loop; the window keeps repainting and a progress dialog appears after a short moment.
Only the model reaches the GUI thread.
"""

from __future__ import annotations

from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QEventLoop, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from vscdesk.model import DocumentModel
from vscdesk.storage import load

#: a dialog only for loads that last longer than this
SHOW_AFTER_MS = 400


class _Done(QObject):
    """Carries 'the worker finished' from the worker thread into the GUI thread (queued)."""

    finished = Signal()


def run_in_background(parent: QWidget | None, label: str, job, *args):
    """Run ``job(*args)`` in a thread while the event loop runs; return its result or raise."""
    done = _Done()
    loop = QEventLoop()
    done.finished.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    progress = QProgressDialog(label, "", 0, 0, parent)
    progress.setCancelButton(None)  # parsing cannot be interrupted half-way
    progress.setWindowTitle("vscdesk")
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="vscdesk-load") as pool:
        future: Future = pool.submit(job, *args)
        future.add_done_callback(lambda _f: done.finished.emit())
        if not future.done():
            progress.setValue(0)
            loop.exec()
    progress.reset()
    progress.deleteLater()
    return future.result()


def load_with_progress(parent: QWidget | None, path: Path) -> DocumentModel:
    """``storage.load`` that keeps the window responsive; raises LoadError like it."""
    return run_in_background(parent, f"Opening {Path(path).name}…", load, path)
