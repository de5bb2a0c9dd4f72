"""The Slides dock: the document's saved presentation slides, renamed and reordered in place.

Every change is a command (rename, move, delete), so Edit ▸ Undo puts slides back. In the
list, F2 renames, Alt+Up/Alt+Down move and Delete deletes the current slide; the same are in
its context menu. Adding a
slide needs the canvas's current view, which a panel does not know: the dock asks for it
with ``add_requested`` and the app answers.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QMenu,
                               QPushButton, QVBoxLayout, QWidget)

from vscdesk.document import Document, MoveSlide, RemoveSlide, SetSlideFields
from vscdesk.model import Slide

EMPTY_HINT = ("No saved slides. Presenting (F5) walks through the chain, then each stream and "
              "its stages.\n\nSelect a stage or stream, then “Add current view”.")


def summary(slide: Slide, document: Document) -> str:
    """What a slide shows, for its tooltip: "Stream view · Restore service · zoom 1.5×"."""
    parts = ["Chain view" if slide.view == "chain" else "Stream view"]
    if slide.stream is not None and slide.stream in document:
        parts.append(document.stream(slide.stream).name)
    if slide.stage is not None and slide.stage in document:
        parts.append(document.stage(slide.stage).name)
    if slide.zoom != 1.0:
        parts.append(f"zoom {slide.zoom:g}×")
    return " · ".join(parts)


class SlidesPanel(QWidget):
    """Lists the saved slides in presentation order (the app puts it in a dock)."""

    add_requested = Signal()
    present_requested = Signal(int)  # start presenting at this slide

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("slides_panel")
        self.document = document
        body = self
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        self.list = QListWidget(body)
        self.list.setObjectName("slides_list")
        self.list.setDragDropMode(QListWidget.DragDropMode.InternalMove)
        self.list.setEditTriggers(QListWidget.EditTrigger.DoubleClicked
                                  | QListWidget.EditTrigger.EditKeyPressed)
        self.hint = QLabel(EMPTY_HINT, body)
        self.hint.setWordWrap(True)
        self.hint.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.hint.setStyleSheet("color: #657284; padding: 4px;")
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._buttons(body))
        self.list.itemChanged.connect(self._renamed)
        self.list.model().rowsMoved.connect(self._dragged)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.list.itemActivated.connect(
            lambda item: self.present_requested.emit(self.list.row(item)))
        self.list.installEventFilter(self)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.list.customContextMenuRequested.connect(self._context_menu)
        document.slide_changed.connect(self.refresh)
        document.reset.connect(self.refresh)
        self.refresh()

    def _buttons(self, parent: QWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        self.add_button = QPushButton("Add current view", parent)
        self.up_button = QPushButton("Up", parent)
        self.down_button = QPushButton("Down", parent)
        self.remove_button = QPushButton("Delete", parent)
        self.add_button.clicked.connect(self.add_requested)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(+1))
        self.remove_button.clicked.connect(self.remove_current)
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button):
            row.addWidget(button)
        return row

    def slide_ids(self) -> list[str]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def refresh(self) -> None:
        """Show the model's slides; never pushes a command."""
        current = self.list.currentItem()
        keep = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        with QSignalBlocker(self.list), QSignalBlocker(self.list.model()):
            self.list.clear()
            for slide in self.document.model.slides:
                item = QListWidgetItem(slide.name)
                item.setData(Qt.ItemDataRole.UserRole, slide.id)
                item.setToolTip(summary(slide, self.document))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
                if slide.id == keep:
                    self.list.setCurrentItem(item)
        self.list.reset()  # the view missed the blocked model signals
        self.hint.setVisible(self.list.count() == 0)
        self._update_buttons()

    def select(self, slide_id: str) -> None:
        ids = self.slide_ids()
        if slide_id in ids:
            self.list.setCurrentRow(ids.index(slide_id))

    def _update_buttons(self, *_args) -> None:
        row, n = self.list.currentRow(), self.list.count()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < n - 1)
        self.remove_button.setEnabled(row >= 0)

    def move_current(self, step: int) -> None:
        row = self.list.currentRow()
        if row < 0 or not 0 <= row + step < self.list.count():
            return
        slide_id = self.slide_ids()[row]
        self.document.push(MoveSlide(self.document, slide_id, row + step))
        self.select(slide_id)

    def remove_current(self) -> None:
        row = self.list.currentRow()
        if row >= 0:
            self.document.push(RemoveSlide(self.document, self.slide_ids()[row]))
            self.list.setCurrentRow(min(row, self.list.count() - 1))  # the next one, for Del

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def context_menu(self) -> QMenu:
        """Rename, move and delete for the current slide (built apart so tests can read it)."""
        menu = QMenu(self)
        row, n = self.list.currentRow(), self.list.count()
        for text, slot, enabled in (
                ("Rename", self.rename_current, row >= 0),
                ("Move up", lambda: self.move_current(-1), row > 0),
                ("Move down", lambda: self.move_current(1), 0 <= row < n - 1),
                ("Delete", self.remove_current, row >= 0)):
            menu.addAction(text, slot).setEnabled(enabled)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu()
        menu.exec(self.list.viewport().mapToGlobal(pos))
        menu.deleteLater()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.list and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and self.list.state()
                != QListWidget.State.EditingState):
            key, mods = event.key(), event.modifiers()
            alt = mods == Qt.KeyboardModifier.AltModifier
            if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and not alt:
                self.remove_current()
                return True
            if alt and key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_current(-1 if key == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)

    def _renamed(self, item: QListWidgetItem) -> None:
        slide_id = item.data(Qt.ItemDataRole.UserRole)
        name = item.text().strip()
        if slide_id not in self.document or name == self.document.slide(slide_id).name:
            return
        try:
            command = SetSlideFields(self.document, slide_id, name=name)
        except ValueError:
            self.refresh()  # an empty or invalid name: show the old one again
            return
        self.document.push(command)

    def _dragged(self, _parent: QModelIndex, start: int, _end: int, _dest: QModelIndex,
                 row: int) -> None:
        """A drag in the list moved a row: turn it into one MoveSlide."""
        slide_id = self.document.model.slides[start].id
        target = row if row < start else row - 1
        if target != start:
            self.document.push(MoveSlide(self.document, slide_id, target))
        else:
            self.refresh()
        self.select(slide_id)
