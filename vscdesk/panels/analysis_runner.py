"""One analysis of the document shared by the Problems and Metrics panels, recomputed shortly
after edits stop (not on every keystroke).

``analyse()`` takes about 1 ms on the example and 0.23 s on 10,000 stages (docs/analysis.md),
so it runs on the GUI thread: a worker thread would need a copy of the model per run (the GUI
keeps editing it) and would cost as much as it saves.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from vscdesk.document import Document

if TYPE_CHECKING:
    from vscdesk.analysis.engine import Analysis
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
        self._timer.timeout.connect(self._due)
        # A shown canvas that has not painted yet: the first run waits for its first paint.
        self._unpainted: QWidget | None = None
        self._due_after_paint = False
        document.changed.connect(self.schedule)
        document.reset.connect(self.schedule)
        self.schedule()  # the first run imports networkx (0.2 s): after the window is up

    def schedule(self) -> None:
        """Run once edits pause: each new change restarts the wait."""
        self._timer.start()

    def pending(self) -> bool:
        return self._timer.isActive() or self._due_after_paint

    def wait_for_first_paint(self, canvas: QWidget) -> None:
        """Hold runs until a debounce after ``canvas`` has painted once, if it is shown by then.

        The first run imports networkx (0.2 s). The debounce alone keeps that after the first
        paint only on an idle machine; on a busy one the timer fired first and the user waited
        for the analysis before seeing the map. A canvas that is never shown does not hold runs.
        """
        self._unpainted = canvas
        canvas.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self._unpainted and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._unpainted = None
            if self._due_after_paint or self._timer.isActive():
                # A run due now or soon waits a whole debounce from the end of this paint.
                self._timer.stop()
                self._due_after_paint = True
                QTimer.singleShot(0, self._after_first_paint)
        return False

    def _after_first_paint(self) -> None:
        if self._due_after_paint:
            self._due_after_paint = False
            self.schedule()

    def _due(self) -> None:
        canvas = self._unpainted
        if canvas is not None and canvas.isVisible():
            self._due_after_paint = True
            return
        self.run_now()

    def set_period(self, period: Period) -> None:
        if period != self.period:
            self.period = period
            self.run_now()

    def run_now(self) -> None:
        from vscdesk.analysis.engine import analyse  # its modules load with the first run

        self._timer.stop()
        self._due_after_paint = False
        self.analysis = analyse(self.document.model, self.period)
        self.runs += 1
        self.updated.emit(self.analysis)
