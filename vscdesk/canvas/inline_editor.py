"""Rename in place: a line edit laid over a card, lane header or stream label.

Enter (or clicking elsewhere) commits through a callback that pushes one command, Esc cancels.
It is a real child widget of the view's viewport rather than an item in the scene, so its
keys (Delete, Ctrl+C, arrows...) reach the line edit before any canvas shortcut.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QGraphicsView, QLineEdit

from vscdesk.canvas.items import SELECTION

MIN_FONT_PX = 7  # below this the editor stops shrinking and is centred over the name
BORDER_PX = 2
_STYLE = (f"QLineEdit#inline-editor {{{{ background: white; color: #1D2733;"
          f" border: {BORDER_PX}px solid {SELECTION.name()}; border-radius: 3px;"
          f" padding: 0 {{pad}}px; }}}}")


class InlineEditor(QObject):
    """One line edit per view, shown over the thing being renamed."""

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self.line = QLineEdit(view.viewport())
        self.line.setObjectName("inline-editor")
        self.line.hide()
        self.line.setFrame(False)
        self.line.installEventFilter(self)
        self.line.editingFinished.connect(self.commit)
        self._on_commit: Callable[[str], None] | None = None
        self._original = ""
        self._locate: Callable[[], QRectF | None] = lambda: None
        self._font_px, self._bold = 12.0, True
        self._pad = -1
        # The view may re-fit or scroll after the edit that opened the editor (an added card
        # widens its lane): the editor follows whatever the view does next.
        for bar in (view.horizontalScrollBar(), view.verticalScrollBar()):
            bar.valueChanged.connect(self._place)
            bar.rangeChanged.connect(self._place)
        self._viewport = view.viewport()  # kept: no C++ call per event, even in teardown
        self._viewport.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._on_commit is not None

    def open(self, scene_rect: QRectF | Callable[[], QRectF | None], text: str, font_px: float,
             bold: bool, on_commit: Callable[[str], None]) -> None:
        """Show the editor over ``scene_rect`` (or the rect a callable gives after each
        re-layout) with ``text`` selected, at the view's zoom."""
        if self.active:
            self.commit()
        self._on_commit, self._original = on_commit, text
        self._locate = scene_rect if callable(scene_rect) else (lambda: QRectF(scene_rect))
        self._font_px, self._bold = font_px, bold
        first = self._locate()
        if first is not None:
            self.view.ensureVisible(first, 40, 40)
        self.line.setText(text)
        self.line.selectAll()
        self._place()
        self.line.show()
        self.line.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, self._place)  # after the view settled (a re-fit, a scroll)

    def _place(self, *_args) -> None:
        """Lay the line edit over the name at the current zoom and scroll position."""
        if not self.active:
            return
        scene_rect = self._locate()
        if scene_rect is None:
            return
        zoom = self.view.transform().m11()
        rect = self.view.mapFromScene(scene_rect).boundingRect()
        scaled = self._font_px * zoom
        font = QFont("DejaVu Sans")
        font.setPixelSize(max(MIN_FONT_PX, round(scaled)))
        font.setBold(self._bold)
        pad = max(1, round(4 * zoom))
        if font != self.line.font():
            self.line.setFont(font)
        if pad != self._pad:
            self._pad = pad
            self.line.setStyleSheet(_STYLE.format(pad=pad))
        height = max(round(scaled * 1.6), self.line.fontMetrics().height() + 2) + 2 * BORDER_PX
        width = rect.width() + 2 * BORDER_PX
        if scaled < MIN_FONT_PX:  # too far out to scale down: a readable editor, centred
            width = max(width, self.line.fontMetrics().horizontalAdvance("M") * 12)
        centre = rect.center()
        self.line.setGeometry(QRect(centre.x() - width // 2, centre.y() - height // 2,
                                    width, height))

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
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._place()
            return False
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                self.cancel()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.commit()  # handled here: QLineEdit would pass the key on to the canvas
                return True
        return super().eventFilter(watched, event)
