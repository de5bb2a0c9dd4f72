"""The few modal questions the panels ask, in one place so tests can answer them."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QColorDialog, QInputDialog, QMessageBox, QWidget


def confirm_remove_stakeholder(parent: QWidget, name: str, references: int) -> bool:
    """True to delete a stakeholder that stages or streams still refer to."""
    places = "1 place" if references == 1 else f"{references} places"
    answer = QMessageBox.question(
        parent, "Delete stakeholder",
        f"“{name}” is involved in {places}.\n\nDelete it and remove it from all of them? "
        "Undo brings everything back.",
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes


def ask_color(parent: QWidget, current: str | None, title: str = "Stream colour") -> str | None:
    """A colour as #RRGGBB, or None when the user cancels."""
    color = QColorDialog.getColor(QColor(current or "#657284"), parent, title)
    return color.name().upper() if color.isValid() else None


def ask_group_name(parent: QWidget, title: str, current: str) -> str | None:
    """A lane group's name, stripped; None when the user cancels or leaves it empty."""
    text, ok = QInputDialog.getText(parent, title, "Name of the group:", text=current)
    return text.strip() or None if ok else None
