"""Icons: the SVGs in ``resources/icons`` drawn in the theme's text colour, crisp at any DPI.

Icons are line drawings whose strokes use ``currentColor``; ``icon(name)`` substitutes the
palette's text colour (accents keep their blue). An icon is drawn only when Qt first asks for
it, at the exact size and device pixel ratio asked (``SvgIconEngine``), so a 24 px toolbar icon
on a 200 % screen comes from a 48 px rendering, never scaled up, and icons of menus nobody opens
cost nothing at start-up (drawing every icon at every size up front took 60 ms).
A disabled icon is drawn in the palette's disabled text colour rather than greyed afterwards.
``apply_icons(window)`` gives every action in ``window.actions`` its icon, by name.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from vscdesk.bundled import resource

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

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
    return sorted(_shipped())


@lru_cache(maxsize=1)
def _shipped() -> frozenset[str]:
    return frozenset(p.stem for p in resource("icons").glob("*.svg") if p.stem != APP_ICON)


def text_color(group: QPalette.ColorGroup = QPalette.ColorGroup.Active) -> QColor:
    palette = QGuiApplication.palette() if QGuiApplication.instance() is not None else QPalette()
    return palette.color(group, QPalette.ColorRole.WindowText)


@lru_cache(maxsize=512)
def _svg(name: str, color: str | None) -> QByteArray:
    text = resource("icons", f"{name}.svg").read_text(encoding="utf-8")
    if color is not None:
        text = text.replace("currentColor", color)
    return QByteArray(text.encode("utf-8"))


def _render(data: QByteArray, width: int, height: int) -> QPixmap:
    pixmap = QPixmap(max(1, width), max(1, height))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(data).render(painter, QRectF(0, 0, width, height))
    painter.end()
    return pixmap


_CLONES: list[QIconEngine] = []


class SvgIconEngine(QIconEngine):
    """Draws one bundled SVG on demand, in ``color`` (disabled: the disabled text colour);
    ``color=None`` keeps the drawing's own colours. Pixmaps are cached per size and mode."""

    def __init__(self, name: str, color: str | None, disabled: str | None) -> None:
        super().__init__()
        self._name, self._color, self._disabled = name, color, disabled
        self._cache: dict[tuple[int, int, bool], QPixmap] = {}

    def _drawn(self, width: int, height: int, mode: QIcon.Mode) -> QPixmap:
        dim = mode == QIcon.Mode.Disabled and self._disabled is not None
        key = (width, height, dim)
        pixmap = self._cache.get(key)
        if pixmap is None:
            pixmap = _render(_svg(self._name, self._disabled if dim else self._color),
                             width, height)
            self._cache[key] = pixmap
        return pixmap

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State,  # noqa: N802
                     scale: float) -> QPixmap:
        pixmap = QPixmap(self._drawn(round(size.width() * scale), round(size.height() * scale),
                                     mode))
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return QPixmap(self._drawn(size.width(), size.height(), mode))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode,
              state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:  # noqa: N802
        return QSize(size)

    def clone(self) -> QIconEngine:
        # Qt owns the copy, but PySide would delete it with its last Python reference, so
        # clones (made only when a shared icon is changed, which is rare) are kept.
        copy = SvgIconEngine(self._name, self._color, self._disabled)
        _CLONES.append(copy)
        return copy

    def key(self) -> str:
        return "vscdesk-svg"

    def iconName(self) -> str:  # noqa: N802
        return ""  # not a theme icon: a desktop menu bar must not look ours up by name

    def isNull(self) -> bool:  # noqa: N802
        return False


@lru_cache(maxsize=512)
def _icon(name: str, color: str | None, disabled: str | None) -> QIcon:
    return QIcon(SvgIconEngine(name, color, disabled))


def icon(name: str, color: QColor | None = None) -> QIcon:
    """The named icon in ``color`` (default: the palette's text colour); unknown names raise."""
    if name not in _shipped():
        raise KeyError(f"no icon called {name!r}")
    disabled = text_color(QPalette.ColorGroup.Disabled).name() if color is None else None
    return QIcon(_icon(name, (color or text_color()).name(), disabled))


def app_icon() -> QIcon:
    """The application icon (its own colours, in every theme)."""
    return QIcon(_icon(APP_ICON, None, None))


def icon_name_for(action_name: str) -> str | None:
    """Which icon an action of this name gets, or None."""
    if action_name in _shipped():
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

