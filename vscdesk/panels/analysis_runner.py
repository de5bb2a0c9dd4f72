"""One analysis of the document shared by the Problems and Metrics panels, recomputed shortly
after edits stop (not on every keystroke).

``analyse()`` takes about 1 ms on the example and 0.23 s on 10,000 stages (docs/analysis.md),
so it runs on the GUI thread: a worker thread would need a copy of the model per run (the GUI
keeps editing it) and would cost as much as it saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from vscdesk.document import Document

if TYPE_CHECKING:
    from vscdesk.analysis import Analysis
    from vscdesk.analysis.flow import Period

#: how long edits must pause before the analysis runs again
DEBOUNCE_MS = 300


class AnalysisRunner(QObject):
    """Debounces document changes into ``updated(Analysis)``; ``analysis`` is the latest one."""

    updated = Signal(object)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.period: Period = "week"
        self.analysis: Analysis | None = None
        self.runs = 0  # how often the analysis ran; tests use it to see the debounce
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_now)
        document.changed.connect(self.schedule)
        document.reset.connect(self.schedule)
        self.schedule()  # the first run imports networkx (0.2 s): after the window is up

    def schedule(self) -> None:
        """Run once edits pause: each new change restarts the wait."""
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive()

    def set_period(self, period: Period) -> None:
        if period != self.period:
            self.period = period
            self.run_now()

    def run_now(self) -> None:
        from vscdesk.analysis import analyse  # its modules load with the first run

        self._timer.stop()
        self.analysis = analyse(self.document.model, self.period)
        self.runs += 1
        self.updated.emit(self.analysis)
