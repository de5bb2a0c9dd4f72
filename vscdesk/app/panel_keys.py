"""The keyboard between the canvas and the panels.

- Ctrl+Shift+1…7 (``PanelAction``) bring a panel forward and put the focus in its first field:
  a hidden panel is shown, one behind another tab is raised (Qt's own toggle action hid it,
  though nobody could see it), and a second press on the panel that has the focus hides it.
- F6 / Shift+F6 move the focus canvas → each panel in view → canvas, and back.
- Esc in a panel returns to the canvas. Moving the focus commits what was typed: line edits,
  text areas and spin boxes finish editing when they lose the focus. Esc is the panel's only
  when its field has no use for it: in a table cell being edited it drops that cell's edit (as
  in any spreadsheet; Enter or Tab commit), in an inline field it cancels, and a second Esc
  returns to the canvas.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QScrollArea,
    QTabBar,
    QTabWidget,
    QWidget,
)

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def in_front(dock: QDockWidget) -> bool:
    """Shown and not behind another dock's tab."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def has_focus(dock: QDockWidget) -> bool:
    focus = QApplication.focusWidget()
    return focus is not None and dock.isAncestorOf(focus)


def first_field(panel: QWidget) -> QWidget:
    """The first field of the panel that Tab would reach (a page's tab bar is no field), else
    the first tab bar, else the panel itself."""
    found: list[QWidget] = []
    widget = panel.nextInFocusChain()
    while widget is not None and widget is not panel:
        if (panel.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            if not isinstance(widget, (QTabBar, QTabWidget, QScrollArea)):  # no fields
                return widget
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found[0] if found else panel


def focus_panel(dock: QDockWidget) -> None:
    """Show the dock, bring it in front of its tab group and focus its first field."""
    dock.show()
    dock.raise_()
    panel = dock.widget()  # builds a panel not made yet
    QApplication.processEvents()  # a page just raised lays out before its fields are looked at
    if panel is not None:
        first_field(panel).setFocus(Qt.FocusReason.ShortcutFocusReason)


def bring_forward_or_hide(dock: QDockWidget, window: MainWindow, by_key: bool) -> None:
    """A panel's shortcut goes to the panel (see the module's docstring); its View ▸ Panels
    entry stays the checkbox it looks like: shows a hidden panel, hides a shown one."""
    if dock.isHidden() or (by_key and not (in_front(dock) and has_focus(dock))):
        focus_panel(dock)
        return
    was_focused = has_focus(dock)
    dock.hide()
    if was_focused:
        window.view.setFocus(Qt.FocusReason.ShortcutFocusReason)


class PanelAction(QAction):
    """View ▸ Panels ▸ NAME: checked while the panel is shown; knows whether its shortcut or a
    menu click triggered it."""

    def __init__(self, dock: QDockWidget, window: MainWindow) -> None:
        super().__init__(dock.windowTitle(), window)
        self.dock = dock
        self.by_key = False
        self.setCheckable(True)
        self.setChecked(not dock.isHidden())
        self.setStatusTip(f"Show or hide the {dock.windowTitle()} panel; its shortcut goes to "
                          "it (again on the panel: hides it)")
        dock.windowTitleChanged.connect(self.setText)  # "Problems (3)"
        dock.toggleViewAction().toggled.connect(self.setChecked)
        self.triggered.connect(lambda: self._activate(window))

    def event(self, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Shortcut:
            return super().event(event)
        self.by_key = True
        try:
            return super().event(event)
        finally:
            self.by_key = False

    def _activate(self, window: MainWindow) -> None:
        bring_forward_or_hide(self.dock, window, self.by_key)
        self.setChecked(not self.dock.isHidden())


def panels_in_view(window: MainWindow) -> list[QDockWidget]:
    """Docks the user can see, in reading order (the right column before the bottom row)."""
    docks = [d for d in window.findChildren(QDockWidget) if d.parent() is window and in_front(d)]
    return sorted(docks, key=lambda d: (d.mapTo(window, d.rect().topLeft()).y(),
                                        d.mapTo(window, d.rect().topLeft()).x()))


def cycle_focus(window: MainWindow, step: int) -> None:
    """F6 / Shift+F6: the canvas, then each panel in view, then the canvas again."""
    stops: list[QWidget] = [window.view, *panels_in_view(window)]
    focus = QApplication.focusWidget()
    here = next((i for i, stop in enumerate(stops) if stop is focus or
                 (focus is not None and stop.isAncestorOf(focus))), 0)
    target = stops[(here + step) % len(stops)]
    if isinstance(target, QDockWidget):
        focus_panel(target)
    else:
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)


class _EscapeToCanvas(QObject):
    """Esc that no field of the dock used (a cell editor drops its edit, an inline field
    cancels) reaches the dock itself, and returns to the canvas."""

    def __init__(self, window: MainWindow, dock: QDockWidget) -> None:
        super().__init__(dock)
        self.view = window.view
        dock.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape and not event.modifiers()):
            self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        return False


def escape_to_canvas(window: MainWindow, dock: QDockWidget) -> None:
    _EscapeToCanvas(window, dock)


def install(window: MainWindow) -> None:
    """F6 / Shift+F6 in View ▸ Panels, Esc in every dock, and the canvas focused at start."""
    menu = window.menus.get("panels", window.menus["view"])
    menu.addSeparator()
    for key, text, step, shortcut in (("next_pane", "Next &pane", 1, "F6"),
                                      ("previous_pane", "Pre&vious pane", -1, "Shift+F6")):
        action = QAction(text, window)
        action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip("Move the keyboard focus between the canvas and the panels")
        action.triggered.connect(lambda _c=False, s=step: cycle_focus(window, s))
        menu.addAction(action)
        window.actions[key] = action
    for dock in window.findChildren(QDockWidget):
        if dock.parent() is window:
            escape_to_canvas(window, dock)
    window.view.setFocus()  # not the first dock's tab bar, as Qt's tab order would have it
