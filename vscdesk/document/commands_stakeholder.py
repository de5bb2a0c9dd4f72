"""Stakeholder edits. Deleting a stakeholder removes every reference to it in the same undo
step (stage involvement, stream owner and triggering stakeholder); undo restores them."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any

from vscdesk.document.base import EditCommand, quoted, require
from vscdesk.document.commands_generic import AddItem, SetFields
from vscdesk.model import StakeholderRef, Stakeholder

if TYPE_CHECKING:
    from vscdesk.document.document import Document

_STREAM_REFS = ("owner", "triggering_stakeholder")


class AddStakeholder(AddItem):
    """Add a stakeholder to the document's registry at ``index`` (None appends)."""

    kind = "stakeholder"
    model = Stakeholder


class SetStakeholderFields(SetFields):
    """Set a stakeholder's name, kind, initials, ..."""

    kind = "stakeholder"
    model = Stakeholder
    merge_id = 1004


class RemoveStakeholder(EditCommand):
    """Delete a stakeholder and every reference to it, as one undo step."""

    def __init__(self, doc: Document, stakeholder_id: str) -> None:
        person = require(doc, "stakeholder", stakeholder_id)
        super().__init__(doc, f"Delete stakeholder {quoted(person.name)}")
        self._id = stakeholder_id
        self._stage_refs: list[tuple[str, list[StakeholderRef]]] = []
        self._stream_refs: list[tuple[str, dict[str, Any]]] = []
        self._removed: tuple[int, Stakeholder] | None = None

    def references(self) -> int:
        """How many stages and streams refer to the stakeholder (to ask before deleting)."""
        stages = sum(any(r.stakeholder == self._id for r in s.stakeholders)
                     for s in self._doc.stages())
        streams = sum(any(getattr(s, f) == self._id for f in _STREAM_REFS)
                      for s in self._doc.model.streams)
        return stages + streams

    def _apply(self) -> None:
        doc, ident = self._doc, self._id
        self._stage_refs = []
        for stage in doc.stages():
            if any(ref.stakeholder == ident for ref in stage.stakeholders):
                self._stage_refs.append((stage.id, copy.deepcopy(stage.stakeholders)))
                kept = [ref for ref in stage.stakeholders if ref.stakeholder != ident]
                doc._stages.update(stage.id, {"stakeholders": kept})
        self._stream_refs = []
        for stream in doc.model.streams:
            old = {f: ident for f in _STREAM_REFS if getattr(stream, f) == ident}
            if old:
                self._stream_refs.append((stream.id, old))
                doc._streams.update(stream.id, dict.fromkeys(old))
        self._removed = doc._stakeholders.remove(ident)

    def _revert(self) -> None:
        doc = self._doc
        if self._removed is not None:
            doc._stakeholders.insert(*self._removed)
        for stream_id, old in self._stream_refs:
            doc._streams.update(stream_id, old)
        for stage_id, refs in self._stage_refs:
            doc._stages.update(stage_id, {"stakeholders": refs})
