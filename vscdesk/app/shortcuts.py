"""Give actions every key binding the platform has for them, plus dependable fallbacks.

``QAction.setShortcut(QKeySequence(StandardKey.Redo))`` keeps only the first binding, and some
standard keys have none on some desktops (Quit outside GNOME/KDE), so users found Ctrl+Shift+Z,
Ctrl+= and Ctrl+Q dead. This module is the one place that turns a shortcut into bindings.

A standard key can also bring a binding that another action of ours owns: on X11 desktops
Qt's Delete includes Ctrl+D (an emacs key meant for line edits), which made Duplicate's Ctrl+D
an "ambiguous shortcut" that did nothing. Such bindings are left out (``DROP``), and the
standard key an action was built from is kept on the action, so a test can expand it with any
platform's table and look for clashes there too.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

Std = QKeySequence.StandardKey

#: the dynamic property holding the standard key an action's shortcuts were made from
STANDARD_KEY = "vscdesk_standard_key"

#: bindings added to a standard key's own, in the order users expect to see them
EXTRA: dict[Std, tuple[str, ...]] = {
    Std.Redo: ("Ctrl+Shift+Z", "Ctrl+Y"),
    Std.ZoomIn: ("Ctrl+=",),
    Std.Quit: ("Ctrl+Q",),
    Std.Delete: ("Del",),
}

#: bindings of a standard key that belong to text fields or to another action of ours
DROP: dict[Std, tuple[str, ...]] = {
    Std.Delete: ("Ctrl+D",),  # X11's emacs delete-character; Ctrl+D is Duplicate here
}

_PLAIN_KEYS = (Qt.Key.Key_Delete, Qt.Key.Key_Insert, Qt.Key.Key_Backspace, Qt.Key.Key_Escape)
#: keys every keyboard has for moving about; with a modifier they make ordinary shortcuts
_MOVING_KEYS = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down,
                Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown,
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab, Qt.Key.Key_Return, Qt.Key.Key_Enter,
                Qt.Key.Key_Space)

#: where a standard key's platform bindings come from; tests pass another platform's table
KeyTable = Callable[[Std], Iterable[QKeySequence]]


def bindings(shortcut: Std | str | QKeySequence,
             table: KeyTable = QKeySequence.keyBindings) -> list[QKeySequence]:
    """All key sequences for a standard key or a key string, without duplicates."""
    if isinstance(shortcut, Std):
        dropped = [QKeySequence(key) for key in DROP.get(shortcut, ())]
        keys = [key for key in table(shortcut) if key not in dropped]
        keys += [QKeySequence(extra) for extra in EXTRA.get(shortcut, ())]
    else:
        keys = [QKeySequence(shortcut)]
    unique: list[QKeySequence] = []
    for key in keys:
        if not key.isEmpty() and key not in unique and (not unique or not _media_key(key)):
            unique.append(key)
    return unique


def _media_key(key: QKeySequence) -> bool:
    """A dedicated key few keyboards have: "Save" or "Copy" (also with Shift: SaveAs is
    Shift+Save), or F13 and above, which X11 gives as Undo (F14), Copy (F16), Paste (F18) and
    Cut (F20) for Sun keyboards. Noise in menus, tooltips and the shortcut sheet."""
    code = key[0].key()
    if code < Qt.Key.Key_Escape:  # letters, digits and punctuation: the "/" key, Ctrl+S
        return False
    return not (Qt.Key.Key_F1 <= code <= Qt.Key.Key_F12 or code in _PLAIN_KEYS
                or code in _MOVING_KEYS)


def standard_key(action: QAction) -> Std | None:
    """The standard key ``set_shortcuts`` built the action's shortcuts from, if any."""
    value = action.property(STANDARD_KEY)
    return None if value is None else Std(value)


def set_shortcuts(action: QAction, shortcut: Std | str | QKeySequence | None) -> None:
    if shortcut is not None:
        action.setShortcuts(bindings(shortcut))
        if isinstance(shortcut, Std):
            action.setProperty(STANDARD_KEY, shortcut.value)
