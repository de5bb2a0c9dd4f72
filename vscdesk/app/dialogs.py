"""The few questions the main window asks; one place, so tests can answer them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from vscdesk.app.folders import remember, start_in
from vscdesk.storage.errors import LoadError

if TYPE_CHECKING:
    from vscdesk.storage.journal import Snapshot

DOC_FILTER = "vscdesk documents (*.vsc.json);;JSON files (*.json);;All files (*)"
EXPORT_FILTER = "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)"


# A relative ``start`` (a file name, or nothing) is placed in the last folder used
# (app/folders.py); callers give the document's folder themselves when it has one.


def ask_open_path(parent: QWidget, start: str = "") -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, "Open document", start_in(start), DOC_FILTER)
    remember(path)
    return Path(path) if path else None


def ask_output_choice(parent: QWidget, title: str, start: str, file_filter: str,
                      complete: Callable[[str, str], str]) -> tuple[Path, str] | None:
    """A new file's name and the file type chosen in the save dialog, asked again while
    Windows would refuse the name.

    ``complete(path, chosen_filter)`` adds the suffix the user left out. Names are checked on
    every platform: files travel to colleagues' machines and through synced folders."""
    from vscdesk.storage.platform import BadFileName, check_file_name

    start = start_in(start)
    while True:
        path, chosen = QFileDialog.getSaveFileName(parent, title, start, file_filter)
        if not path:
            return None
        remember(path)
        path = complete(path, chosen)
        try:
            check_file_name(path)
        except BadFileName as err:
            show_error(parent, "Choose another name", str(err))
            start = path
            continue
        return Path(path), chosen


def ask_output_path(parent: QWidget, title: str, start: str, file_filter: str,
                    complete: Callable[[str, str], str]) -> Path | None:
    """``ask_output_choice`` for when the file type does not matter beyond the suffix."""
    answer = ask_output_choice(parent, title, start, file_filter, complete)
    return None if answer is None else answer[0]


def ask_chart_path(parent: QWidget, start: str) -> Path | None:
    """Where to save a Metrics chart as PNG."""
    return ask_output_path(parent, "Save chart as PNG", start, "PNG images (*.png)",
                           lambda path, _: path if path.lower().endswith(".png") else path + ".png")


def ask_save_path(parent: QWidget, start: str = "") -> Path | None:
    return ask_output_path(parent, "Save document", start, DOC_FILTER,
                           lambda path, _: path if path.endswith(".json") else path + ".vsc.json")


def _export_suffix(path: str, chosen: str) -> str:
    if Path(path).suffix.lower() in (".png", ".svg", ".pdf"):
        return path
    return path + "." + chosen.split("*.")[-1].rstrip(")")


def ask_export_path(parent: QWidget, start: str = "") -> Path | None:
    return ask_output_path(parent, "Export diagram", start, EXPORT_FILTER, _export_suffix)


DECK_FILTERS = {"PowerPoint deck, 16:9 slides (*.pptx)": "16:9",
                "PowerPoint deck, 4:3 slides (*.pptx)": "4:3"}


def ask_deck_path(parent: QWidget, start: str = "") -> tuple[Path, str] | None:
    """Where to write the deck, and its slide size (chosen with the file type)."""
    answer = ask_output_choice(
        parent, "Export presentation", start, ";;".join(DECK_FILTERS),
        lambda path, _: path if path.lower().endswith(".pptx") else path + ".pptx")
    return None if answer is None else (answer[0], DECK_FILTERS.get(answer[1], "16:9"))


def ask_print(parent: QWidget, printer, paint, customise=None) -> bool:
    """Qt's print preview of ``paint(printer)``; ``customise(dialog)`` adds our options.
    True when the user printed."""
    from PySide6.QtPrintSupport import QPrintPreviewDialog

    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle("Print")
    dialog.paintRequested.connect(paint)
    if customise is not None:
        customise(dialog)
    return bool(dialog.exec())


