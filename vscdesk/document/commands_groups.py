"""Lane groups: create one with its first lane, rename it, mark it as support activities,
and put a lane into a group or out of any; each one undo step."""

from __future__ import annotations

from typing import TYPE_CHECKING

from vscdesk.document.base import EditCommand, check_new_id, plain, quoted, require, validated
from vscdesk.model import Chain, LaneGroup

if TYPE_CHECKING:
    from vscdesk.document.document import Document


class SetLaneGroups(EditCommand):
    """The chain's lane groups and which group some lanes are in, set together.

    ``groups`` (None keeps them) replaces the list; ``lanes`` maps lane ids to their new
    group id (None: no group). A group that a lane still names cannot be dropped."""

    def __init__(self, doc: Document, text: str, groups: list[LaneGroup] | None = None,
                 lanes: dict[str, str | None] | None = None) -> None:
        old = [g.model_copy() for g in doc.model.chain.groups]
        new = old if groups is None else [validated(LaneGroup, plain(g), "lane group")
                                          for g in groups]
        ids = [g.id for g in new]
        if len(set(ids)) != len(ids):
            raise ValueError("two lane groups have the same id")
        known = {g.id for g in old}
        for ident in ids:
            if ident not in known:
                check_new_id(doc, ident)
        lanes = dict(lanes or {})
        for lane_id, group in lanes.items():
            require(doc, "lane", lane_id)
            if group is not None and group not in ids:
                raise ValueError(f"lane '{lane_id}' refers to lane group '{group}', "
                                 "which does not exist")
        for lane in doc.model.chain.lanes:
            group = lanes.get(lane.id, lane.group)
            if group is not None and group not in ids:
                raise ValueError(f"lane {quoted(lane.name)} is still in a group being removed")
        super().__init__(doc, text)
        self._groups = (old, new)
        self._lanes = ({i: doc.lane(i).group for i in lanes}, lanes)
        self.setObsolete(old == new and all(self._lanes[0][i] == g for i, g in lanes.items()))

    def _apply(self) -> None:
        self._doc._set_lane_groups(self._groups[1], self._lanes[1])

    def _revert(self) -> None:
        self._doc._set_lane_groups(self._groups[0], self._lanes[0])


class SetMargin(EditCommand):
    """Porter's margin at the end of the chain: its word, or "" for none."""

    def __init__(self, doc: Document, text: str) -> None:
        self._old = doc.model.chain.margin
        self._new = validated(Chain, {"margin": text}, "value chain").margin.strip()
        super().__init__(doc, "Remove the margin" if not self._new else "Set the margin")
        self.setObsolete(self._old == self._new)

    def _apply(self) -> None:
        self._doc._set_margin(self._new)

    def _revert(self) -> None:
        self._doc._set_margin(self._old)


def new_group(doc: Document, name: str, lane_id: str) -> SetLaneGroups:
    """A new group named ``name`` holding ``lane_id``."""
    group = LaneGroup(id=doc.new_id(name, "group"), name=name)
    return SetLaneGroups(doc, f"New lane group {quoted(name)}",
                         [*doc.model.chain.groups, group], {lane_id: group.id})


def rename_group(doc: Document, group_id: str, name: str) -> SetLaneGroups:
    groups = [g.model_copy(update={"name": name}) if g.id == group_id else g
              for g in doc.model.chain.groups]
    return SetLaneGroups(doc, "Rename lane group", groups)


def set_support(doc: Document, group_id: str, support: bool) -> SetLaneGroups:
    groups = [g.model_copy(update={"support": support}) if g.id == group_id else g
              for g in doc.model.chain.groups]
    text = "Mark as support activities" if support else "Mark as primary activities"
    return SetLaneGroups(doc, text, groups)


def put_lane(doc: Document, lane_id: str, group_id: str | None) -> SetLaneGroups:
    """``lane_id`` into the group ``group_id`` (None: out of every group)."""
    text = "Take lane out of its group" if group_id is None else "Put lane in group"
    return SetLaneGroups(doc, text, lanes={lane_id: group_id})


def delete_group(doc: Document, group_id: str) -> SetLaneGroups:
    """The group ``group_id`` gone, its lanes left in no group (undo puts both back)."""
    group = next(g for g in doc.model.chain.groups if g.id == group_id)
    members: dict[str, str | None] = {lane.id: None for lane in doc.model.chain.lanes
                                      if lane.group == group_id}
    return SetLaneGroups(doc, f"Delete lane group {quoted(group.name)}",
                         [g for g in doc.model.chain.groups if g.id != group_id], members)
