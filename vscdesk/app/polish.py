"""Finishing touches over every action, whoever added it: tooltips with shortcuts, status tips."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

_BASE_TIP = "vscdesk_base_tip"


def plain(text: str) -> str:
    """Menu text as a person reads it: no '&' mnemonics, no trailing '…'."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def shortcut_text(action: QAction) -> str:
    """All shortcuts of an action in the platform's notation ('Ctrl+S' / '⌘S'), or ''."""
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
    return ", ".join(k for k in keys if k)


def menu_actions(menu: QMenu) -> list[QAction]:
    """Every action of a menu and its submenus (submenus included), without separators."""
    found = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        found.append(action)
        if action.menu() is not None:
            found.extend(menu_actions(action.menu()))
    return found


def all_actions(window: MainWindow) -> list[QAction]:
    """The window's named actions and everything reachable from its menu bar, once each."""
    seen: dict[int, QAction] = {id(a): a for a in window.actions.values()}
    for top in window.menuBar().actions():
        if top.menu() is not None:
            for action in menu_actions(top.menu()):
                seen.setdefault(id(action), action)
    return list(seen.values())


def add_shortcut_tooltips(window: MainWindow) -> int:
    """'Save (Ctrl+S)': every action with a shortcut says it in its tooltip; safe to repeat."""
    changed = 0
    for action in all_actions(window):
        base = action.property(_BASE_TIP)
        if base is None:
            base = action.toolTip() or plain(action.text())
            action.setProperty(_BASE_TIP, base)
        keys = shortcut_text(action)
        tip = f"{base} ({keys})" if keys and keys not in base else base
        if tip != action.toolTip():
            action.setToolTip(tip)
            changed += 1
    return changed


def fill_status_tips(window: MainWindow) -> None:
    """Every action shows a hint in the status bar while hovered in a menu."""
    for action in all_actions(window):
        if not action.statusTip() and not action.isSeparator():
            base = action.property(_BASE_TIP) or plain(action.text())
            if base:
                action.setStatusTip(base)