def ask_discard(parent: QWidget, name: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for unsaved changes."""
    return QMessageBox.warning(
        parent, "Unsaved changes", f"“{name}” has changes that are not saved.\n\nSave them first?",
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
        | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save)


def open_failure(path: Path, err: LoadError) -> str:
    """What opening a file that failed says: a headline naming the file, then why, then where
    it is (the headline and the rest apart by a blank line, see ``error_box``)."""
    name = err.source or str(path)
    where = "" if name != Path(path).name else f"\n\nIn the folder {Path(path).absolute().parent}"
    return f"Could not open “{name}”\n\n{err}{where}"


def error_box(parent: QWidget, title: str, message: str) -> QMessageBox:
    """An error message box; a message whose first paragraph is a headline shows it larger,
    with the rest under it."""
    headline, _, rest = message.partition("\n\n")
    box = QMessageBox(QMessageBox.Icon.Critical, title, headline if rest else message,
                      QMessageBox.StandardButton.Ok, parent)
    if rest:
        box.setInformativeText(rest)
    return box


def show_error(parent: QWidget, title: str, message: str) -> None:
    error_box(parent, title, message).exec()


def ask_locked(parent: QWidget, name: str, owner: str) -> bool:
    """A second instance opens a file already open: True to open it read-only."""
    box = QMessageBox(QMessageBox.Icon.Information, "Document already open",
                      f"“{name}” is open in another vscdesk window ({owner}).\n\n"
                      "Open it read-only here? Edits stay with the other window; "
                      "you can still save a copy.", parent=parent)
    read_only = box.addButton("Open read-only", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(read_only)
    box.exec()
    return box.clickedButton() is read_only


def ask_external_change(parent: QWidget, name: str) -> str | None:
    """The file changed on disk since it was opened: "overwrite", "save_as", "reload" or None."""
    box = QMessageBox(QMessageBox.Icon.Warning, "File changed on disk",
                      f"“{name}” was changed by another program since you opened it.\n\n"
                      "Overwrite those changes, save yours as a new file, or reload the file "
                      "and lose your unsaved changes?", parent=parent)
    buttons = {
        "save_as": box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole),
        "overwrite": box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole),
        "reload": box.addButton("Reload", QMessageBox.ButtonRole.ResetRole),
    }
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(buttons["save_as"])
    box.exec()
    return next((key for key, button in buttons.items() if box.clickedButton() is button), None)


def ask_recovery(parent: QWidget, snapshots: list[Snapshot]
                 ) -> tuple[str | None, Snapshot | None]:
    """("recover" | "discard" | "later", the chosen snapshot) for work a crash left behind."""
    from vscdesk.app.recovery import RecoveryDialog

    dialog = RecoveryDialog(snapshots, parent)
    dialog.exec()
    return dialog.choice, dialog.selected()


def ask_lane_stages(parent: QWidget, lane_name: str, count: int,
                    lanes: list[tuple[str, str]]) -> tuple[bool, str | None]:
    """Deleting a lane that holds ``count`` stages: (go ahead, the lane id to move them to,
    or None to leave them in no activity); (False, None) when the user cancels."""
    from vscdesk.app.structure_dialogs import LaneStagesDialog

    dialog = LaneStagesDialog(lane_name, count, lanes, parent)
    dialog.exec()
    return dialog.choice()


def ask_document_properties(parent: QWidget, title: str,
                            chain_name: str) -> tuple[str, str] | None:
    """The document's title and value chain name as edited, or None when cancelled."""
    from vscdesk.app.structure_dialogs import DocumentPropertiesDialog

    dialog = DocumentPropertiesDialog(title, chain_name, parent)
    dialog.exec()
    return dialog.values()


def ask_text(parent: QWidget, title: str, label: str, text: str = "") -> str | None:
    """One line of text from the user; None when cancelled."""
    from PySide6.QtWidgets import QInputDialog

    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None
