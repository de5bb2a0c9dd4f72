"""The few questions the main window asks; one place, so tests can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

DOC_FILTER = "vscdesk documents (*.vsc.json);;JSON files (*.json);;All files (*)"
EXPORT_FILTER = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"


def ask_open_path(parent: QWidget, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open document", start, DOC_FILTER)
    return Path(path) if path else None


def ask_save_path(parent: QWidget, start: str = "") -> Path | None:
    path, _ = QFileDialog.getSaveFileName(parent, "Save document", start, DOC_FILTER)
    if not path:
        return None
    if not path.endswith(".json"):
        path += ".vsc.json"
    return Path(path)


def ask_export_path(parent: QWidget, start: str = "") -> Path | None:
    path, chosen = QFileDialog.getSaveFileName(parent, "Export diagram", start, EXPORT_FILTER)
    if not path:
        return None
    if Path(path).suffix.lower() not in (".png", ".svg", ".pdf"):
        path += "." + chosen.split("*.")[-1].rstrip(")")
    return Path(path)


def ask_discard(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for unsaved changes."""
    return QMessageBox.warning(
        parent, "Unsaved changes", f"“{name}” has changes that are not saved.\n\nSave them first?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)


def show_error(parent: QWidget, title: str, message: str) -> None:
    QMessageBox.critical(parent, title, message)
