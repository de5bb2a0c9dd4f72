"""Save a document atomically: the file on disk is always either the old or the new version.

Steps: check the document, write ``.NAME.<random>.tmp`` beside the target, flush and fsync it,
keep the previous file as ``NAME.bak`` (and, the first time a file of an older schema is
overwritten, as ``NAME.v<N>.bak``), ``os.replace`` the temp onto the target, fsync the folder.
Any failure removes the temp file and raises ``SaveError``; nothing is ever written in place.
Temp files left by a killed save are removed by a later successful save once they are stale.

A target that is a symbolic link is resolved and the file it points to is replaced; the link
itself stays a link (replacing it with a plain file would silently cut it).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path

from vscdesk.model import SCHEMA_VERSION, DocumentModel, integrity_errors
from vscdesk.storage import codec
from vscdesk.storage.errors import SaveError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "the folder does not exist",
    errno.EISDIR: "a folder has that name",
    errno.ENAMETOOLONG: "the file name is too long",
    errno.ELOOP: "too many levels of symbolic links",
    errno.EIO: "the disk reported an input/output error",
}
# Filesystems without hard links answer with one of these; the backup is then copied.
_NO_LINKS = {errno.EPERM, errno.EXDEV, errno.EMLINK, errno.ENOTSUP, errno.EOPNOTSUPP,
             errno.ENOSYS, errno.EACCES}
_VERSION = re.compile(rb'"schema_version"\s*:\s*(-?\d{1,9})\b')
#: Temp files older than this were left by a save that was killed; a later save removes them.
STALE_TEMP_SECONDS = 600


def reason(exc: OSError) -> str:
    """A short phrase for an OS error, as the end of "Could not save NAME: ..."."""
    return _REASONS.get(exc.errno or 0, exc.strerror or str(exc)).rstrip(".")


def backup_path(target: Path) -> Path:
    """Where the previous version of ``target`` is kept: ``NAME.bak`` beside it."""
    return target.with_name(target.name + ".bak")


def version_backup_path(target: Path, version: int) -> Path:
    """Where a file of an older schema is kept the first time it is overwritten."""
    return target.with_name(f"{target.name}.v{version}.bak")


def stored_version(target: Path) -> int | None:
    """The schema version of the file now at ``target``, if it has a recognisable one."""
    try:
        with open(target, "rb") as stream:
            head = stream.read(65536)
    except OSError:
        return None
    match = _VERSION.search(head)
    return int(match.group(1)) if match else None


def _checked_bytes(doc: DocumentModel) -> bytes:
    """The file content of ``doc``, refused unless its references are consistent.

    Every value in the model was validated when it got there (loading, every edit command, and
    attribute assignment, which the model classes validate), so only what ties objects together
    is checked here; the text is not parsed and validated a second time (issue 8: validation
    done twice made saving a 10,000-stage map take 0.45 s)."""
    try:
        problems = integrity_errors(doc)
    except (AttributeError, TypeError):  # not a model's shape: serialising says which value
        problems = []
    if problems:
        where, what = problems[0]
        raise SaveError(f"the document is inconsistent: {where} {what}")
    return codec.encode(doc)


def _sibling(target: Path, suffix: str) -> Path:
    """A fresh hidden name beside ``target`` (short enough for any filesystem)."""
    return target.with_name(f".{target.name[:80]}.{secrets.token_hex(6)}{suffix}")


def _sweep_stale_temps(target: Path) -> None:
    """Remove temp files that killed saves of ``target`` left behind (never a fresh one,
    which may belong to a save running right now in another process)."""
    names = (target.name[:80], backup_path(target).name[:80],
             *(version_backup_path(target, v).name[:80] for v in range(SCHEMA_VERSION)))
    pattern = re.compile(r"^\.(%s)\.[0-9a-f]{12}(\.bak)?\.tmp$" % "|".join(map(re.escape, names)))
    now = time.time()
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if pattern.match(entry.name):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)
            except OSError:
                pass


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return  # not possible on every platform; the file itself is already synced
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _write_temp(target: Path, data: bytes, like: os.stat_result | None) -> Path:
    """``data`` in a synced temp file beside ``target``, with the old file's permissions."""
    tmp = _sibling(target, ".tmp")
    mode = stat.S_IMODE(like.st_mode) if like else 0o666
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(tmp, flags, mode)
    try:
        if like:
            os.fchmod(fd, mode)  # the umask narrowed it at creation
            if (like.st_uid, like.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(fd, like.st_uid, like.st_gid)
                except OSError:
                    pass  # only root may give a file away; keeping ours is fine
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        _remove(tmp)
        raise
    try:
        os.close(fd)
    except OSError:
        _remove(tmp)
        raise
    return tmp


def keep_copy(source: Path, dest: Path) -> None:
    """Replace ``dest`` atomically with the content of ``source`` (a hard link when possible)."""
    tmp = _sibling(dest, ".bak.tmp")
    try:
        try:
            os.link(source, tmp, follow_symlinks=False)
        except OSError as exc:
            if exc.errno not in _NO_LINKS:
                raise
            shutil.copyfile(source, tmp)
            with open(tmp, "rb+") as stream:
                os.fsync(stream.fileno())
        os.replace(tmp, dest)
    except BaseException:
        _remove(tmp)
        raise


def _keep_previous(target: Path) -> None:
    """``NAME.bak`` always; ``NAME.vN.bak`` the first time an older schema is overwritten."""
    old = stored_version(target)
    if old is not None and old < SCHEMA_VERSION:
        keep = version_backup_path(target, old)
        if not os.path.lexists(keep):
            keep_copy(target, keep)
    keep_copy(target, backup_path(target))


def _read_only_mount(target: Path) -> bool:
    try:
        return bool(os.statvfs(target).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (Windows): the write itself will tell
        return False


def _existing(target: Path, given: Path) -> os.stat_result | None:
    """The stat of the file being replaced, refusing what must not be replaced."""
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise SaveError(reason(exc), given) from None
    if stat.S_ISDIR(info.st_mode):
        raise SaveError("a folder has that name", given)
    if not stat.S_ISREG(info.st_mode):
        raise SaveError("it is not a regular file", given)
    # Root may write anywhere; a file nobody may write was made read-only on purpose.
    if not info.st_mode & 0o222:
        raise SaveError("the file is read-only", given)
    if _read_only_mount(target):
        raise SaveError(reason(OSError(errno.EROFS, "")), given)
    effective = os.access in os.supports_effective_ids
    if not os.access(target, os.W_OK, effective_ids=effective):
        raise SaveError("permission denied (you may not change this file)", given)
    return info


def resolve_target(path: str | os.PathLike[str]) -> Path:
    """The file a save to ``path`` really replaces: symbolic links followed, made absolute."""
    return Path(os.path.realpath(os.fspath(path)))


def save(doc: DocumentModel, path: str | os.PathLike[str]) -> Path:
    """Write ``doc`` to ``path`` atomically and return the file written (links resolved)."""
    given = Path(path)
    try:
        data = _checked_bytes(doc)
    except SaveError as exc:
        raise exc.with_path(given) from None
    try:
        target = resolve_target(given)
    except ValueError:  # a NUL character in the name
        raise SaveError("the file name is not valid", given) from None
    like = _existing(target, given)
    try:
        tmp = _write_temp(target, data, like)
    except OSError as exc:
        raise SaveError(reason(exc), given) from None
    try:
        if like is not None:
            try:
                _keep_previous(target)
            except OSError as exc:
                raise SaveError(f"could not keep the previous version as "
                                f"{backup_path(target).name} ({reason(exc)})", given) from None
        os.replace(tmp, target)
    except OSError as exc:
        raise SaveError(reason(exc), given) from None
    finally:
        if tmp.exists():
            _remove(tmp)
    _fsync_dir(target.parent)
    _sweep_stale_temps(target)
    return target
