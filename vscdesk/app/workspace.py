"""The finishing touches of a window, and its View ▸ Theme menu.

``finish(window)`` runs once every feature is built (app/features.py, then
app/application.py), because icons, tooltips, the Help menu's place and the saved dock
layout concern all actions and docks, whoever added them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup, QGuiApplication
from PySide6.QtWidgets import QApplication

from vscdesk.app import analysis_docks, main_toolbar, theme
from vscdesk.app.icons import apply_icons
from vscdesk.app.platform_keys import apply_menu_roles
from vscdesk.app.polish import add_shortcut_tooltips, fill_status_tips
from vscdesk.app.session import restore_layout
from vscdesk.app.settings import settings

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow
    from vscdesk.app.welcome import WelcomePage


def finish(window: MainWindow) -> None:
    """After every feature is installed: icons, tooltips, Help last, saved layout restored
    (or, on the first start, the analysis docks hidden so the canvas gets the room)."""
    bar = window.menuBar()
    features = window.features
    bar.removeAction(features.help_action)
    bar.addAction(features.help_action)
    main_toolbar.fill(features.edit_actions.toolbar, window)  # now Present and the rest exist
    _order_panels_menu(window)
    apply_icons(window)
    apply_menu_roles(window)
    add_shortcut_tooltips(window)
    fill_status_tips(window)
    if not restore_layout(window):
        analysis_docks.start_hidden(features.docks)


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


def theme_menu(window: MainWindow, page: WelcomePage) -> None:
    """View ▸ Theme: System, Light, Dark; the system choice follows the desktop live."""
    menu = window.menus["view"].addMenu("Th&eme")
    window.actions["theme"] = menu.menuAction()
    group = QActionGroup(window)
    current = theme.chosen()
    for choice in theme.CHOICES:
        action = menu.addAction(choice.title(), lambda c=choice: set_theme(window, page, c))
        action.setCheckable(True)
        action.setChecked(choice == current)
        action.setStatusTip(f"{choice.title()} colours for menus and panels; the diagram "
                            "stays as it prints" if choice != "system" else
                            "Follow the desktop's light or dark setting")
        group.addAction(action)
    hints = QGuiApplication.styleHints()
    hints.colorSchemeChanged.connect(lambda _scheme: _follow_system(window, page))


def set_theme(window: MainWindow, page: WelcomePage, choice: str) -> None:
    settings().setValue(theme.SETTING, choice)
    _restyle(window, page, choice)


def _follow_system(window: MainWindow, page: WelcomePage) -> None:
    if theme.chosen() == "system":
        _restyle(window, page, "system")


def _restyle(window: MainWindow, page: WelcomePage, choice: str) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        theme.apply_theme(app, choice)
        apply_icons(window)  # icons are drawn in the text colour of the palette
        page.refresh()
