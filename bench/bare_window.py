"""The floor of ``startup``: a bare PySide6 window process that reports its first paint the
same way vscdesk does (``painted <unix time>``) and quits."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget


class _Canvas(QWidget):
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        if not getattr(self, "_reported", False):
            self._reported = True
            QTimer.singleShot(0, _report)


def _report() -> None:
    print(f"painted {time.time():.6f}", flush=True)
    QApplication.quit()


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(_Canvas())
    window.resize(1440, 900)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
