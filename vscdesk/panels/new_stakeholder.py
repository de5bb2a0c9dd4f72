"""Adding a stakeholder where one is needed: a "New stakeholder…" entry at the end of a list
of people opens a name field right there; Enter adds the person to the registry and refers
to them (involved in a stage, owner of a stream...) as one undo step."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from vscdesk.document import AddStakeholder, Document
from vscdesk.document.base import quoted
from vscdesk.panels.widgets import ErrorLabel, push

NEW = "\x00new"  # the "New stakeholder…" entry's data (never an id: ids are printable)


def add_new_entry(combo: QComboBox) -> None:
    """End a list of people with "New stakeholder…"."""
    combo.addItem("New stakeholder…", NEW)
    combo.setItemData(combo.count() - 1, "Add someone who is not in the registry yet",
                      Qt.ItemDataRole.ToolTipRole)


class NewStakeholderField(QLineEdit):
    """The inline name field: hidden until opened; Enter emits ``named``, Esc closes it."""

    named = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("New stakeholder's name, then Enter")
        self.setAccessibleName("New stakeholder's name")
        self.installEventFilter(self)
        self.returnPressed.connect(self._enter)
        self.hide()
        self._back: QWidget | None = None

    def open(self, back: QWidget | None = None) -> None:
        """Show the field empty and focused; ``back`` gets the focus again on Esc."""
        self._back = back
        self.clear()
        self.show()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _enter(self) -> None:
        name = self.text().strip()
        if name:
            self.hide()
            self.named.emit(name)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self and event.type() == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape):
            self.hide()  # Esc: no new stakeholder
            if self._back is not None:
                self._back.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return super().eventFilter(watched, event)


def add_and_refer(document: Document, name: str, refer: Callable[[str], QUndoCommand],
                  errors: ErrorLabel, what: str = "") -> bool:
    """Add a stakeholder named ``name`` and push ``refer(its id)``, as one undo step; a name
    already in the registry refers to that person instead of adding a second one."""
    key = " ".join(name.split()).casefold()
    known = next((p.id for p in document.model.stakeholders
                  if " ".join(p.name.split()).casefold() == key), None)
    if known is not None:
        return push(document, lambda: refer(known), errors)
    person = {"id": document.new_id(name, "person"), "name": name}
    try:
        add = AddStakeholder(document, person)
    except ValueError as err:
        errors.show_error(str(err))
        return False
    with document.macro(f"Add stakeholder {quoted(name)}{what}"):
        document.push(add)
        return push(document, lambda: refer(person["id"]), errors)
