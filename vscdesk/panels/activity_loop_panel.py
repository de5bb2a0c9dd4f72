"""The Activity loop panel: one stream's route around the value chain, its visits and loops,
and the place to edit that route. Clicking a step selects its stage everywhere."""

from __future__ import annotations

from functools import partial
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from vscdesk.document import AddStage, Document, MoveStage, Selection
from vscdesk.layout.activity_loop_words import (
    LOOP_BACK_TIP, REVISIT_TIP, LoopFacts, counts_text, loop_facts)
from vscdesk.model import Stage, Stream
from vscdesk.panels.loop_view import LoopScroll, LoopView
from vscdesk.panels.route_editor import RouteEditor
from vscdesk.panels.stream_picker import StreamPicker
from vscdesk.panels.widgets import ErrorLabel, RefreshWhenShown, push

_escape = partial(escape, quote=False)  # names shown in rich text stay plain characters


SHOWN_LOOP_BACKS = 3  # more are listed by step on one line, so the route list keeps its room


def summary(document: Document, stream: Stream, facts: LoopFacts) -> str:
    """Visits per activity and where the loop-backs go, as short rich-text lines."""
    names = {lane.id: lane.name for lane in document.model.chain.lanes}

    def name(lane: str) -> str:
        return _escape(names.get(lane, lane))

    visits = " · ".join(f"{name(lane)} ×{n}" for lane, n in facts.visits)
    lines = [f"<b>Visits</b>&nbsp; {visits or 'no activity visited yet'}"]
    back = "<span style='color:#6A3FD0'>↩</span>"
    if len(facts.loop_backs) > SHOWN_LOOP_BACKS:  # one line; each step's tooltip tells its move
        steps = [str(step) for step, _, _ in facts.loop_backs]
        lines.append(f"{back} at steps {', '.join(steps[:-1])} and {steps[-1]}")
        return "<br>".join(lines)
    for step, source, target in facts.loop_backs:
        stage = stream.stages[step - 1].name
        lines.append(f"{back} step {step} “{_escape(stage)}”: {name(source)} → {name(target)}")
    return "<br>".join(lines)


class LoopCounts(QWidget):
    """"3 loop-backs · 2 activities revisited", each count with a tooltip that says what it
    counts (the chain view's row footers count the same loop-backs)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.loop_backs = QLabel(self)
        self.revisited = QLabel(self)
        self.loop_backs.setToolTip(LOOP_BACK_TIP)
        self.revisited.setToolTip(REVISIT_TIP)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.loop_backs)
        row.addWidget(QLabel("·", self))
        row.addWidget(self.revisited)
        row.addStretch(1)

    def show_facts(self, facts: LoopFacts) -> None:
        backs, again = counts_text(facts).split(" · ")
        accent = "color:#6A3FD0; font-weight:bold"  # the accent means going back, as in the picture
        self.loop_backs.setText(f"<span style='{accent if facts.loop_backs else ''}'>"
                                f"↩ {backs}</span>")
        self.revisited.setText(f"<span style='{accent if facts.revisited else ''}'>"
                               f"{again}</span>")

    def text(self) -> str:
        return f"{self.loop_backs.text()} · {self.revisited.text()}"


class ActivityLoopPanel(RefreshWhenShown, QWidget):
    """Picture, loops and route editor for the selection's stream."""

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.picker = StreamPicker(document, selection, self)
        self.view = LoopView(self)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.counts = LoopCounts(self)
        self.route = RouteEditor(self)
        self.errors = ErrorLabel(self)
        lower = QWidget()
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 4, 0, 0)
        column.addWidget(self.counts)
        column.addWidget(self.facts)
        column.addWidget(self.route, 1)
        column.addWidget(self.errors)
        splitter = self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(LoopScroll(self.view))
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        top = QFormLayout()
        top.addRow("Strea&m:", self.picker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.view.step_clicked.connect(self._select_stage)
        self.view.activity_clicked.connect(self._select_activity)
        self.route.steps.itemSelectionChanged.connect(self._route_selection)
        self.route.steps.moved.connect(self._move)
        self.route.lane_changed.connect(self._set_lane)
        self.route.insert_requested.connect(self._insert)
        selection.changed.connect(self.refresh)
        document.changed.connect(self.refresh)
        document.reset.connect(self.refresh)
        self.refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802
        """Side by side in a wide dock (under the canvas), stacked in a tall one."""
        super().resizeEvent(event)
        wide = self.width() > 1.4 * self.height()
        self.splitter.setOrientation(Qt.Orientation.Horizontal if wide
                                     else Qt.Orientation.Vertical)

    def stream(self) -> Stream | None:
        ident = self.picker.currentData()
        return self.document.stream(ident) if ident else None

    def update_view(self) -> None:
        self.picker.refresh()
        stream = self.stream()
        selected = set(self.selection.stage_ids)
        self.view.show_stream(self.document.model, stream.id if stream else None, selected)
        self.route.show_stream(self.document, stream, selected)
        self.counts.setVisible(stream is not None)
        if stream is None:
            self.facts.setText("")
            return
        facts = loop_facts(self.document.model, stream)
        self.counts.show_facts(facts)
        self.facts.setText(summary(self.document, stream, facts))

    # -- selection ---------------------------------------------------------------------------

    def _select_stage(self, stage_id: str) -> None:
        stream = self.stream()
        if stream is not None:
            self.selection.set([stage_id], stream.id)

    def _select_activity(self, lane_id: str) -> None:
        stream = self.stream()
        if stream is not None:
            self.selection.set([s.id for s in stream.stages if s.lane == lane_id], stream.id)

    def _route_selection(self) -> None:
        stream = self.stream()
        if stream is None:
            return
        ids = [item.data(Qt.ItemDataRole.UserRole) for item in self.route.steps.selectedItems()]
        order = {s.id: k for k, s in enumerate(stream.stages)}
        self.selection.set(sorted(ids, key=order.__getitem__), stream.id)

    # -- route edits -------------------------------------------------------------------------

    def _move(self, stage_id: str, index: int) -> None:
        stream = self.stream()
        if stream is not None:
            push(self.document, lambda: MoveStage(self.document, stage_id, stream.id, index),
                 self.errors)
        self.refresh()  # a refused or no-op drop puts the list back

    def _set_lane(self, stage_id: str, lane_id: str) -> None:
        stream = self.stream()
        if stream is not None:
            position = self.document.position(stage_id)
            push(self.document, lambda: MoveStage(self.document, stage_id, stream.id, position,
                                                  lane_id or None), self.errors)

    def _insert(self, index: int, lane_id: str, name: str) -> None:
        stream = self.stream()
        if stream is None:
            return
        ident = self.document.new_id(name, "stage")
        command: list[AddStage] = []

        def build() -> AddStage:
            command.append(AddStage(self.document, stream.id, index,
                                    Stage(id=ident, name=name, lane=lane_id or None)))
            return command[0]

        if push(self.document, build, self.errors):
            self.selection.set([ident], stream.id)
