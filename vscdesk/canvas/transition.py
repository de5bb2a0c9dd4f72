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

from PySide6.QtCore import (QEasingCurve, QObject, QPointF, QRectF, Qt, QVariantAnimation,
                            Signal)
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from vscdesk.canvas.items import GroupItem
from vscdesk.canvas.scene import DiagramScene
from vscdesk.render.primitives import Group

DURATION_MS = 300
MAX_ANIMATED_ITEMS = 4000  # beyond this a glide stutters; switch at once instead


def local_centre(group: Group) -> QPointF:
    x, y, w, h = group.bounds
    return QPointF(x + w / 2, y + h / 2)


def scene_centre(group: Group) -> QPointF:
    return QPointF(group.x, group.y) + local_centre(group)


def _lerp(a: QPointF, b: QPointF, t: float) -> QPointF:
    return a + (b - a) * t


@dataclass
class _Track:
    """One item on its way: its centre travels from ``start`` to ``end``."""

    item: QGraphicsItem
    offset: QPointF  # item position = centre - offset
    start: QPointF
    end: QPointF
    fade: int  # +1 fades in, -1 fades out, 0 stays opaque


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
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setDuration(duration_ms)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self._frame)
        self._anim.finished.connect(self._finish)
        self._tracks: list[_Track] = []
        self._ghosts: list[GroupItem] = []
        self._anchor: _Anchor | None = None
        self._zoom = (1.0, 1.0)
        self._fitting = False
        self._running = False
        self._switching = False
        scene.rebuilt.connect(self._on_rebuilt)

    def is_running(self) -> bool:
        return self._running

    def run(self, target: str, animate: bool = True) -> None:
        """Show ``target`` ("chain" or "stream"); a running glide jumps to its end first."""
        if self._running:
            self._anim.stop()
            self._finish()
        if target == self.scene.view:
            return
        view = self.view
        self._fitting = bool(view is not None and getattr(view, "fitting", False))
        self._anchor = None if view is None or self._fitting else self._find_anchor(view)
        before = {key: (item.group, item.pos()) for key, item in self.scene.items_by_key.items()}
        old_rect = self.scene.sceneRect()
        self._switching = True
        try:
            self.scene.set_view(target)
        finally:
            self._switching = False
        animate = animate and len(before) + len(self.scene.items_by_key) <= MAX_ANIMATED_ITEMS
        self._running = True
        if not animate:
            self._finish()
            return
        self._start(before, old_rect)

    # -- setting up -------------------------------------------------------------------------

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

    def _start(self, before: dict[str, tuple[Group, QPointF]], old_rect: QRectF) -> None:
        self._tracks, self._ghosts = [], []
        for key, item in self.scene.items_by_key.items():
            new = item.group
            old = before.get(key)
            if old is None:
                end = scene_centre(new)
                self._tracks.append(_Track(item, local_centre(new), end, end, +1))
                continue
            old_group, old_pos = old
            start = old_pos + local_centre(old_group)
            end = scene_centre(new)
            morph = old_group.items != new.items or old_group.bounds != new.bounds
            self._tracks.append(_Track(item, local_centre(new), start, end, +1 if morph else 0))
            if morph:
                self._add_ghost(old_group, start, end)
        for key, (old_group, old_pos) in before.items():
            if key not in self.scene.items_by_key:
                start = old_pos + local_centre(old_group)
                self._add_ghost(old_group, start, start)
        self.scene.setSceneRect(old_rect.united(QRectF(0, 0, self.scene.drawing.width,
                                                       self.scene.drawing.height)))
        self._zoom = (self._current_zoom(), self._target_zoom())
        self._frame(0.0)
        self._anim.start()

    def _add_ghost(self, group: Group, start: QPointF, end: QPointF) -> None:
        """A look-alike of the old item that fades out; it takes no clicks."""
        ghost = GroupItem(group)
        ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)
        ghost.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        ghost.setEnabled(False)
        self.scene.addItem(ghost)
        self._ghosts.append(ghost)
        self._tracks.append(_Track(ghost, local_centre(group), start, end, -1))

    def _current_zoom(self) -> float:
        return self.view.transform().m11() if self.view is not None else 1.0

    def _target_zoom(self) -> float:
        """Fitting views end fitted to the new drawing; others keep their zoom."""
        view = self.view
        if view is None or not self._fitting:
            return self._current_zoom()
        size = view.viewport().size()
        d = self.scene.drawing
        if d.width <= 0 or d.height <= 0:
            return self._current_zoom()
        return min(size.width() / d.width, size.height() / d.height, 1.0)

    # -- animating ----------------------------------------------------------------------------

    def _frame(self, t: float) -> None:
        t = float(t)
        for track in self._tracks:
            track.item.setPos(_lerp(track.start, track.end, t) - track.offset)
            if track.fade:
                track.item.setOpacity(t if track.fade > 0 else 1.0 - t)
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

    def _finish(self) -> None:
        """Land exactly on the target drawing: positions, full opacity, no ghosts."""
        if not self._running:
            return
        self._running = False
        for ghost in self._ghosts:
            if ghost.scene() is self.scene:
                self.scene.removeItem(ghost)
        self._ghosts, self._tracks = [], []
        for item in self.scene.items_by_key.values():
            item.setPos(item.group.x, item.group.y)
            item.setOpacity(1.0)
        d = self.scene.drawing
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
        if self._running and not self._switching and self._anim.state() == self._anim.State.Running:
            self._anim.stop()
            self._finish()
