"""The route of one stream as an editable list: reorder steps by drag (or Alt+Up/Down),
change a step's activity, insert a step that visits an activity."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vscdesk.document import Document
from vscdesk.model import Stream
from vscdesk.panels.widgets import blocked, narrow_combo
from vscdesk.render import palette as P

ID = Qt.ItemDataRole.UserRole


def swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class RouteList(QListWidget):
    """Steps in order; a drop or Alt+Up/Down emits ``moved(stage id, new index)``."""

    moved = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Route")
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.model().rowsMoved.connect(self._rows_moved)

    def _rows_moved(self, _parent: QModelIndex | QPersistentModelIndex, start: int, _end: int,
                    _dest: QModelIndex | QPersistentModelIndex, row: int) -> None:
        index = row if row < start else row - 1
        stage = self.item(index).data(ID) if 0 <= index < self.count() else None
        if stage is not None and index != start:
            self.moved.emit(stage, index)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
        row = self.currentRow()
        if (step and event.modifiers() == Qt.KeyboardModifier.AltModifier and row >= 0
                and 0 <= row + step < self.count()):
            self.moved.emit(self.item(row).data(ID), row + step)
            return
        super().keyPressEvent(event)


class RouteEditor(QWidget):
    """The list and the controls under it; the panel turns their signals into commands."""

    lane_changed = Signal(str, str)  # stage id, lane id ("" for no activity)
    insert_requested = Signal(int, str, str)  # index, lane id, name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = RouteList(self)
        self.activity = narrow_combo(QComboBox(self))
        self.activity.setAccessibleName("Activity of the selected step")
        self.activity.activated.connect(self._lane_picked)
        self.new_lane = narrow_combo(QComboBox(self))
        self.new_lane.setAccessibleName("Activity of the new step")
        self.new_name = QLineEdit(self)
        self.new_name.setPlaceholderText("Name of the new step")
        self.new_name.returnPressed.connect(self._insert)
        self.insert = QPushButton("Insert", self)
        self.insert.setToolTip("Insert a step after the selected one (at the end if none)")
        self.insert.clicked.connect(self._insert)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("Step's activit&y:", self.activity)
        form.addRow("&New step in:", self.new_lane)
        new_row = QHBoxLayout()
        new_row.addWidget(self.new_name, 1)
        new_row.addWidget(self.insert)
        named = QLabel("N&amed:", self)
        named.setBuddy(self.new_name)
        form.addRow(named, new_row)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.steps, 1)
        layout.addLayout(form)
        self.steps.currentRowChanged.connect(lambda _r: self._show_current())
        self._doc: Document | None = None

    def show_stream(self, doc: Document, stream: Stream | None, selected: set[str]) -> None:
        self._doc = doc
        lanes = {lane.id: lane for lane in doc.model.chain.lanes}
        with blocked(self.steps, self.new_lane, self.steps.model()):
            self.steps.clear()
            for k, stage in enumerate(stream.stages if stream else []):
                lane = lanes.get(stage.lane or "")
                item = QListWidgetItem(f"{k + 1}.  {stage.name}  —  "
                                       f"{lane.name if lane else 'no activity'}")
                item.setData(ID, stage.id)
                item.setIcon(swatch(lane.color if lane else P.INK_300))
                self.steps.addItem(item)
                item.setSelected(stage.id in selected)
                if stage.id in selected and self.steps.currentRow() < 0:
                    self.steps.setCurrentItem(item, QItemSelectionModel.SelectionFlag.NoUpdate)
            current = self.new_lane.currentData()
            self.new_lane.clear()
            for lane in doc.model.chain.lanes:
                self.new_lane.addItem(swatch(lane.color), lane.name, lane.id)
            self.new_lane.setCurrentIndex(max(0, self.new_lane.findData(current)))
        self.setEnabled(stream is not None)
        self._show_current()

    def current_stage(self) -> str | None:
        item = self.steps.currentItem()
        return item.data(ID) if item is not None and item.isSelected() else None

    def _show_current(self) -> None:
        stage_id = self.current_stage()
        doc = self._doc
        with blocked(self.activity):
            self.activity.clear()
            if doc is None or stage_id is None or doc.kind_of(stage_id) != "stage":
                self.activity.addItem("Select a step to change its activity", "*")
                self.activity.setEnabled(False)
                return
            self.activity.setEnabled(True)
            self.activity.addItem("(no activity)", "")
            for lane in doc.model.chain.lanes:
                self.activity.addItem(swatch(lane.color), lane.name, lane.id)
            self.activity.setCurrentIndex(self.activity.findData(doc.stage(stage_id).lane or ""))

    def _lane_picked(self, index: int) -> None:
        stage_id = self.current_stage()
        lane = self.activity.itemData(index)
        if stage_id is not None and lane != "*":
            self.lane_changed.emit(stage_id, lane)

    def _insert(self) -> None:
        row = self.steps.currentRow() if self.current_stage() else -1
        index = row + 1 if row >= 0 else self.steps.count()
        lane = self.new_lane.currentData() or ""
        name = self.new_name.text().strip() or f"{self.new_lane.currentText()} step"
        self.new_name.clear()
        self.insert_requested.emit(index, lane, name)
