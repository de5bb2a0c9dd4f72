"""Everything about files and processes that differs between Windows, macOS and Linux; no Qt.

The rest of vscdesk calls these functions instead of the operating system's own when the
answer depends on the platform, so a defect that would show on one system only (a call that
Windows's ``os`` lacks, ``os.kill`` terminating a process there, ``/proc`` being Linux's) lives
in this module or nowhere; ``tests/storage/test_portable_calls.py`` keeps it that way. The
platform is looked up on every call (``os.name``, ``sys.platform``), never cached at import,
so the tests can run the same code as Windows or macOS would.
"""

from __future__ import annotations

import errno
import ntpath
import os
import stat
import sys
import time
from pathlib import Path

#: Windows error codes of a file another program holds open (access denied, sharing and
#: lock violation): what ``os.replace`` meets when a scanner or a sync client reads the target.
_HELD_OPEN = {5, 32, 33}
#: Pauses between attempts to replace a file that is held open (about 1.5 s in all).
REPLACE_BACKOFF = (0.05, 0.1, 0.2, 0.4, 0.8)
#: Start times of one process read by two processes may differ this much (seconds).
START_TOLERANCE = 1.0
_sleep = time.sleep  # tests record the pauses instead of waiting


def system() -> str:
    """"windows", "macos" or "linux" (any other POSIX system counts as linux)."""
    if os.name == "nt":
        return "windows"
    return "macos" if sys.platform == "darwin" else "linux"


# --- processes -------------------------------------------------------------------------------

def process_start(pid: int) -> float | None:
    """When a process started (seconds since the epoch); None if it is gone or hidden from us.

    psutil reads it from the kernel on every system (``/proc`` on Linux, ``sysctl`` on macOS,
    ``GetProcessTimes`` on Windows), so together with the pid it names one process: a pid
    reused after a crash comes with another start time."""
    import psutil  # loaded on first use: start-up does not pay for it

    if pid <= 0:
        return None
    try:
        return psutil.Process(pid).create_time()
    except (psutil.Error, OSError):
        return None


def process_alive(pid: int) -> bool:
    """Whether a process with this id exists, asked without disturbing it.

    Windows: psutil opens the process (``OpenProcess``); ``os.kill(pid, 0)`` must never be used
    there, as it calls ``TerminateProcess`` and would end the other window with its edits.
    macOS and Linux: psutil sends the null signal, which only checks. A zombie (exited, not yet
    reaped by its parent) counts as gone: its edits are no longer being made."""
    import psutil

    if pid <= 0 or not psutil.pid_exists(pid):
        return False
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
    except (psutil.Error, OSError):
        return True  # exists, but belongs to someone we may not inspect


def same_start(recorded: float, now: float) -> bool:
    """Whether two readings of a start time are the same process.

    On Linux and macOS the start time is derived from the boot time, which the kernel recomputes
    from the wall clock, so readings taken by two processes can drift apart by a clock
    correction; a pid reused by a new process starts seconds later, not milliseconds."""
    return abs(recorded - now) <= START_TOLERANCE


# --- writing files ---------------------------------------------------------------------------

def match_owner_and_mode(fd: int, like: os.stat_result, mode: int) -> None:
    """Make a new temp file (open as ``fd``) carry the permissions and owner of ``like``.

    Linux and macOS: ``fchmod`` restores what the umask narrowed at creation; ``fchown`` keeps
    the owner when root (or a shared group) saves another user's file, and is skipped silently
    when not allowed. Windows: has neither call nor POSIX owners (access lists are inherited
    from the folder), so there is nothing to do."""
    if system() == "windows":
        return
    os.fchmod(fd, mode)
    if (like.st_uid, like.st_gid) != (os.geteuid(), os.getegid()):
        try:
            os.fchown(fd, like.st_uid, like.st_gid)
        except OSError:
            pass  # only root may give a file away; keeping ours is fine


def sync_file(fd: int) -> None:
    """Push a written file's bytes to the disk before it replaces anything.

    Linux: ``fsync``. Windows: ``fsync`` is ``FlushFileBuffers``. macOS: ``fsync`` only hands the
    data to the drive, which may keep it in its cache across a power loss; ``F_FULLFSYNC`` asks
    the drive to write it out (falling back to ``fsync`` where the filesystem refuses)."""
    if system() == "macos":
        import fcntl

        full = getattr(fcntl, "F_FULLFSYNC", None)
        if full is not None:
            try:
                fcntl.fcntl(fd, full)
                return
            except OSError:
                pass
    os.fsync(fd)


