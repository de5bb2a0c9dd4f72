"""`make run` checks the xcb plugin's system libraries first (packaging/xcb_check.py)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
from packaging_support import PACKAGING

spec = importlib.util.spec_from_file_location("xcb_check", PACKAGING / "xcb_check.py")
xcb_check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(xcb_check)

PLUGIN = Path("/venv/PySide6/Qt/plugins/platforms/libqxcb.so")

#: ldd on the plugin of a fresh Debian 12 machine, shortened; three libraries missing
LDD_MISSING = """\
\tlinux-vdso.so.1 (0x00007ffd5b3f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/plugins/platforms/../../lib/libQt6XcbQpa.so.6 (0x00007f03b573e000)
\tlibxkbcommon-x11.so.0 => /lib/x86_64-linux-gnu/libxkbcommon-x11.so.0 (0x00007f03b5723000)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-util.so.1 => /lib/x86_64-linux-gnu/libxcb-util.so.1 (0x00007f03b5714000)
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f03b4373000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
"""
LDD_COMPLETE = "\n".join(line for line in LDD_MISSING.splitlines() if "not found" not in line)
WANTED = ["libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"]


def test_missing_libraries_are_read_from_ldd_once_each():
    assert xcb_check.missing_libraries(LDD_MISSING) == [
        "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"]
    assert xcb_check.missing_libraries(LDD_COMPLETE) == []


def test_libraries_map_to_debian_packages():
    assert xcb_check.packages_for(xcb_check.missing_libraries(LDD_MISSING)) == WANTED
    assert xcb_check.package_for("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    # not in the table: Debian's naming rule
    assert xcb_check.package_for("libxcb-present.so.0") == "libxcb-present0"
    assert xcb_check.package_for("libfoo2.so.3") == "libfoo2-3"


class Machine:
    """A pretend machine: what ldd says before and after an install, and the commands run."""

    def __init__(self, after: str = LDD_COMPLETE, tools=("apt-get", "sudo"), status: int = 0):
        self.outputs = [LDD_MISSING, after]
        self.tools = tools
        self.status = status
        self.commands: list[list[str]] = []

    def ldd(self, plugin: Path) -> str:
        assert plugin == PLUGIN
        return self.outputs.pop(0)

    def have(self, name: str) -> str | None:
        return f"/usr/bin/{name}" if name in self.tools else None

    def run(self, command: list[str]) -> int:
        self.commands.append(command)
        return self.status

    def check(self, is_root: bool, **kwargs) -> int:
        return xcb_check.check(ldd=self.ldd, is_root=is_root, have=self.have, run=self.run,
                               plugin=PLUGIN, platform="linux", env={}, **kwargs)


def test_without_root_or_sudo_one_line_names_the_install_command(capsys):
    machine = Machine(tools=("apt-get",))
    assert machine.check(is_root=False) == 1
    assert machine.commands == []  # nothing tried
    err = capsys.readouterr().err.strip()
    assert "\n" not in err
    assert err.endswith("install them with: sudo apt-get install " + " ".join(WANTED))
    assert "libxcb-cursor.so.0" in err


def test_root_installs_the_packages_with_apt_get(capsys):
    machine = Machine(tools=("apt-get",))
    assert machine.check(is_root=True) == 0
    update, install = machine.commands
    assert update == ["apt-get", "update", "-qq"]
    assert install[0] == "env" and "apt-get" in install and install[-3:] == WANTED
    assert capsys.readouterr().err == ""


def test_a_user_with_sudo_installs_through_sudo():
    machine = Machine()
    assert machine.check(is_root=False) == 0
    assert all(command[0] == "sudo" for command in machine.commands)


def test_a_failed_install_stops_with_the_command(capsys):
    machine = Machine(status=100)
    assert machine.check(is_root=True) == 1
    assert "sudo apt-get install libxcb-cursor0" in capsys.readouterr().err


def test_libraries_still_missing_after_install_are_named(capsys):
    machine = Machine(after=LDD_MISSING)
    assert machine.check(is_root=True) == 1
    assert "libxcb-keysyms1" in capsys.readouterr().err


def test_no_apt_get_stops_with_the_command(capsys):
    machine = Machine(tools=())
    assert machine.check(is_root=True) == 1
    assert machine.commands == []
    assert "sudo apt-get install" in capsys.readouterr().err


@pytest.mark.parametrize("platform, qpa", [("darwin", ""), ("win32", ""), ("linux", "offscreen"),
                                           ("linux", "wayland"), ("linux", "wayland;xcb")])
def test_no_check_off_linux_or_for_another_platform_plugin(platform, qpa):
    def ldd(plugin):
        raise AssertionError("ldd must not run")

    env = {"QT_QPA_PLATFORM": qpa} if qpa else {}
    assert xcb_check.check(ldd=ldd, plugin=PLUGIN, platform=platform, env=env) == 0


def test_xcb_named_or_unset_is_checked():
    assert xcb_check.wants_xcb("linux", {})
    assert xcb_check.wants_xcb("linux", {"QT_QPA_PLATFORM": "xcb"})
    assert not xcb_check.wants_xcb("linux", {"QT_QPA_PLATFORM": "offscreen"})


def test_the_script_runs_quietly_when_it_does_not_apply():
    done = subprocess.run([sys.executable, str(PACKAGING / "xcb_check.py")], capture_output=True,
                          text=True, env={"QT_QPA_PLATFORM": "offscreen"}, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


def test_make_run_checks_before_starting():
    makefile = (PACKAGING.parent / "Makefile").read_text(encoding="utf-8")
    run = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0]
    assert run.index("xcb_check.py") < run.index("vscdesk $(FILE)")
