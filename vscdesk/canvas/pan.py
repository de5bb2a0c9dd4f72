"""Panning by hand: middle-button drag, or left drag while the space bar is held."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QGraphicsView


class Panner:
    """Moves the view's scroll bars by the pointer's movement, like grabbing the paper."""

    def __init__(self, view: QGraphicsView) -> None:
        self.view = view
        self._last: QPoint | None = None

    @property
    def active(self) -> bool:
        return self._last is not None

    def start(self, pos: QPoint) -> None:
        self._last = QPoint(pos)
        self.view.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)

    def move(self, pos: QPoint) -> None:
        if self._last is None:
            return
        delta = pos - self._last
        self._last = QPoint(pos)
        h, v = self.view.horizontalScrollBar(), self.view.verticalScrollBar()
        h.setValue(h.value() - delta.x())
        v.setValue(v.value() - delta.y())

    def end(self, space_held: bool = False) -> None:
        self._last = None
        if space_held:
            self.view.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            self.view.viewport().unsetCursor()
