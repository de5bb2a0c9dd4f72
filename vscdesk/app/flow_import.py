"""File ▸ Import ▸ Flow items (.csv)…: a tracker's work items into the open document, as one
undoable step that replaces the flow items (an export holds them all)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QWidget

from vscdesk.app import dialogs
from vscdesk.app.folders import document_path, remember, start_in

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

CSV_FILTER = "CSV files (*.csv);;All files (*)"


def ask_flow_csv(parent: QWidget) -> Path | None:
    """The CSV to import (a module function, so tests can answer it)."""
    path, _ = QFileDialog.getOpenFileName(parent, "Import flow items",
                                          start_in("", document_path(parent)), CSV_FILTER)
    remember(path)
    return Path(path) if path else None


def import_flow_items(window: MainWindow, path: Path | None = None) -> bool:
    """Read the CSV and push SetFlowItems; a bad file is reported and changes nothing."""
    from vscdesk.document.commands_flow import SetFlowItems
    from vscdesk.interop.errors import InteropError
    from vscdesk.interop.flow_csv import read_flow_csv

    path = path or ask_flow_csv(window)
    if path is None:
        return False
    doc = window.document
    try:
        items = read_flow_csv(path, doc.model.streams)
        command = SetFlowItems(doc, items, f"Import flow items from {path.name}")
    except (InteropError, ValueError) as err:
        dialogs.show_error(window, "Cannot import flow items", str(err))
        return False
    if not command.isObsolete():
        doc.push(command)
    streams = len({item.stream for item in items})
    window.statusBar().showMessage(
        f"Imported {len(items)} flow items for {streams} streams from {path.name}", 5000)
    return True


def install(window: MainWindow) -> None:
    action = QAction("Import &flow items (.csv)…", window)
    action.setStatusTip("Work items of a tracker (id, type, stream, started, finished, "
                        "active time) for the flow metrics; replaces the document's")
    action.triggered.connect(lambda _checked=False: import_flow_items(window))
    window.actions["import_flow_items"] = action
    # Beside File ▸ Import, not in it: those open another file as a new document, this one
    # adds to the open document.
    file_menu = window.menus["file"]
    imports = window.menus.get("import")
    items = file_menu.actions()
    at = items.index(imports.menuAction()) + 1 if imports is not None else len(items)
    if at < len(items):
        file_menu.insertAction(items[at], action)
    else:
        file_menu.addAction(action)
