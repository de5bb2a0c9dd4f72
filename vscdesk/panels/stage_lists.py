"""The stage panel's Lists tab: value items, criteria, practices and capabilities."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QWidget

from vscdesk.model import Stage
from vscdesk.panels.list_editor import ListEditor
from vscdesk.panels.practices import practice_completer
from vscdesk.panels.widgets import VARIES, ErrorLabel, common

LISTS = (
    ("value_items", "Value &items:", "value item"),
    ("entrance_criteria", "E&ntrance criteria:", "entrance criterion"),
    ("exit_criteria", "E&xit criteria:", "exit criterion"),
    ("practices", "P&ractices:", "practice"),
    ("capabilities", "&Capabilities:", "capability"),
)


class StageLists(QWidget):
    """One list editor per list field; ``edited`` carries {field: new list}."""

    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, ListEditor] = {}
        self.errors = ErrorLabel(self)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for field, label, noun in LISTS:
            completer = practice_completer() if field == "practices" else None
            editor = ListEditor(noun, completer, self)
            editor.committed.connect(lambda values, f=field: self.edited.emit({f: values}))
            self.editors[field] = editor
            form.addRow(label, editor)
            if field == "practices":
                editor.add_field.setToolTip("Type to choose one of the 34 ITIL 4 practices, "
                                            "or any name of your own")
        form.addRow(self.errors)

    def show_stages(self, stages: list[Stage]) -> None:
        for field, editor in self.editors.items():
            values = common([getattr(s, field) for s in stages])
            editor.show_values(None if values is VARIES else list(values))  # type: ignore[arg-type]
        self.errors.clear_error()
