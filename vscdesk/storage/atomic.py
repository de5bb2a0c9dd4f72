"""The one way vscdesk replaces a file: documents, exports, CSV, XML, schemas, snapshots, merges.

``write_output(path, data)`` is what every output calls. It refuses what must not be replaced
(a folder, a device, a FIFO, a read-only file, a file on a read-only disk), writes
``.NAME.<random>.tmp`` beside the target, checks every byte went out and the file has exactly
that size, fsyncs it, runs the caller's ``before_replace`` (the native save keeps ``NAME.bak``
there), then ``os.replace``s the temp onto the target and fsyncs the folder. Any failure
removes the temp and raises one error (``OutputError``, or the caller's ``SaveError`` class)
whose message names the file as the user gave it, never the temporary file.

A target that is a symbolic link to a regular file is resolved and the file it points to is
replaced; the link stays a link. New files get the usual permissions (0666 minus the umask),
or ``new_mode``; an existing file keeps its permissions and, where allowed, its owner.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from vscdesk.storage import platform
from vscdesk.storage.errors import OutputError, SaveError

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EFBIG: "the file would be too large for this disk",
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
#: Temp files older than this were left by a write that was killed; a later write removes them.
STALE_TEMP_SECONDS = 600
_NAME_MAX = 255
_TEMP_STEM = 80  # temp names keep this much of the target's name: short enough for any disk

#: Called with the resolved target once the temp file is complete, just before the replace.
BeforeReplace = Callable[[Path], None]


def reason(exc: OSError) -> str:
    """A short phrase for an OS error, as the end of "Could not save NAME: ..."."""
    return _REASONS.get(exc.errno or 0, exc.strerror or "the system refused it").rstrip(".")


def name_max(folder: Path) -> int:
    """The longest file name (in bytes) the folder's file system takes."""
    try:
        return int(os.pathconf(folder, "PC_NAME_MAX"))
    except (OSError, ValueError, AttributeError):  # no pathconf (Windows) or no folder yet
        return _NAME_MAX


def fitting_name(target: Path, suffix: str) -> Path:
    """``target`` + ``suffix`` beside it, the stem shortened (with a hash of the whole name, so
    different long names stay apart) when the full name would be longer than the disk allows."""
    full = target.name + suffix
    limit = name_max(target.parent)
    if len(os.fsencode(full)) <= limit:
        return target.with_name(full)
    import hashlib

    tag = "~" + hashlib.sha256(os.fsencode(target.name)).hexdigest()[:8]
    room = max(1, limit - len(os.fsencode(tag + suffix)))
    stem = os.fsencode(target.name)[:room].decode("utf-8", "ignore")
    return target.with_name(stem + tag + suffix)


def temp_name(target: Path, suffix: str = ".tmp") -> Path:
    """A fresh hidden name beside ``target``."""
    return target.with_name(f".{target.name[:_TEMP_STEM]}.{secrets.token_hex(6)}{suffix}")


def temp_pattern(names: Iterable[str]) -> re.Pattern[str]:
    """What ``temp_name`` makes for any of ``names`` (with ``.tmp`` or ``.bak.tmp``)."""
    alternatives = "|".join(re.escape(name[:_TEMP_STEM]) for name in names)
    return re.compile(rf"^\.({alternatives})\.[0-9a-f]{{12}}(\.bak)?\.tmp$")


def sweep_stale_temps(folder: Path, pattern: re.Pattern[str]) -> None:
    """Remove temp files that killed writes left behind (never a fresh one, which may belong
    to a write running right now in another process)."""
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    for entry in entries:
        if pattern.match(entry.name):
            try:
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_TEMP_SECONDS:
                    os.unlink(entry.path)
            except OSError:
                pass


def remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class Refused(Exception):
    """The target must not be replaced; the message says why."""


