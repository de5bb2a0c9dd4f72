"""The Metrics panel: one stream's lean figures beside charts of its lead-time ladder and SLAs,
the document's lane load, and flow metrics when the document has flow items.

The charts use pyqtgraph, which costs about 0.5 s to import: they are built the first time the
panel is actually on screen, so opening the window never pays for them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QBoxLayout, QFormLayout, QFrame, QScrollArea, QVBoxLayout, QWidget

from vscdesk.analysis.engine import Analysis
from vscdesk.document import Document, Selection
from vscdesk.panels import metrics_export
from vscdesk.panels.analysis_runner import AnalysisRunner
from vscdesk.panels.metrics_figures import MetricsFigures
from vscdesk.panels.stream_picker import StreamPicker
from vscdesk.panels.widgets import ErrorLabel, RefreshWhenShown

if TYPE_CHECKING:
    from vscdesk.panels.metrics_charts import MetricsCharts

#: wider than this × the height: figures on the left of the charts (a bottom dock)
WIDE_RATIO = 1.6
FIGURES_WIDTH = 320


class MetricsPanel(RefreshWhenShown, QWidget):
    """Figures and charts for the selection's stream; follows the shared analysis."""

    def __init__(self, runner: AnalysisRunner, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.document = document
        self.selection = selection
        self.charts: MetricsCharts | None = None
        #: where to save a chart, from its suggested file stem; the app asks the user (a file
        #: dialog in the document's folder); None: not saved
        self.ask_chart_path: Callable[[str], Path | None] = lambda _stem: None
        self.picker = StreamPicker(document, selection, self)
        self.figures = MetricsFigures(self)
        self.errors = ErrorLabel(self)
        side = QWidget(self)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        # No Alt+letter: the panel sits under the Stream, Stakeholders and Activity loop panels,
        # whose own pickers have Alt+M (Ctrl+Shift+7 lands here, in the picker)
        form.addRow("Stream:", self.picker)
        column.addLayout(form)
        column.addWidget(self.figures, 1)
        column.addWidget(self.errors)
        # A short dock scrolls the figures instead of squeezing them into each other.
        self.side = QScrollArea(self)
        self.side.setWidget(side)
        self.side.setWidgetResizable(True)
        self.side.setFrameShape(QFrame.Shape.NoFrame)
        self.side.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self.body.setSpacing(12)
        self.body.addWidget(self.side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(self.body, 1)
        self._stream_shown: str | None = None
        runner.updated.connect(lambda _a: self.refresh())
        selection.changed.connect(self._selection_changed)
        self.refresh()

    @property
    def analysis(self) -> Analysis | None:
        return self.runner.analysis

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Figures beside the charts in a wide dock (along the bottom), above them in a tall one."""
        wide = self.width() > WIDE_RATIO * self.height()
        self.body.setDirection(QBoxLayout.Direction.LeftToRight if wide
                               else QBoxLayout.Direction.TopToBottom)
        if wide:
            self.side.setFixedWidth(FIGURES_WIDTH)
            self.side.setMinimumHeight(0)
            return
        self.side.setMinimumWidth(0)
        self.side.setMaximumWidth(16777215)  # QWIDGETSIZE_MAX
        inner = self.side.widget()
        width = self.width() - 20  # the panel's margins
        needed = inner.heightForWidth(width) if inner.hasHeightForWidth() else -1
        needed = needed if needed > 0 else inner.sizeHint().height()
        self.side.setMinimumHeight(min(needed, self.height() // 2))

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self.charts is None or self._stale:
            self.refresh()

    def _selection_changed(self) -> None:
        if self.selection.stream_id != self._stream_shown:
            self.refresh()

    def _build_charts(self) -> MetricsCharts:
        from vscdesk.panels.metrics_charts import MetricsCharts  # imports pyqtgraph

        charts = MetricsCharts(self)
        charts.save_requested.connect(self._save_chart)
        charts.period_changed.connect(self.runner.set_period)
        self.body.addWidget(charts, 1)
        return charts

    def update_view(self) -> None:
        stream_id = self.picker.refresh()
        self._stream_shown = stream_id
        stream = self.document.stream(stream_id) if stream_id else None
        self.figures.show_stream(stream, self.analysis)
        self._arrange()  # wrapped texts change the height the figures need
        if not self.isVisible() or self.analysis is None:
            self._stale = True  # the charts catch up when the panel is shown
            return
        if self.charts is None:
            self.charts = self._build_charts()
        self.charts.show_all(self.document.model, self.analysis, stream_id)

    def _save_chart(self, chart: QWidget, stem: str) -> None:
        path = self.ask_chart_path(stem)
        if path is None:
            return
        error = metrics_export.save_png(chart, path)
        if error:
            self.errors.show_error(error)
        else:
            self.errors.clear_error()
