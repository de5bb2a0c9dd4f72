"""Two small dialogs for the document's structure: where a deleted lane's stages go, and
the document's properties (title and value chain name). ``app/dialogs.py`` opens them, so
tests can answer in their place; the dialogs themselves are tested with real keys."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)


class LaneStagesDialog(QDialog):
    """Delete a lane that holds stages: move them to another lane, or leave them in no
    activity (they stay in their streams, in the "no activity" column)."""

    def __init__(self, lane_name: str, count: int, lanes: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Delete lane")
        stages = "1 stage" if count == 1 else f"{count} stages"
        question = QLabel(f"“{lane_name}” holds {stages}. Where should "
                          f"{'it' if count == 1 else 'they'} go?", self)
        question.setWordWrap(True)
        self.move_stages = QRadioButton("&Move them to", self)
        self.target = QComboBox(self)
        for ident, name in lanes:
            self.target.addItem(name, ident)
        self.leave = QRadioButton("&Leave them in no activity", self)
        group = QButtonGroup(self)
        group.addButton(self.move_stages)
        group.addButton(self.leave)
        self.move_stages.setEnabled(bool(lanes))
        self.target.setEnabled(bool(lanes))
        (self.move_stages if lanes else self.leave).setChecked(True)
        self.move_stages.toggled.connect(self.target.setEnabled)
        self.target.activated.connect(lambda _i: self.move_stages.setChecked(True))
        note = QLabel("Undo (Ctrl+Z) brings the lane back with its stages in it.", self)
        note.setStyleSheet("color: #657284;")
        buttons = QDialogButtonBox(self)
        self.delete_button = buttons.addButton("Delete lane",
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.move_stages, self.target)
        form.addRow(self.leave)
        layout = QVBoxLayout(self)
        layout.addWidget(question)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def choice(self) -> tuple[bool, str | None]:
        """(delete, lane to move the stages to or None) as the dialog was left."""
        if self.result() != QDialog.DialogCode.Accepted:
            return False, None
        return True, (self.target.currentData() if self.move_stages.isChecked() else None)


class DocumentPropertiesDialog(QDialog):
    """File ▸ Properties…: the title of the document and the name of its value chain."""

    def __init__(self, title: str, chain_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Document properties")
        self.title = QLineEdit(title, self)
        self.title.setPlaceholderText("What this map is about")
        self.chain = QLineEdit(chain_name, self)
        self.chain.setPlaceholderText("The value chain's name")
        for field in (self.title, self.chain):
            field.setMinimumWidth(320)
        hint = QLabel("The diagram's heading shows “title · value chain”; exports and slides "
                      "use the title.", self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #657284;")
        self.errors = QLabel(self)
        self.errors.setStyleSheet("color: #8C231C;")
        self.errors.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Value chain:", self.chain)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.errors)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if not self.title.text().strip() or not self.chain.text().strip():
            self.errors.setText("The title and the value chain's name may not be blank.")
            self.errors.show()
            return
        self.accept()

    def values(self) -> tuple[str, str] | None:
        """(title, chain name) when accepted, else None."""
        if self.result() != QDialog.DialogCode.Accepted:
            return None
        return self.title.text().strip(), self.chain.text().strip()