def existing_target(given: Path) -> os.stat_result | None:
    """The stat of the file a write to ``given`` replaces (links followed); None if there is
    none yet. Raises OSError, or ``Refused`` with the reason for refusing."""
    try:
        info = os.stat(given)
    except FileNotFoundError:
        os.stat(given.parent if str(given.parent) else ".")  # a missing folder says so
        return None
    if stat.S_ISDIR(info.st_mode):
        raise Refused("a folder has that name")
    if not stat.S_ISREG(info.st_mode):
        # A device, FIFO, socket or a link to one (/dev/null, /proc/self/fd/1): replacing it
        # with a plain file would silently break what it is.
        raise Refused("it is not a regular file (vscdesk writes only regular files)")
    # Root may write anywhere; a file nobody may write was made read-only on purpose.
    if not info.st_mode & 0o222:
        raise Refused("the file is read-only")
    if platform.read_only_mount(given):
        raise OSError(errno.EROFS, "")
    effective = os.access in os.supports_effective_ids
    if not os.access(given, os.W_OK, effective_ids=effective):
        raise Refused("permission denied (you may not change this file)")
    return info


def resolve_target(path: str | os.PathLike[str]) -> Path:
    """The file a write to ``path`` really replaces: symbolic links followed, made absolute."""
    return Path(os.path.realpath(os.fspath(path)))


def write_temp(target: Path, data: bytes, like: os.stat_result | None,
               new_mode: int = 0o666) -> Path:
    """``data`` in a complete, synced temp file beside ``target``, with the old file's
    permissions (or ``new_mode`` narrowed by the umask for a new file)."""
    tmp = temp_name(target)
    mode = stat.S_IMODE(like.st_mode) if like else new_mode
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(tmp, flags, mode)
    try:
        if like:
            platform.match_owner_and_mode(fd, like, mode)  # the umask narrowed it at creation
        view = memoryview(data)
        while view:
            written = os.write(fd, view)
            if written <= 0:  # a write that makes no progress would loop forever
                raise OSError(errno.EIO, "")
            view = view[written:]
        platform.sync_file(fd)
        if os.fstat(fd).st_size != len(data):  # what is on disk is what was produced
            raise OSError(errno.EIO, "")
    except BaseException:
        os.close(fd)
        remove_quietly(tmp)
        raise
    try:
        os.close(fd)  # some network file systems report a failed write only here
    except OSError:
        remove_quietly(tmp)
        raise
    return tmp


def replace_file(path: str | os.PathLike[str], data: bytes, *, error: type[SaveError] = OutputError,
                 before_replace: BeforeReplace | None = None, new_mode: int = 0o666,
                 extra_names: Iterable[str] = ()) -> Path:
    """Replace the file at ``path`` with ``data`` atomically; return the file written (links
    resolved). Raises ``error`` (one line naming ``path``); on failure the old file is intact
    and no temp file is left. ``extra_names``: other files whose stale temps may be swept."""
    given = Path(path)
    try:
        like = existing_target(given)
        target = resolve_target(given)
    except Refused as exc:
        raise error(str(exc), given) from None
    except ValueError:  # a NUL character in the name
        raise error("the file name is not valid", given, existed=False) from None
    except OSError as exc:
        raise error(reason(exc), given, existed=False) from None
    try:
        tmp = write_temp(target, data, like, new_mode)
    except OSError as exc:
        raise error(reason(exc), given, existed=like is not None) from None
    try:
        if like is not None and before_replace is not None:
            before_replace(target)
        platform.replace(tmp, target)
    except OSError as exc:
        raise error(reason(exc), given, existed=like is not None) from None
    finally:
        if os.path.lexists(tmp):
            remove_quietly(tmp)
    platform.sync_folder(target.parent)
    sweep_stale_temps(target.parent, temp_pattern((target.name, *extra_names)))
    return target


def write_output(path: str | os.PathLike[str], data: bytes, *, new_mode: int = 0o666) -> Path:
    """Replace ``path`` with ``data`` the safe way; raises ``OutputError`` (one line: "Could not
    write NAME: REASON. ..."). Every export and conversion writes through this."""
    return replace_file(path, data, error=OutputError, new_mode=new_mode)
