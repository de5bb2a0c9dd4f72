"""Before `make run` opens the window: does Qt's xcb platform plugin find its system libraries?

pip installs PySide6 but not the X11 libraries its xcb plugin loads (libxcb-cursor0,
libxcb-icccm4, libxkbcommon-x11-0...). Without them Qt stops with "could not load the Qt
platform plugin xcb" and a page of advice. This script runs ``ldd`` on the plugin of the
installed PySide6, maps every library it does not find to its Debian/Ubuntu package, installs
those with apt-get when it can (as root, or through sudo, as packaging/need-tools.sh does), and
otherwise stops with one line naming the exact command.

Run with the project's Python: ``.venv/bin/python packaging/xcb_check.py``. Nothing to do off
Linux, or when QT_QPA_PLATFORM picks another platform (offscreen, wayland).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

#: sonames the xcb plugin and the Qt libraries under it load, and the Debian/Ubuntu packages
#: shipping them; any other "libNAME.so.N" is guessed by Debian's naming rule (``package_for``)
PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libOpenGL.so.0": "libopengl0",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
}

_NOT_FOUND = re.compile(r"^\s*(\S+\.so(?:\.\d+)*)\s+=>\s+not found\s*$", re.MULTILINE)


def missing_libraries(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reported as "not found", each once, in the order it named them."""
    return list(dict.fromkeys(_NOT_FOUND.findall(ldd_output)))


def package_for(soname: str) -> str:
    """The Debian/Ubuntu package shipping a library: known ones from ``PACKAGES``, others by
    Debian's rule (libfoo.so.3 → libfoo3; libfoo2.so.3 → libfoo2-3; lower case)."""
    if soname in PACKAGES:
        return PACKAGES[soname]
    match = re.fullmatch(r"(lib[^/]+?)\.so\.(\d+)(?:\.\d+)*", soname)
    if match is None:
        return soname.lower()
    name, version = match.groups()
    return f"{name}{'-' if name[-1].isdigit() else ''}{version}".lower()


def packages_for(sonames: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(package_for(soname) for soname in sonames))


def install_command(packages: Sequence[str]) -> str:
    return "sudo apt-get install " + " ".join(packages)


def message(sonames: Sequence[str]) -> str:
    """The one line shown when the libraries are missing and cannot be installed from here."""
    return (f"vscdesk: Qt's xcb platform plugin needs system libraries that are missing "
            f"({', '.join(sonames)}); install them with: {install_command(packages_for(sonames))}")


def wants_xcb(platform: str = sys.platform, env: dict[str, str] | None = None) -> bool:
    """Will Qt try the xcb plugin? Only on Linux, and not when QT_QPA_PLATFORM names another."""
    env = os.environ if env is None else env
    if not platform.startswith("linux"):
        return False
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    first = re.split(r"[;:]", chosen)[0].strip() if chosen else ""
    return first in ("", "xcb")


def plugin_path() -> Path | None:
    spec = importlib.util.find_spec("PySide6")  # finds the package without loading Qt
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "Qt/plugins/platforms/libqxcb.so"
    return path if path.is_file() else None


def run_ldd(plugin: Path) -> str | None:
    ldd = shutil.which("ldd")
    if ldd is None:
        return None
    done = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, check=False)
    return done.stdout


Runner = Callable[[list[str]], int]


def _run(command: list[str]) -> int:
    return subprocess.run(command, check=False).returncode


def try_install(packages: Sequence[str], is_root: bool, have: Callable[[str], str | None],
                run: Runner = _run) -> bool:
    """Install with apt-get as root, or through sudo; False when neither is possible or
    apt-get failed."""
    if have("apt-get") is None:
        return False
    if is_root:
        prefix: list[str] = []
    elif have("sudo") is not None:
        prefix = ["sudo"]
    else:
        return False
    print(f"vscdesk: installing the libraries Qt's xcb plugin needs: {' '.join(packages)}",
          flush=True)
    if run([*prefix, "apt-get", "update", "-qq"]) != 0:
        return False
    return run([*prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
                "-qq", "--no-install-recommends", *packages]) == 0


def check(ldd: Callable[[Path], str | None] = run_ldd, is_root: bool | None = None,
          have: Callable[[str], str | None] = shutil.which, run: Runner = _run,
          plugin: Path | None = None, platform: str = sys.platform,
          env: dict[str, str] | None = None) -> int:
    """0 when the window can start (or the check does not apply), else 1 after one line on
    stderr naming the install command."""
    if not wants_xcb(platform, env):
        return 0
    plugin = plugin or plugin_path()
    if plugin is None:
        return 0  # no xcb plugin in this PySide6: Qt will say what it can use
    output = ldd(plugin)
    if output is None:
        return 0  # no ldd to ask; Qt's own message remains
    sonames = missing_libraries(output)
    if not sonames:
        return 0
    root = os.geteuid() == 0 if is_root is None else is_root
    if try_install(packages_for(sonames), root, have, run):
        after = ldd(plugin)
        sonames = missing_libraries(after or "")
        if not sonames:
            return 0
    print(message(sonames), file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(check())
