"""Open a document file without trusting it: bounded size, regular files only, never blocking."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from vscdesk.model import DocumentModel
from vscdesk.storage import codec
from vscdesk.storage.errors import LoadError, LoadErrorKind

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


@contextmanager
def open_regular(path: str | os.PathLike[str], source: str,
                 max_bytes: int = codec.MAX_FILE_BYTES,
                 too_large: Callable[[int], str] = codec.too_large_reason,
                 what: str = "document") -> Iterator[BinaryIO]:
    """A regular file of at most ``max_bytes``, open for reading; else ``LoadError``.

    Every reader of a file the user names goes through here: a FIFO would block the read
    forever and a device such as /dev/zero never ends, so both are refused from ``fstat``
    before a byte is read, and so is a file over the limit."""
    # O_NONBLOCK: opening a FIFO must not hang the app; a regular file ignores the flag.
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        kind: LoadErrorKind = ("not_found" if exc.errno in (errno.ENOENT, errno.ENOTDIR)
                               else "unreadable")
        raise LoadError(source, _os_reason(exc), kind=kind) from None
    except ValueError:  # a NUL character in the path
        raise LoadError(source, "cannot be read: the name is not valid",
                        kind="unreadable") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(source, f"is a folder, not a {what}", kind="unreadable")
        if not stat.S_ISREG(info.st_mode):
            raise LoadError(*_not_regular(path, source, info.st_mode), kind="unreadable")
        if info.st_size > max_bytes:
            raise LoadError(source, too_large(info.st_size), kind="too_large")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            yield stream
    except OSError as exc:
        raise LoadError(source, _os_reason(exc), kind="unreadable") from None
    finally:
        os.close(fd)


def _not_regular(path: str | os.PathLike[str], source: str, mode: int) -> tuple[str, str]:
    """Who and what for a file that is no regular file. A device given by its own name is
    named by its whole path: "null", "zero" or "stdin" alone says nothing (a link to it, say
    "plan.vsc.json", keeps the name the user knows)."""
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        real = os.path.realpath(path)
        named = real if Path(real).name == Path(path).name else source
        return named, "is not a regular file but a device"
    if stat.S_ISFIFO(mode):
        return source, "is not a regular file but a named pipe"
    if stat.S_ISSOCK(mode):
        return source, "is not a regular file but a socket"
    return source, "is not a regular file"


def read_limited(path: str | os.PathLike[str], source: str,
                 max_bytes: int = codec.MAX_FILE_BYTES,
                 too_large: Callable[[int], str] = codec.too_large_reason,
                 what: str = "document") -> bytes:
    """The bytes of a regular file no larger than ``max_bytes``, else ``LoadError``."""
    with open_regular(path, source, max_bytes, too_large, what) as stream:
        # One byte more than allowed tells a file that grew since fstat from one that fits.
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LoadError(source, too_large(len(data)), kind="too_large")
    return data


def load(path: str | os.PathLike[str]) -> DocumentModel:
    """The document in the file at ``path``; raises only ``LoadError``, never changes the file."""
    source = Path(path).name or str(path)
    return codec.loads(read_limited(path, source), source)
