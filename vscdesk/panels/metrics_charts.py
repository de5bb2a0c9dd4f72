"""The Metrics panel's charts (pyqtgraph, imported when the panel is first shown): the stream's
lead-time ladder, its SLAs against their targets, the document's lane load, and flow over time."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QPushButton, QTabWidget, QWidget

from vscdesk.analysis.engine import Analysis
from vscdesk.analysis.honest import figure_text, lean_figures, minutes, percent
from vscdesk.analysis.units import format_minutes
from vscdesk.model import DocumentModel
from vscdesk.panels import chart_style as cs
from vscdesk.panels.chart_data import UNIT_WORDS, clipped, sla_value_text, target_used, time_unit
from vscdesk.panels.metrics_flow_chart import FlowChart
from vscdesk.render.palette import INK_300, INK_400, INK_500, INK_700, INK_900, STATUS, lane_colors

#: the at-risk threshold of vscdesk.analysis.status, as a share of the target used
AT_RISK_LINE = 0.9


class MetricsCharts(QTabWidget):
    """Ladder | SLAs | Lane load | Flow, with "Save chart as PNG…" in the tab bar's corner."""

    save_requested = Signal(QWidget, str)  # the chart widget, a file name stem
    period_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setDocumentMode(True)
        self.ladder = cs.ChartPage(cs.new_plot())
        self.slas = cs.ChartPage(cs.new_plot())
        self.lanes = cs.ChartPage(cs.new_plot())
        self.flow = FlowChart()
        self.flow.period_changed.connect(self.period_changed)
        self.addTab(self.ladder, "Lead-time ladder")
        self.addTab(self.slas, "SLAs")
        self.addTab(self.lanes, "Lane load")
        self.addTab(self.flow, "Flow")
        self.save_button = QPushButton("Save as PNG…", self)
        self.save_button.setToolTip("Save the chart on show as a PNG image")
        self.save_button.clicked.connect(self._save)
        self.setCornerWidget(self.save_button)
        self.currentChanged.connect(self._enable_save)

    def _enable_save(self) -> None:
        self.save_button.setEnabled(self.current_chart() is not None)

    def current_chart(self) -> QWidget | None:
        page = self.currentWidget()
        if isinstance(page, cs.ChartPage):
            return page.chart if page.has_chart() else None
        return page.chart_widget() if isinstance(page, FlowChart) else None

    def _save(self) -> None:
        chart = self.current_chart()
        if chart is not None:
            stem = self.tabText(self.currentIndex()).lower().replace(" ", "-")
            self.save_requested.emit(chart, stem)

    def show_all(self, doc: DocumentModel, analysis: Analysis, stream_id: str | None) -> None:
        stream = next((s for s in doc.streams if s.id == stream_id), None)
        if stream is None:
            for page in (self.ladder, self.slas):
                page.show_message("Add a stream to see its figures.")
        else:
            self._ladder(doc, analysis, stream)
            self._slas(doc, analysis, stream)
        self._lane_load(doc, analysis)
        self.flow.show_stream(doc, analysis, stream)
        self._enable_save()

    # -- the charts ------------------------------------------------------------------------

    def _ladder(self, doc: DocumentModel, analysis: Analysis, stream) -> None:
        lean = analysis.streams[stream.id].lean
        if not stream.stages:
            self.ladder.show_message(f"“{stream.name}” has no stages yet.")
            return
        plot = self.ladder.plot.getPlotItem()
        plot.clear()
        unit, per = time_unit(max(t.process_minutes + t.wait_minutes for t in lean.ladder))
        process = [t.process_minutes / per for t in lean.ladder]
        wait = [t.wait_minutes / per for t in lean.ladder]
        names = {s.id: s.name for s in stream.stages}
        cs.label_bars(plot, [clipped(f"{i + 1}. {names[t.stage_id]}")
                             for i, t in enumerate(lean.ladder)])
        cs.hbars(plot, [0] * len(process), process, INK_700, name="Process")
        cs.hbars(plot, process, wait, INK_300, name="Wait")
        blank = set(lean.unmeasured_ladder)
        partial = {s.id for s in stream.stages
                   if (s.process_time is None) != (s.wait_time is None)}
        for i, timing in enumerate(lean.ladder):
            total = timing.process_minutes + timing.wait_minutes
            bottleneck = timing.stage_id == lean.bottleneck_stage
            if timing.stage_id in blank:  # unmeasured is not zero
                text = "not measured"
            else:
                text = ("≥ " if timing.stage_id in partial else "") + format_minutes(total)
            text += " · bottleneck" if bottleneck else ""
            cs.note(plot, (process[i] + wait[i]), i, f" {text}",
                    INK_900 if bottleneck else INK_400 if timing.stage_id in blank else INK_500,
                    bold=bottleneck)
        fig = lean_figures(lean)
        ratio = figure_text(fig["activity_ratio"], lambda v: percent(v, 100))
        lead = figure_text(fig["lead_minutes"], minutes)
        self.ladder.set_title(f"{stream.name} · lead time {lead} · activity ratio {ratio}")
        plot.setLabel("bottom", f"{UNIT_WORDS[unit]} · dark: process, light: wait", color=INK_500)
        plot.setXRange(0, max(p + w for p, w in zip(process, wait)) * 1.6 or 1, padding=0)
        self.ladder.show_chart()

    def _slas(self, doc: DocumentModel, analysis: Analysis, stream) -> None:
        names = {s.id: (i + 1, s.name) for i, s in enumerate(stream.stages)}
        checks = [c for c in analysis.slas if c.stream_id == stream.id and c.owner_kind != "link"]
        if not checks:
            self.slas.show_message(f"No SLA is set on “{stream.name}” or its stages yet.")
            return
        plot = self.slas.plot.getPlotItem()
        plot.clear()
        labels = []
        for check in checks:
            owner = "End to end" if check.owner_kind == "stream" else "{}. {}".format(
                *names.get(check.owner_id, (0, check.owner_id)))
            labels.append(clipped(owner))
        cs.label_bars(plot, labels)
        used = [target_used(c) for c in checks]
        top = max([1.25] + [min(u, 2.0) * 1.1 for u in used if u is not None])
        for i, (check, share) in enumerate(zip(checks, used)):
            colors = STATUS[check.status]
            if share is not None:
                bar = cs.hbars(plot, [0], [min(share, 2.0)], colors.bg, colors.fg)
                bar.setPos(0, i)
            glyph = {"met": "✓", "at_risk": "!", "breached": "×"}.get(check.status, "–")
            cs.note(plot, min(share or 0.0, 2.0), i,
                    f" {glyph} {clipped(check.name, 20)}: {sla_value_text(check)}",
                    colors.text, bold=check.status == "breached")
        import pyqtgraph as pg
        from PySide6.QtCore import Qt

        dashed = pg.mkPen(INK_400, width=1, style=Qt.PenStyle.DashLine)
        plot.addItem(pg.InfiniteLine(1.0, angle=90, pen=pg.mkPen(INK_700, width=1.5)))
        plot.addItem(pg.InfiniteLine(AT_RISK_LINE, angle=90, pen=dashed))
        plot.getAxis("bottom").setTicks([[(v, f"{v * 100:.0f} %") for v in (0, 0.5, 1.0, 1.5, 2.0)
                                          if v <= top]])
        plot.setXRange(0, top * 1.7, padding=0)
        self.slas.set_title(f"{stream.name} · share of each SLA target used")
        plot.setLabel("bottom", "actual ÷ target · 100 %: the limit · dashed: at risk",
                      color=INK_500)
        self.slas.show_chart()

    def _lane_load(self, doc: DocumentModel, analysis: Analysis) -> None:
        loads = list(analysis.lane_load)
        if not loads:
            self.lanes.show_message("The value chain has no lanes yet.")
            return
        plot = self.lanes.plot.getPlotItem()
        plot.clear()
        lanes = {lane.id: lane for lane in doc.chain.lanes}
        unit, per = time_unit(max([load.lead_minutes for load in loads] + [1]))
        cs.label_bars(plot, [clipped(lanes[load.lane_id].name) for load in loads])
        for i, load in enumerate(loads):
            colors = lane_colors(lanes[load.lane_id].color)
            process, wait = load.process_minutes / per, load.wait_minutes / per
            for start, width, fill, name in ((0, process, colors.ink, "Process"),
                                             (process, wait, colors.head, "Wait")):
                bar = cs.hbars(plot, [start], [width], fill, colors.ink,
                               name=name if i == 0 else None)
                bar.setPos(0, i)
            cs.note(plot, process + wait, i, f" {_lane_note(load)}",
                    INK_500 if load.lead_measured else INK_400)
        self.lanes.set_title("Lane load · all streams, by value chain activity")
        plot.setLabel("bottom", f"{UNIT_WORDS[unit]} · dark: process, light: wait", color=INK_500)
        plot.setXRange(0, max(load.lead_minutes / per for load in loads) * 1.5 or 1, padding=0)
        self.lanes.show_chart()


def _lane_note(load) -> str:
    """"≥ 4 h · 3 stages, 2 streams", "not measured · 1 stage, 1 stream" or "no stages":
    a lane whose stages give no times is not measured, never "0 min"."""
    if not load.stages:
        return "no stages"
    if load.process_measured or load.wait_measured:  # what is given adds up to at least this
        exact = load.lead_measured == load.stages
        text = ("" if exact else "≥ ") + minutes(load.lead_minutes)
    else:
        text = "not measured"
    stages = f"{load.stages} stage{'s' if load.stages != 1 else ''}"
    return f"{text} · {stages}, {load.streams} stream{'s' if load.streams != 1 else ''}"
