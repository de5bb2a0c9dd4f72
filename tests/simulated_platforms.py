"""Run vscdesk's own code as Windows or macOS would, on this Linux machine.

What vscdesk's modules see as ``os`` is replaced by a copy shaped like the other system's:
the functions that system's ``os`` lacks are removed, ``os.name`` and (for the platform module)
``sys.platform`` say which system it is, reading ``/proc`` fails as it does there, and
``os.kill`` is a trap that fails the test (on Windows it would end the process it asks
about). The standard library and psutil keep the real ``os``: on the real system they are
that system's own implementations. Paths keep POSIX syntax, as the files really live on this
disk; Windows path rules that vscdesk applies itself (case-blind lock keys, forbidden names)
follow ``os.name``.
"""

from __future__ import annotations

import builtins
import importlib
import os
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

#: What Python's ``os`` lacks on Windows (3.11/3.12), of what a desktop app could reach for.
NOT_ON_WINDOWS = (
    "fchmod", "fchown", "chown", "lchown", "lchmod", "geteuid", "getegid", "getuid", "getgid",
    "getgroups", "setuid", "seteuid", "setgid", "setegid", "getpgid", "killpg", "fork",
    "forkpty", "setsid", "statvfs", "fstatvfs", "sync", "fdatasync", "sendfile", "pread",
    "pwrite", "mkfifo", "mknod", "uname", "getloadavg", "pipe2", "wait",
    "getpwuid", "O_DIRECTORY", "O_NOFOLLOW", "O_CLOEXEC", "O_NONBLOCK", "O_SYNC", "O_DSYNC",
    "ST_RDONLY", "posix_fadvise", "posix_fallocate", "sched_getaffinity", "memfd_create",
)
#: What only Linux has (absent on macOS too).
NOT_ON_MACOS = (
    "pipe2", "memfd_create", "posix_fadvise", "posix_fallocate", "sched_getaffinity",
    "O_DIRECT", "O_PATH", "O_TMPFILE", "O_NOATIME", "getxattr", "setxattr", "listxattr",
    "removexattr", "copy_file_range", "splice", "eventfd",
)
PLATFORMS = {"windows": ("nt", "win32", NOT_ON_WINDOWS),
             "macos": ("posix", "darwin", NOT_ON_MACOS)}
#: vscdesk modules these tests drive; imported before the surface is swapped in.
MODULES = ("vscdesk.storage", "vscdesk.storage.platform", "vscdesk.storage.instances",
           "vscdesk.storage.locks", "vscdesk.storage.journal", "vscdesk.storage.writer",
           "vscdesk.storage.atomic", "vscdesk.cli", "vscdesk.cli.output", "vscdesk.cli.export",
           "vscdesk.cli.render", "vscdesk.cli.convert", "vscdesk.paint.export")


class Surface:
    """What a simulated system recorded: the calls that would have gone wrong there."""

    def __init__(self, system: str) -> None:
        self.system = system
        self.kills: list[tuple] = []
        self.proc_reads: list[str] = []
        self.full_syncs = 0

    def kill(self, pid, sig):
        self.kills.append((pid, sig))
        pytest.fail(f"vscdesk called os.kill({pid}, {sig}) on {self.system}: "
                    "on Windows that terminates the process")

    def guarded_open(self, file, *args, **kwargs):
        if str(os.fspath(file) if isinstance(file, os.PathLike) else file).startswith("/proc"):
            self.proc_reads.append(str(file))
            raise FileNotFoundError(2, f"No such file or directory (no /proc on {self.system})",
                                    str(file))
        return builtins.open(file, *args, **kwargs)


def fake_os(system: str, surface: Surface) -> types.ModuleType:
    name, _, missing = PLATFORMS[system]
    fake = types.ModuleType("os")
    fake.__dict__.update({k: v for k, v in vars(os).items() if k not in missing})
    fake.name = name
    fake.kill = surface.kill
    if system == "windows":
        fake.supports_effective_ids = set()
        fake.supports_follow_symlinks = {os.stat}
    return fake


def fake_sys(platform: str) -> types.ModuleType:
    fake = types.ModuleType("sys")
    fake.platform = platform
    fake.__getattr__ = lambda attr: getattr(sys, attr)  # everything else is the real sys
    return fake


def fake_fcntl(surface: Surface) -> types.ModuleType:
    """macOS's fcntl, with the F_FULLFSYNC that Linux's lacks (counted, then a plain fsync)."""
    import fcntl as real

    fake = types.ModuleType("fcntl")
    fake.__dict__.update(vars(real))
    fake.F_FULLFSYNC = 51

    def fcntl(fd, cmd, arg=0):
        if cmd == fake.F_FULLFSYNC:
            surface.full_syncs += 1
            os.fsync(fd)
            return 0
        return real.fcntl(fd, cmd, arg)

    fake.fcntl = fcntl
    return fake


@contextmanager
def simulated(system: str) -> Iterator[Surface]:
    """vscdesk's loaded modules see ``system``'s os surface for the duration of the block."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        yield from _swap(system, monkeypatch)


def _swap(system: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Surface]:
    surface = Surface(system)
    for module in MODULES:
        importlib.import_module(module)
    _, platform, _ = PLATFORMS[system]
    os_surface = fake_os(system, surface)
    for module in [m for n, m in sys.modules.items() if n.startswith("vscdesk") and m]:
        if getattr(module, "os", None) is os:
            monkeypatch.setattr(module, "os", os_surface)
        if getattr(module, "sys", None) is sys:
            monkeypatch.setattr(module, "sys", fake_sys(platform))
        monkeypatch.setattr(module, "open", surface.guarded_open, raising=False)
    if system == "macos":
        monkeypatch.setitem(sys.modules, "fcntl", fake_fcntl(surface))
    elif "fcntl" in sys.modules:
        monkeypatch.setitem(sys.modules, "fcntl", None)  # Windows has no fcntl: import fails
    yield surface
    assert surface.kills == [], f"os.kill was called on {system}"
