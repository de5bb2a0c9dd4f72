"""Writing command outputs: through the one atomic writer (``storage.write_output``), or to
standard output when the output is ``-``."""

from __future__ import annotations

import sys
from pathlib import Path

from vscdesk.storage.atomic import reason, write_output
from vscdesk.storage.errors import OutputError, SaveError
from vscdesk.storage.platform import name_problem

__all__ = ["OutputError", "SaveError", "check_folder", "is_stdout", "save_document", "write_atomic"]

#: ``-o -``: the output goes to standard output
STDOUT = "-"


def is_stdout(path: Path | str | None) -> bool:
    return path is not None and str(path) == STDOUT


def check_folder(path: Path) -> None:
    """Refuse early, before any work, when the output's folder does not exist or its name would
    not work on Windows (checked on every system: files travel)."""
    if is_stdout(path):
        return
    problem = name_problem(path.name)
    if problem:
        raise OutputError(problem, path, existed=False)
    folder = path.parent
    try:
        missing = str(folder) not in ("", ".") and not folder.is_dir()
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise OutputError(reason(exc), path, existed=False) from None
    except ValueError:  # a NUL character
        raise OutputError("the file name is not valid", path, existed=False) from None
    if missing:
        raise OutputError(f"no such directory ({folder})", path, existed=False)


def to_stdout(data: bytes) -> None:
    """``data`` on standard output; a failure (a full disk behind ``>``) is one OutputError."""
    try:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(reason(exc), Path("standard output"), existed=False) from None


def write_atomic(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically (``-``: standard output); raises OutputError."""
    if is_stdout(path):
        to_stdout(data)
        return
    check_folder(path)
    write_output(path, data)


def save_document(doc, path: Path) -> None:
    """Save a native document the way the application does (atomic, keeps NAME.bak); ``-``
    prints it. Raises SaveError (OutputError is one)."""
    from vscdesk.storage import save
    from vscdesk.storage.writer import checked_bytes

    if is_stdout(path):
        try:
            data = checked_bytes(doc)
        except SaveError as exc:
            raise exc.with_path(Path("standard output")) from None
        to_stdout(data)
        return
    check_folder(path)
    save(doc, path)
