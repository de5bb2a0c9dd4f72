"""Drags on the canvas: a stage to another cell, place or stream; a lane header or a stream label
to another place in its list. A drag shows where it would land and pushes ONE command on release.

Drop targets come from the pure functions in ``vscdesk.layout.hit``; this module only moves the
dragged card with the pointer, draws the indicator, and turns the final target into a command.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem

from vscdesk.canvas.items import SELECTION
from vscdesk.document import MoveLane, MoveStage, MoveStream
from vscdesk.document.base import EditCommand
from vscdesk.layout.chain import layout_chain
from vscdesk.layout.geometry import Box
from vscdesk.layout.group_drop import StageMove, group_moves
from vscdesk.layout.hit import (
    ListDrop,
    StageDrop,
    chain_lane_drop,
    chain_stage_drop,
    chain_stream_drop,
    stream_stage_drop,
    stream_view_stream_drop,
)
from vscdesk.layout.stream import layout_stream

if TYPE_CHECKING:
    from vscdesk.canvas.scene import DiagramScene

INDICATOR_Z = 90.0
DRAGGED_Z = 80.0


class DropIndicator(QGraphicsPathItem):
    """A bar (insert here) or a dashed card-sized slot (into this empty cell), never in the
    accent violet, which means only "return to an earlier activity"."""

    def __init__(self) -> None:
        super().__init__()
        self.setZValue(INDICATOR_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def show_box(self, box: Box, slot: bool) -> None:
        path = QPainterPath()
        rect = QRectF(box.x, box.y, box.w, box.h)
        if slot:
            path.addRoundedRect(rect, 6, 6)
            pen = QPen(SELECTION, 2.0, Qt.PenStyle.DashLine)
            fill = QColor(SELECTION)
            fill.setAlphaF(0.10)
        else:
            path.addRoundedRect(rect, box.w / 2 if box.w < box.h else box.h / 2,
                                box.w / 2 if box.w < box.h else box.h / 2)
            pen = QPen(Qt.PenStyle.NoPen)
            fill = QColor(SELECTION)
        self.setPen(pen)
        self.setBrush(QBrush(fill))
        self.setPath(path)
        self.show()


class Drag:
    """One drag in progress: ``move`` on every mouse move, then ``finish`` or ``cancel``."""

    def __init__(self, scene: DiagramScene, key: str, start: QPointF) -> None:
        self.scene = scene
        self.doc = scene.document
        self.item = scene.items_by_key.get(key)
        self.start = QPointF(start)
        self.indicator = DropIndicator()
        self.indicator.hide()
        scene.addItem(self.indicator)
        self.chain = scene.view != "stream"
        model = self.doc.model
        self.layout = layout_chain(model) if self.chain else layout_stream(model)

    def move(self, pos: QPointF) -> None:
        box, slot = self.update_target(pos)
        if box is None:
            self.indicator.hide()
        else:
            self.indicator.show_box(box, slot)

    def update_target(self, pos: QPointF) -> tuple[Box | None, bool]:
        raise NotImplementedError

    def command(self) -> EditCommand | None:
        raise NotImplementedError

    def _end(self) -> None:
        if self.indicator.scene() is not None:
            self.scene.removeItem(self.indicator)

    def cancel(self) -> None:
        self._end()

    def finish(self) -> EditCommand | None:
        """End the drag; the command to push, or None when it would change nothing."""
        self._end()
        try:
            command = self.command()
        except (KeyError, ValueError):
            return None  # the document changed under the drag: nothing sensible to do
        if command is None or command.isObsolete():
            return None
        return command


class StageDrag(Drag):
    """Drag a stage card: it follows the pointer while the indicator shows its new place.

    Dragging one of several selected cards carries them all (``vscdesk.layout.group_drop``
    has the rule); the indicator shows where the card under the pointer lands."""

    def __init__(self, scene: DiagramScene, stage_id: str, start: QPointF) -> None:
        super().__init__(scene, f"stage:{stage_id}", start)
        self.stage_id = stage_id
        self.drop: StageDrop | None = None
        selected = scene.selected_stage_ids()
        self.group = [s for s in selected if s in self.doc] if stage_id in selected else []
        if len(self.group) < 2:
            self.group = []
        keys = [f"stage:{s}" for s in self.group] or [f"stage:{stage_id}"]
        self._carried = [(item, item.pos(), item.zValue()) for key in keys
                         if (item := scene.items_by_key.get(key)) is not None]
        for item, _pos, _z in self._carried:
            item.setZValue(DRAGGED_Z)
            item.setOpacity(0.85)

    def update_target(self, pos: QPointF) -> tuple[Box | None, bool]:
        for item, origin, _z in self._carried:
            item.setPos(origin + (pos - self.start))
        model = self.doc.model
        if self.chain:
            self.drop = chain_stage_drop(model, self.layout, self.stage_id, pos.x(), pos.y())
        else:
            self.drop = stream_stage_drop(model, self.layout, self.stage_id, pos.x(), pos.y())
        return (self.drop.marker, self.drop.slot) if self.drop else (None, False)

    def _end(self) -> None:
        super()._end()
        for item, origin, z in self._carried:
            if item.scene() is not None:
                item.setPos(origin)  # the command moves it for real, or nothing does
                item.setZValue(z)
                item.setOpacity(1.0)

    def command(self) -> EditCommand | None:
        d = self.drop
        if d is None:
            return None
        return MoveStage(self.doc, self.stage_id, d.stream_id, d.index, lane_id=d.lane_id)

    def finish_group(self) -> list[StageMove]:
        """End a group drag: the single moves to push as one macro (none: nothing changes)."""
        self._end()
        if self.drop is None:
            return []
        try:
            return group_moves(self.doc.model, self.group, self.stage_id, self.drop, self.chain)
        except (KeyError, ValueError, StopIteration):
            return []  # the document changed under the drag


class LaneDrag(Drag):
    """Drag a lane header sideways to reorder the value chain."""

    def __init__(self, scene: DiagramScene, lane_id: str, start: QPointF) -> None:
        super().__init__(scene, f"lane:{lane_id}", start)
        self.lane_id = lane_id
        self.drop: ListDrop | None = None

    def update_target(self, pos: QPointF) -> tuple[Box | None, bool]:
        self.drop = chain_lane_drop(self.layout, self.lane_id, pos.x()) if self.chain else None
        return (self.drop.marker, False) if self.drop else (None, False)

    def command(self) -> EditCommand | None:
        return MoveLane(self.doc, self.lane_id, self.drop.index) if self.drop else None


class StreamDrag(Drag):
    """Drag a stream label up or down to reorder the streams."""

    def __init__(self, scene: DiagramScene, stream_id: str, start: QPointF) -> None:
        super().__init__(scene, f"row:{stream_id}", start)
        self.stream_id = stream_id
        self.drop: ListDrop | None = None

    def update_target(self, pos: QPointF) -> tuple[Box | None, bool]:
        if self.chain:
            self.drop = chain_stream_drop(self.layout, self.stream_id, pos.y())
        else:
            self.drop = stream_view_stream_drop(self.layout, self.stream_id, pos.y())
        return (self.drop.marker, False) if self.drop else (None, False)

    def command(self) -> EditCommand | None:
        return MoveStream(self.doc, self.stream_id, self.drop.index) if self.drop else None
