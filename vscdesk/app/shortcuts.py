"""Give actions every key binding the platform has for them, plus dependable fallbacks.

``QAction.setShortcut(QKeySequence(StandardKey.Redo))`` keeps only the first binding, and some
standard keys have none on some desktops (Quit outside GNOME/KDE), so users found Ctrl+Shift+Z,
Ctrl+= and Ctrl+Q dead. This module is the one place that turns a shortcut into bindings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

Std = QKeySequence.StandardKey

#: bindings added to a standard key's own, in the order users expect to see them
EXTRA: dict[Std, tuple[str, ...]] = {
    Std.Redo: ("Ctrl+Shift+Z", "Ctrl+Y"),
    Std.ZoomIn: ("Ctrl+=",),
    Std.Quit: ("Ctrl+Q",),
    Std.Delete: ("Del",),
}


_PLAIN_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Insert, Qt.Key.Key_Backspace, Qt.Key.Key_Escape)


def bindings(shortcut: Std | str | QKeySequence) -> list[QKeySequence]:
    """All key sequences for a standard key or a key string, without duplicates."""
    if isinstance(shortcut, Std):
        keys = list(QKeySequence.keyBindings(shortcut))
        keys += [QKeySequence(extra) for extra in EXTRA.get(shortcut, ())]
    else:
        keys = [QKeySequence(shortcut)]
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique and (not unique or not _media_key(key)):
            unique.append(key)
    return unique


def _media_key(key: QKeySequence) -> bool:
    """A dedicated keyboard key such as "Save" or "Copy": noise in menus and tooltips."""
    combo = key[0]
    if combo.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        return False
    code = combo.key()
    return not (Qt.Key.Key_F1 <= code <= Qt.Key.Key_F35 or code in _PLAIN_KEYS)


def set_shortcuts(action: QAction, shortcut: Std | str | QKeySequence | None) -> None:
    if shortcut is not None:
        action.setShortcuts(bindings(shortcut))
