"""Icons are drawn when Qt first asks for them, at the size asked, and live as long as needed."""

import gc

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QPixmap
from session_helpers import finished_window

from vscdesk.app import icons
from vscdesk.app.icons import icon, icon_names


def _counting_renders(monkeypatch) -> list[int]:
    drawn: list[int] = []
    real = icons._render

    def render(data, width, height):
        drawn.append(width)
        return real(data, width, height)

    monkeypatch.setattr(icons, "_render", render)
    icons._icon.cache_clear()
    return drawn


def test_building_the_window_draws_no_icon_until_it_is_shown(qtbot, monkeypatch):
    drawn = _counting_renders(monkeypatch)
    window = finished_window(qtbot)
    with_icons = [a for a in window.actions.values() if not a.icon().isNull()]
    assert len(with_icons) > 60 and len(drawn) <= 8  # a few page pictures, not every action
    before = len(drawn)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: len(drawn) > before)
    toolbar_buttons = sum(len(bar.actions()) for bar in window.findChildren(
        type(window.addToolBar("probe"))))
    assert len(drawn) - before <= toolbar_buttons + 4  # what is on screen, at one size


def test_an_icon_is_drawn_once_per_size(qapp, monkeypatch):
    drawn = _counting_renders(monkeypatch)
    saved = icon("save")
    for _ in range(5):
        saved.pixmap(QSize(24, 24), 2.0)
    assert drawn == [48]


def test_disabled_icons_use_the_disabled_text_colour(qapp):
    saved = icon("save")
    normal = saved.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Normal).toImage()
    disabled = saved.pixmap(QSize(24, 24), 1.0, QIcon.Mode.Disabled).toImage()
    assert normal != disabled and not disabled.isNull()


def test_colours_and_the_application_icon(qapp):
    red = icon("save", QColor("#ff0000")).pixmap(QSize(32, 32), 1.0).toImage()
    reds = [red.pixelColor(x, y) for x in range(32) for y in range(32)
            if red.pixelColor(x, y).alpha() == 255]
    strokes = [c for c in reds if c.red() > 200 and c.green() < 60 and c.blue() < 60]
    assert len(strokes) > 0.6 * len(reds)  # drawn in the colour asked (accents keep theirs)
    app = icons.app_icon().pixmap(QSize(256, 256), 1.0)
    assert app.width() == 256 and not app.toImage().isNull()


def test_engines_outlive_their_python_wrappers(qapp):
    """Qt owns each engine: dropping every Python reference, collecting, copying and detaching
    icons (which clones the engine) thousands of times draws and never crashes."""
    names = icon_names()
    kept = []
    for turn in range(3000):
        icons._icon.cache_clear()
        made = icon(names[turn % len(names)])
        gc.collect() if turn % 500 == 0 else None
        copy = QIcon(made)
        copy.addPixmap(QPixmap(4, 4))  # detaches: Qt clones the engine
        kept.append(made)
        if len(kept) > 50:
            kept.pop(0)
    gc.collect()
    for made in kept:
        assert made.pixmap(QSize(16, 16), 1.0).width() == 16
