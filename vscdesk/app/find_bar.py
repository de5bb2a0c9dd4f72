"""Edit ▸ Find (Ctrl+F): a small bar over the top-right corner of the canvas.

Type part of a lane, stream or stage name; the first match is selected and centred at a
readable zoom as you type. Enter or F3 goes to the next match, Shift+Enter or Shift+F3 to the
previous one (both wrap), Esc closes the bar and gives the canvas the keyboard back.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QToolButton

from vscdesk.canvas.find import Match, find_matches, show_match

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

MARGIN = 10  # px between the bar and the canvas's top-right corner


class FindBar(QFrame):
    """The find field, the "3 of 12" count, previous/next buttons and a close button."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window.view)
        self.main_window = window
        self.setObjectName("find-bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.field = QLineEdit(self)
        self.field.setObjectName("find-field")
        self.field.setPlaceholderText("Find a stage, stream or lane")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(240)
        self._ink = self.field.palette().color(QPalette.ColorRole.Text)
        self.count = QLabel(self)
        self.count.setObjectName("find-count")
        self.count.setMinimumWidth(64)
        self.count.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        for text, tip, slot in (("↑", "Previous match (Shift+F3)", self.previous),
                                ("↓", "Next match (F3)", self.next),
                                ("✕", "Close (Esc)", self.close_bar)):
            button = QToolButton(self)
            button.setText(text)
            button.setToolTip(tip)
            button.setAutoRaise(True)
            button.clicked.connect(slot)
            layout.addWidget(button)
        self.matches: list[Match] = []
        self.current = -1
        self.field.textEdited.connect(self._search)
        self.field.installEventFilter(self)
        window.document.changed.connect(self._refresh)
        window.document.reset.connect(self._refresh)
        window.view.viewport().installEventFilter(self)
        self.hide()

    # -- opening and closing ----------------------------------------------------------------

    def open_bar(self) -> None:
        """Show the bar with its text selected, ready to type over."""
        self._place()
        self.show()
        self.raise_()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text():
            self._refresh()

    def close_bar(self) -> None:
        self.hide()
        self.main_window.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _place(self) -> None:
        viewport = self.main_window.view.viewport()
        self.adjustSize()
        self.move(viewport.x() + viewport.width() - self.width() - MARGIN,
                  viewport.y() + MARGIN)

    # -- searching ----------------------------------------------------------------------------

    def _search(self, text: str) -> None:
        """As you type: go to the first match."""
        self.matches = find_matches(self.main_window.document.model, text)
        self.current = -1
        if self.matches:
            self.step(1)
        else:
            self._show_count()

    def _refresh(self) -> None:
        """After an edit the matches may differ: keep the current one if it still matches."""
        if not self.isVisible():
            return
        keep = self.matches[self.current] if 0 <= self.current < len(self.matches) else None
        self.matches = find_matches(self.main_window.document.model, self.field.text())
        self.current = self.matches.index(keep) if keep in self.matches else -1
        self._show_count()

    def next(self) -> None:
        self.step(1)

    def previous(self) -> None:
        self.step(-1)

    def step(self, direction: int) -> None:
        """Go to the next (1) or previous (-1) match, wrapping around."""
        if not self.matches:
            self._show_count()
            return
        if self.current < 0:
            self.current = 0 if direction > 0 else len(self.matches) - 1
        else:
            self.current = (self.current + direction) % len(self.matches)
        show_match(self.main_window.scene, self.main_window.view, self.matches[self.current])
        self._show_count()

    def _show_count(self) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif not self.matches:
            self.count.setText("No match")
        else:
            self.count.setText(f"{max(self.current, 0) + 1} of {len(self.matches)}")
        missing = bool(self.field.text().strip()) and not self.matches
        palette = self.field.palette()
        palette.setColor(QPalette.ColorRole.Text, QColor("#B3261E") if missing else self._ink)
        self.field.setPalette(palette)

    # -- keys -------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is not self.field and self.isVisible():
            self._place()
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, shift = event.key(), bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_F3):
                self.step(-1 if shift else 1)
                return True
        return super().eventFilter(watched, event)


def install(window: MainWindow) -> FindBar:
    """Edit ▸ Find…, Find next, Find previous."""
    bar = FindBar(window)

    action = window._action  # the window's own maker: shortcut, status tip, actions[key]

    def find_next(direction: int) -> None:
        if not bar.isVisible() or not bar.field.text():
            bar.open_bar()
        else:
            bar.step(direction)

    menu = window.menus["edit"]
    menu.addSeparator()
    menu.addAction(action("find", "&Find…", bar.open_bar, QKeySequence.StandardKey.Find,
                          "Find a stage, stream or lane by name"))
    menu.addAction(action("find_next", "Find ne&xt", lambda: find_next(1),
                          QKeySequence.StandardKey.FindNext,
                          "Go to the next match"))
    menu.addAction(action("find_previous", "Find pre&vious", lambda: find_next(-1),
                          QKeySequence.StandardKey.FindPrevious,
                          "Go to the previous match"))
    return bar


__all__ = ["FindBar", "install"]
