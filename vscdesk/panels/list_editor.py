"""An editable list of short names (value items, criteria, practices, capabilities)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from vscdesk.panels.widgets import MIXED, blocked


class _CompletingDelegate(QStyledItemDelegate):
    """Item editors that offer the same completions as the "add" field."""

    def __init__(self, completions: list[str], parent: QWidget) -> None:
        super().__init__(parent)
        self._completions = completions

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        if self._completions:
            completer = QCompleter(self._completions, editor)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            editor.setCompleter(completer)
        return editor


class ListEditor(QWidget):
    """Items in a list (double-click or F2 to rename, Delete to remove) and a field to add one.

    Emits ``committed`` with the whole new list once per edit; the panel turns it into a command.
    """

    committed = Signal(list)

    def __init__(self, noun: str, completer: QCompleter | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun = noun
        self.items = QListWidget(self)
        self.items.setAccessibleName(f"{noun}s")
        self.items.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.items.itemChanged.connect(self._item_edited)
        self.items.installEventFilter(self)
        line = self.items.fontMetrics().lineSpacing() + 6
        self.items.setFixedHeight(line * 3 + 6)  # three rows visible; the list scrolls beyond
        model = completer.model() if completer is not None else None
        completions = model.stringList() if model is not None else []  # type: ignore[attr-defined]
        self.items.setItemDelegate(_CompletingDelegate(completions, self.items))
        self.add_field = QLineEdit(self)
        self.add_field.setPlaceholderText(f"Add {noun}…")
        self.add_field.setAccessibleName(f"Add {noun}")
        if completer is not None:
            completer.setParent(self.add_field)
            self.add_field.setCompleter(completer)
        self.add_field.returnPressed.connect(self._add)
        self.remove_button = QPushButton("Remove", self)
        self.remove_button.setToolTip(f"Remove the selected {noun} (Delete)")
        self.remove_button.clicked.connect(self.remove_selected)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_field, 1)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.items)
        layout.addLayout(row)
        self._values: list[str] = []

    def show_values(self, values: list[str] | None) -> None:
        """Show the model's list; None means the selected stages have different lists."""
        with blocked(self.items):
            self.items.clear()
            self._values = list(values or [])
            for value in self._values:
                item = QListWidgetItem(value)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.items.addItem(item)
            self.add_field.setPlaceholderText(
                f"Add {self.noun}…" if values is not None else f"{MIXED} — add to replace all")

    def values(self) -> list[str]:
        return list(self._values)

    def _add(self) -> None:
        text = self.add_field.text().strip()
        if text:
            self.add_field.clear()
            self.committed.emit(self._values + [text])

    def _item_edited(self, item: QListWidgetItem) -> None:
        row = self.items.row(item)
        new = list(self._values)
        if 0 <= row < len(new):
            new[row] = item.text()
            self.committed.emit(new)

    def remove_selected(self) -> None:
        rows = sorted({self.items.row(i) for i in self.items.selectedItems()})
        if rows:
            self.committed.emit([v for k, v in enumerate(self._values) if k not in rows])

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        if (watched is self.items and isinstance(event, QKeyEvent)
                and event.type() == QKeyEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
                and self.items.state() != QAbstractItemView.State.EditingState):
            self.remove_selected()
            return True
        return super().eventFilter(watched, event)
