"""Every key binding of a window, and the clashes among them, on this platform or another.

Qt expands a standard key (Delete, Copy, Redo...) differently per desktop: on X11 Delete also
means Ctrl+D, on Windows Undo also means Alt+Backspace. Tests run on the offscreen platform,
whose expansion is Windows', so a clash that exists only on a Linux desktop (Ctrl+D for both
Delete and Duplicate: "Ambiguous shortcut overload", neither runs) never showed up there.

``STANDARD_KEYS`` is Qt's own table of standard key bindings per keyboard scheme (written from
the table in Qt's qplatformtheme.cpp, which the QKeySequence documentation's table is made
from). ``collect_bindings(window, scheme)`` lists every shortcut of every action and QShortcut
of a window with its standard keys expanded for that scheme, and ``clashes`` finds two that
would be live at the same time. Tests for other platforms reuse both with their scheme name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from vscdesk.app.shortcuts import bindings, standard_key

Std = QKeySequence.StandardKey
Context = Qt.ShortcutContext

#: keyboard schemes as Qt names them (QPlatformTheme::KeyboardSchemes)
SCHEMES = ("win", "mac", "x11", "kde", "gnome")
ALL = "win mac x11 kde gnome"

#: (standard key, binding, schemes having it). Qt's KDE and GNOME schemes also get every X11
#: binding (QPlatformThemePrivate::currentKeyPlatforms), which ``scheme_table`` adds.
STANDARD_KEYS: tuple[tuple[str, str, str], ...] = (
    ("HelpContents", "Ctrl+?", "mac"),
    ("HelpContents", "F1", "win x11"),
    ("WhatsThis", "Shift+F1", ALL),
    ("Open", "Ctrl+O", ALL),
    ("Close", "Ctrl+F4", "mac win"),
    ("Close", "Ctrl+W", "mac win x11"),
    ("Save", "Ctrl+S", ALL),
    ("New", "Ctrl+N", ALL),
    ("Delete", "Ctrl+D", "x11"),  # emacs delete-character, meant for line edits
    ("Delete", "Del", ALL),
    ("Delete", "Meta+D", "mac"),
    ("Cut", "Ctrl+X", ALL),
    ("Cut", "Shift+Del", "win x11"),
    ("Cut", "F20", "x11"),  # Sun keyboards
    ("Cut", "Meta+K", "mac"),
    ("Copy", "Ctrl+Ins", "x11 win"),
    ("Copy", "Ctrl+C", ALL),
    ("Copy", "F16", "x11"),
    ("Paste", "Ctrl+Shift+Ins", "x11"),
    ("Paste", "Ctrl+V", ALL),
    ("Paste", "Shift+Ins", "win x11"),
    ("Paste", "F18", "x11"),
    ("Paste", "Meta+Y", "mac"),
    ("Undo", "Alt+Backspace", "win"),
    ("Undo", "Ctrl+Z", ALL),
    ("Undo", "F14", "x11"),
    ("Redo", "Alt+Shift+Backspace", "win"),
    ("Redo", "Ctrl+Shift+Z", "mac win x11"),
    ("Redo", "Ctrl+Y", "win"),
    ("Back", "Alt+Left", "win x11"),
    ("Back", "Ctrl+Left", "mac"),
    ("Back", "Ctrl+[", "mac"),
    ("Back", "Backspace", "win"),
    ("Forward", "Alt+Right", "win x11"),
    ("Forward", "Ctrl+Right", "mac"),
    ("Forward", "Ctrl+]", "mac"),
    ("Forward", "Shift+Backspace", "win"),
    ("Refresh", "Ctrl+R", "gnome mac"),
    ("Refresh", "F5", "win x11"),
    ("ZoomIn", "Ctrl++", ALL),
    ("ZoomOut", "Ctrl+-", ALL),
    ("Print", "Ctrl+P", ALL),
    ("AddTab", "Ctrl+Shift+N", "kde"),
    ("AddTab", "Ctrl+T", ALL),
    ("NextChild", "Ctrl+F6", "win"),
    ("NextChild", "Ctrl+Tab", ALL),
    ("NextChild", "Ctrl+}", "mac"),
    ("NextChild", "Ctrl+,", "kde"),
    ("NextChild", "Forward", ALL),
    ("PreviousChild", "Ctrl+Shift+F6", "win"),
    ("PreviousChild", "Ctrl+Shift+Backtab", ALL),
    ("PreviousChild", "Ctrl+{", "mac"),
    ("PreviousChild", "Ctrl+.", "kde"),
    ("PreviousChild", "Back", ALL),
    ("Find", "Ctrl+F", ALL),
    ("FindNext", "Ctrl+G", "win gnome mac"),
    ("FindNext", "F3", "win x11"),
    ("FindPrevious", "Ctrl+Shift+G", "win gnome mac"),
    ("FindPrevious", "Shift+F3", "win x11"),
    ("Replace", "Ctrl+R", "kde"),
    ("Replace", "Ctrl+H", "gnome win"),
    ("SelectAll", "Ctrl+A", ALL),
    ("Bold", "Ctrl+B", ALL),
    ("Italic", "Ctrl+I", ALL),
    ("Underline", "Ctrl+U", ALL),
    ("MoveToNextChar", "Right", ALL),
    ("MoveToNextChar", "Meta+F", "mac"),
    ("MoveToPreviousChar", "Left", ALL),
    ("MoveToPreviousChar", "Meta+B", "mac"),
    ("MoveToNextWord", "Alt+Right", "mac"),
    ("MoveToNextWord", "Ctrl+Right", "win x11"),
    ("MoveToPreviousWord", "Alt+Left", "mac"),
    ("MoveToPreviousWord", "Ctrl+Left", "win x11"),
    ("MoveToNextLine", "Down", ALL),
    ("MoveToNextLine", "Meta+N", "mac"),
    ("MoveToPreviousLine", "Up", ALL),
    ("MoveToPreviousLine", "Meta+P", "mac"),
    ("MoveToNextPage", "Meta+PgDown", "mac"),
    ("MoveToNextPage", "Meta+Down", "mac"),
    ("MoveToNextPage", "Meta+V", "mac"),
    ("MoveToNextPage", "Alt+PgDown", "mac"),
    ("MoveToNextPage", "PgDown", ALL),
    ("MoveToPreviousPage", "Meta+PgUp", "mac"),
    ("MoveToPreviousPage", "Meta+Up", "mac"),
    ("MoveToPreviousPage", "Alt+PgUp", "mac"),
    ("MoveToPreviousPage", "PgUp", ALL),
    ("MoveToStartOfLine", "Meta+Left", "mac"),
    ("MoveToStartOfLine", "Ctrl+Left", "mac"),
    ("MoveToStartOfLine", "Home", "win x11"),
    ("MoveToEndOfLine", "Meta+Right", "mac"),
    ("MoveToEndOfLine", "Ctrl+Right", "mac"),
    ("MoveToEndOfLine", "End", "win x11"),
    ("MoveToEndOfLine", "Ctrl+E", "x11"),  # emacs, line edits
    ("MoveToStartOfBlock", "Meta+A", "mac"),
    ("MoveToStartOfBlock", "Alt+Up", "mac"),
    ("MoveToEndOfBlock", "Meta+E", "mac"),
    ("MoveToEndOfBlock", "Alt+Down", "mac"),
    ("MoveToStartOfDocument", "Ctrl+Up", "mac"),
    ("MoveToStartOfDocument", "Ctrl+Home", "win x11"),
    ("MoveToStartOfDocument", "Home", "mac"),
    ("MoveToEndOfDocument", "Ctrl+Down", "mac"),
    ("MoveToEndOfDocument", "Ctrl+End", "win x11"),
    ("MoveToEndOfDocument", "End", "mac"),
    ("SelectNextChar", "Shift+Right", ALL),
    ("SelectPreviousChar", "Shift+Left", ALL),
    ("SelectNextWord", "Alt+Shift+Right", "mac"),
    ("SelectNextWord", "Ctrl+Shift+Right", "win x11"),
    ("SelectPreviousWord", "Alt+Shift+Left", "mac"),
    ("SelectPreviousWord", "Ctrl+Shift+Left", "win x11"),
    ("SelectNextLine", "Shift+Down", ALL),
    ("SelectPreviousLine", "Shift+Up", ALL),
    ("SelectNextPage", "Shift+PgDown", ALL),
    ("SelectPreviousPage", "Shift+PgUp", ALL),
    ("SelectStartOfLine", "Meta+Shift+Left", "mac"),
    ("SelectStartOfLine", "Ctrl+Shift+Left", "mac"),
    ("SelectStartOfLine", "Shift+Home", "win x11"),
    ("SelectEndOfLine", "Meta+Shift+Right", "mac"),
    ("SelectEndOfLine", "Ctrl+Shift+Right", "mac"),
    ("SelectEndOfLine", "Shift+End", "win x11"),
    ("SelectStartOfBlock", "Alt+Shift+Up", "mac"),
    ("SelectStartOfBlock", "Meta+Shift+A", "mac"),
    ("SelectEndOfBlock", "Alt+Shift+Down", "mac"),
    ("SelectEndOfBlock", "Meta+Shift+E", "mac"),
    ("SelectStartOfDocument", "Ctrl+Shift+Up", "mac"),
    ("SelectStartOfDocument", "Ctrl+Shift+Home", "win x11"),
    ("SelectStartOfDocument", "Shift+Home", "mac"),
    ("SelectEndOfDocument", "Ctrl+Shift+Down", "mac"),
    ("SelectEndOfDocument", "Ctrl+Shift+End", "win x11"),
    ("SelectEndOfDocument", "Shift+End", "mac"),
    ("DeleteStartOfWord", "Alt+Backspace", "mac"),
    ("DeleteStartOfWord", "Ctrl+Backspace", "x11 win"),
    ("DeleteEndOfWord", "Alt+Del", "mac"),
    ("DeleteEndOfWord", "Ctrl+Del", "x11 win"),
    ("DeleteEndOfLine", "Ctrl+K", "x11"),  # emacs, line edits
    ("InsertParagraphSeparator", "Enter", ALL),
    ("InsertParagraphSeparator", "Return", ALL),
    ("InsertLineSeparator", "Meta+Enter", "mac"),
    ("InsertLineSeparator", "Meta+Return", "mac"),
    ("InsertLineSeparator", "Shift+Enter", ALL),
    ("InsertLineSeparator", "Shift+Return", ALL),
    ("InsertLineSeparator", "Meta+O", "mac"),
    ("SaveAs", "Ctrl+Shift+S", "gnome mac"),
    ("Preferences", "Ctrl+,", "mac"),
    ("Quit", "Ctrl+Q", "x11 gnome kde mac"),
    ("FullScreen", "Meta+Ctrl+F", "mac"),
    ("FullScreen", "Alt+Enter", "win"),
    ("FullScreen", "Ctrl+Shift+F", "kde"),
    ("FullScreen", "F11", "gnome"),
    ("FullScreen", "F11", "win kde"),
    ("Deselect", "Ctrl+Shift+A", "x11"),
    ("DeleteCompleteLine", "Ctrl+U", "x11"),
    ("Backspace", "Meta+H", "mac"),
    ("Cancel", "Esc", ALL),
    ("Cancel", "Ctrl+.", "mac"),
    # Qt 6 added a keyboard's dedicated keys on every scheme, Ctrl+Shift+S for Save As on
    # Windows and X11, and F11 for full screen on GNOME (checked against Qt 6.11 on each)
    ("HelpContents", "Help", ALL),
    ("Open", "Open", ALL),
    ("Close", "Close", ALL),
    ("New", "New", ALL),
    ("Save", "Save", ALL),
    ("SaveAs", "Ctrl+Shift+S", "win x11"),
    ("SaveAs", "Shift+Save", ALL),
    ("Cut", "Cut", ALL),
    ("Copy", "Copy", ALL),
    ("Paste", "Paste", ALL),
    ("Undo", "Undo", ALL),
    ("Redo", "Redo", ALL),
    ("Back", "Back", ALL),
    ("Forward", "Forward", ALL),
    ("Refresh", "Refresh", ALL),
    ("ZoomIn", "Zoom In", ALL),
    ("ZoomOut", "Zoom Out", ALL),
    ("Find", "Find", ALL),
    ("Cancel", "Cancel", ALL),
    ("Quit", "Exit", "x11 gnome kde mac"),
    ("Preferences", "Ctrl+Shift+,", "kde"),
    ("Preferences", "Settings", "kde"),
)


def scheme_table(scheme: str):
    """A function giving a standard key's bindings under ``scheme``, as Qt would there."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown keyboard scheme {scheme!r}")
    wanted = {scheme} | ({"x11"} if scheme in ("kde", "gnome") else set())
    keys: dict[str, list[QKeySequence]] = {}
    for name, key, schemes in STANDARD_KEYS:
        known = keys.setdefault(name, [])
        if wanted & set(schemes.split()) and QKeySequence(key) not in known:
            known.append(QKeySequence(key))

    def table(std: Std) -> list[QKeySequence]:
        return list(keys.get(std.name, ()))

    return table


