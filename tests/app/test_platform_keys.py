"""Keys and menus on Windows, macOS and Linux: no clash, no key the system keeps, app menu roles.

The window is built as each system would build it (``storage.platform.system`` answers for
that system, which is what the panel keys ask), and its standard keys are expanded with
that system's Qt keyboard scheme (tests/app/shortcut_keys.py has Qt's table).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtGui import QAction
from shortcut_keys import clashes, collect_bindings, describe

from vscdesk.app.platform_keys import OWNERS, reserved
from vscdesk.storage import load, platform, save
from tests.windows import new_window

SYSTEMS = [("windows", "win"), ("macos", "mac"), ("linux", "x11"), ("linux", "kde"),
           ("linux", "gnome")]


@pytest.fixture
def window_on(qtbot, example_file, monkeypatch):
    """The finished window with every panel built, as ``system`` would build it."""
    def build(system: str):
        monkeypatch.setattr(platform, "system", lambda: system)
        win = new_window(qtbot, name=None, focused=True, finished=True)
        for dock in win.features.docks.values():
            dock.widget()
        return win

    return build


def _names(window) -> dict[int, str]:
    return {id(action): name for name, action in window.actions.items()}


def _reserved_uses(window, scheme: str) -> list[str]:
    names = _names(window)
    return [f"{b} on {scheme}" for b in collect_bindings(window, scheme)
            if reserved(b.key, scheme) and OWNERS.get(b.key) != names.get(id(b.source))]


@pytest.mark.parametrize("system,scheme", SYSTEMS)
def test_no_key_is_claimed_twice(window_on, system, scheme):
    window = window_on(system)
    found = collect_bindings(window, scheme)
    assert len(found) > 40
    assert clashes(found) == [], describe(clashes(found))


@pytest.mark.parametrize("system,scheme", SYSTEMS)
def test_no_shortcut_uses_a_key_the_system_keeps(window_on, system, scheme):
    assert _reserved_uses(window_on(system), scheme) == []


def test_the_linux_panel_keys_would_take_macos_screenshots(window_on):
    """What the check finds when the panel keys are not changed for macOS: ⌘⇧3…6."""
    found = _reserved_uses(window_on("linux"), "mac")
    assert sorted(f.split(" ")[0] for f in found) == [f"Ctrl+Shift+{n}" for n in (3, 4, 5, 6)]


def test_panels_open_with_command_option_digits_on_macos(window_on):
    window = window_on("macos")
    keys = {name: {k.toString() for k in dock.panel_action.shortcuts()}  # View ▸ Panels
            for name, dock in window.features.docks.items()}
    assert keys["stage"] == {"Ctrl+Alt+1"} and keys["stakeholders"] == {"Ctrl+Alt+3"}
    assert not any(k.startswith("Ctrl+Shift+") for ks in keys.values() for k in ks)


def test_find_next_follows_each_system(window_on):
    assert "F3" in {k.toString() for k in window_on("linux").actions["find_next"].shortcuts()}
    # the expansion per scheme (macOS: ⌘G, not F3, which is Mission Control there)
    window = window_on("macos")
    mac = {b.key for b in collect_bindings(window, "mac") if b.source is window.actions["find_next"]}
    assert mac == {"Ctrl+G"}


def test_only_about_preferences_and_quit_go_to_the_macos_app_menu(window_on, tmp_path,
                                                                   example_file):
    window = window_on("macos")
    roles = {name: action.menuRole() for name, action in window.actions.items()}
    assert roles.pop("about") == QAction.MenuRole.AboutRole
    assert roles.pop("quit") == QAction.MenuRole.QuitRole
    assert set(roles.values()) == {QAction.MenuRole.NoRole}
    # A recent file whose name Qt's text heuristic would take for Preferences stays a file.
    settings_doc = tmp_path / "Settings.vsc.json"
    save(load(example_file), settings_doc)
    assert window.open_path(settings_doc)
    recent = window.features.session.menu
    recent.aboutToShow.emit()
    entries = [a for a in recent.actions() if "Settings" in a.text()]
    assert entries and all(a.menuRole() == QAction.MenuRole.NoRole for a in entries)


FINDER = """
import sys
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from vscdesk.app import file_open
from vscdesk.app.application import make_application, start_window
app = make_application()
window = start_window(None)
file_open.connect(app, window)
QApplication.sendEvent(app, QFileOpenEvent(sys.argv[1]))
print(type(app).__name__, window.document.path)
"""


def test_a_file_open_event_opens_the_document(tmp_path, example_file):
    """What the Finder sends when a .vsc.json is double-clicked or dropped on the Dock icon,
    through the application a real start makes (a child process: tests share one qapp)."""
    path = tmp_path / "from finder.vsc.json"
    save(load(example_file), path)
    done = subprocess.run([sys.executable, "-c", FINDER, str(path)], capture_output=True,
                          text=True, timeout=120,
                          env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split(None, 1) == ["Application", f"{path}\n"]
