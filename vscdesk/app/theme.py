"""Light and dark chrome that follows the system (Qt 6.5+ colour scheme), or the user's choice.

Only the chrome changes: the diagram is a document and stays light (the canvas paints its
own white background), exactly as it will look when exported.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from vscdesk.app.settings import settings

CHOICES = ("system", "light", "dark")
SETTING = "appearance/theme"
ACCENT = "#2f7ed8"

_R = QPalette.ColorRole
_LIGHT = {
    _R.Window: "#f3f4f6", _R.WindowText: "#1d232a", _R.Base: "#ffffff",
    _R.AlternateBase: "#f0f2f5", _R.Text: "#1d232a", _R.Button: "#f7f8fa",
    _R.ButtonText: "#1d232a", _R.ToolTipBase: "#fffef5", _R.ToolTipText: "#1d232a",
    _R.PlaceholderText: "#7a828c", _R.Highlight: ACCENT, _R.HighlightedText: "#ffffff",
    _R.Link: "#1f66b8", _R.LinkVisited: "#6b4fb8", _R.BrightText: "#ffffff",
    _R.Light: "#ffffff", _R.Midlight: "#e8eaee", _R.Mid: "#c4c9d0", _R.Dark: "#9aa1ab",
    _R.Shadow: "#5a6068",
}
_DARK = {
    _R.Window: "#1f2226", _R.WindowText: "#e4e7eb", _R.Base: "#17191c",
    _R.AlternateBase: "#23262b", _R.Text: "#e4e7eb", _R.Button: "#2a2e33",
    _R.ButtonText: "#e4e7eb", _R.ToolTipBase: "#2a2e33", _R.ToolTipText: "#e4e7eb",
    _R.PlaceholderText: "#8a929c", _R.Highlight: ACCENT, _R.HighlightedText: "#ffffff",
    _R.Link: "#6aa9ff", _R.LinkVisited: "#b39dff", _R.BrightText: "#ffffff",
    _R.Light: "#3a3f45", _R.Midlight: "#30353a", _R.Mid: "#24282c", _R.Dark: "#121417",
    _R.Shadow: "#000000",
}


def system_scheme() -> str:
    """'dark' when the desktop asks for dark colours, else 'light' (also when it cannot tell)."""
    app = QGuiApplication.instance()
    if app is None:
        return "light"
    scheme = QGuiApplication.styleHints().colorScheme()
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def chosen() -> str:
    value = settings().value(SETTING, "system")
    return value if value in CHOICES else "system"


def palette_for(scheme: str) -> QPalette:
    palette = QPalette()
    for role, color in (_DARK if scheme == "dark" else _LIGHT).items():
        palette.setColor(role, QColor(color))
    disabled = QColor("#6c737c") if scheme == "dark" else QColor("#a3a9b1")
    for role in (_R.WindowText, _R.Text, _R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def apply_theme(app: QApplication, choice: str | None = None) -> str:
    """Colour the chrome for ``choice`` (default: the saved choice); returns 'light' or 'dark'."""
    choice = choice or chosen()
    scheme = system_scheme() if choice == "system" else choice
    if sys.platform != "darwin":  # macOS draws its own light and dark chrome natively
        app.setStyle("Fusion")
        app.setPalette(palette_for(scheme))
    app.setProperty("vscdesk_scheme", scheme)
    return scheme


def current_scheme() -> str:
    app = QGuiApplication.instance()
    value = app.property("vscdesk_scheme") if app is not None else None
    return value if value in ("light", "dark") else "light"