@dataclass(frozen=True, repr=False)
class Binding:
    """One key sequence of one action or QShortcut, and where it is live."""
    key: str  # QKeySequence.toString(PortableText)
    combos: tuple[int, ...]  # the sequence's key presses, for prefix comparison
    owner: str  # the action's text, for messages
    #: None: live anywhere in the window; else the widgets it is bound to
    widgets: tuple[QWidget, ...] | None
    with_children: bool
    source: object  # the QAction or QShortcut

    def __str__(self) -> str:
        return f"{self.key} ({self.owner.replace('&', '')})"

    __repr__ = __str__


def _actions(window: QWidget) -> list[QAction]:
    found: dict[int, QAction] = {}
    widgets = [window, *window.findChildren(QWidget)]
    for action in [*window.findChildren(QAction), *(a for w in widgets for a in QWidget.actions(w))]:
        found.setdefault(id(action), action)
    return list(found.values())


def _scope(context: Context, widgets: Iterable[QWidget]) -> tuple[tuple[QWidget, ...] | None, bool]:
    if context in (Context.WindowShortcut, Context.ApplicationShortcut):
        return None, True
    # A shortcut of a widget-scoped action is never live through a menu (Qt matches the menu's
    # own menu action with the same context, and menus never hold the focus).
    live = tuple(w for w in widgets if not isinstance(w, (QMenu, QMenuBar)))
    return live, context == Context.WidgetWithChildrenShortcut


