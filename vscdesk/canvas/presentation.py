"""Presentation mode: a full-screen window that steps through slides with the keyboard.

A separate top-level window with its own view and scene on the same document: the editor
keeps its docks, toolbars, zoom and selection untouched underneath, and leaving (Esc) is
just closing this window.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QTransform
from PySide6.QtWidgets import QGraphicsView, QVBoxLayout, QWidget

from vscdesk.canvas.glide import Glide
from vscdesk.canvas.presentation_scene import PresentationScene
from vscdesk.render.slide_picture import slide_picture
from vscdesk.render.slides import SlideSpec, slide_sequence
from vscdesk.document import Document
from vscdesk.paint.painter import load_fonts
from vscdesk.render import palette as P
from vscdesk.render.theme import THEMES, background, dark_color

MARGIN = 0.04  # of the screen, around a slide's frame
MAX_SCALE = 2.0  # never blow a small frame up beyond this: neighbours give context
NEXT_KEYS = {Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_Space,
             Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_N}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace,
                 Qt.Key.Key_P}


def footer_height(viewport_height: int) -> float:
    """Room kept free at the bottom for the title and the slide counter."""
    return 2.6 * overlay_font_px(viewport_height)


def overlay_font_px(viewport_height: int) -> float:
    return min(max(viewport_height / 48, 13.0), 24.0)


class PresentationView(QGraphicsView):
    """Shows the slide framed to the screen and paints the title and counter over it."""

    def __init__(self, scene: PresentationScene, window: PresentationWindow) -> None:
        super().__init__(scene, window)
        self._window = window
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self.setInteractive(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)

    def framing(self, rect: tuple[float, float, float, float], centre: tuple[float, float],
                zoom: float) -> tuple[float, QPointF]:
        """Scale and scene centre that fit ``rect`` above the footer, zoomed about ``centre``."""
        vw, vh = self.viewport().width(), self.viewport().height()
        footer = footer_height(vh)
        room_w = vw * (1 - 2 * MARGIN)
        room_h = max(vh * (1 - 2 * MARGIN) - footer, 1.0)
        _, _, w, h = rect
        scale = min(room_w / max(w, 1.0), room_h / max(h, 1.0), MAX_SCALE) * zoom
        return scale, QPointF(centre[0], centre[1] + footer / 2 / scale)

    def placement(self) -> tuple[float, QPointF]:
        """The current scale and scene centre, to glide from."""
        return self.transform().m11(), self.mapToScene(self.viewport().rect().center())

    def place(self, scale: float, centre: QPointF) -> None:
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(centre)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        """Title bottom left, "3 / 21" bottom right, a thin progress line under them."""
        window = self._window
        if not window.slides:
            return
        painter.save()
        painter.resetTransform()
        vw, vh = self.viewport().width(), self.viewport().height()
        px = overlay_font_px(vh)
        ink = window.colour(P.INK_500)
        font = QFont("DejaVu Sans")
        font.setPixelSize(round(px))
        painter.setFont(font)
        strip = QColor(background(window.theme))
        strip.setAlphaF(0.9)  # zoomed slides run under the footer; keep its text readable
        painter.fillRect(QRectF(0, vh - footer_height(vh), vw, footer_height(vh)), strip)
        painter.setPen(QColor(ink))
        left = vw * MARGIN
        base = vh - px * 1.1
        counter = f"{window.index + 1} / {len(window.slides)}"
        counter_w = painter.fontMetrics().horizontalAdvance(counter)
        room = round(vw - 2 * left - counter_w - 3 * px)
        title = painter.fontMetrics().elidedText(window.current().title,
                                                 Qt.TextElideMode.ElideRight, room)
        painter.drawText(QPointF(left, base), title)
        painter.drawText(QPointF(vw - left - counter_w, base), counter)
        track = QRectF(0, vh - 4, vw, 4)
        painter.fillRect(track, QColor(window.colour(P.INK_100)))
        painter.fillRect(QRectF(0, vh - 4, vw * (window.index + 1) / len(window.slides), 4),
                         QColor(window.colour(P.INK_400)))
        painter.restore()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._window.handle_key(event.key()):
            super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._window.next()
        elif event.button() == Qt.MouseButton.RightButton:
            self._window.previous()

    def wheelEvent(self, event) -> None:
        event.accept()  # the slide frames itself; no scrolling away from it

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._window.reframe()


class PresentationWindow(QWidget):
    """Steps through the document's slides; Esc closes it."""

    slide_shown = Signal(int)
    finished = Signal(int)  # the index of the last slide shown

    def __init__(self, document: Document, theme: str = "light", start: int = 0,
                 animate: bool = False) -> None:
        super().__init__(None, Qt.WindowType.Window)
        load_fonts()
        self.setWindowTitle("Presentation — vscdesk")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.document = document
        self.theme = theme if theme in THEMES else "light"
        self.slides: list[SlideSpec] = slide_sequence(document.model)
        self.index = min(max(start, 0), max(len(self.slides) - 1, 0))
        self.scene = PresentationScene(self)
        self.glide = Glide(parent=self) if animate else None
        self.view = PresentationView(self.scene, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        document.changed.connect(self._document_changed)
        document.reset.connect(self.close)
        if self.glide is not None:
            self.glide.finished.connect(self.reframe)
        self.show_slide(self.index, animate=False)

    def colour(self, light: str) -> str:
        """A palette colour as the current theme shows it."""
        return dark_color(light) if self.theme == "dark" else light

    def current(self) -> SlideSpec:
        return self.slides[self.index]

    def start(self, full_screen: bool = True) -> None:
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.activateWindow()
        self.view.setFocus()

    # -- stepping ----------------------------------------------------------------------------

    def show_slide(self, index: int, animate: bool = True) -> None:
        """Show slide ``index``; with animation on, the items glide there from the last one."""
        if not self.slides:
            return
        glide = self.glide if animate else None
        if self.glide is not None:
            self.glide.finish()
        self.index = min(max(index, 0), len(self.slides) - 1)
        self.view.setBackgroundBrush(QColor(background(self.theme)))
        picture = slide_picture(self.document.model, self.current(), self.theme)
        if glide is None:
            self.scene.show_picture(picture)
            self.reframe()
        else:
            (s0, c0) = self.view.placement()
            (s1, c1) = self.view.framing(picture.frame, picture.centre, self.current().zoom)
            self.scene.show_picture(picture, glide, lambda t: self.view.place(
                s0 + (s1 - s0) * t, c0 + (c1 - c0) * t))
        self.view.viewport().update()
        self.slide_shown.emit(self.index)

    def reframe(self) -> None:
        picture = self.scene.picture
        if picture is not None:
            self.view.place(*self.view.framing(picture.frame, picture.centre, self.current().zoom))

    def next(self) -> None:
        if self.index + 1 < len(self.slides):
            self.show_slide(self.index + 1)

    def previous(self) -> None:
        if self.index > 0:
            self.show_slide(self.index - 1)

    def set_theme(self, theme: str) -> None:
        if theme in THEMES and theme != self.theme:
            self.theme = theme
            self.show_slide(self.index, animate=False)

    def handle_key(self, key: int) -> bool:
        """True when the key was a presentation key."""
        if key in NEXT_KEYS:
            self.next()
        elif key in PREVIOUS_KEYS:
            self.previous()
        elif key == Qt.Key.Key_Home:
            self.show_slide(0)
        elif key == Qt.Key.Key_End:
            self.show_slide(len(self.slides) - 1)
        elif key == Qt.Key.Key_T:
            self.set_theme("light" if self.theme == "dark" else "dark")
        elif key in (Qt.Key.Key_Escape, Qt.Key.Key_Q):
            self.close()
        else:
            return False
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.handle_key(event.key()):
            super().keyPressEvent(event)

    def _document_changed(self) -> None:
        """An edit (or undo) in the editor: show the same step of the new sequence."""
        self.slides = slide_sequence(self.document.model)
        if not self.slides:
            self.close()
            return
        self.show_slide(self.index, animate=False)

    def closeEvent(self, event) -> None:
        self.document.changed.disconnect(self._document_changed)
        self.document.reset.disconnect(self.close)
        super().closeEvent(event)
        self.finished.emit(self.index)
