"""Open a document file without trusting it: bounded size, regular files only, never blocking."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from vscdesk.model import DocumentModel
from vscdesk.storage import codec
from vscdesk.storage.errors import LoadError

_REASONS = {
    errno.ENOENT: "file not found",
    errno.ENOTDIR: "file not found",
    errno.EACCES: "cannot be read: permission denied",
    errno.EPERM: "cannot be read: permission denied",
    errno.EISDIR: "is a folder, not a document",
    errno.ENAMETOOLONG: "cannot be read: the name is too long",
    errno.ELOOP: "cannot be read: too many levels of symbolic links",
}


def _os_reason(exc: OSError) -> str:
    return _REASONS.get(exc.errno or 0, f"cannot be read ({exc.strerror or exc})")


def read_limited(path: str | os.PathLike[str], source: str) -> bytes:
    """The bytes of a regular file no larger than ``codec.MAX_FILE_BYTES``, else ``LoadError``."""
    # O_NONBLOCK: opening a FIFO must not hang the app; a regular file ignores the flag.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        kind = "not_found" if exc.errno in (errno.ENOENT, errno.ENOTDIR) else "unreadable"
        raise LoadError(source, _os_reason(exc), kind=kind) from None
    except ValueError:  # a NUL character in the path
        raise LoadError(source, "cannot be read: the name is not valid",
                        kind="unreadable") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(source, "is a folder, not a document", kind="unreadable")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(source, "is not a regular file", kind="unreadable")
        if info.st_size > codec.MAX_FILE_BYTES:
            raise LoadError(source, codec.too_large_reason(info.st_size), kind="too_large")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            # One byte more than allowed tells a file that grew since fstat from one that fits.
            data = stream.read(codec.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise LoadError(source, _os_reason(exc), kind="unreadable") from None
    finally:
        os.close(fd)
    if len(data) > codec.MAX_FILE_BYTES:
        raise LoadError(source, codec.too_large_reason(len(data)), kind="too_large")
    return data


def load(path: str | os.PathLike[str]) -> DocumentModel:
    """The document in the file at ``path``; raises only ``LoadError``, never changes the file."""
    source = Path(path).name or str(path)
    return codec.loads(read_limited(path, source), source)
