"""The Lane panel: one activity of the value chain, its name, colour and description, its
lane group, its place in the chain, and deleting it. Every edit is one command on the
document's stack."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from vscdesk.document import Document, MoveLane, Selection, SetLaneFields
from vscdesk.model import Lane
from vscdesk.panels.color_swatches import ColorSwatches
from vscdesk.panels.lane_group_field import LaneGroupField
from vscdesk.panels.object_panel import ObjectPanel, button_row, field_form
from vscdesk.panels.widgets import (
    ErrorLabel,
    RefreshWhenShown,
    TextArea,
    TextField,
    blocked,
    narrow_combo,
)

EMPTY = "No lanes yet: add one with Edit ▸ Add lane (Ctrl+Shift+L)."


class LanePanel(ObjectPanel, RefreshWhenShown, QWidget):
    """Shows the picked lane (its header clicked on the canvas), else the lane of the selected
    stage, else the one chosen here."""

    #: the user asked to delete this lane; the app asks where its stages go, then deletes
    delete_requested = Signal(str)
    set_fields = SetLaneFields
    move_command = MoveLane

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lane_panel")
        self.document = document
        self.selection = selection
        self._shown_id: str | None = None
        self.picker = narrow_combo(QComboBox(self))
        self.picker.setAccessibleName("Lane")
        self.name = TextField(self, "Lane name")
        self.color = ColorSwatches(self)
        self.description = TextArea(self, "What this activity does")
        self.stages = QLabel(self)
        self.stages.setStyleSheet("color: #657284;")
        self.left_button = QPushButton("Move &left", self)
        self.right_button = QPushButton("Move ri&ght", self)
        self.delete_button = QPushButton("Delete lane…", self)
        self.errors = ErrorLabel(self)
        self.group = LaneGroupField(document, self.lane, self.errors, self)
        self.empty = QLabel(EMPTY, self)
        self.empty.setWordWrap(True)
        self._build_layout()
        self._connect()
        self._follow_selection()  # built late (a dock shown later): start from the selection

    def _build_layout(self) -> None:
        self.body = QWidget(self)
        form = field_form(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("&Name:", self.name)
        form.addRow("&Colour:", self.color)
        form.addRow("&Description:", self.description)
        form.addRow("Gr&oup:", self.group)
        form.addRow("", self.stages)
        form.addRow(self.errors)
        form.addRow(button_row((self.left_button, self.right_button), self.delete_button))
        top = QFormLayout()
        top.addRow("L&ane:", self.picker)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.body)
        layout.addStretch(1)

    def _connect(self) -> None:
        self.name.committed.connect(lambda text: self.apply({"name": text}))
        self.description.committed.connect(lambda text: self.apply({"description": text}))
        self.color.chosen.connect(lambda color: self.apply({"color": color}, merge=False))
        self.picker.activated.connect(self._picked)
        self.left_button.clicked.connect(lambda: self.move_by(-1))
        self.right_button.clicked.connect(lambda: self.move_by(1))
        self.delete_button.clicked.connect(self._delete)
        self.follow(self.selection, self._follow_selection)

    # -- which lane ---------------------------------------------------------------------------

    def _follow_selection(self) -> None:
        header = self.selection.header
        if header is not None and header[0] == "lane":
            self._shown_id = header[1]
        elif self.selection.stage_ids and self.selection.stage_ids[-1] in self.document:
            lane = self.document.stage(self.selection.stage_ids[-1]).lane
            if lane is not None:
                self._shown_id = lane
        self.refresh()

    def _picked(self, index: int) -> None:
        self._shown_id = self.picker.itemData(index)
        self.refresh()

    def lane(self) -> Lane | None:
        lanes = self.document.model.chain.lanes
        if self._shown_id is not None and self.document.kind_of(self._shown_id) == "lane":
            return self.document.lane(self._shown_id)
        return lanes[0] if lanes else None

    current = lane

    def siblings(self) -> int:
        return len(self.document.model.chain.lanes)

    # -- edits --------------------------------------------------------------------------------

    def _delete(self) -> None:
        lane = self.lane()
        if lane is not None:
            self.delete_requested.emit(lane.id)

    # -- showing ------------------------------------------------------------------------------

    def update_view(self) -> None:
        lane = self.lane()
        lanes = self.document.model.chain.lanes
        with blocked(self.picker):
            self.picker.clear()
            for item in lanes:
                self.picker.addItem(item.name, item.id)
            self.picker.setCurrentIndex(self.picker.findData(lane.id) if lane else -1)
        self.picker.setEnabled(bool(lanes))
        self.empty.setVisible(lane is None)
        self.body.setVisible(lane is not None)
        if lane is None:
            return
        self._shown_id = lane.id
        self.name.show_value(lane.name)
        self.description.show_value(lane.description)
        self.color.show_value(lane.color)
        self.group.show_lane(lane)
        used = sum(1 for stage in self.document.stages() if stage.lane == lane.id)
        self.stages.setText("No stages in this lane" if not used
                            else f"{used} stage{'s' if used != 1 else ''} in this lane")
        at = self.document.position(lane.id)
        self.left_button.setEnabled(at > 0)
        self.right_button.setEnabled(at < len(lanes) - 1)
        self.errors.clear_error()
