"""Moving the selected stage with the keyboard (Alt+arrows), one command per key press.

  Alt+Left / Alt+Right ........ to the lane on the left / right, in chain order
  Alt+Up / Alt+Down ........... one place earlier / later in its stream
  Alt+PageUp / Alt+PageDown ... to the previous / next stream (same position, or last)

Lane moves apply to every selected stage (one macro); the others need exactly one stage.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from vscdesk.document import MoveStage
from vscdesk.document.base import EditCommand

if TYPE_CHECKING:
    from vscdesk.canvas.editing import CanvasEditing


class StageMoves:
    """The keyboard moves of one canvas; refusals become status messages."""

    def __init__(self, editing: CanvasEditing) -> None:
        self.editing = editing
        self.doc = editing.doc

    def to_lane(self, step: int) -> None:
        """Alt+Left/Right: the selected stages go one lane left or right in chain order."""
        stages = self.editing.selected_stages()
        lanes = [lane.id for lane in self.doc.model.chain.lanes]
        if not stages or not lanes:
            return
        moves = []
        for sid in stages:
            lane = self.doc.stage(sid).lane
            at = lanes.index(lane) if lane in lanes else len(lanes)
            to = at + step
            if 0 <= to < len(lanes):
                moves.append((sid, lanes[to]))
        if not moves:
            side = "first" if step < 0 else "last"
            self.editing.message.emit(f"Already in the {side} lane")
            return
        factories = [self._move_lane_factory(sid, lane) for sid, lane in moves]
        if len(factories) == 1:
            self.editing.push(factories[0])
        else:
            self.editing.push_all(f"Move {len(factories)} stages", factories)

    def _move_lane_factory(self, sid: str, lane: str) -> Callable[[], EditCommand]:
        def factory() -> EditCommand:
            stream = self.doc.stream_of(sid).id
            return MoveStage(self.doc, sid, stream, self.doc.position(sid), lane_id=lane)
        return factory

    def in_stream(self, step: int) -> None:
        """Alt+Up/Down: the selected stage one place earlier or later in its stream."""
        sid = self._single()
        if sid is None:
            return
        stream = self.doc.stream_of(sid)
        to = self.doc.position(sid) + step
        if not 0 <= to < len(stream.stages):
            self.editing.message.emit("Already the " + ("first" if step < 0 else "last")
                              + " stage of its stream")
            return
        self.editing.push(lambda: MoveStage(self.doc, sid, stream.id, to))

    def to_stream(self, step: int) -> None:
        """Alt+PageUp/PageDown: the selected stage to the previous or next stream, keeping its
        position (or last, in a shorter stream) and its lane."""
        sid = self._single()
        if sid is None:
            return
        streams = self.doc.model.streams
        at = self.doc.position(self.doc.stream_of(sid).id) + step
        if not 0 <= at < len(streams):
            self.editing.message.emit("Already in the " + ("first" if step < 0 else "last") + " stream")
            return
        target = streams[at]
        index = min(self.doc.position(sid), len(target.stages))
        self.editing.push(lambda: MoveStage(self.doc, sid, target.id, index))

    def _single(self) -> str | None:
        stages = self.editing.selected_stages()
        if len(stages) != 1:
            self.editing.message.emit("Select one stage to move it" if not stages
                              else "Select only one stage to move it in or between streams")
            return None
        return stages[0]
