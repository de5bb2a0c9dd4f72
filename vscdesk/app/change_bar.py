"""A slim notice above the canvas (like a browser's info bar): news about the open file.

It never takes the keyboard from the user's work: its buttons are reachable with Tab or their
Alt+letter, and Escape on the bar dismisses it. Colours follow the light or dark chrome.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette, QPixmap
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QPushButton,
                               QSizePolicy, QToolButton, QVBoxLayout, QWidget)

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

Level = Literal["warning", "error"]
#: (button text with its &mnemonic, tooltip, what it does)
BarAction = tuple[str, str, Callable[[], None]]

# Fill, line and badge colours of the two kinds of notice, in light and dark chrome
# (the Fluent info-bar palette: familiar from the desktop, quiet beside the diagram).
_COLOURS: dict[tuple[Level, bool], tuple[str, str, str]] = {
    ("warning", False): ("#fff4ce", "#e9d48a", "#9d5d00"),
    ("warning", True): ("#433519", "#5e4b22", "#fce100"),
    ("error", False): ("#fde7e9", "#efb8be", "#c42b1c"),
    ("error", True): ("#442726", "#643a38", "#ff99a4"),
}


class ChangeBar(QFrame):
    """One line: a badge, the message, its buttons and a close button; hidden until needed."""

    #: the bar was closed by the user (✕, Escape or a button that only dismisses)
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("change-bar")
        self.setAccessibleName("File notice")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.level: Level = "warning"
        self.badge = QLabel(self)
        self.message = QLabel(self)
        self.message.setObjectName("change-bar-message")
        self.message.setTextFormat(Qt.TextFormat.RichText)  # only our escaped <b> markup
        self.message.setWordWrap(True)
        self.message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("change-bar-close")
        self.close_button.setText("✕")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip("Dismiss (Esc)")
        self.close_button.setAccessibleName("Dismiss")
        self.close_button.clicked.connect(self.dismiss)
        self.buttons: list[QPushButton] = []
        #: gets the keyboard back when the bar closes while it had it (the canvas)
        self.return_focus: QWidget | None = None
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(10, 4, 6, 4)
        self._row.setSpacing(8)
        self._row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self._row.addWidget(self.message, 1)
        self._row.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.hide()

    # -- what it says --------------------------------------------------------------------------

    def show_notice(self, name: str, text: str, actions: Sequence[BarAction] = (),
                    level: Level = "warning") -> None:
        """Show "**name** text" (both plain text, the name in bold) with one button per action."""
        self.level = level
        self.message.setText(f"<b>{html.escape(name)}</b> {html.escape(text)}")
        plain = f"{name} {text}"
        self.message.setToolTip(plain if len(plain) > 90 else "")
        self.setAccessibleDescription(plain)
        for button in self.buttons:
            self._row.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; the bar is shown before that
            button.deleteLater()
        self.buttons = []
        for label, tip, slot in actions:
            button = QPushButton(label, self)
            button.setToolTip(tip)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            self._row.insertWidget(self._row.count() - 1, button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(button)
        self._restyle()
        self.show()

    def text(self) -> str:
        """The message as the user reads it."""
        return self.accessibleDescription()

    def dismiss(self) -> None:
        """Close the bar; the canvas (or wherever the user was) keeps the keyboard."""
        if not self.isVisible():
            return
        focus = QApplication.focusWidget()
        had_focus = focus is not None and (focus is self or self.isAncestorOf(focus))
        self.hide()
        if had_focus and self.return_focus is not None:
            self.return_focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.dismissed.emit()

    def clear(self) -> None:
        """Hide without it counting as the user's answer (the file was reopened or saved)."""
        self.hide()

    # -- looks ---------------------------------------------------------------------------------

    def _dark(self) -> bool:
        return self.palette().color(QPalette.ColorRole.Window).lightness() < 128

    def _colours(self) -> tuple[QColor, QColor, QColor]:
        fill, line, badge = _COLOURS[(self.level, self._dark())]
        return QColor(fill), QColor(line), QColor(badge)

    def _restyle(self) -> None:
        self.badge.setPixmap(_badge(self._colours()[2], "!" if self.level == "warning" else "✕",
                                    self.devicePixelRatioF(), self._dark()))
        self.badge.setFixedSize(18, 18)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self._restyle()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        fill, line, _badge_colour = self._colours()
        painter = QPainter(self)
        painter.fillRect(self.rect(), fill)
        painter.fillRect(0, self.height() - 1, self.width(), 1, line)
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.dismiss()
            return
        super().keyPressEvent(event)


def _badge(colour: QColor, glyph: str, ratio: float, dark: bool) -> QPixmap:
    """A filled circle with a glyph, drawn at the screen's pixel ratio so it stays crisp."""
    size = 16
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1, size - 1))
    font = QFont()
    font.setBold(True)
    font.setPixelSize(11 if glyph == "!" else 9)
    painter.setFont(font)
    painter.setPen(QColor("#1d232a" if dark else "#ffffff"))
    painter.drawText(QRectF(0, 0, size, size), Qt.AlignmentFlag.AlignCenter, glyph)
    painter.end()
    return pixmap


def add_change_bar(window: MainWindow) -> ChangeBar:
    """Put a (hidden) bar above the canvas: the canvas moves into a box with the bar on top."""
    view = window.takeCentralWidget()  # taken, not deleted, unlike a plain setCentralWidget
    area = QWidget(window)
    area.setObjectName("canvas-area")
    column = QVBoxLayout(area)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(0)
    bar = ChangeBar(area)
    bar.return_focus = view
    column.addWidget(bar)
    column.addWidget(view, 1)
    window.setCentralWidget(area)
    return bar
