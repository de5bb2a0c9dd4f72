"""The stage panel's People tab: stakeholders involved in the stage, with role and RACI."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vscdesk.document import Document
from vscdesk.model import Stage, StakeholderRef
from vscdesk.model.queries import initials
from vscdesk.panels.new_stakeholder import NEW, NewStakeholderField, add_new_entry
from vscdesk.panels.widgets import VARIES, ErrorLabel, blocked, common, narrow_combo

ROLES = {"triggering": "Triggering", "participating": "Participating"}
RACI = {"": "—", "R": "R · Responsible", "A": "A · Accountable", "C": "C · Consulted",
        "I": "I · Informed"}


class StagePeople(QWidget):
    """Edits the involvement list; ``edited`` carries {"stakeholders": [refs as dicts]}.

    "New stakeholder…" at the end of the add list opens a name field right here: Enter asks
    for the person to be added to the registry and involved in one step (``create``)."""

    edited = Signal(dict)
    #: a new stakeholder's name: add it to the registry and involve it (one undo step)
    create = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels(("Stakeholder", "Role", "RACI"))
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAccessibleName("Involved stakeholders")
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 118)
        self.table.setColumnWidth(2, 132)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.hide()
        self.add = narrow_combo(QComboBox(self))
        self.add.setAccessibleName("Add a stakeholder")
        self.add.activated.connect(self._add)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.clicked.connect(self._remove)
        self.new_name = NewStakeholderField(self)
        self.new_name.named.connect(self.create)
        self.errors = ErrorLabel(self)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.errors)
        layout.addLayout(row)
        layout.addWidget(self.new_name)
        self._refs: list[StakeholderRef] = []

    def show_stages(self, doc: Document, stages: list[Stage]) -> None:
        refs = common([s.stakeholders for s in stages])
        self._refs = [] if refs is VARIES else list(refs)  # type: ignore[arg-type]
        self.note.setText("The selected stages involve different stakeholders; "
                          "an edit here sets this list on all of them.")
        self.note.setVisible(refs is VARIES)
        with blocked(self.table, self.add):
            self.table.setRowCount(len(self._refs))
            for row, ref in enumerate(self._refs):
                person = doc.stakeholder(ref.stakeholder)
                item = QTableWidgetItem(f"{person.name} ({initials(person)})")
                item.setToolTip(person.description or person.name)
                self.table.setItem(row, 0, item)
                self.table.setCellWidget(row, 1, self._combo(ROLES, ref.role, row, "role"))
                self.table.setCellWidget(row, 2, self._combo(RACI, ref.raci or "", row, "raci"))
            self.add.clear()
            self.add.addItem("Add a stakeholder…", "")
            involved = {ref.stakeholder for ref in self._refs}
            for person in doc.model.stakeholders:
                if person.id not in involved:
                    self.add.addItem(person.name, person.id)
            add_new_entry(self.add)
            self.add.setCurrentIndex(0)
        self.errors.clear_error()

    def _combo(self, choices: dict[str, str], value: str, row: int, field: str) -> QComboBox:
        combo = QComboBox(self.table)
        combo.setFrame(False)
        combo.setAccessibleName(field)
        for key, text in choices.items():
            combo.addItem(text, key)
        combo.setCurrentIndex(combo.findData(value))
        combo.activated.connect(lambda _i: self._changed(row, field, combo.currentData()))
        return combo

    def _emit(self, refs: list[StakeholderRef]) -> None:
        self.edited.emit({"stakeholders": [ref.model_dump() for ref in refs]})

    def _changed(self, row: int, field: str, value: str) -> None:
        refs = list(self._refs)
        refs[row] = refs[row].model_copy(update={field: value or None})
        self._emit(refs)

    def _add(self, index: int) -> None:
        person = self.add.itemData(index)
        if person == NEW:
            with blocked(self.add):
                self.add.setCurrentIndex(0)
            self.new_name.open(self.add)
        elif person:
            self._emit(self._refs + [StakeholderRef(stakeholder=person)])

    def involved(self) -> list[StakeholderRef]:
        """The involvement list shown (empty when the selected stages differ)."""
        return list(self._refs)

    def _remove(self) -> None:
        rows = {i.row() for i in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        if rows:
            self._emit([ref for k, ref in enumerate(self._refs) if k not in rows])
