"""Where the file dialogs start: the document's folder, else the last folder a file was opened
from or written to, else the user's Documents (or home) folder; never the process's working
directory, which with `make run` was the source checkout."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from vscdesk.app.settings import settings

KEY = "files/last_folder"


def last_folder() -> Path:
    """The folder of the last file chosen in a dialog, if it still exists; else Documents."""
    value = settings().value(KEY, "")
    if isinstance(value, str) and value and Path(value).is_dir():
        return Path(value)
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return Path(documents)
    return Path.home()


def start_in(start: str | Path = "", document: Path | None = None) -> str:
    """A dialog's starting path: ``start`` as given when it is absolute, else ``start`` (a file
    name, or nothing) in the document's folder, else in the last folder used."""
    if start and Path(start).is_absolute():
        return str(start)
    folder = Path(document).parent if document is not None else last_folder()
    return str(folder / start) if start else str(folder)


def document_path(window: object) -> Path | None:
    """The path of the document of the window a dialog is asked from (None: not saved)."""
    document = getattr(window, "document", None)
    return getattr(document, "path", None)


def remember(chosen: str | Path) -> None:
    """A file was chosen: its folder is where the next dialog starts (without a document)."""
    if chosen:
        settings().setValue(KEY, str(Path(chosen).absolute().parent))
