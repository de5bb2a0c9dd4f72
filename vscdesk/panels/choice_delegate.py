"""A table cell that offers a fixed choice: shows a label, stores a key, commits on pick."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

KEY = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor; the key lives in UserRole, the label in DisplayRole."""

    def __init__(self, choices: dict[str, str], parent: QWidget,
                 short: dict[str, str] | None = None) -> None:
        super().__init__(parent)
        self.choices = choices
        self.short = short or choices  # what the cell shows when not editing

    def label(self, key: str) -> str:
        return self.short.get(key, key)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for key, text in self.choices.items():
            combo.addItem(text, key)
        # A pick is a finished edit: commit at once instead of waiting for focus to move.
        combo.activated.connect(lambda _i: (self.commitData.emit(combo),
                                            self.closeEditor.emit(combo)))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(KEY))))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        key = editor.currentData()
        if key != index.data(KEY):
            # One call, so the table reports one change with both roles already set.
            model.setItemData(index, {Qt.ItemDataRole.DisplayRole: self.label(key), KEY: key})

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,
                             index: Index) -> None:
        rect = option.rect  # type: ignore[attr-defined]
        editor.setGeometry(rect.adjusted(0, 0, max(0, 120 - rect.width()), 0))
