"""The welcome page: the first start's way in (example, templates, open, recent files).

It lies over the canvas until a document is opened or created (any ``reset``), and comes back
from Help ▸ Welcome.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from vscdesk.app import dialogs
from vscdesk.app.icons import app_icon, icon
from vscdesk.app.session import recent_files
from vscdesk.interop.templates import TEMPLATES

if TYPE_CHECKING:
    from vscdesk.app.interop_actions import InteropActions
    from vscdesk.app.main_window import MainWindow

MAX_CARD_WIDTH = 1080
TEMPLATE_TITLES = {"itil4": "ITIL 4", "porter": "Porter's value chain", "it4it": "IT4IT",
                   "business-units": "Business units", "blank": "Blank document"}
STYLE = """
#welcome { background: palette(window); }
#welcome_card { background: palette(base); border: 1px solid palette(midlight); border-radius: 10px; }
QFrame[choice="true"] { border: 1px solid transparent; border-radius: 6px; background: transparent; }
QFrame[choice="true"]:hover, QFrame[choice="true"]:focus { background: palette(alternate-base);
                                                        border-color: palette(mid); }
QLabel[role="heading"] { font-size: 11pt; font-weight: 600; }
QLabel[role="muted"] { color: palette(placeholder-text); }
"""



@lru_cache(maxsize=1)
def example_summary() -> str:
    """What the bundled example holds, counted from the file (it changes; this text follows)."""
    from vscdesk.bundled import example_path

    try:
        data = json.loads(example_path().read_text(encoding="utf-8"))
        streams, title = len(data["streams"]), data["title"]
        chain = data["chain"]["name"]
    except (OSError, ValueError, KeyError, TypeError):
        return "A worked example with SLAs and stakeholders"
    noun = "stream" if streams == 1 else "streams"
    return f"{title}: {streams} {noun} across the {chain}, with SLAs and stakeholders"

class Choice(QFrame):
    """A large button: icon, bold title and a muted line saying what it does.

    A frame rather than a QPushButton, so the wrapped description gets the height it needs.
    """

    clicked = Signal()

    def __init__(self, icon_name: str, title: str, detail: str, on_click: Callable[[], object]):
        super().__init__()
        self.setProperty("choice", True)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(title)
        self.setAccessibleDescription(detail)
        self.setToolTip(detail)
        glyph = QLabel()
        glyph.setPixmap(icon(icon_name).pixmap(QSize(24, 24), self.devicePixelRatioF()))
        text = QLabel(f"<b>{html.escape(title)}</b>")
        text.setWordWrap(True)
        note = QLabel(detail)
        note.setProperty("role", "muted")
        note.setWordWrap(True)
        column = QVBoxLayout()
        column.setSpacing(1)
        column.addWidget(text)
        column.addWidget(note)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 8, 10, 8)
        row.setSpacing(10)
        row.addWidget(glyph, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(column, 1)
        self.clicked.connect(lambda: on_click())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.clicked.emit()
        else:
            super().keyPressEvent(event)


def _column(title: str, widgets: list[QWidget]) -> QWidget:
    box = QWidget()
    box.setMinimumWidth(180)
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    heading = QLabel(title)
    heading.setProperty("role", "heading")
    column.addWidget(heading)
    for widget in widgets:
        column.addWidget(widget)
    column.addStretch(1)
    return box


class WelcomePage(QFrame):
    """Covers the canvas with the ways to start; hides itself once a document is shown."""

    def __init__(self, window: MainWindow, interop: InteropActions) -> None:
        super().__init__(window.view)
        self.main_window = window
        self.interop = interop
        self.setObjectName("welcome")
        self.setStyleSheet(STYLE)
        self.setAutoFillBackground(True)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 32, 32, 32)
        outer.addStretch(1)
        self.card = QFrame()
        self.card.setObjectName("welcome_card")
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        self.card_layout = QVBoxLayout(self.card)
        self.card_layout.setContentsMargins(28, 24, 28, 24)
        self.card_layout.setSpacing(18)
        self.card_layout.addLayout(self._header())
        self.body: QWidget | None = None
        #: shown from Help ▸ Welcome over an open document: a way back to it (and Esc)
        self.back_to: str | None = None
        window.view.installEventFilter(self)
        window.document.reset.connect(self.hide)
        self.refresh()
        self.hide()

    def _header(self) -> QHBoxLayout:
        logo = QLabel()
        logo.setPixmap(app_icon().pixmap(QSize(56, 56), self.devicePixelRatioF()))
        title = QLabel("<span style='font-size: 18pt; font-weight: 600'>Welcome to vscdesk</span>")
        tagline = QLabel("Draw value streams across the swimlanes of your value chain, edit "
                         "their SLAs and stakeholders, and present both views.")
        tagline.setProperty("role", "muted")
        tagline.setWordWrap(True)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(tagline)
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(logo)
        row.addLayout(text, 1)
        return row

    def refresh(self) -> None:
        """Rebuild the three columns (recent files change between showings)."""
        if self.body is not None:
            self.body.hide()
            self.body.deleteLater()
        self.body = QWidget()
        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.setSpacing(28)
        start = [] if self.back_to is None else [
            Choice("move_left", f"Back to {self.back_to}", "Close this page (Esc)", self.go_back)]
        start += [
            Choice("new", "New document", "No streams yet, on the six lanes of the ITIL 4 "
                   "service value chain (rename or delete them)", self.main_window.new_file),
            Choice("open", "Open…", "A *.vsc.json document", self.main_window.open_file),
            Choice("example", "Explore the example", example_summary(), self.open_example),
        ]
        templates = [Choice("template", TEMPLATE_TITLES.get(name, name.title()), detail,
                            lambda n=name: self.new_from_template(n))
                     for name, detail in TEMPLATES.items()]
        recent: list[QWidget] = [Choice("open_recent", path.name, str(path.parent),
                                        lambda p=path: self.open_recent(p))
                                 for path in recent_files()[:6]]
        if not recent:
            empty = QLabel("Documents you open or save will be listed here. You can also drop a "
                           "file onto this window.")
            empty.setProperty("role", "muted")
            empty.setWordWrap(True)
            recent = [empty]
        for title, widgets in (("Start", start), ("New from a template", templates),
                               ("Recent", recent)):
            columns.addWidget(_column(title, widgets), 1)
        self.card_layout.addWidget(self.body)

    def show_page(self, back_to: str | None = None) -> None:
        """Show the page; ``back_to`` names the document it covers, which it offers to return
        to (at the first start, or after a file failed to open, there is none)."""
        self.back_to = back_to
        self.refresh()
        self.fit_to_view()
        self.show()
        self.raise_()

    def fit_to_view(self) -> None:
        """Cover the canvas; the card is as wide as the canvas allows, up to a readable width."""
        rect = self.main_window.view.rect()
        self.setGeometry(rect)
        self.card.setFixedWidth(max(600, min(MAX_CARD_WIDTH, rect.width() - 48)))

    def open_example(self) -> None:
        from vscdesk.bundled import example_path
        from vscdesk.storage import LoadError, load

        if not self.main_window.maybe_discard():
            return
        try:
            model = load(example_path())
        except LoadError as err:
            dialogs.show_error(self.main_window, "Cannot open the example", str(err))
            return
        # Opened without a path, so Save asks where: never write into the installed package.
        self.main_window.show_model(model, None, f"{model.title} (example)")

    def new_from_template(self, name: str) -> None:
        self.interop.new_from_template(name)  # as File ▸ New from template does

    def open_recent(self, path: Path) -> None:
        if self.main_window.maybe_discard():
            self.main_window.open_path(path)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_to_view()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.back_to is not None:
            self.go_back()
        else:
            super().keyPressEvent(event)

    def go_back(self) -> None:
        self.hide()
        self.main_window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def from_help(self) -> None:
        """Help ▸ Welcome: over a document on screen, with the way back to it."""
        self.show_page(self.main_window.display_name if self.isHidden() else self.back_to)


def install(window: MainWindow, interop: InteropActions) -> WelcomePage:
    """The page and Help ▸ Welcome."""
    page = WelcomePage(window, interop)
    action = QAction("&Welcome", window)
    action.setStatusTip("Show the welcome page: the example, templates and recent files")
    action.triggered.connect(page.from_help)
    window.actions["welcome"] = action
    help_menu = window.menus.get("help")
    if help_menu is not None:
        first = help_menu.actions()[0] if help_menu.actions() else None
        help_menu.insertAction(first, action)
    return page
