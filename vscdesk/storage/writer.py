"""Save a document atomically: the file on disk is always either the old or the new version.

Steps: check the document and its size (what ``load`` would refuse is never written), then
``storage.atomic.replace_file``, the one writer every output shares: a complete, synced temp
file beside the target; then, here, the previous file kept as ``NAME.bak`` (and, the first
time a file of an older schema is overwritten, as ``NAME.v<N>.bak``); then the replace and the
folder fsync. Any failure removes the temp file and raises ``SaveError``; nothing is ever
written in place. Temp files left by a killed save are removed by a later successful save once
they are stale.

A target that is a symbolic link is resolved and the file it points to is replaced; the link
itself stays a link (replacing it with a plain file would silently cut it).
"""

from __future__ import annotations

import errno
import os
import re
import shutil
from pathlib import Path

from vscdesk.model import SCHEMA_VERSION, DocumentModel, integrity_errors
from vscdesk.storage import codec, platform
from vscdesk.storage.atomic import (STALE_TEMP_SECONDS, fitting_name, reason, remove_quietly,
                                    replace_file, resolve_target, temp_name)
from vscdesk.storage.errors import SaveError

__all__ = ["STALE_TEMP_SECONDS", "backup_path", "keep_copy", "reason", "resolve_target", "save",
           "stored_version", "version_backup_path"]

# Filesystems without hard links answer with one of these; the backup is then copied.
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP,
             errno.ENOSYS, errno.EACCES}
_VERSION = re.compile(rb'"schema_version"\s*:\s*(-?\d{1,9})\b')


def backup_path(target: Path) -> Path:
    """Where the previous version of ``target`` is kept: ``NAME.bak`` beside it (shortened
    when a long name plus ``.bak`` would be more than the disk takes: every save would fail)."""
    return fitting_name(Path(target), ".bak")


def version_backup_path(target: Path, version: int) -> Path:
    """Where a file of an older schema is kept the first time it is overwritten."""
    return fitting_name(Path(target), f".v{version}.bak")


def stored_version(target: Path) -> int | None:
    """The schema version of the file now at ``target``, if it has a recognisable one."""
    try:
        with open(target, "rb") as stream:
            head = stream.read(65536)
    except OSError:
        return None
    match = _VERSION.search(head)
    return int(match.group(1)) if match else None


def checked_bytes(doc: DocumentModel) -> bytes:
    """The file content of ``doc``, refused unless its references are consistent and it is
    small enough to be opened again.

    Every value in the model was validated when it got there (loading, every edit command, and
    attribute assignment, which the model classes validate), so only what ties objects together
    is checked here; the text is not parsed and validated a second time (validation done twice
    made saving a 10,000-stage map take 0.45 s)."""
    try:
        problems = integrity_errors(doc)
    except (AttributeError, TypeError):  # not a model's shape: serialising says which value
        problems = []
    if problems:
        where, what = problems[0]
        raise SaveError(f"the document is inconsistent: {where} {what}")
    data = codec.encode(doc)
    if len(data) > codec.MAX_FILE_BYTES:  # a file open would refuse is not worth writing
        limit = codec.MAX_FILE_BYTES / 2**20
        raise SaveError(f"the document would be {len(data) / 2**20:.1f} MB; vscdesk opens "
                        f"documents up to {limit:g} MB")
    return data


def keep_copy(source: Path, dest: Path) -> None:
    """Replace ``dest`` atomically with the content of ``source`` (a hard link when possible)."""
    tmp = temp_name(dest, ".bak.tmp")
    try:
        try:
            platform.hard_link(source, tmp)
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            shutil.copyfile(source, tmp)
            with open(tmp, "rb+") as stream:
                platform.sync_file(stream.fileno())
        platform.replace(tmp, dest)
    except BaseException:
        remove_quietly(tmp)
        raise


def _keep_previous(target: Path) -> None:
    """``NAME.bak`` always; ``NAME.vN.bak`` the first time an older schema is overwritten."""
    try:
        old = stored_version(target)
        if old is not None and old < SCHEMA_VERSION:
            keep = version_backup_path(target, old)
            if not os.path.lexists(keep):
                keep_copy(target, keep)
        keep_copy(target, backup_path(target))
    except OSError as exc:
        raise SaveError(f"could not keep the previous version as {backup_path(target).name} "
                        f"({reason(exc)})") from None


def _backup_names(target: Path) -> list[str]:
    return [backup_path(target).name,
            *(version_backup_path(target, v).name for v in range(SCHEMA_VERSION))]


def save(doc: DocumentModel, path: str | os.PathLike[str]) -> Path:
    """Write ``doc`` to ``path`` atomically and return the file written (links resolved)."""
    given = Path(path)
    try:
        data = checked_bytes(doc)
        return replace_file(given, data, error=SaveError, before_replace=_keep_previous,
                            extra_names=_backup_names(resolve_target(given)))
    except SaveError as exc:
        if exc.path is not None:
            raise
        raise SaveError(exc.reason, given, existed=os.path.lexists(given)) from None
    except ValueError:  # a NUL character in the name, met by resolve_target
        raise SaveError("the file name is not valid", given, existed=False) from None
