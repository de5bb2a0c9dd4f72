"""Flow Framework metrics of one stream over time: velocity split by type (the distribution),
flow time, flow load and flow efficiency, per week or month."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from vscdesk.analysis.engine import Analysis
from vscdesk.analysis.flow import FLOW_TYPES
from vscdesk.model import DocumentModel, Stream
from vscdesk.panels import chart_style as cs
from vscdesk.render.palette import CANVAS, INK_900

#: one quiet colour per flow item type (the lane inks of the mockup: no status colour)
TYPE_COLORS = {"feature": "#44618F", "defect": "#94503F", "risk": "#8E5C22", "debt": "#5F6B33"}
PERIODS = {"week": "Week", "month": "Month"}


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _short(period: str) -> str:
    """"W07" for a week, "Mar" for a month: the caption gives the years."""
    if "-W" in period:
        return period.split("-")[1]
    return dt.date(int(period[:4]), int(period[5:7]), 1).strftime("%b")


def _whole_ticks(plot: pg.PlotItem, top: float) -> None:
    """Counts of items: ticks on whole numbers only."""
    step = max(1, round(top / 4))
    plot.getAxis("left").setTickSpacing(step, step)


def _ticks(labels: list[str], most: int = 4) -> list[tuple[int, str]]:
    step = max(1, -(-len(labels) // most))
    return [(i, label) for i, label in enumerate(labels) if i % step == 0]


class FlowChart(QWidget):
    """Four small plots sharing the period axis, or a hint on how to import flow items."""

    period_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.period = QComboBox(self)
        for key, text in PERIODS.items():
            self.period.addItem(text, key)
        self.period.setAccessibleName("Flow period")
        self.period.activated.connect(
            lambda _i: self.period_changed.emit(self.period.currentData()))
        self.caption = QLabel(self)
        self.caption.setTextFormat(Qt.TextFormat.RichText)
        # a long caption must not widen the dock (and squeeze the canvas): it is cut instead
        self.caption.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.caption.setWordWrap(True)
        self.graphs = pg.GraphicsLayoutWidget(self)
        self.graphs.setBackground(CANVAS)
        self.page = cs.ChartPage(self.graphs, self)
        self.plots = {}
        for key, title in (("velocity", "Velocity by type"), ("time", "Flow time (days)"),
                           ("load", "Flow load"), ("efficiency", "Flow efficiency (%)")):
            plot = cs.style_plot(self.graphs.addPlot(), title)
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.getAxis("left").setWidth(28)
            self.plots[key] = plot
        self._columns = 0
        top = QHBoxLayout()
        self.per = QLabel("Per", self)
        top.addWidget(self.per)
        top.addWidget(self.period)
        top.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.page, 1)

    def resizeEvent(self, event) -> None:  # noqa: N802
        """One row of four plots when wide (a bottom dock), two by two otherwise."""
        super().resizeEvent(event)
        columns = 4 if self.width() > 2.6 * self.height() else 2
        if columns != self._columns:
            self._columns = columns
            layout = self.graphs.ci
            for plot in self.plots.values():
                layout.removeItem(plot)
            for i, plot in enumerate(self.plots.values()):
                layout.addItem(plot, row=i // columns, col=i % columns)

    def chart_widget(self) -> QWidget | None:
        return self.graphs if self.page.has_chart() else None

    def show_stream(self, doc: DocumentModel, analysis: Analysis, stream: Stream | None) -> None:
        periods = analysis.flow_of(stream.id) if stream is not None else []
        self.period.setCurrentIndex(max(0, self.period.findData(
            "month" if periods and "W" not in periods[0].period else "week")))
        self.period.setVisible(bool(doc.flow_items))
        self.per.setVisible(bool(doc.flow_items))
        if not doc.flow_items:
            self.caption.setText("")
            self.page.show_message(
                "No flow items in this document. File ▸ Import flow items (.csv)… reads a "
                "tracker export (id, type, stream, started, finished, active time).")
            return
        if not periods:
            self.caption.setText("")
            name = stream.name if stream else ""
            self.page.show_message(f"No flow item belongs to “{name}”.")
            return
        items = sum(1 for item in doc.flow_items if item.stream == stream.id)
        kinds = " ".join(f"<span style='color:{TYPE_COLORS[k]}'>■</span> {k}" for k in FLOW_TYPES)
        self.caption.setText(f"&nbsp; {items} items, {periods[0].start:%d %b} – "
                             f"{periods[-1].end:%d %b %Y} &nbsp; {kinds}")
        self.caption.setToolTip(f"{items} flow items of “{stream.name}”")
        labels = [_short(p.period) for p in periods]
        x = list(range(len(periods)))
        for plot in self.plots.values():
            plot.clear()
            plot.getAxis("bottom").setTicks([_ticks(labels)])
        velocity = self.plots["velocity"]
        base = [0.0] * len(periods)
        for kind in FLOW_TYPES:
            counts = [p.distribution[kind] for p in periods]
            if any(counts):
                velocity.addItem(pg.BarGraphItem(x=x, y0=list(base), height=counts, width=0.7,
                                                 brush=TYPE_COLORS[kind], pen=pg.mkPen(None),
                                                 name=kind))
                base = [b + c for b, c in zip(base, counts)]
        velocity.setXRange(-0.5, len(x) - 0.5, padding=0)
        velocity.setYRange(0, max(base + [1.0]) * 1.15, padding=0)
        _whole_ticks(velocity, max(base + [1.0]))
        self._line("time", x, [p.flow_time_days for p in periods])
        self._line("load", x, [float(p.load) for p in periods])
        _whole_ticks(self.plots["load"], max([p.load for p in periods] + [1]))
        self._line("efficiency", x, [None if p.efficiency is None else p.efficiency * 100
                                     for p in periods])
        self.page.show_chart()

    def _line(self, key: str, x: list[int], values: list[float | None]) -> None:
        """A line through the periods that have a value; gaps stay gaps, dots mark values."""
        points = [(i, v) for i, v in zip(x, values) if v is not None]
        plot = self.plots[key]
        if points:
            plot.plot([p[0] for p in points], [p[1] for p in points],
                      pen=pg.mkPen(INK_900, width=1.75), symbol="o", symbolSize=5,
                      symbolBrush=INK_900, symbolPen=None)
        plot.setXRange(-0.5, len(x) - 0.5, padding=0)
        plot.setYRange(0, max([p[1] for p in points] + [1.0]) * 1.15, padding=0)
