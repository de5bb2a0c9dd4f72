"""Glide between the chain and the stream view: the same stage moves, everything else fades.

The scene switches views the ordinary way (``set_view`` rebuilds and reconciles by key), so the
end state is exactly the target drawing. Only the in-between is animated: items whose key is
in both drawings travel from their old centre to their new one while their old look fades out
on a ghost; items that only the target has fade in; items that only the source had fade out on
ghosts that are removed at the end. The stage the user is looking at stays under the same
viewport point, so the eye can follow it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsView

from vscdesk.canvas.glide import DURATION_MS, Glide, local_centre, scene_centre, snapshot
from vscdesk.canvas.scene import DiagramScene

__all__ = ["ViewTransition", "scene_centre"]


@dataclass
class _Anchor:
    """The stage to keep still on screen, and where it was."""

    key: str
    viewport_point: QPointF


class ViewTransition(QObject):
    """Switches a scene's view, animated over ``duration_ms`` unless told otherwise."""

    finished = Signal()  # the scene shows exactly the target drawing

    def __init__(self, scene: DiagramScene, view: QGraphicsView | None = None,
                 duration_ms: int = DURATION_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.view = view
        self.glide = Glide(duration_ms, self)
        self.glide.finished.connect(self._landed)
        self._anchor: _Anchor | None = None
        self._zoom = (1.0, 1.0)
        self._fitting = False
        self._switching = False
        scene.rebuilt.connect(self._on_rebuilt)

    def is_running(self) -> bool:
        return self.glide.is_running()

    def run(self, target: str, animate: bool = True) -> None:
        """Show ``target`` ("chain" or "stream"); a running glide jumps to its end first."""
        self.glide.finish()
        if target == self.scene.view:
            return
        view = self.view
        self._fitting = bool(view is not None and getattr(view, "fitting", False))
        self._anchor = None if view is None or self._fitting else self._find_anchor(view)
        before = snapshot(self.scene.items_by_key)
        old_rect = self.scene.sceneRect()
        self._switching = True
        try:
            self.scene.set_view(target)
        finally:
            self._switching = False
        d = self.scene.current_drawing()
        self.scene.setSceneRect(old_rect.united(QRectF(0, 0, d.width, d.height)))
        self._zoom = (self._current_zoom(), self._target_zoom())
        self.glide.start(self.scene, before, self.scene.items_by_key,
                         on_frame=self._view_frame, animate=animate)

    def _find_anchor(self, view: QGraphicsView) -> _Anchor | None:
        """The first selected stage, or the stage nearest the middle of the viewport."""
        items = self.scene.items_by_key
        selected = [f"stage:{sid}" for sid in self.scene.selected_stage_ids()]
        keys = [k for k in selected if k in items]
        if not keys:
            middle = view.mapToScene(view.viewport().rect().center())
            stages = [k for k, item in items.items() if item.group.kind == "stage"]
            if not stages:
                return None

            def distance(key: str) -> float:
                d = scene_centre(items[key].group) - QPointF(middle)
                return d.x() ** 2 + d.y() ** 2

            keys = [min(stages, key=distance)]
        point = view.mapFromScene(scene_centre(items[keys[0]].group))
        return _Anchor(keys[0], QPointF(point))

    def _current_zoom(self) -> float:
        return self.view.transform().m11() if self.view is not None else 1.0

    def _target_zoom(self) -> float:
        """Fitting views end fitted to the new drawing; others keep their zoom."""
        view = self.view
        if view is None or not self._fitting:
            return self._current_zoom()
        size = view.viewport().size()
        d = self.scene.current_drawing()
        if d.width <= 0 or d.height <= 0:
            return self._current_zoom()
        return min(size.width() / d.width, size.height() / d.height, 1.0)

    def _view_frame(self, t: float) -> None:
        if self.view is not None:
            z0, z1 = self._zoom
            zoom = z0 + (z1 - z0) * t
            self.view.setTransform(QTransform.fromScale(zoom, zoom))
            self._keep_anchor()

    def _keep_anchor(self) -> None:
        """Scroll so that the anchor stage's current centre sits where it was on screen."""
        anchor, view = self._anchor, self.view
        if anchor is None or view is None:
            return
        item = self.scene.items_by_key.get(anchor.key)
        if item is None:
            return
        centre = item.pos() + local_centre(item.group)
        offset = QPointF(view.viewport().rect().center()) - anchor.viewport_point
        view.centerOn(centre + offset / view.transform().m11())

    def _landed(self) -> None:
        """The items are in place; settle the scene rect and the view."""
        d = self.scene.current_drawing()
        self.scene.setSceneRect(QRectF(0, 0, d.width, d.height))
        view = self.view
        if view is not None:
            if self._fitting and hasattr(view, "fit"):
                view.fit()
            else:
                self._keep_anchor()
        self._anchor = None
        self.finished.emit()

    def _on_rebuilt(self) -> None:
        """A document edit during the glide: stop and show the result at once."""
        if self.glide.is_running() and not self._switching:
            self.glide.finish()
