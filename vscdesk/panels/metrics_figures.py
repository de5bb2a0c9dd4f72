"""The headline figures of one stream: lead, process and wait time, activity ratio, rolled %C&A,
the bottleneck, whether the stage targets can meet the stream's promise, and its SLA statuses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout, QWidget

from vscdesk.analysis.engine import Analysis
from vscdesk.analysis.honest import NOT_MEASURED, figure_text, lean_figures, minutes, percent
from vscdesk.analysis.units import format_minutes
from vscdesk.model import Stream
from vscdesk.render.palette import STATUS

TILES = (("lead", "LEAD TIME"), ("process", "PROCESS TIME"), ("wait", "WAIT TIME"),
         ("ratio", "ACTIVITY RATIO"), ("pca", "ROLLED %C&A"), ("bottleneck", "BOTTLENECK"))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


_FIGURE = {"lead": "lead_minutes", "process": "process_minutes", "wait": "wait_minutes",
           "ratio": "activity_ratio", "pca": "rolled_pca", "bottleneck": "bottleneck_stage"}


class MetricsFigures(QWidget):
    """Six figure tiles in two columns, then the roll-up verdict and the SLA counts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        self.values: dict[str, QLabel] = {}
        self.notes: dict[str, QLabel] = {}
        for i, (key, caption) in enumerate(TILES):
            cap = QLabel(caption, self)
            cap.setStyleSheet("font-size: 10px; font-weight: bold;")
            cap.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            value = QLabel("–", self)
            value.setStyleSheet("font-size: 16px; font-weight: bold;")
            value.setWordWrap(key == "bottleneck")
            note = QLabel(self)  # how many stages the figure rests on, when not all
            note.setStyleSheet("font-size: 10px;")
            note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
            note.setWordWrap(True)
            note.hide()
            self.notes[key] = note
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            tile = QVBoxLayout()
            tile.setSpacing(0)
            tile.addWidget(cap)
            tile.addWidget(value)
            tile.addWidget(note)
            grid.addLayout(tile, i // 2, i % 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        self.rollup = QLabel(self)
        self.rollup.setWordWrap(True)
        self.rollup.setTextFormat(Qt.TextFormat.RichText)
        self.sla_counts = QLabel(self)
        self.sla_counts.setTextFormat(Qt.TextFormat.RichText)
        self.sla_counts.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addLayout(grid)
        layout.addWidget(self.rollup)
        layout.addWidget(self.sla_counts)
        layout.addStretch(1)

    def show_stream(self, stream: Stream | None, analysis: Analysis | None) -> None:
        if stream is None or analysis is None or stream.id not in analysis.streams:
            for label in self.values.values():
                label.setText("–")
            for note in self.notes.values():
                note.hide()
            self.rollup.setText("Add a stream to see its figures." if analysis else "")
            self.sla_counts.setText("")
            return
        item = analysis.streams[stream.id]
        lean, rollup = item.lean, item.rollup
        names = {s.id: s.name for s in stream.stages}
        waits = {t.stage_id: t.wait_minutes for t in lean.ladder}
        fig = lean_figures(lean)
        texts = {
            "lead": figure_text(fig["lead_minutes"], minutes),
            "process": figure_text(fig["process_minutes"], minutes),
            "wait": figure_text(fig["wait_minutes"], minutes),
            "ratio": figure_text(fig["activity_ratio"], lambda v: percent(v, 100)),
            "pca": figure_text(fig["rolled_pca"], percent),
            "bottleneck": figure_text(fig["bottleneck_stage"], lambda v: f"{names.get(v, v)} "
                                      f"({format_minutes(waits[v])} wait)"),
        }
        for key, text in texts.items():
            # the figure large; how many stages it rests on small under it
            value, _, rest = text.partition(" · ")
            small = value == NOT_MEASURED or key == "bottleneck"
            self.values[key].setText(value)
            self.values[key].setStyleSheet(f"font-size: {13 if small else 16}px; "
                                           f"font-weight: bold;")
            self.notes[key].setText(rest)
            self.notes[key].setVisible(bool(rest))
        self.rollup.setText(self._rollup_text(rollup))
        self.sla_counts.setText(self._sla_text(analysis, stream))

    @staticmethod
    def _rollup_text(rollup) -> str:
        if rollup.target_minutes is None:
            return "No end-to-end lead-time target to roll the stage targets up against."
        stages = format_minutes(rollup.stage_sum_minutes)
        promise = format_minutes(rollup.target_minutes)
        if rollup.exceeds:
            c = STATUS["breached"]
            return (f"<span style='color:{c.fg}'><b>×</b></span> Stage targets add up to "
                    f"<b>{stages}</b>, the stream promises <b>{promise}</b>: "
                    f"<b style='color:{c.text}'>the stages cannot meet the promise.</b>")
        c = STATUS["met"]
        return (f"<span style='color:{c.fg}'><b>✓</b></span> Stage targets add up to "
                f"<b>{stages}</b>, within the promise of <b>{promise}</b>.")

    @staticmethod
    def _sla_text(analysis: Analysis, stream: Stream) -> str:
        checks = [c for c in analysis.slas if c.stream_id == stream.id and c.owner_kind != "link"]
        parts = []
        for status, glyph, word in (("met", "✓", "met"), ("at_risk", "!", "at risk"),
                                    ("breached", "×", "breached"), ("no_data", "–", "no data")):
            n = sum(1 for c in checks if c.status == status)
            if n:
                c = STATUS[status]
                parts.append(f"<span style='color:{c.fg}'><b>{glyph}</b></span> {n} {word}")
        return "<b>SLAs</b>&nbsp; " + (" · ".join(parts) if parts else "none set")
