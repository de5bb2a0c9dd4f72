"""Writing command outputs atomically: the old file stays intact until the new one is complete."""

from __future__ import annotations

from pathlib import Path

from vscdesk.storage.atomic import write_bytes


class OutputError(Exception):
    """An output file cannot be written; the message names the file and the reason."""


def check_folder(path: Path) -> None:
    """Refuse early, before any work, when the output's folder does not exist."""
    folder = path.parent
    if str(folder) not in ("", ".") and not folder.is_dir():
        raise OutputError(f"{folder}: no such directory")


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to a temp file beside ``path``, flush it to disk, then rename it over."""
    check_folder(path)
    if path.is_dir():
        raise OutputError(f"{path}: a folder has that name")
    try:
        write_bytes(path, data)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror})") from None


def save_document(doc, path: Path) -> None:
    """Save a native document the way the application does (atomic, keeps NAME.bak)."""
    from vscdesk.storage import SaveError, save

    check_folder(path)
    try:
        save(doc, path)
    except SaveError as exc:
        raise OutputError(str(exc)) from None
