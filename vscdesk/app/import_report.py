"""After an import: what came in, and every element, relation or value that had no place in a
document, so nothing is dropped silently."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QPushButton,
                               QVBoxLayout, QWidget)

from vscdesk.model import DocumentModel


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def import_summary(source: str, doc: DocumentModel) -> str:
    stages = sum(len(s.stages) for s in doc.streams)
    return (f"Imported {_plural(len(doc.streams), 'stream')} with {_plural(stages, 'stage')}, "
            f"{_plural(len(doc.chain.lanes), 'lane')} and "
            f"{_plural(len(doc.stakeholders), 'stakeholder')} from {source}.")


class ImportReportDialog(QDialog):
    """A summary line and the list of what was left out; Copy puts the list on the clipboard."""

    def __init__(self, parent: QWidget, source: str, doc: DocumentModel, lines: list[str]) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import report")
        self.lines = list(lines)
        self.summary = QLabel(import_summary(source, doc))
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        heading = QLabel(f"Not imported or changed ({len(lines)}):" if lines
                         else "Everything in the file found a place in the document.")
        heading.setStyleSheet("color: #5B6573;")
        self.list = QListWidget()
        self.list.addItems(self.lines)
        self.list.setWordWrap(True)
        self.list.setSpacing(2)
        self.list.setAlternatingRowColors(True)
        self.list.setVisible(bool(lines))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy: QPushButton = buttons.addButton("Copy", QDialogButtonBox.ButtonRole.ActionRole)
        copy.setEnabled(bool(lines))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText("\n".join(self.lines)))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(heading)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(640, 380 if lines else 140)
