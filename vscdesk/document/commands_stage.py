"""Stage edits: add, delete, change fields (of one or several), move within and across streams."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from vscdesk.document.base import (
    UNCHANGED,
    EditCommand,
    check_fields,
    check_index,
    check_new_id,
    check_ref,
    count,
    quoted,
    require,
    validated,
)
from vscdesk.document.cascade import Cascade
from vscdesk.document.commands_generic import SetFields, label
from vscdesk.model import Stage

if TYPE_CHECKING:
    from vscdesk.document.document import Document


def check_stage_refs(doc: Document, stage: Stage, fields: Iterable[str] | None = None) -> None:
    """A stage's lane and stakeholders must exist (only the given fields, if any are given)."""
    names = set(fields) if fields is not None else {"lane", "stakeholders"}
    if "lane" in names:
        check_ref(doc, "lane", stage.lane, "the stage's lane")
    if "stakeholders" in names:
        for ref in stage.stakeholders:
            check_ref(doc, "stakeholder", ref.stakeholder, "the stage's stakeholder")


def existing_stages(doc: Document, ids: Iterable[str]) -> list[str]:
    """Ids without repeats, each one a stage of the document, at least one."""
    unique = list(dict.fromkeys(ids))
    if not unique:
        raise ValueError("no stages given")
    for ident in unique:
        require(doc, "stage", ident)
    return unique


class AddStage(EditCommand):
    """Add a stage to a stream at ``index`` (None appends)."""

    def __init__(self, doc: Document, stream_id: str, index: int | None, stage: Stage) -> None:
        stream = require(doc, "stream", stream_id)
        new = validated(Stage, stage, "stage")
        check_new_id(doc, new.id)
        check_stage_refs(doc, new)
        index = check_index(index, len(stream.stages), "stage")
        super().__init__(doc, f"Add stage {quoted(new.name)}")
        self._entry = (stream_id, index, new)

    @property
    def stage_id(self) -> str:
        return self._entry[2].id

    def _apply(self) -> None:
        self._doc._stages.insert_many([self._entry])

    def _revert(self) -> None:
        self._doc._stages.remove_many([self.stage_id])


class RemoveStages(EditCommand):
    """Delete stages with the links that touch them; undo puts all back where they were."""

    def __init__(self, doc: Document, ids: Iterable[str]) -> None:
        self._ids = existing_stages(doc, ids)
        only = quoted(doc.stage(self._ids[0]).name)
        super().__init__(doc, f"Delete stage {only}" if len(self._ids) == 1
                         else f"Delete {count(len(self._ids), 'stage')}")
        self._cascade = Cascade(doc, set(self._ids))
        self._removed: list[tuple[str, int, Stage]] = []

    def _apply(self) -> None:
        self._cascade.apply()
        self._removed = self._doc._stages.remove_many(self._ids)

    def _revert(self) -> None:
        self._doc._stages.insert_many(self._removed)
        self._cascade.revert()


class SetStageFields(SetFields):
    """Set any fields of a stage except its id; typing in one field merges into one step."""

    kind = "stage"
    model = Stage
    merge_id = 1001

    def check_refs(self, doc: Document, new: Any, fields: dict[str, Any]) -> None:
        check_stage_refs(doc, new, fields)


class SetStagesFields(EditCommand):
    """One field edit applied to several stages as one undo step ("Set lane of 3 stages");
    consecutive edits of the same fields of the same stages merge, like typing."""

    def __init__(self, doc: Document, ids: Iterable[str], *, merge: bool = True,
                 **fields: Any) -> None:
        unique = existing_stages(doc, ids)
        check_fields(Stage, fields, {"id"}, "stage")
        changes: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {}
        for ident in unique:
            stage = doc.stage(ident)
            new = validated(Stage, {**stage.model_dump(), **fields}, "stage")
            check_stage_refs(doc, new, fields)
            old_values = {name: copy.deepcopy(getattr(stage, name)) for name in fields}
            new_values = {name: getattr(new, name) for name in fields}
            if old_values != new_values:
                changes[ident] = (old_values, new_values)
        what = label(next(iter(fields))) if len(fields) == 1 else "fields"
        super().__init__(doc, f"Set {what} of {count(len(unique), 'stage')}")
        self._key = (tuple(unique), tuple(fields))
        self._changes = changes
        self._merge = merge
        self.setObsolete(not changes)

    def _apply(self) -> None:
        for ident, (_old, new) in self._changes.items():
            self._doc._stages.update(ident, new)

    def _revert(self) -> None:
        for ident, (old, _new) in reversed(self._changes.items()):
            self._doc._stages.update(ident, old)

    def id(self) -> int:
        return 1007 if self._merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetStagesFields) or other._key != self._key:
            return False
        merged = dict(self._changes)
        for ident, (old, new) in other._changes.items():
            merged[ident] = (merged[ident][0] if ident in merged else old, new)
        self._changes = {i: (old, new) for i, (old, new) in merged.items() if old != new}
        self.setObsolete(not self._changes)
        return True


class MoveStage(EditCommand):
    """Reorder a stage in its stream, move it to another stream, and/or change its lane.

    ``index`` is the stage's position in the target stream once moved; ``lane_id`` is left
    as it is unless given (None unassigns the lane)."""

    def __init__(self, doc: Document, stage_id: str, stream_id: str, index: int,
                 lane_id: str | None = UNCHANGED) -> None:
        stage = require(doc, "stage", stage_id)
        target = require(doc, "stream", stream_id)
        old_stream = doc.stream_of(stage_id).id
        size = len(target.stages) - (1 if stream_id == old_stream else 0)
        index = check_index(index, size, "stage")
        if lane_id is not UNCHANGED:
            check_ref(doc, "lane", lane_id, "the stage's lane")
        self._id = stage_id
        self._old = (old_stream, doc.position(stage_id), stage.lane)
        self._new = (stream_id, index, stage.lane if lane_id is UNCHANGED else lane_id)
        super().__init__(doc, self._text(doc))
        self.setObsolete(self._old == self._new)

    def _text(self, doc: Document) -> str:
        if self._old[:2] == self._new[:2] and self._new[2] is not None:
            return f"Move stage to {quoted(doc.lane(self._new[2]).name)}"
        return "Move stage"

    def _apply(self) -> None:
        self._go(self._new)

    def _revert(self) -> None:
        self._go(self._old)

    def _go(self, place: tuple[str, int, str | None]) -> None:
        stages = self._doc._stages
        if (stages.stream_id_of(self._id), stages.position(self._id)) != place[:2]:
            stages.move(self._id, place[0], place[1])
        if self._doc.stage(self._id).lane != place[2]:
            stages.update(self._id, {"lane": place[2]})
