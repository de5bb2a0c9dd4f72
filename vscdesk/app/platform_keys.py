"""Keys and menus as each desktop expects them: Windows, macOS, and Linux (X11/Wayland).

Shortcuts are written in Qt's portable notation, where Ctrl means ⌘ Command on macOS and
Meta means the ⌃ Control key there (the Windows/Super key elsewhere). Standard actions take
Qt's standard keys (app/shortcuts.py), which Qt expands per desktop; this module holds the
rest: keys the system takes before the app sees them (``RESERVED``), the panel keys that
must differ on macOS, and the menu roles that put About, Preferences and Quit into macOS's
application menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from vscdesk.storage import platform

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

_ARROWS = ("Left", "Right", "Up", "Down")
#: Keys each system keeps for itself (a shortcut of ours there would never fire, or would
#: fight the system), by Qt keyboard scheme. Any Meta (Windows/Super key) combination is
#: reserved on Windows and Linux too (``reserved``).
RESERVED: dict[str, frozenset[str]] = {
    "win": frozenset({
        "Alt+F4", "Alt+Tab", "Alt+Shift+Tab", "Alt+Esc", "Alt+Space", "Ctrl+Esc",
        "Ctrl+Shift+Esc", "Ctrl+Alt+Del", "F10", "Print",
    }),
    "mac": frozenset({
        "Ctrl+H", "Ctrl+Alt+H", "Ctrl+M", "Ctrl+Alt+M", "Ctrl+Q", "Ctrl+W", "Ctrl+,",
        "Ctrl+Tab", "Ctrl+Shift+Tab", "Ctrl+`", "Ctrl+Space", "Ctrl+Alt+Space", "Ctrl+Alt+Esc",
        "Ctrl+Alt+D", "Ctrl+Shift+3", "Ctrl+Shift+4", "Ctrl+Shift+5", "Ctrl+Shift+6",
        "Ctrl+Meta+Q", "Ctrl+Meta+Space", "Ctrl+Meta+F", "Ctrl+F5", "Ctrl+Alt+F5", "Ctrl+Alt+8",
        "F11", *(f"Meta+{arrow}" for arrow in _ARROWS),
    }),
    "x11": frozenset({
        "Alt+F1", "Alt+F2", "Alt+F4", "Alt+F7", "Alt+F8", "Alt+F10", "Alt+Tab",
        "Alt+Shift+Tab", "Alt+Space", "Ctrl+Alt+T", "Ctrl+Alt+L", "Ctrl+Alt+D", "Ctrl+Alt+Del",
        "Ctrl+Alt+Backspace", "Print", *(f"Ctrl+Alt+{arrow}" for arrow in _ARROWS),
        *(f"Ctrl+Alt+F{n}" for n in range(1, 13)),
    }),
}
#: the only action that may use a reserved key: the system routes it there itself
OWNERS = {"Ctrl+Q": "quit", "Ctrl+,": "preferences", "Ctrl+W": "close",
          "Ctrl+Meta+F": "full_screen"}
#: actions macOS moves into the application menu, by the name in ``window.actions``
MENU_ROLES = {"about": QAction.MenuRole.AboutRole, "preferences": QAction.MenuRole.PreferencesRole,
              "quit": QAction.MenuRole.QuitRole}


def scheme() -> str:
    """Qt's keyboard scheme family for this system: "win", "mac" or "x11"."""
    return {"windows": "win", "macos": "mac"}.get(platform.system(), "x11")


def reserved(key: str, keys_of: str | None = None) -> bool:
    """Whether the system ``keys_of`` (a scheme; default this one) keeps ``key`` for itself."""
    family = keys_of or scheme()
    family = "x11" if family in ("kde", "gnome") else family
    if family != "mac" and "Meta+" in key:
        return True  # the Windows/Super key belongs to the desktop
    return key in RESERVED[family]


def panel_shortcut(number: int) -> str:
    """The key that shows panel ``number``: Ctrl+Shift+N, but ⌘⌥N on macOS, where
    ⌘⇧3…6 take screenshots."""
    return f"Ctrl+Alt+{number}" if scheme() == "mac" else f"Ctrl+Shift+{number}"


def apply_menu_roles(window: MainWindow) -> None:
    """About, Preferences and Quit go to macOS's application menu; nothing else does.

    Qt's default role guesses from the text: an entry starting with "About", "Settings",
    "Options", "Setup", "Config" or "Exit" (a recent file, a template, a slide named so)
    would silently leave its menu on macOS. Menus filled when shown get the same
    treatment then. Other systems ignore roles."""
    named = {id(window.actions[name]): role for name, role in MENU_ROLES.items()
             if name in window.actions}
    for action in window.findChildren(QAction):
        action.setMenuRole(named.get(id(action), QAction.MenuRole.NoRole))
    for menu in window.findChildren(QMenu):
        menu.aboutToShow.connect(lambda menu=menu: _no_roles(menu, named))


def _no_roles(menu: QMenu, named: dict[int, QAction.MenuRole]) -> None:
    for action in menu.actions():
        if id(action) not in named and action.menuRole() != QAction.MenuRole.NoRole:
            action.setMenuRole(QAction.MenuRole.NoRole)
