"""The view onto the diagram: zoom, fit and pan; it tells the scene when it is an overview
(canvas/overview.py), other level of detail is left to the items."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QGraphicsView

from vscdesk.canvas.overview import is_overview

MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
LEFT_EDGE_SLACK = 32.0  # scene units of empty margin left of the row headers


class DiagramView(QGraphicsView):
    def __init__(self, scene, parent=None) -> None:
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setBackgroundBrush(QColor("#FFFFFF"))
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setFrameShape(QGraphicsView.Shape.NoFrame)
        self._fitting = True  # keep the diagram fitted to the window until the user zooms
        self._fitting_width = False  # or keep its width fitted (View ▸ Fit width)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.update_detail()
        super().paintEvent(event)

    def update_detail(self) -> None:
        """Tell the scene whether this zoom is an overview (canvas/overview.py)."""
        scene = self.scene()
        if hasattr(scene, "set_overview"):
            scene.set_overview(is_overview(self.zoom()))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._fitting:
            self.fit()
        elif self._fitting_width:
            self.fit_width()

    @property
    def fitting(self) -> bool:
        """True while the view follows the window size (until the user zooms)."""
        return self._fitting

    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPoint | None = None) -> None:
        """Zoom about ``anchor`` (viewport pixels; the pointer or the centre by default)."""
        self._fitting = self._fitting_width = False
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        left_seen = self._left_edge_seen()
        self.resetTransform()
        self.scale(factor, factor)
        self.update_detail()
        if left_seen:
            self._keep_left_edge(anchor or self.viewport().rect().center())

    def zoom_by(self, step: float, anchor: QPoint | None = None) -> None:
        self.set_zoom(self.zoom() * step, anchor)

    def _left_edge_seen(self) -> bool:
        """The diagram's left margin is in sight (at fit, or scrolled fully left)."""
        left = self.mapToScene(QPoint(0, 0)).x()
        return left <= self.sceneRect().left() + LEFT_EDGE_SLACK

    def _keep_left_edge(self, anchor: QPoint) -> None:
        """A zoom that began with the row headers in sight keeps them there, while the point
        zoomed at stays on screen: otherwise the first lane ends up hidden under the pinned
        stream labels."""
        bar = self.horizontalScrollBar()
        shift = bar.value() - bar.minimum()
        if shift > 0 and anchor.x() + shift < self.viewport().width():
            bar.setValue(bar.minimum())

    def fit(self) -> None:
        """Show the whole diagram, never enlarged beyond 100 %."""
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > 1.0:
            self.resetTransform()
        self._fitting = True
        self._fitting_width = False
        self.update_detail()

    def fit_width(self) -> None:
        """Fit the diagram's width (never beyond 100 %) and scroll down through it: a tall map
        of hundreds of stages stays readable instead of a thumbnail."""
        rect = self.sceneRect()
        bar = self.verticalScrollBar().sizeHint().width()
        width = self.viewport().width() - (0 if self.verticalScrollBar().isVisible() else bar)
        factor = min(1.0, max(width - 2, 1) / max(rect.width(), 1.0))
        top = self.mapToScene(QPoint(0, 0)).y() if self._fitting_width else rect.top()
        self.set_zoom(factor)
        # Left-aligned: centred, Qt keeps the indent it computed before the vertical scroll
        # bar appeared, and the diagram's right edge ends up under the bar.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        half = self.viewport().height() / (2 * factor)
        self.centerOn(QPointF(rect.center().x(), max(top, rect.top()) + half))
        self._fitting_width = True

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        banding = not self.rubberBandRect().isNull()
        super().mouseReleaseEvent(event)
        if banding:  # the release ended a rubber-band selection: it was used, not ignored
            event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.15 if event.angleDelta().y() > 0 else 1 / 1.15,
                         event.position().toPoint())
            event.accept()
        else:
            super().wheelEvent(event)
