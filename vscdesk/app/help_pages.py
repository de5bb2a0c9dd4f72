"""The Help menu's pages: the keyboard shortcut sheet generated from the actions, and About.
Imported when a page is first opened, not at start-up."""

from __future__ import annotations

import html
import platform
import sys
from typing import TYPE_CHECKING

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout

from vscdesk import __version__
from vscdesk.app.polish import menu_actions, plain, shortcut_text

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow


def shortcut_sheet(window: MainWindow) -> list[tuple[str, list[tuple[str, str, str]]]]:
    """[(menu title, [(action, shortcut, hint)])] for every action that has a shortcut."""
    sections, listed = [], set()
    for top in window.menuBar().actions():
        if top.menu() is None:
            continue
        rows = []
        for action in menu_actions(top.menu()):
            keys = shortcut_text(action)
            if keys and id(action) not in listed:
                listed.add(id(action))
                rows.append((plain(action.text()), keys, _hint(action)))
        if rows:
            sections.append((plain(top.text()), rows))
    others = [(plain(a.text()), shortcut_text(a), _hint(a)) for a in window.actions.values()
              if shortcut_text(a) and id(a) not in listed]
    if others:
        sections.append(("Other", others))
    return sections


def _hint(action) -> str:
    """The action's status hint, unless it only repeats the action's name."""
    hint = action.statusTip()
    return "" if plain(hint).casefold() == plain(action.text()).casefold() else hint


def sheet_html(window: MainWindow) -> str:
    parts = ["<h2>Keyboard shortcuts</h2>"]
    for title, rows in shortcut_sheet(window):
        parts.append(f"<h3>{html.escape(title)}</h3><table cellspacing='0' cellpadding='4'>")
        for text, keys, hint in rows:
            parts.append(f"<tr><td width='180'><b>{html.escape(keys)}</b></td>"
                         f"<td width='200'>{html.escape(text)}</td>"
                         f"<td><span style='color: gray'>{html.escape(hint)}</span></td></tr>")
        parts.append("</table>")
    return "".join(parts)


class ShortcutSheet(QDialog):
    """A read-only sheet, regenerated each time so actions added by any feature appear."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.browser = QTextBrowser()
        self.browser.setHtml(sheet_html(window))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 560)


def about_html() -> str:
    return (f"<h3>vscdesk {__version__}</h3>"
            "<p>Value streams across the value chain: a desktop diagramming tool for "
            "enterprise and IT architects.</p>"
            "<p>Works offline. Documents are plain JSON files (<tt>*.vsc.json</tt>) that diff "
            "and merge well in git.</p>"
            f"<p><small>Python {platform.python_version()} · PySide6 {PySide6.__version__} · "
            f"Qt {qVersion()} · {html.escape(sys.platform)}<br>MIT licence</small></p>")