def sync_folder(folder: str | os.PathLike[str]) -> None:
    """Make a rename inside ``folder`` survive a power loss, where the system allows it.

    Linux and macOS: open the folder and ``fsync`` it (some network filesystems refuse; the file
    itself is already synced, so that is ignored). Windows: a folder cannot be opened as a file
    and NTFS journals renames itself: nothing to do."""
    if system() == "windows":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class FileInUseError(OSError):
    """The target is held open by another program and could not be replaced."""


def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Rename ``source`` over ``target`` in one step; the target is the old or the new file.

    Linux and macOS: ``rename`` succeeds even while other programs read the target. Windows:
    ``MoveFileEx`` fails while another program (an antivirus scanner, OneDrive or Dropbox, or
    Explorer's preview pane) has the target open without sharing deletion; such holds last
    moments, so the rename is retried with growing pauses, then ``FileInUseError`` says so in
    one line. The caller removes ``source`` on failure; the target is never half written."""
    for pause in (*REPLACE_BACKOFF, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if system() != "windows" or _read_only(target):
                raise
            if getattr(exc, "winerror", 5) not in _HELD_OPEN:
                raise
            if pause is None:
                raise FileInUseError(errno.EBUSY, "another program has the file open (an "
                                     "antivirus scanner, a sync client such as OneDrive, or a "
                                     "preview); close it or wait a moment, then try again",
                                     os.fspath(target)) from None
            _sleep(pause)


def _read_only(path: str | os.PathLike[str]) -> bool:
    try:
        return not os.stat(path).st_mode & stat.S_IWRITE
    except OSError:
        return False


def hard_link(source: str | os.PathLike[str], dest: str | os.PathLike[str]) -> None:
    """A second name for ``source``'s bytes (the ``NAME.bak`` of a save costs no copy).

    Linux and macOS: ``link`` without following a symbolic link. Windows: NTFS hard links
    (``CreateHardLink``), which never follow links; FAT and network drives raise OSError and
    the caller copies instead."""
    if os.link in os.supports_follow_symlinks:
        os.link(source, dest, follow_symlinks=False)
    else:
        os.link(source, dest)


def read_only_mount(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` lies on a filesystem mounted read-only.

    Linux and macOS: ``statvfs``. Windows: no such call; the write itself reports it."""
    statvfs = getattr(os, "statvfs", None)
    if system() == "windows" or statvfs is None:
        return False
    try:
        return bool(statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def path_key(path: str | os.PathLike[str]) -> str:
    """One spelling for every way of naming the same file (lock files are found by it).

    Linux: the resolved path as it is (names differing in case are different files). macOS
    (APFS and HFS+ as installed) and Windows (NTFS) ignore case, so the key is case-folded;
    on Windows separators are unified too."""
    text = str(Path(path).expanduser().resolve())
    kind = system()
    if kind == "windows":
        return ntpath.normcase(text)
    return text.casefold() if kind == "macos" else text


# --- names that travel -----------------------------------------------------------------------

_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"{d}{n}" for d in ("COM", "LPT")
                                          for n in "0123456789\u00b9\u00b2\u00b3")}
_FORBIDDEN_CHARS = '<>:"/\\|?*'


def name_problem(name: str) -> str | None:
    """Why Windows would refuse ``name`` as a file name, or None when every system accepts it.

    Checked on every platform: a map exported as ``aux.png`` on a Mac cannot be unpacked on a
    colleague's Windows laptop, and a synced folder would fail to sync it."""
    if not name or name in (".", ".."):
        return "the file name is empty"
    bad = sorted({ch for ch in name if ch in _FORBIDDEN_CHARS or ord(ch) < 32})
    if bad:
        shown = " ".join(f"“{repr(ch)[1:-1] if ord(ch) < 32 else ch}”" for ch in bad)
        return f"the file name contains {shown}, which Windows does not allow in names"
    if name[-1] in ". ":
        return "the file name ends with a dot or a space, which Windows drops"
    stem = name.split(".", 1)[0].rstrip(" ").upper()
    if stem in _RESERVED:
        return f"{stem} is a device name on Windows and cannot name a file"
    return None


class BadFileName(ValueError):
    """An output name that would not work on every system; the message is one line."""


def check_file_name(path: str | os.PathLike[str]) -> None:
    """Refuse an output whose last name part Windows forbids (folders are the user's own)."""
    name = Path(path).name if str(path) else ""
    problem = name_problem(name)
    if problem:
        raise BadFileName(f"{name or path}: {problem}")
