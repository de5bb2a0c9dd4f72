"""Replace a file atomically: write a temporary sibling, flush it to disk, rename it over.

Used for every output that is not a document (images, PDFs, CSV, XML, schemas); documents go
through ``storage.save``, which also keeps ``NAME.bak``. New files get the usual permissions
(0666 minus the umask), not the private 0600 that ``mkstemp`` creates.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


@contextmanager
def replacing(path: Path) -> Iterator[str]:
    """Yield a temporary path to write; on success it replaces ``path`` in one step.

    If the body raises, ``path`` is untouched and the temporary file is removed.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        yield tmp
        mode = path.stat().st_mode & 0o777 if path.exists() else _FILE_MODE
        os.chmod(tmp, mode)
        with open(tmp, "rb") as written:
            os.fsync(written.fileno())
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def write_bytes(path: Path, data: bytes) -> None:
    """Atomically replace ``path`` with ``data``."""
    with replacing(path) as tmp, open(tmp, "wb") as out:
        out.write(data)
