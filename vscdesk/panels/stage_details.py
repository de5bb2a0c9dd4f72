"""The stage panel's Details tab: name, lane, description and the lean timings."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from vscdesk.document import Document
from vscdesk.model import Duration, Stage
from vscdesk.panels.numbers import parse_number
from vscdesk.panels.widgets import (
    MIXED,
    VARIES,
    ErrorLabel,
    TextArea,
    TextField,
    blocked,
    common,
    narrow_combo,
)
from vscdesk.render.labels import number

UNITS = {"s": "seconds", "min": "minutes", "h": "hours", "d": "days", "wk": "weeks"}
NO_LANE = "(no activity)"
PCA_HINT = "0–100, not measured when blank"


class DurationField(QWidget):
    """A number and its unit; blank means "not measured". Emits a Duration dict or None."""

    committed = Signal(object)
    invalid = Signal(str)

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = what
        self.value = QLineEdit(self)
        self.value.setPlaceholderText("not measured")
        self.value.setAccessibleName(what)
        self.unit = QComboBox(self)
        self.unit.setAccessibleName(f"{what} unit")
        for key, text in UNITS.items():
            self.unit.addItem(text, key)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.value, 1)
        row.addWidget(self.unit)
        self.value.editingFinished.connect(self._finish)
        self.unit.currentIndexChanged.connect(lambda _i: self._finish())
        self._shown: Any = None

    def show_value(self, duration: Any) -> None:
        """A Duration, None (not measured) or VARIES (the selected stages differ)."""
        with blocked(self.value, self.unit):
            self._shown = duration
            if isinstance(duration, Duration):
                self.value.setText(number(duration.value))
                self.unit.setCurrentIndex(self.unit.findData(duration.unit))
            else:
                self.value.setText("")
                self.unit.setCurrentIndex(self.unit.findData("min"))
            self.value.setPlaceholderText(MIXED if duration is VARIES else "not measured")

    def _finish(self) -> None:
        try:
            value = parse_number(self.value.text(), self.what.lower(), optional=True)
        except ValueError as err:
            self.invalid.emit(str(err))
            return
        if value is not None and value < 0:
            self.invalid.emit(f"{self.what.lower()} cannot be negative")
            return
        new = None if value is None else {"value": value, "unit": self.unit.currentData()}
        old = self._shown.model_dump() if isinstance(self._shown, Duration) else self._shown
        if new != old and not (new is None and self._shown is VARIES):
            self._shown = Duration(**new) if new else None
            self.committed.emit(new)


class StageDetails(QWidget):
    """Emits ``edited`` with the fields to set on every selected stage."""

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = TextField(self, "Stage name")
        self.lane = narrow_combo(QComboBox(self))
        self.description = TextArea(self, "What happens in this stage")
        self.process_time = DurationField("Process time", self)
        self.wait_time = DurationField("Wait time", self)
        self.pca = QLineEdit(self)
        self.pca.setPlaceholderText(PCA_HINT)
        self.errors = ErrorLabel(self)
        outer = QVBoxLayout(self)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Name:", self.name)
        form.addRow("&Activity:", self.lane)
        form.addRow("&Description:", self.description)
        form.addRow("P&rocess time:", self.process_time)
        form.addRow("&Wait time:", self.wait_time)
        form.addRow("%&C&&A:", self.pca)
        form.addRow(self.errors)
        for field in (self.process_time, self.wait_time):  # Alt+letter goes to the number
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                label.setBuddy(field.value)
        self.pca.setToolTip("Percent complete and accurate: the share of work the next stage "
                            "can use without rework")
        self.name.committed.connect(self._name)
        self.description.committed.connect(lambda text: self.edited.emit({"description": text}))
        self.lane.activated.connect(self._lane)
        self.process_time.committed.connect(lambda d: self.edited.emit({"process_time": d}))
        self.wait_time.committed.connect(lambda d: self.edited.emit({"wait_time": d}))
        for field in (self.process_time, self.wait_time):
            field.invalid.connect(self.errors.show_error)
        self.pca.editingFinished.connect(self._pca)
        self._pca_shown = ""

    def show_stages(self, doc: Document, stages: list[Stage]) -> None:
        name = common([s.name for s in stages])
        self.name.show_value(None if name is VARIES else str(name))
        description = common([s.description for s in stages])
        self.description.show_value(None if description is VARIES else str(description))
        self._fill_lanes(doc, common([s.lane for s in stages]))
        self.process_time.show_value(common([s.process_time for s in stages]))
        self.wait_time.show_value(common([s.wait_time for s in stages]))
        pca = common([s.percent_complete_accurate for s in stages])
        with blocked(self.pca):
            shown = isinstance(pca, (int, float))
            self._pca_shown = number(float(pca)) if shown else ""  # type: ignore[arg-type]
            self.pca.setText(self._pca_shown)
            self.pca.setPlaceholderText(MIXED if pca is VARIES else PCA_HINT)
        self.errors.clear_error()

    def _fill_lanes(self, doc: Document, lane: Any) -> None:
        with blocked(self.lane):
            self.lane.clear()
            if lane is VARIES:
                self.lane.addItem(MIXED, "*")  # ids never start with "*"
            self.lane.addItem(NO_LANE, "")
            for item in doc.model.chain.lanes:
                self.lane.addItem(item.name, item.id)
            self.lane.setCurrentIndex(0 if lane is VARIES else self.lane.findData(lane or ""))

    def _name(self, text: str) -> None:
        self.edited.emit({"name": text})

    def _lane(self, index: int) -> None:
        lane = self.lane.itemData(index)
        if lane != "*":
            self.edited.emit({"lane": lane or None})

    def _pca(self) -> None:
        text = self.pca.text().strip().removesuffix("%").strip()
        if text == self._pca_shown:
            return
        try:
            value = parse_number(text, "%C&A", optional=True)
        except ValueError as err:
            self.errors.show_error(str(err))
            return
        if value is not None and not 0 <= value <= 100:
            self.errors.show_error("%C&A is a percentage between 0 and 100")
            return
        self._pca_shown = text
        self.edited.emit({"percent_complete_accurate": value})
