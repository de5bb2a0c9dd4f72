"""Rename in place: a line edit laid over a card, lane header or stream label.

Enter (or clicking elsewhere) commits through a callback that pushes one command, Esc cancels.
It is a real child widget of the view's viewport rather than an item in the scene, so its
keys (Delete, Ctrl+C, arrows...) reach the line edit before any canvas shortcut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from vscdesk.canvas.items import SELECTION

MIN_FONT_PX = 11


class InlineEditor(QObject):
    """One line edit per view, shown over the thing being renamed."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.line = QLineEdit(view.viewport())
        self.line.setObjectName("inline-editor")
        self.line.hide()
        self.line.setFrame(False)
        self.line.setStyleSheet(
            f"QLineEdit#inline-editor {{ background: white; color: #1D2733;"
            f" border: 2px solid {SELECTION.name()}; border-radius: 4px; padding: 0 4px; }}")
        self.line.installEventFilter(self)
        self.line.editingFinished.connect(self.commit)
        self._on_commit: Callable[[str], None] | None = None
        self._original = ""

    @property
    def active(self) -> bool:
        return self._on_commit is not None

    def open(self, scene_rect: QRectF, text: str, font_px: float, bold: bool,
             on_commit: Callable[[str], None]) -> None:
        """Show the editor over ``scene_rect`` with ``text`` selected."""
        if self.active:
            self.commit()
        self._on_commit, self._original = on_commit, text
        self.view.ensureVisible(scene_rect, 40, 40)
        zoom = self.view.transform().m11()
        rect = self.view.mapFromScene(scene_rect).boundingRect()
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(MIN_FONT_PX, round(font_px * zoom)))
        font.setBold(bold)
        self.line.setFont(font)
        height = max(rect.height(), self.line.fontMetrics().height() + 8)
        self.line.setGeometry(rect.x(), rect.center().y() - height // 2,
                              max(rect.width(), 120), height)
        self.line.setText(text)
        self.line.selectAll()
        self.line.show()
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit(self) -> None:
        """Hand the text to the callback (unless unchanged or blank) and close."""
        callback = self._on_commit
        if callback is None:
            return
        text = self.line.text().strip()
        self._close()
        if text and text != self._original:
            callback(text)

    def cancel(self) -> None:
        """Close without changing anything."""
        if self._on_commit is not None:
            self._close()

    def _close(self) -> None:
        self._on_commit = None
        self.line.blockSignals(True)  # hiding drops focus, which would finish editing again
        self.line.hide()
        self.line.blockSignals(False)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit()  # handled here: QLineEdit would pass the key on to the canvas
                return True
        return super().eventFilter(watched, event)
