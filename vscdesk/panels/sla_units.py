"""Which units fit which SLA metric: the choice the SLA table offers, and what it refuses.

Units stay free text in the model (files may hold any unit; the analysis reports the misfits).
The table is stricter: it offers the units that fit the row's metric, still lets one type
another, and refuses a unit, negative duration or percentage that cannot be meant."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QCompleter,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from vscdesk.analysis.units import PERCENT, TIME_METRICS, time_unit
from vscdesk.panels.choice_delegate import KEY

Index = QModelIndex | QPersistentModelIndex

TIME_UNITS = ("s", "min", "h", "d", "wk")
UNITS: dict[str, tuple[str, ...]] = {
    "lead_time": TIME_UNITS, "process_time": TIME_UNITS, "wait_time": TIME_UNITS,
    "availability": (PERCENT,), "quality": (PERCENT,),
    "throughput": ("/h", "/d", "/wk"), "custom": (),
}
USUAL_UNIT = {"lead_time": "h", "process_time": "h", "wait_time": "h", "availability": PERCENT,
              "quality": PERCENT, "throughput": "/d", "custom": ""}
#: what a new SLA of each metric promises until it is edited: a time at most so long, an
#: availability, quality or throughput at least so much (not "≤ 1 %" for an availability)
NEW_SLA_TERMS: dict[str, tuple[str, float, str]] = {
    "lead_time": ("<=", 1.0, "h"), "process_time": ("<=", 1.0, "h"),
    "wait_time": ("<=", 1.0, "h"), "availability": (">=", 99.0, PERCENT),
    "quality": (">=", 95.0, PERCENT), "throughput": (">=", 10.0, "/d"),
    "custom": ("<=", 1.0, ""),
}
READABLE = {"lead_time": "lead time", "process_time": "process time", "wait_time": "wait time"}


def stored_unit(metric: str, unit: str) -> str:
    """The unit as saved: a time in its short spelling ("hours" -> "h"), anything else as typed."""
    text = unit.strip()
    return (time_unit(text) or text) if metric in TIME_METRICS else text


def unit_after_metric_change(metric: str, unit: str) -> str:
    """The row's unit once its metric changed: kept if it fits, else the metric's usual unit."""
    from vscdesk.analysis.sla_rules import unit_mismatch  # the rules load with the first SLA

    return unit if unit_mismatch(metric, unit, 0.0) is None else USUAL_UNIT[metric]


def untouched_terms(metric: str, comparator: str, target: float, unit: str) -> bool:
    """The comparator, target and unit are still the ones a new SLA of ``metric`` gets."""
    return NEW_SLA_TERMS.get(metric) == (comparator, target, unit)


def sla_problem(metric: str, unit: str, target: float,
                actual: float | None) -> tuple[str, str] | None:
    """Which of "target", "actual" or "unit" cannot be meant for this metric, and why."""
    values = (("target", target), ("actual", actual))
    if metric in TIME_METRICS:
        for field, value in values:
            if value is not None and value < 0:
                return field, f"a {READABLE[metric]} cannot be negative (the {field} is {value:g})"
    if unit.strip() == PERCENT:
        for field, value in values:
            if value is not None and not 0 <= value <= 100:
                return field, f"a percentage lies between 0 and 100 (the {field} is {value:g})"
    from vscdesk.analysis.sla_rules import unit_mismatch

    why = unit_mismatch(metric, unit, target)
    return None if why is None else ("unit", why)


class UnitDelegate(QStyledItemDelegate):
    """A unit cell: a field whose list offers the units that fit the row's metric (the list
    opens with the editor); any other unit may be typed, custom metrics have no list."""

    def __init__(self, metric_column: int, parent: QWidget) -> None:
        super().__init__(parent)
        self.metric_column = metric_column

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        editor = QLineEdit(parent)
        editor.setFrame(False)
        metric = index.siblingAtColumn(self.metric_column).data(KEY)
        units = UNITS.get(metric, ())
        editor.setToolTip("Pick a unit that fits the metric, or type one")
        if units:
            completer = QCompleter(list(units), editor)
            completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            editor.setCompleter(completer)
            # A pick is a finished edit: commit at once instead of waiting for Enter.
            completer.activated.connect(lambda _text: (self.commitData.emit(editor),
                                                       self.closeEditor.emit(editor)))
            QTimer.singleShot(0, editor, completer.complete)  # show the choice at once
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        editor.setText(str(index.data() or ""))
        editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QLineEdit)
        if editor.text() != index.data():
            model.setData(index, editor.text(), Qt.ItemDataRole.DisplayRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]  # wider than the cell while typing
        editor.setGeometry(rect.adjusted(0, 0, max(0, 72 - rect.width()), 0))
