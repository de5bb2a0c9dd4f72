"""The desktop-application layer of a window: never lose work, start where you left off, polish.

``install(window)`` runs with the other features (app/extensions.py); ``finish(window)`` runs
once every feature is installed (app/application.py), because icons, tooltips, the Help menu's
place and the saved dock layout concern all actions and docks, whoever added them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import QApplication

from vscdesk.app import help as help_menu
from vscdesk.app import analysis_docks, main_toolbar, theme, undo_history, welcome
from vscdesk.app.autosave import Autosave
from vscdesk.app.change_bar import add_change_bar
from vscdesk.app.drop import FileDrop
from vscdesk.app.external_change import DiskState
from vscdesk.app.file_watch import FileWatch
from vscdesk.app.icons import app_icon, apply_icons
from vscdesk.app.locking import Locking
from vscdesk.app.platform_keys import apply_menu_roles
from vscdesk.app.polish import add_shortcut_tooltips, fill_status_tips
from vscdesk.app.session import Session, restore_layout
from vscdesk.app.settings import settings, state_dir

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def install(window: MainWindow) -> None:
    """Autosave, locks, external changes, recent files, drops, undo history, Help, welcome."""
    state = state_dir()
    window.disk_state = DiskState(window)
    window.disk_state.watch(FileWatch(window), add_change_bar(window))  # changes while open
    window.autosave = Autosave(window, state, lambda: window.disk_state.sha256)
    window.locking = Locking(window, state)
    window.session = Session(window)
    window.file_drop = FileDrop(window)
    window.undo_dock = undo_history.install(window)
    _theme_menu(window)
    window.help_action = help_menu.install(window)
    window.welcome = welcome.install(window)
    if hasattr(window, "problems_status"):
        window.problems_status.hide_while_shown(window.welcome)
    window.file_drop.watch(window.welcome)
    window.setWindowIcon(app_icon())


def finish(window: MainWindow) -> None:
    """After every feature is installed: icons, tooltips, Help last, saved layout restored
    (or, on the first start, the analysis docks hidden so the canvas gets the room)."""
    bar = window.menuBar()
    bar.removeAction(window.help_action)
    bar.addAction(window.help_action)
    if hasattr(window, "edit_actions"):  # now Present and the other late actions exist
        main_toolbar.fill(window.edit_actions.toolbar, window)
    _order_panels_menu(window)
    apply_icons(window)
    apply_menu_roles(window)
    add_shortcut_tooltips(window)
    fill_status_tips(window)
    if not restore_layout(window):
        analysis_docks.start_hidden(window)


def _order_panels_menu(window: MainWindow) -> None:
    """View ▸ Panels in the order of Ctrl+Shift+1…7, whichever feature added its panel first;
    panels without a number after them. What follows the first separator (F6 / Shift+F6)
    stays where it is."""
    menu = window.menus.get("panels")
    if menu is None:
        return
    actions = menu.actions()
    cut = next((i for i, a in enumerate(actions) if a.isSeparator()), len(actions))
    panels = sorted(actions[:cut], key=lambda a: (a.shortcut().isEmpty(),
                                                  a.shortcut().toString()))
    if panels != actions[:cut]:
        for action in actions:
            menu.removeAction(action)
        menu.addActions(panels + actions[cut:])


def _theme_menu(window: MainWindow) -> None:
    """View ▸ Theme: System, Light, Dark; the system choice follows the desktop live."""
    menu = window.menus["view"].addMenu("T&heme")
    window.actions["theme"] = menu.menuAction()
    group = QActionGroup(window)
    current = theme.chosen()
    for choice in theme.CHOICES:
        action = menu.addAction(choice.title(), lambda c=choice: set_theme(window, c))
        action.setCheckable(True)
        action.setChecked(choice == current)
        action.setStatusTip(f"{choice.title()} colours for menus and panels; the diagram "
                            "stays as it prints" if choice != "system" else
                            "Follow the desktop's light or dark setting")
        group.addAction(action)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: _follow_system(window))


def set_theme(window: MainWindow, choice: str) -> None:
    settings().setValue(theme.SETTING, choice)
    _restyle(window, choice)


def _follow_system(window: MainWindow) -> None:
    if theme.chosen() == "system":
        _restyle(window, "system")


def _restyle(window: MainWindow, choice: str) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme.apply_theme(app, choice)
        apply_icons(window)  # icons are drawn in the text colour of the palette
        window.welcome.refresh()
