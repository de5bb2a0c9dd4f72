"""pyqtgraph plots in the visual language: white like the diagram, ink text, no pan or zoom
(these are read-only figures), horizontal bars with names on the left. Imports pyqtgraph, so
only the metrics charts import this module, when the Metrics panel is first shown."""

from __future__ import annotations

import html
from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from vscdesk.render.palette import CANVAS, INK_200, INK_500, INK_700, INK_900

BAR_HEIGHT = 0.62


def font(pixels: float, bold: bool = False) -> QFont:
    result = QFont("DejaVu Sans")
    result.setPixelSize(round(pixels))
    result.setBold(bold)
    return result


def style_plot(plot: pg.PlotItem, heading: str = "") -> pg.PlotItem:
    """Ink axes and ticks, a bold title, no mouse interaction or context menu."""
    plot.setMouseEnabled(False, False)
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.showGrid(x=True, y=False, alpha=0.25)
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen(INK_200))
        axis.setTextPen(pg.mkPen(INK_700))
        axis.setStyle(tickFont=font(11), tickTextOffset=6)
    if heading:
        title(plot, heading)
    return plot


def title(plot: pg.PlotItem, text: str) -> None:
    """A short bold title inside the plot (pyqtgraph keeps the plot at least this wide)."""
    plot.setTitle(text, color=INK_900, size="10pt", bold=True)


def new_plot(parent: QWidget | None = None) -> pg.PlotWidget:
    widget = pg.PlotWidget(parent=parent, background=CANVAS)
    style_plot(widget.getPlotItem())
    widget.setMinimumHeight(150)
    return widget


def label_bars(plot: pg.PlotItem, labels: Sequence[str]) -> None:
    """Names on the left axis, first bar at the top."""
    plot.getViewBox().invertY(True)
    axis = plot.getAxis("left")
    axis.setTicks([[(i, text) for i, text in enumerate(labels)]])
    axis.setStyle(tickLength=0)  # a tick mark would poke into the bar it names
    plot.setYRange(-0.6, max(len(labels), 1) - 0.4, padding=0)


def hbars(plot: pg.PlotItem, starts: Sequence[float], widths: Sequence[float], color: str,
          outline: str | None = None, name: str | None = None) -> pg.BarGraphItem:
    bars = pg.BarGraphItem(x0=list(starts), width=list(widths), y=list(range(len(widths))),
                           height=BAR_HEIGHT, brush=pg.mkBrush(color),
                           pen=pg.mkPen(outline) if outline else pg.mkPen(None), name=name)
    plot.addItem(bars)
    return bars


def note(plot: pg.PlotItem, x: float, y: float, text: str, color: str = INK_500,
         bold: bool = False) -> pg.TextItem:
    """A value written just right of a bar's end."""
    item = pg.TextItem(text, color=QColor(color), anchor=(0, 0.5))
    item.setFont(font(10.5, bold))
    item.setPos(x, y)
    plot.addItem(item)
    return item


def legend(plot: pg.PlotItem) -> pg.LegendItem:
    item = plot.addLegend(offset=(-8, 4), labelTextColor=INK_700, labelTextSize="8pt",
                          brush=pg.mkBrush(255, 255, 255, 220), colCount=4)
    return item


class ChartPage(QStackedWidget):
    """A titled chart on white, or a sentence saying why there is none.

    The title is a QLabel, not pyqtgraph's: that one never lets the plot get narrower than its
    text, which pushes the plot past the edge of a narrow dock. ``chart`` (title and plot) is
    what "Save as PNG" renders.
    """

    def __init__(self, plot: pg.PlotWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot = plot
        self.chart = QWidget(self)
        self.chart.setAutoFillBackground(True)
        palette = self.chart.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(CANVAS))
        self.chart.setPalette(palette)
        self.heading = QLabel(self.chart)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # it holds stream names
        self.heading.setStyleSheet(f"color: {INK_900}; font-weight: bold; font-size: 13px;")
        self.heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading.setWordWrap(True)  # a narrow dock wraps the title instead of cutting it
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(self.chart)
        column.setContentsMargins(0, 6, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.heading)
        column.addWidget(plot, 1)
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setMargin(16)
        self.addWidget(self.chart)
        self.addWidget(self.message)

    def set_title(self, text: str) -> None:
        self.heading.setText(text)
        self.heading.setToolTip(f"<p>{html.escape(text)}</p>")  # a name's <b> stays characters

    def show_chart(self) -> None:
        self.setCurrentWidget(self.chart)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)

    def has_chart(self) -> bool:
        return self.currentWidget() is self.chart
