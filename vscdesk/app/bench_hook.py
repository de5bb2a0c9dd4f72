"""For the benchmark only: with VSCDESK_BENCH_EXIT_AFTER_PAINT=1 the window reports the
moment its canvas was first painted (``painted <unix time>`` on stdout) and quits."""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "VSCDESK_BENCH_EXIT_AFTER_PAINT"


class _FirstPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._report)  # runs once this paint has finished
        return False

    def _report(self) -> None:
        print(f"painted {time.time():.6f}", flush=True)
        QApplication.quit()


def install_if_requested(canvas: QWidget) -> None:
    """Watch ``canvas`` for its first paint when the benchmark asks for it; else do nothing."""
    if os.environ.get(ENV) == "1":
        watcher = _FirstPaint(canvas)  # a child of the canvas: Qt keeps it while the canvas lives
        canvas.installEventFilter(watcher)
