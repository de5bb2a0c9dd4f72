"""Animate a scene from one set of groups to another: same keys move, the others fade.

Used by the chain <-> stream toggle and by presentation slides. The caller brings the scene's
items up to date first (so the end state is exact), then hands over what was there before;
the glide only animates the in-between and lands every item exactly where its group says.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from PySide6.QtCore import QEasingCurve, QObject, QPointF, Qt, QVariantAnimation, Signal
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from vscdesk.canvas.items import GroupItem
from vscdesk.render.primitives import Group

DURATION_MS = 300
MAX_ANIMATED_ITEMS = 4000  # beyond this a glide stutters; land at once instead

#: key -> (group shown, item position, item opacity) before the change
Before = Mapping[str, tuple[Group, QPointF, float]]


def local_centre(group: Group) -> QPointF:
    x, y, w, h = group.bounds
    return QPointF(x + w / 2, y + h / 2)


def scene_centre(group: Group) -> QPointF:
    return QPointF(group.x, group.y) + local_centre(group)


def snapshot(items: Mapping[str, GroupItem]) -> dict[str, tuple[Group, QPointF, float]]:
    """What ``items`` show now, to glide from."""
    return {key: (item.group, item.pos(), item.opacity()) for key, item in items.items()}


def _lerp(a: QPointF, b: QPointF, t: float) -> QPointF:
    return a + (b - a) * t


@dataclass
class _Track:
    """One item on its way: its centre travels and its opacity changes."""

    item: QGraphicsItem
    offset: QPointF  # item position = centre - offset
    start: QPointF
    end: QPointF
    from_opacity: float
    to_opacity: float


def ghost_of(group: Group) -> GroupItem:
    """A look-alike item that takes no clicks and cannot be selected."""
    ghost = GroupItem(group)
    ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
    ghost.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, False)
    ghost.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    ghost.setEnabled(False)
    return ghost


class Glide(QObject):
    """One running animation over a scene's items."""

    finished = Signal()  # every item is where its group says, ghosts are gone

    def __init__(self, duration_ms: int = DURATION_MS, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._anim = QVariantAnimation(self)
        self._anim.setStartValue(0.0)
        self._anim.setEndValue(1.0)
        self._anim.setDuration(duration_ms)
        self._anim.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._anim.valueChanged.connect(self.frame)
        self._anim.finished.connect(self.finish)
        self._scene: QGraphicsScene | None = None
        self._items: Mapping[str, GroupItem] = {}
        self._opacity: Mapping[str, float] = {}
        self._tracks: list[_Track] = []
        self._ghosts: list[GroupItem] = []
        self._on_frame: Callable[[float], None] | None = None
        self._running = False

    def is_running(self) -> bool:
        return self._running

    def start(self, scene: QGraphicsScene, before: Before, items: Mapping[str, GroupItem],
              opacity: Mapping[str, float] | None = None,
              on_frame: Callable[[float], None] | None = None, animate: bool = True) -> None:
        """Glide from ``before`` to ``items`` (already showing their new groups)."""
        self.finish()
        self._scene, self._items, self._opacity = scene, items, opacity or {}
        self._on_frame = on_frame
        self._running = True
        if not animate or len(before) + len(items) > MAX_ANIMATED_ITEMS:
            self.finish()
            return
        self._tracks, self._ghosts = [], []
        for key, item in items.items():
            new, target = item.group, self._opacity.get(key, 1.0)
            end = scene_centre(new)
            old = before.get(key)
            if old is None:
                self._tracks.append(_Track(item, local_centre(new), end, end, 0.0, target))
                continue
            old_group, old_pos, old_opacity = old
            start = old_pos + local_centre(old_group)
            if old_group.items != new.items or old_group.bounds != new.bounds:  # a new look
                self._tracks.append(_Track(item, local_centre(new), start, end, 0.0, target))
                self._add_ghost(old_group, start, end, old_opacity)
            else:
                self._tracks.append(_Track(item, local_centre(new), start, end, old_opacity,
                                           target))
        for key, (old_group, old_pos, old_opacity) in before.items():
            if key not in items:
                start = old_pos + local_centre(old_group)
                self._add_ghost(old_group, start, start, old_opacity)
        self.frame(0.0)
        self._anim.start()

    def _add_ghost(self, group: Group, start: QPointF, end: QPointF, opacity: float) -> None:
        ghost = ghost_of(group)
        self._scene.addItem(ghost)
        self._ghosts.append(ghost)
        self._tracks.append(_Track(ghost, local_centre(group), start, end, opacity, 0.0))

    def frame(self, t: float) -> None:
        """Show the state at ``t`` (0 = before, 1 = after)."""
        t = float(t)
        for track in self._tracks:
            track.item.setPos(_lerp(track.start, track.end, t) - track.offset)
            track.item.setOpacity(track.from_opacity + (track.to_opacity - track.from_opacity) * t)
        if self._on_frame is not None:
            self._on_frame(t)

    def finish(self) -> None:
        """Land at once: exact positions and opacities, no ghosts; emits ``finished``."""
        if not self._running:
            return
        self._running = False
        self._anim.stop()
        for ghost in self._ghosts:
            if ghost.scene() is self._scene:
                self._scene.removeItem(ghost)
        self._ghosts, self._tracks = [], []
        for key, item in self._items.items():
            item.setPos(item.group.x, item.group.y)
            item.setOpacity(self._opacity.get(key, 1.0))
        self.finished.emit()
