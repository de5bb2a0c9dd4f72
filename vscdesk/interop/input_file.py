"""Reading a file the user named for import: the native loader's rules for every format.

CSV, flow CSV and ArchiMate files are read through ``storage.reader.read_limited``, like
documents: regular files only (a FIFO or a device is refused without blocking), the size
checked from ``fstat`` before reading, one line naming the file for every refusal."""

from __future__ import annotations

from pathlib import Path

from vscdesk.interop.errors import InteropError
from vscdesk.storage import LoadError
from vscdesk.storage.reader import read_limited


def amount(size: int) -> str:
    """A size in words: "12.5 MB", "10 KB", "300 bytes"."""
    for unit, scale in (("MB", 2**20), ("KB", 2**10)):
        if size >= scale:
            return f"{size / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{size} bytes"


def read_input(path: Path, max_bytes: int, what: str) -> bytes:
    """The bytes of ``path`` (a ``what`` file such as "CSV") or an InteropError saying why not."""
    def too_large(size: int) -> str:
        return f"is too large ({amount(size)}; vscdesk reads {what} files up to {amount(max_bytes)})"

    try:
        return read_limited(path, path.name or str(path), max_bytes, too_large, f"{what} file")
    except LoadError as exc:
        raise InteropError(str(exc)) from None
