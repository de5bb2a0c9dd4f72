"""The SLA table shared by the stage and stream panels: edit rows in place, see each status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vscdesk.analysis.status import sla_status
from vscdesk.model import Sla
from vscdesk.panels.choice_delegate import KEY, ChoiceDelegate
from vscdesk.panels.numbers import parse_number
from vscdesk.panels.sla_units import (
    NEW_SLA_TERMS,
    UnitDelegate,
    sla_problem,
    stored_unit,
    unit_after_metric_change,
    untouched_terms,
)
from vscdesk.panels.widgets import ErrorLabel, blocked, compact_rows
from vscdesk.render.labels import number
from vscdesk.render.palette import STATUS

METRICS = {"lead_time": "Lead time", "process_time": "Process time", "wait_time": "Wait time",
           "availability": "Availability", "quality": "Quality", "throughput": "Throughput",
           "custom": "Custom"}
COMPARATORS = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "=": "="}
STATUS_TEXT = {"met": "Met", "at_risk": "At risk", "breached": "Breached", "no_data": "No data"}
COLUMNS = ("Name", "Metric", "", "Target", "Unit", "Actual", "Status")
NAME, METRIC, COMPARATOR, TARGET, UNIT, ACTUAL, STATUS_COL = range(7)
#: the longest text each column must show whole (the name column takes what is left)
WIDEST: dict[int, Iterable[str]] = {
    METRIC: METRICS.values(), COMPARATOR: ("≥",), TARGET: ("Target", "9999"),
    UNIT: ("Unit", "min", "/wk"), ACTUAL: ("Actual", "9999"),
    STATUS_COL: ("Status", *STATUS_TEXT.values())}
PADDING = 12  # the cell's margins and a little air
RIGHT = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight
NEW_SLA = {"name": "New SLA", "metric": "lead_time", "comparator": NEW_SLA_TERMS["lead_time"][0],
           "target": NEW_SLA_TERMS["lead_time"][1], "unit": NEW_SLA_TERMS["lead_time"][2],
           "actual": None}


class SlaTable(QWidget):
    """Rows of SLAs; ``committed`` carries the whole new list, only when every row is valid."""

    committed = Signal(list)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.horizontalHeaderItem(COMPARATOR).setToolTip("Comparator")
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAccessibleName("SLAs")
        self._fit_columns()
        self.table.setItemDelegateForColumn(METRIC, ChoiceDelegate(METRICS, self.table))
        self.table.setItemDelegateForColumn(UNIT, UnitDelegate(METRIC, self.table))
        comparators = {k: f"{v}  ({k})" for k, v in COMPARATORS.items()}
        self.table.setItemDelegateForColumn(
            COMPARATOR, ChoiceDelegate(comparators, self.table, COMPARATORS))
        self.table.itemChanged.connect(self._cell_edited)
        self.add_button = QPushButton("Add SLA", self)
        self.remove_button = QPushButton("Remove", self)
        self.add_button.clicked.connect(self.add_row)
        self.remove_button.clicked.connect(self.remove_selected)
        self.errors = ErrorLabel(self)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.errors)  # above the table, where the eye is, however tall it is
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self._slas: list[Sla] = []

    def _fit_columns(self) -> None:
        """Each column as wide as its longest text; the name column stretches over the rest."""
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(24)
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        fonts = (self.table.fontMetrics(), header.fontMetrics())
        for column, texts in WIDEST.items():
            widest = max(m.horizontalAdvance(t) for m in fonts for t in texts)
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.table.setColumnWidth(column, widest + PADDING)

    # -- showing ---------------------------------------------------------------------------

    def show_slas(self, slas: list[Sla] | None) -> None:
        """Show the model's SLAs; None means the selected objects have different SLAs."""
        self._slas = list(slas or [])
        self.errors.clear_error()
        with blocked(self.table):
            # Items are updated in place: this may run inside the table's own itemChanged.
            self.table.setRowCount(len(self._slas))
            for row, sla in enumerate(self._slas):
                self._fill_row(row, sla)
        self.table.setToolTip("" if slas is not None else
                              "The selected stages have different SLAs; an edit replaces them all")

    def _fill_row(self, row: int, sla: Sla) -> None:
        texts = {NAME: sla.name, TARGET: number(sla.target), UNIT: sla.unit,
                 ACTUAL: "" if sla.actual is None else number(sla.actual)}
        for column, text in texts.items():
            item = self._item(row, column)
            item.setText(text)
            item.setBackground(QBrush())
            item.setToolTip("")
        for column in (TARGET, ACTUAL):
            self._item(row, column).setTextAlignment(RIGHT)
        for column, key, labels in ((METRIC, sla.metric, METRICS),
                                    (COMPARATOR, sla.comparator, COMPARATORS)):
            item = self._item(row, column)
            item.setText(labels[key])
            item.setData(KEY, key)
            item.setToolTip("Double-click or F2 to choose")
        self._item(row, COMPARATOR).setTextAlignment(Qt.AlignmentFlag.AlignCenter)
        status = sla_status(sla)
        item = self._item(row, STATUS_COL)
        item.setText(STATUS_TEXT[status])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setBackground(QBrush(QColor(STATUS[status].bg)))
        item.setForeground(QBrush(QColor(STATUS[status].text)))
        item.setData(KEY, status)

    def _item(self, row: int, column: int) -> QTableWidgetItem:
        item = self.table.item(row, column)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, column, item)
        return item

    def status(self, row: int) -> str:
        return self.table.item(row, STATUS_COL).data(KEY)

    # -- editing ---------------------------------------------------------------------------

    def add_row(self) -> None:
        self.committed.emit([s.model_dump() for s in self._slas] + [dict(NEW_SLA)])
        last = self.table.rowCount() - 1
        if last >= 0 and self.table.item(last, NAME).text() == NEW_SLA["name"]:
            self.table.setCurrentCell(last, NAME)
            self.table.editItem(self.table.item(last, NAME))

    def remove_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        if rows:
            self.committed.emit([s.model_dump() for k, s in enumerate(self._slas) if k not in rows])

    def _cell_edited(self, item: QTableWidgetItem) -> None:
        if item.column() == METRIC:
            self._follow_metric(item.row(), item.data(KEY))
        self._emit()

    def _follow_metric(self, row: int, metric: str) -> None:
        """A row whose terms are still a new SLA's takes the new metric's (an availability
        is at least 99 %); edited terms stay, and only a unit that no longer fits follows."""
        old = self._slas[row] if row < len(self._slas) else None
        unit = self._item(row, UNIT)
        with blocked(self.table):
            if old is not None and untouched_terms(old.metric, old.comparator, old.target,
                                                   old.unit):
                comparator, target, new_unit = NEW_SLA_TERMS[metric]
                self._item(row, COMPARATOR).setText(COMPARATORS[comparator])
                self._item(row, COMPARATOR).setData(KEY, comparator)
                self._item(row, TARGET).setText(number(target))
                unit.setText(new_unit)
            else:
                unit.setText(unit_after_metric_change(metric, unit.text()))

    def _emit(self) -> None:
        try:
            rows = [self._row(row) for row in range(self.table.rowCount())]
        except ValueError as err:
            self.errors.show_error(str(err))
            return
        self.errors.clear_error()
        self.committed.emit(rows)

    def _row(self, row: int) -> dict[str, Any]:
        """One row as SLA fields; an invalid cell is marked and raises with a readable reason."""
        with blocked(self.table):
            for column in (NAME, TARGET, UNIT, ACTUAL):
                item = self.table.item(row, column)
                if item is not None:
                    item.setBackground(QBrush())
                    item.setToolTip("")
        try:
            return self._fields(row)
        except _CellError as err:
            with blocked(self.table):
                cell = self._item(row, err.column)
                cell.setBackground(QBrush(QColor(STATUS["breached"].bg)))
                cell.setToolTip(err.message)
            raise ValueError(err.message) from None

    def _fields(self, row: int) -> dict[str, Any]:
        def text(column: int) -> str:
            item = self.table.item(row, column)
            return item.text() if item is not None else ""

        where = f"SLA row {row + 1}"
        name = text(NAME).strip()
        if not name:
            raise _CellError(NAME, f"{where}: the name may not be blank")
        metric = self.table.item(row, METRIC).data(KEY)
        fields: dict[str, Any] = {"name": name, "metric": metric,
                                  "comparator": self.table.item(row, COMPARATOR).data(KEY),
                                  "unit": stored_unit(metric, text(UNIT))}
        if len(fields["unit"]) > 20:
            raise _CellError(UNIT, f"{where}: the unit is at most 20 characters")
        for column, key, optional in ((TARGET, "target", False), (ACTUAL, "actual", True)):
            try:
                fields[key] = parse_number(text(column), f"the {key}", optional)
            except ValueError as err:
                raise _CellError(column, f"{where}: {err}") from None
        problem = sla_problem(metric, fields["unit"], fields["target"], fields["actual"])
        if problem is not None and row < len(self._slas):
            old = self._slas[row]
            if sla_problem(old.metric, old.unit, old.target, old.actual) == problem:
                problem = None  # came with the file: the analysis reports it, edits go on
        if problem is not None:
            column = {"target": TARGET, "actual": ACTUAL, "unit": UNIT}[problem[0]]
            raise _CellError(column, f"{where}: {problem[1]}")
        return fields


class _CellError(Exception):
    def __init__(self, column: int, message: str) -> None:
        super().__init__(message)
        self.column = column
        self.message = message
