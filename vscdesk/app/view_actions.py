"""Chain view / Stream view: the View menu's checkable pair, Ctrl+T, a toolbar, the glide."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QToolBar

from vscdesk.app.settings import settings
from vscdesk.canvas.transition import ViewTransition

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

ANIMATE_KEY = "view/animate_transitions"
VIEWS = (("chain", "&Chain view", "Lanes as columns, streams as bands"),
         ("stream", "&Stream view", "Each stream's stages end to end, left to right"))


def animations_enabled() -> bool:
    """The user's choice, on unless turned off (View ▸ Animate view changes)."""
    value = settings().value(ANIMATE_KEY, True)
    return value not in (False, "false", "0", 0)


class ViewActions(QObject):
    """Owns the view-switching actions and the transition that animates them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.transition = ViewTransition(window.scene, window.view, parent=self)
        self.group = QActionGroup(self)
        self.group.setExclusive(True)
        self.by_view: dict[str, QAction] = {}
        for view, text, tip in VIEWS:
            action = QAction(text, window)
            action.setCheckable(True)
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('&', '')} — Ctrl+T switches")
            action.triggered.connect(lambda _checked=False, v=view: self.show_view(v))
            self.group.addAction(action)
            self.by_view[view] = action
            window.actions[f"{view}_view"] = action
        self.toggle = QAction("&Toggle chain / stream", window)
        self.toggle.setShortcut(QKeySequence("Ctrl+T"))
        self.toggle.setStatusTip("Switch between the chain view and the stream view")
        self.toggle.triggered.connect(self.toggle_view)
        self.animate = QAction("A&nimate view changes", window)
        self.animate.setCheckable(True)
        self.animate.setChecked(animations_enabled())
        self.animate.toggled.connect(lambda on: settings().setValue(ANIMATE_KEY, on))
        window.actions.update(toggle_view=self.toggle, animate_views=self.animate)
        self._add_to_menu(window)
        self.toolbar = self._add_toolbar(window)
        window.scene.rebuilt.connect(self._sync_checks)
        self._sync_checks()

    def _add_to_menu(self, window: MainWindow) -> None:
        menu = window.menus["view"]
        first = menu.actions()[0] if menu.actions() else None
        for action in (*self.by_view.values(), self.toggle, self.animate):
            menu.insertAction(first, action)
        menu.insertSeparator(first)

    def _add_toolbar(self, window: MainWindow) -> QToolBar:
        bar = QToolBar("View", window)
        bar.setObjectName("view_toolbar")
        for action in self.by_view.values():
            bar.addAction(action)
        window.addToolBar(bar)
        return bar

    def show_view(self, view: str) -> None:
        self.transition.run(view, animate=self.animate.isChecked())
        self._sync_checks()

    def toggle_view(self) -> None:
        self.show_view("stream" if self.window.scene.view == "chain" else "chain")

    def _sync_checks(self) -> None:
        action = self.by_view.get(self.window.scene.view)
        if action is not None and not action.isChecked():
            action.setChecked(True)


def install(window: MainWindow) -> ViewActions:
    return ViewActions(window)
