"""The Stakeholders panel: the document's registry, and the RACI matrix of one stream."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from vscdesk.document import (
    AddStakeholder,
    Document,
    RemoveStakeholder,
    Selection,
    SetStakeholderFields,
)
from vscdesk.model import Stakeholder
from vscdesk.model.queries import initials
from vscdesk.panels import questions
from vscdesk.panels.choice_delegate import KEY, ChoiceDelegate
from vscdesk.panels.raci_matrix import RaciMatrix
from vscdesk.panels.stream_picker import StreamPicker
from vscdesk.panels.widgets import ErrorLabel, RefreshWhenShown, blocked, compact_rows, push

KINDS = {"customer": "Customer", "user": "User", "sponsor": "Sponsor", "supplier": "Supplier",
         "partner": "Partner", "regulator": "Regulator", "internal_team": "Internal team"}
COLUMNS = ("Name", "Kind", "External", "Initials", "Description")
NAME, KIND, EXTERNAL, INITIALS, DESCRIPTION = range(5)


class StakeholdersPanel(RefreshWhenShown, QWidget):
    """Add, rename, edit and remove stakeholders; edit RACI letters stage by stage."""

    def __init__(self, document: Document, selection: Selection,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.selection = selection
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.verticalHeader().hide()
        compact_rows(self.table)
        self.table.setWordWrap(False)
        self.table.setAccessibleName("Stakeholders")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(KIND, ChoiceDelegate(KINDS, self.table))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((NAME, 112), (KIND, 98), (EXTERNAL, 62), (INITIALS, 48)):
            self.table.setColumnWidth(column, width)
        self.table.itemChanged.connect(self._edited)
        self.add_button = QPushButton("Add stakeholder", self)
        self.remove_button = QPushButton("Remove", self)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.errors = ErrorLabel(self)
        self.picker = StreamPicker(document, selection, self)
        self.matrix_errors = ErrorLabel(self)
        self.matrix = RaciMatrix(document, self.matrix_errors, self)
        self._build_layout()
        selection.changed.connect(self.refresh)
        document.changed.connect(self.refresh)
        document.reset.connect(self.refresh)
        self.refresh()

    def _build_layout(self) -> None:
        registry = QWidget()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        top = QVBoxLayout(registry)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.table, 1)
        top.addWidget(self.errors)
        top.addLayout(buttons)
        matrix = QWidget()
        bottom = QVBoxLayout(matrix)
        bottom.setContentsMargins(0, 6, 0, 0)
        heading = QLabel("<b>Who does what</b> — R responsible · A accountable · "
                         "C consulted · I informed · • involved")
        heading.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Strea&m:", self.picker)
        bottom.addWidget(heading)
        bottom.addLayout(form)
        bottom.addWidget(self.matrix, 1)
        bottom.addWidget(self.matrix_errors)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(registry)
        splitter.addWidget(matrix)
        splitter.setSizes([340, 400])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(splitter)

    # -- the registry ------------------------------------------------------------------------

    def update_view(self) -> None:
        people = self.document.model.stakeholders
        with blocked(self.table):
            self.table.setRowCount(len(people))
            for row, person in enumerate(people):
                self._fill(row, person)
        self.remove_button.setEnabled(bool(people))
        self.matrix.show_stream(self.picker.refresh())

    def _fill(self, row: int, person: Stakeholder) -> None:
        def item(column: int) -> QTableWidgetItem:
            cell = self.table.item(row, column)
            if cell is None:
                cell = QTableWidgetItem()
                self.table.setItem(row, column, cell)
            return cell

        item(NAME).setText(person.name)
        item(NAME).setData(KEY, person.id)
        item(KIND).setText(KINDS[person.kind])
        item(KIND).setData(KEY, person.kind)
        external = item(EXTERNAL)
        external.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                          | Qt.ItemFlag.ItemIsUserCheckable)
        external.setCheckState(Qt.CheckState.Checked if person.external
                               else Qt.CheckState.Unchecked)
        item(INITIALS).setText(person.initials)
        item(INITIALS).setToolTip("The letters on the stakeholder's badges (at most 3); empty: "
                                  f"from the name, “{initials(person)}”")
        item(DESCRIPTION).setText(person.description)
        item(DESCRIPTION).setToolTip(person.description)

    def person_id(self, row: int) -> str:
        return self.table.item(row, NAME).data(KEY)

    def _edited(self, cell: QTableWidgetItem) -> None:
        row, column = cell.row(), cell.column()
        fields: dict[str, Any] = {}
        if column == NAME:
            fields["name"] = cell.text().strip()
        elif column == KIND:
            fields["kind"] = cell.data(KEY)
        elif column == EXTERNAL:
            fields["external"] = cell.checkState() == Qt.CheckState.Checked
        elif column == INITIALS:
            fields["initials"] = cell.text().strip()
        else:
            fields["description"] = cell.text()
        person = self.person_id(row)
        if not push(self.document,
                    lambda: SetStakeholderFields(self.document, person, **fields), self.errors):
            self.refresh_row_later(row)

    def refresh_row_later(self, row: int) -> None:
        """After a refused edit the cell shows the model's value again (the reason stays)."""
        person = self.document.stakeholder(self.person_id(row))
        with blocked(self.table):
            self._fill(row, person)

    def add(self) -> None:
        ident = self.document.new_id("New stakeholder", "stakeholder")
        person = Stakeholder(id=ident, name="New stakeholder")
        if push(self.document, lambda: AddStakeholder(self.document, person), self.errors):
            row = self.table.rowCount() - 1
            self.table.setCurrentCell(row, NAME)
            self.table.editItem(self.table.item(row, NAME))

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        command = RemoveStakeholder(self.document, self.person_id(row))
        refs = command.references()
        name = self.document.stakeholder(self.person_id(row)).name
        if refs and not questions.confirm_remove_stakeholder(self, name, refs):
            return
        self.document.push(command)