def collect_bindings(window: QWidget, scheme: str | None = None) -> list[Binding]:
    """Every key binding of every action and QShortcut of ``window``; with a ``scheme``, an
    action made from a standard key gets that scheme's bindings (as ``set_shortcuts`` would
    give it there) instead of this platform's."""
    table = scheme_table(scheme) if scheme else None
    found: list[Binding] = []
    for action in _actions(window):
        std = standard_key(action)
        keys = bindings(std, table) if table and std is not None else action.shortcuts()
        widgets = [w for w in action.associatedObjects() if isinstance(w, QWidget)]
        scope, children = _scope(action.shortcutContext(), widgets)
        for key in keys:
            if not key.isEmpty():
                found.append(Binding(*_key(key), action.text() or action.objectName(), scope,
                                     children, action))
    for shortcut in window.findChildren(QShortcut):
        parent = shortcut.parent()
        scope, children = _scope(shortcut.context(),
                                 [parent] if isinstance(parent, QWidget) else [])
        for key in shortcut:
            if not key.isEmpty():
                found.append(Binding(*_key(key), shortcut.objectName() or "QShortcut", scope,
                                     children, shortcut))
    return found


def _overlap(a: Binding, b: Binding) -> bool:
    """Could both be live for one key press? (the same focus widget)"""
    if a.widgets is None or b.widgets is None:
        other = b if a.widgets is None else a
        return other.widgets is None or bool(other.widgets)
    for wa in a.widgets:
        for wb in b.widgets:
            if wa is wb or (a.with_children and wa.isAncestorOf(wb)) \
                    or (b.with_children and wb.isAncestorOf(wa)):
                return True
    return False


def _key(key: QKeySequence) -> tuple[str, tuple[int, ...]]:
    text = key.toString(QKeySequence.SequenceFormat.PortableText)
    return text, tuple(key[i].toCombined() for i in range(key.count()))


def _same_or_prefix(a: Binding, b: Binding) -> bool:
    """Equal, or one a multi-key sequence starting with the other (Qt waits for more keys)."""
    shorter = min(len(a.combos), len(b.combos))
    return a.combos[:shorter] == b.combos[:shorter]


def clashes(found: list[Binding]) -> list[tuple[Binding, Binding]]:
    """Pairs of bindings of different actions that one key press would trigger together."""
    pairs = []
    for i, a in enumerate(found):
        for b in found[i + 1:]:
            if a.source is not b.source and _same_or_prefix(a, b) and _overlap(a, b):
                pairs.append((a, b))
    return pairs


def describe(pairs: list[tuple[Binding, Binding]]) -> str:
    return "; ".join(f"{a} and {b}" for a, b in pairs)
