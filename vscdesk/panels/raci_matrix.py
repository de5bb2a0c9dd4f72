"""The stage × stakeholder RACI matrix of one stream: shows and edits who does what."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from vscdesk.document import Document, SetStageFields
from vscdesk.model import StakeholderRef
from vscdesk.model.queries import initials
from vscdesk.panels.choice_delegate import KEY, ChoiceDelegate
from vscdesk.panels.widgets import ErrorLabel, blocked, compact_rows, push

INVOLVED = "•"  # involved, without a RACI letter
CHOICES = {"": "— not involved", INVOLVED: "• involved", "R": "R · Responsible",
           "A": "A · Accountable", "C": "C · Consulted", "I": "I · Informed"}
SHORT = {"": "", INVOLVED: INVOLVED, "R": "R", "A": "A", "C": "C", "I": "I"}
LETTERS = {Qt.Key.Key_R: "R", Qt.Key.Key_A: "A", Qt.Key.Key_C: "C", Qt.Key.Key_I: "I"}
KEYS = {**LETTERS, Qt.Key.Key_Period: INVOLVED, Qt.Key.Key_Delete: "", Qt.Key.Key_Backspace: ""}


def letter(ref: StakeholderRef | None) -> str:
    if ref is None:
        return ""
    return ref.raci or INVOLVED


def with_letter(refs: list[StakeholderRef], person: str, value: str) -> list[dict]:
    """The stage's involvement list with one stakeholder's letter set (or removed)."""
    out: list[dict] = []
    found = False
    for ref in refs:
        if ref.stakeholder != person:
            out.append(ref.model_dump())
        elif value:
            found = True
            out.append({**ref.model_dump(), "raci": None if value == INVOLVED else value})
    if value and not found:
        out.append({"stakeholder": person, "role": "participating",
                    "raci": None if value == INVOLVED else value})
    return out


class RaciMatrix(QTableWidget):
    """Rows are the stream's stages, columns the stakeholders. Type R, A, C, I (either case),
    '.' or Delete on a cell, or double-click it to choose; each change is one undo step."""

    def __init__(self, document: Document, errors: ErrorLabel,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.errors = errors
        self.stream_id: str | None = None
        self.setAccessibleName("RACI matrix")
        self.setItemDelegate(ChoiceDelegate(CHOICES, self, SHORT))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.horizontalHeader().setDefaultSectionSize(34)
        self.horizontalHeader().setMinimumSectionSize(30)
        compact_rows(self)
        self.itemChanged.connect(self._edited)

    def show_stream(self, stream_id: str | None) -> None:
        self.stream_id = stream_id
        people = self.document.model.stakeholders
        stages = self.document.stream(stream_id).stages if stream_id else []
        with blocked(self):
            self.setColumnCount(len(people))
            self.setRowCount(len(stages))
            for col, person in enumerate(people):
                head = QTableWidgetItem(initials(person))
                head.setToolTip(person.name)
                head.setData(KEY, person.id)
                self.setHorizontalHeaderItem(col, head)
            for row, stage in enumerate(stages):
                head = QTableWidgetItem(f"{row + 1}. {stage.name}")
                head.setData(KEY, stage.id)
                head.setToolTip(stage.name)
                head.setTextAlignment(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
                self.setVerticalHeaderItem(row, head)
                refs = {ref.stakeholder: ref for ref in stage.stakeholders}
                for col, person in enumerate(people):
                    value = letter(refs.get(person.id))
                    item = self.item(row, col) or QTableWidgetItem()
                    item.setText(SHORT[value])
                    item.setData(KEY, value)
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setToolTip(f"{person.name} in “{stage.name}”")
                    if self.item(row, col) is None:
                        self.setItem(row, col, item)
        self.verticalHeader().setMaximumWidth(180)
        self.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)

    def stage_id(self, row: int) -> str:
        return self.verticalHeaderItem(row).data(KEY)

    def person_id(self, column: int) -> str:
        return self.horizontalHeaderItem(column).data(KEY)

    def set_letter(self, row: int, column: int, value: str) -> bool:
        """Set one cell through a command (what typing and the cell's choice both do)."""
        stage_id, person = self.stage_id(row), self.person_id(column)
        refs = list(self.document.stage(stage_id).stakeholders)
        new = with_letter(refs, person, value)
        return push(self.document,
                    lambda: SetStageFields(self.document, stage_id, stakeholders=new), self.errors)

    def _edited(self, item: QTableWidgetItem) -> None:
        self.set_letter(item.row(), item.column(), item.data(KEY) or "")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        ignored = Qt.KeyboardModifier.KeypadModifier
        if event.key() in LETTERS:  # upper case too, as the legend writes them
            ignored |= Qt.KeyboardModifier.ShiftModifier
        plain = not event.modifiers() & ~ignored
        if (item is not None and plain and event.key() in KEYS
                and self.state() != QAbstractItemView.State.EditingState):
            self.set_letter(item.row(), item.column(), KEYS[Qt.Key(event.key())])
            return
        super().keyPressEvent(event)
