"""Lane edits. Deleting a lane in use never deletes work: its stages become unassigned and
undo gives each one its lane back."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vscdesk.document.base import EditCommand, quoted, require
from vscdesk.document.commands_generic import AddItem, MoveItem, SetFields
from vscdesk.model import Lane

if TYPE_CHECKING:
    from vscdesk.document.document import Document


class AddLane(AddItem):
    """Add a lane to the value chain at ``index`` (None appends)."""

    kind = "lane"
    model = Lane


class RemoveLane(EditCommand):
    """Delete a lane; stages in it keep existing, with no lane (lane=None) or, given
    ``move_to``, in that other lane."""

    def __init__(self, doc: Document, lane_id: str, move_to: str | None = None) -> None:
        lane = require(doc, "lane", lane_id)
        if move_to is not None:
            require(doc, "lane", move_to)
            if move_to == lane_id:
                raise ValueError("the stages of a deleted lane cannot move into that lane")
        super().__init__(doc, f"Delete lane {quoted(lane.name)}")
        self._id = lane_id
        self._move_to = move_to
        self._users: list[str] = []
        self._removed: tuple[int, Lane] | None = None

    def references(self) -> int:
        """How many stages are in the lane (they will become unassigned)."""
        return sum(1 for stage in self._doc.stages() if stage.lane == self._id)

    def _apply(self) -> None:
        self._users = [stage.id for stage in self._doc.stages() if stage.lane == self._id]
        for stage_id in self._users:
            self._doc._stages.update(stage_id, {"lane": self._move_to})
        self._removed = self._doc._lanes.remove(self._id)

    def _revert(self) -> None:
        if self._removed is not None:
            self._doc._lanes.insert(*self._removed)
        for stage_id in self._users:
            self._doc._stages.update(stage_id, {"lane": self._id})


class SetLaneFields(SetFields):
    """Set a lane's name, colour, description or group."""

    kind = "lane"
    model = Lane
    merge_id = 1003

    def check_refs(self, doc: Document, new: Any, fields: dict[str, Any]) -> None:
        if "group" in fields and new.group is not None and new.group not in {
                g.id for g in doc.model.chain.groups}:
            raise ValueError(f"lane group '{new.group}' does not exist")


class MoveLane(MoveItem):
    """Reorder the value chain: the lane ends at ``index``."""

    kind = "lane"
