"""The first analysis (which imports networkx) waits for the canvas's first paint, so a busy
machine shows the map before it spends time on problems and metrics."""

import time

from PySide6.QtWidgets import QApplication, QWidget

from vscdesk.document import Document
from vscdesk.model import DocumentModel
from vscdesk.panels.analysis_runner import DEBOUNCE_MS, AnalysisRunner


def _runner(qtbot):
    canvas = QWidget()
    qtbot.addWidget(canvas)
    runner = AnalysisRunner(Document(DocumentModel()))
    runner.wait_for_first_paint(canvas)
    return runner, canvas


def test_a_shown_canvas_holds_the_first_run_until_it_has_painted(qtbot):
    runner, canvas = _runner(qtbot)
    canvas.setUpdatesEnabled(False)  # shown, but no paint yet: as on a busy machine
    canvas.show()
    runner._timer.timeout.emit()  # the debounce ran out before the first paint
    assert runner.runs == 0 and runner.pending()
    canvas.setUpdatesEnabled(True)
    canvas.repaint()
    qtbot.waitUntil(lambda: runner.runs == 1)
    assert not runner.pending()


def test_a_canvas_that_is_not_shown_does_not_hold_runs(qtbot):
    runner, _canvas = _runner(qtbot)
    qtbot.waitUntil(lambda: runner.runs == 1)



class _SlowCanvas(QWidget):
    """A first paint that outlasts the debounce, as on a busy machine."""

    def paintEvent(self, event):  # noqa: N802 (Qt override)
        time.sleep(DEBOUNCE_MS * 1.5 / 1000)


def test_a_run_due_during_the_first_paint_waits_a_debounce_after_it(qtbot):
    canvas = _SlowCanvas()
    qtbot.addWidget(canvas)
    runner = AnalysisRunner(Document(DocumentModel()))
    runner.wait_for_first_paint(canvas)
    canvas.show()
    canvas.repaint()  # the debounce runs out while this paint is drawn
    QApplication.processEvents()
    assert runner.runs == 0 and runner.pending()
    qtbot.waitUntil(lambda: runner.runs == 1)
