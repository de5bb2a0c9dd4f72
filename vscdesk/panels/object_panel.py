"""What the Lane, Link and Stream panels share: each shows one object of the document, edits it
through its Set…Fields command (one undo step per edit) and follows the selection and the
document; their forms are built from the same few pieces."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QPushButton, QWidget

from vscdesk.document import Document, Selection
from vscdesk.panels.widgets import ErrorLabel, blocked, push


class ObjectPanel:
    """A mixin for a panel (with ``RefreshWhenShown`` and ``QWidget``) that edits one object.

    A panel sets ``set_fields`` (the command class that edits the object's fields) and, when the
    object can move, ``move_command``; it says which object it shows with ``current()``."""

    document: Document
    errors: ErrorLabel
    #: e.g. SetLaneFields: (document, id, merge=..., **fields) -> command
    set_fields: Callable[..., Any]
    #: e.g. MoveLane: (document, id, new index) -> command; None: the object does not move
    move_command: Callable[[Document, str, int], Any] | None = None

    def current(self) -> Any | None:
        """The object shown (with an ``id``), or None."""
        raise NotImplementedError

    def siblings(self) -> int:
        """How many objects the shown one moves among."""
        return 0

    if TYPE_CHECKING:
        def refresh(self) -> None: ...  # RefreshWhenShown's, which comes after in the bases

    def apply(self, fields: dict[str, Any], errors: ErrorLabel | None = None,
              merge: bool = True) -> bool:
        """Change fields of the shown object: one command (merged with the previous one of the
        same field while typing, unless ``merge`` is off)."""
        shown = self.current()
        if shown is None:
            return False
        return push(self.document,
                    lambda: self.set_fields(self.document, shown.id, merge=merge, **fields),
                    errors or self.errors)

    def move_by(self, step: int) -> None:
        """One place earlier or later among its siblings (nothing at either end); not
        ``move``, which is QWidget's."""
        shown, command = self.current(), self.move_command
        if shown is None or command is None:
            return
        to = self.document.position(shown.id) + step
        if 0 <= to < self.siblings():
            push(self.document, lambda: command(self.document, shown.id, to), self.errors)

    def follow(self, selection: Selection, on_selection: Callable[[], None]) -> None:
        """Show what the selection names, and what each edit or a new document changes."""
        selection.changed.connect(on_selection)
        self.document.changed.connect(self.refresh)
        self.document.reset.connect(self.refresh)


def field_form(parent: QWidget | None = None) -> QFormLayout:
    """A form whose fields take the panel's width."""
    form = QFormLayout(parent)
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return form


def button_row(moves: Iterable[QPushButton], delete: QPushButton) -> QHBoxLayout:
    """The move buttons on the left, Delete apart on the right."""
    row = QHBoxLayout()
    for button in moves:
        row.addWidget(button)
    row.addStretch(1)
    row.addWidget(delete)
    return row


def kind_combo(parent: QWidget, labels: dict[str, str], tips: dict[str, str]) -> QComboBox:
    """A list of kinds, each with a tooltip saying what it means."""
    combo = QComboBox(parent)
    for key, text in labels.items():
        combo.addItem(text, key)
        combo.setItemData(combo.count() - 1, tips[key], Qt.ItemDataRole.ToolTipRole)
    return combo


def show_kind(combo: QComboBox, key: str, tips: dict[str, str]) -> None:
    with blocked(combo):
        combo.setCurrentIndex(combo.findData(key))
        combo.setToolTip(tips[key])
