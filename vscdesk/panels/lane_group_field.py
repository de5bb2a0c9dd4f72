"""The Lane panel's group row: which lane group the lane is in (or none), a new group started
with it, and its group renamed, marked as support activities or deleted; each one command."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QComboBox, QPushButton, QVBoxLayout, QWidget

from vscdesk.document import Document
from vscdesk.document.commands_groups import (
    delete_group, new_group, put_lane, rename_group, set_support,
)
from vscdesk.model import Lane
from vscdesk.panels import questions
from vscdesk.panels.object_panel import button_row
from vscdesk.panels.widgets import ErrorLabel, blocked, push

NO_GROUP = "No group"
NEW_GROUP = "New group…"
_NEW = "\x00new"  # the combo's data for "New group…" (no group id can hold a NUL)


class LaneGroupField(QWidget):
    """A combo (no group, the chain's groups, "New group…") and the group's own edits."""

    def __init__(self, document: Document, lane: Callable[[], Lane | None],
                 errors: ErrorLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._lane = lane
        self._errors = errors
        self.combo = QComboBox(self)
        self.combo.setAccessibleName("Lane group")
        self.setFocusProxy(self.combo)  # the form label's mnemonic lands on the combo
        self.rename_button = QPushButton("Rename group…", self)
        self.delete_button = QPushButton("Delete group", self)
        self.support = QCheckBox("Support activities (drawn hatched)", self)
        # under the combo, so a group's name keeps the row's whole width; Delete apart on the
        # right, as the panel's Delete lane…
        buttons = button_row((self.rename_button,), self.delete_button)
        buttons.setContentsMargins(0, 0, 0, 0)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.combo)
        column.addLayout(buttons)
        column.addWidget(self.support)
        self.combo.activated.connect(self._chosen)
        self.rename_button.clicked.connect(self._rename)
        self.delete_button.clicked.connect(self._delete)
        self.support.toggled.connect(self._support)

    def show_lane(self, lane: Lane) -> None:
        """Refresh from the model (never pushes: signals blocked)."""
        groups = self.document.model.chain.groups
        current = next((g for g in groups if g.id == lane.group), None)
        with blocked(self.combo, self.support):
            self.combo.clear()
            self.combo.addItem(NO_GROUP, None)
            for group in groups:
                self.combo.addItem(group.name, group.id)
            self.combo.insertSeparator(self.combo.count())
            self.combo.addItem(NEW_GROUP, _NEW)
            self.combo.setCurrentIndex(self.combo.findData(lane.group) if current else 0)
            self.support.setChecked(bool(current and current.support))
        for widget in (self.rename_button, self.delete_button, self.support):
            widget.setEnabled(current is not None)

    def _group_id(self) -> str | None:
        lane = self._lane()
        return None if lane is None else lane.group

    def _chosen(self, index: int) -> None:
        lane = self._lane()
        if lane is None:
            return
        data = self.combo.itemData(index)
        if data == _NEW:
            first = not self.document.model.chain.groups  # as the lane menu proposes
            name = questions.ask_group_name(self, "New lane group", "Primary activities"
                                            if first else "Support activities")
            if name:
                push(self.document, lambda: new_group(self.document, name, lane.id),
                     self._errors)
        elif data != lane.group:
            push(self.document, lambda: put_lane(self.document, lane.id, data), self._errors)
        self.show_lane(self._lane() or lane)  # a cancelled "New group…" shows the group again

    def _rename(self) -> None:
        group_id = self._group_id()
        group = next((g for g in self.document.model.chain.groups if g.id == group_id), None)
        if group is None:
            return
        name = questions.ask_group_name(self, "Rename lane group", group.name)
        if name and name != group.name:
            push(self.document, lambda: rename_group(self.document, group.id, name),
                 self._errors)

    def _delete(self) -> None:
        group_id = self._group_id()
        if group_id is not None:
            push(self.document, lambda: delete_group(self.document, group_id), self._errors)

    def _support(self, checked: bool) -> None:
        group_id = self._group_id()
        if group_id is not None:
            push(self.document, lambda: set_support(self.document, group_id, checked),
                 self._errors)
