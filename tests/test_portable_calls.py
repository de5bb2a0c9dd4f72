"""No call that exists (or behaves safely) on one system only, outside storage/platform.py.

Windows's ``os`` has no fchmod/fchown/geteuid..., and its ``os.kill`` terminates the process;
``fcntl`` and ``/proc`` are POSIX's and Linux's, ``msvcrt`` and ``winreg`` Windows's. Code
that needs such a thing asks vscdesk.storage.platform, which says what each system does.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1] / "vscdesk"
ALLOWED = {ROOT / "storage" / "platform.py"}

#: os functions and constants missing on Windows, or (kill) harmful there.
POSIX_ONLY_OS = {
    "kill", "killpg", "fchmod", "fchown", "chown", "lchown", "lchmod", "geteuid", "getegid",
    "getuid", "getgid", "getgroups", "setuid", "seteuid", "setgid", "setegid", "getpgid",
    "setsid", "fork", "forkpty", "statvfs", "fstatvfs", "sync", "fdatasync", "sendfile",
    "mkfifo", "mknod", "uname", "getloadavg", "pipe2", "wait", "O_DIRECTORY", "O_NOFOLLOW",
    "O_CLOEXEC", "ST_RDONLY", "posix_fadvise", "posix_fallocate", "sched_getaffinity",
}
#: os functions Windows has and the others lack.
WINDOWS_ONLY_OS = {"startfile", "add_dll_directory", "O_BINARY", "O_NOINHERIT", "O_TEMPORARY"}
ONE_SYSTEM_MODULES = {"fcntl", "msvcrt", "winreg", "_winreg", "_winapi", "winsound", "pwd",
                      "grp", "termios", "tty", "pty", "resource", "posix", "nt", "syslog"}
ONE_SYSTEM_PATHS = ("/proc/", "/proc", "/sys/", "/dev/shm")


def offences(source: str) -> list[str]:
    """Every one-system call, import or path in ``source``, as "line: what"."""
    found = []
    banned_os = POSIX_ONLY_OS | WINDOWS_ONLY_OS
    for node in ast.walk(ast.parse(source)):
        line = getattr(node, "lineno", 0)
        if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                and node.value.id == "os" and node.attr in banned_os):
            found.append(f"{line}: os.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [f"{line}: from os import {a.name}" for a in node.names
                      if a.name in banned_os or a.name == "*"]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in ONE_SYSTEM_MODULES:
            found.append(f"{line}: from {node.module} import ...")
        elif isinstance(node, ast.Import):
            found += [f"{line}: import {a.name}" for a in node.names
                      if a.name.split(".")[0] in ONE_SYSTEM_MODULES]
        elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
              and node.func.id in ("getattr", "hasattr") and len(node.args) >= 2
              and isinstance(node.args[0], ast.Name) and node.args[0].id == "os"
              and isinstance(node.args[1], ast.Constant) and node.args[1].value in banned_os
              and not _flag_with_fallback(node)):
            found.append(f"{line}: {node.func.id}(os, {node.args[1].value!r})")
        elif (isinstance(node, ast.Constant) and isinstance(node.value, str)
              and node.value.startswith(ONE_SYSTEM_PATHS)):
            found.append(f"{line}: path {node.value!r}")
        elif isinstance(node, ast.JoinedStr) and node.values:
            head = node.values[0]
            if (isinstance(head, ast.Constant) and isinstance(head.value, str)
                    and head.value.startswith(ONE_SYSTEM_PATHS)):
                found.append(f"{line}: path f{head.value!r}...")
    return found


def _flag_with_fallback(call: ast.Call) -> bool:
    """``getattr(os, "O_CLOEXEC", 0)``: an open flag that is simply left out where missing."""
    return call.func.id == "getattr" and len(call.args) == 3 and call.args[1].value.startswith("O_")


def sources() -> list[Path]:
    return sorted(p for p in ROOT.rglob("*.py") if p not in ALLOWED)


def test_the_scan_covers_the_package():
    names = {p.relative_to(ROOT).as_posix() for p in sources()}
    assert {"storage/instances.py", "storage/writer.py", "storage/locks.py", "cli/output.py",
            "app/main_window.py"} <= names


@pytest.mark.parametrize("path", sources(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_one_system_calls_outside_the_platform_module(path):
    problems = offences(path.read_text(encoding="utf-8"))
    assert problems == [], (f"{path.relative_to(ROOT)} uses what only some systems have; ask "
                            f"vscdesk.storage.platform instead: {problems}")


@pytest.mark.parametrize("snippet", [
    "import os\nos.kill(pid, 0)",
    "import os\nos.fchmod(fd, 0o644)",
    "import os\nif (a, b) != (os.geteuid(), os.getegid()): pass",
    "from os import fchown",
    "import fcntl",
    "import msvcrt",
    "from winreg import OpenKey",
    "open(f'/proc/{pid}/stat')",
    "open('/proc/self/status')",
    "import os\nos.startfile(path)",
    "import os\ngetattr(os, 'fchmod', None)(fd, 0o644)",
    "import os\nif hasattr(os, 'geteuid'): pass",
])
def test_the_scan_finds_what_it_must(snippet):
    assert offences(snippet)


def test_the_scan_leaves_portable_code_alone():
    assert offences("import os, sys\nos.replace(a, b)\nos.fsync(fd)\nos.getpid()\n"
                    "if sys.platform == 'darwin': pass\nos.open(p, os.O_WRONLY | os.O_EXCL)\n"
                    "flags = getattr(os, 'O_CLOEXEC', 0)") == []
