"""Help menu: the welcome page, a keyboard shortcut sheet generated from the actions, About
(the pages themselves are in ``help_pages``, imported when first opened)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from vscdesk.app.shortcuts import set_shortcuts

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def _show_sheet(window: MainWindow) -> None:
    from vscdesk.app.help_pages import ShortcutSheet

    ShortcutSheet(window).exec()


def _show_about(window: MainWindow) -> None:
    from vscdesk.app.help_pages import about_html

    QMessageBox.about(window, "About vscdesk", about_html())


def install(window: MainWindow) -> QAction:
    """Add the Help menu (kept last by ``finish``); returns its menu action."""
    menu = window.menus["help"] = window.menuBar().addMenu("&Help")
    sheet = QAction("&Keyboard shortcuts", window)
    set_shortcuts(sheet, QKeySequence.StandardKey.HelpContents)
    sheet.setStatusTip("Every keyboard shortcut, generated from the menus")
    sheet.triggered.connect(lambda: _show_sheet(window))
    about = QAction("&About vscdesk", window)
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.setStatusTip("Version, libraries and licence")
    about.triggered.connect(lambda: _show_about(window))
    window.actions.update(shortcuts=sheet, about=about)
    menu.addAction(sheet)
    menu.addSeparator()
    menu.addAction(about)
    return menu.menuAction()
