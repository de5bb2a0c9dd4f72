"""Icons: the SVGs in ``resources/icons`` drawn in the theme's text colour, crisp at any DPI.

Icons are line drawings whose strokes use ``currentColor``; ``icon(name)`` substitutes the
palette's text colour (accents keep their blue) and renders each common size at 1x, 2x and 3x,
so a 24 px toolbar icon on a 200 % screen is drawn from a 48 px rendering, never scaled up.
``apply_icons(window)`` gives every action in ``window.actions`` its icon, by name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from vscdesk.bundled import resource

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

SIZES = (16, 20, 24, 32, 48)
SCALES = (1, 2, 3)
APP_ICON = "vscdesk"

#: action name -> icon name, where they differ or the name is known ahead of its action
ACTION_ICONS: dict[str, str] = {
    "new_from_template": "template", "open_example": "example", "presentation": "present",
    "present_slides": "present", "start_presentation": "present", "add_slide": "slide",
    "slides": "slide", "select_all": "select_all", "delete": "delete", "remove": "delete",
    "rename": "rename", "keyboard_shortcuts": "shortcuts", "preferences": "settings",
    "problems": "problems", "metrics": "metrics", "stakeholders": "stakeholder",
    "activity_loop": "stream", "loop": "stream", "export_pdf": "export", "export_png": "export",
    "export_svg": "export", "print": "print", "theme": "theme", "toggle_panels": "panel",
    "move_earlier": "move_left", "move_later": "move_right", "presentation_light": "theme",
    "presentation_dark": "theme", "link_mode": "link", "present_here": "present",
}
#: when no exact name matches: a word in the action name -> icon (first match wins)
KEYWORDS: tuple[tuple[str, str], ...] = (
    ("delete", "delete"), ("remove", "delete"), ("import", "import"), ("export", "export"),
    ("present", "present"), ("slide", "slide"), ("paste", "paste"), ("copy", "copy"),
    ("cut", "cut"), ("find", "find"), ("search", "find"), ("rename", "rename"),
    ("stakeholder", "stakeholder"), ("link", "link"), ("lane", "lane"), ("stream", "stream"),
    ("stage", "stage"), ("template", "template"), ("problem", "problems"),
    ("metric", "metrics"), ("panel", "panel"), ("dock", "panel"), ("left", "move_left"),
    ("right", "move_right"), ("up", "move_up"), ("down", "move_down"), ("add", "add"),
    ("insert", "add"), ("new", "new"), ("zoom", "zoom_in"), ("print", "print"),
    ("history", "undo_history"), ("help", "help"), ("setting", "settings"),
    ("theme", "theme"),
)


def icon_names() -> list[str]:
    """Every icon shipped (file names without .svg), the application icon excluded."""
    return sorted(p.stem for p in resource("icons").glob("*.svg") if p.stem != APP_ICON)


def text_color() -> QColor:
    app = QGuiApplication.instance()
    palette = app.palette() if app is not None else QPalette()
    return palette.color(QPalette.ColorRole.WindowText)


@lru_cache(maxsize=512)
def _svg(name: str, color: str) -> QByteArray:
    text = resource("icons", f"{name}.svg").read_text(encoding="utf-8")
    return QByteArray(text.replace("currentColor", color).encode("utf-8"))


def _render(data: QByteArray, pixels: int) -> QPixmap:
    pixmap = QPixmap(pixels, pixels)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(data).render(painter, QRectF(0, 0, pixels, pixels))
    painter.end()
    return pixmap


@lru_cache(maxsize=512)
def _icon(name: str, color: str) -> QIcon:
    data = _svg(name, color)
    result = QIcon()
    for size in {s * k for s in SIZES for k in SCALES}:
        result.addPixmap(_render(data, size))
    return result


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The named icon in ``color`` (default: the palette's text colour); unknown names raise."""
    if not resource("icons", f"{name}.svg").is_file():
        raise KeyError(f"no icon called {name!r}")
    return QIcon(_icon(name, (color or text_color()).name()))


def app_icon() -> QIcon:
    """The application icon (its own colours, in every theme)."""
    data = QByteArray(resource("icons", f"{APP_ICON}.svg").read_bytes())
    result = QIcon()
    for size in (16, 24, 32, 48, 64, 128, 256, 512):
        result.addPixmap(_render(data, size))
    return result


def icon_name_for(action_name: str) -> str | None:
    """Which icon an action of this name gets, or None."""
    names = set(icon_names())
    if action_name in names:
        return action_name
    if action_name in ACTION_ICONS:
        return ACTION_ICONS[action_name]
    words = action_name.lower().replace("-", "_").split("_")
    for word, name in KEYWORDS:
        if word in words:
            return name
    return None


def apply_icons(window: MainWindow) -> list[str]:
    """Give each action in ``window.actions`` its icon (icons set elsewhere are kept); the names."""
    covered = []
    for action_name, action in window.actions.items():
        name = icon_name_for(action_name)
        if name is None or (not action.icon().isNull() and not action.property("vscdesk_icon")):
            continue
        action.setIcon(icon(name))
        action.setProperty("vscdesk_icon", name)  # ours, so a theme change may redraw it
        covered.append(action_name)
    return covered

