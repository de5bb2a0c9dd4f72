"""Stream edits: add (with its stages), delete (with its stages, and everything that pointed at
them, all back on undo), change fields, reorder."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vscdesk.document.base import (
    EditCommand,
    check_index,
    check_new_id,
    check_ref,
    quoted,
    require,
    validated,
)
from vscdesk.document.cascade import Cascade
from vscdesk.document.commands_generic import MoveItem, SetFields
from vscdesk.document.commands_stage import check_stage_refs
from vscdesk.model import Stream

if TYPE_CHECKING:
    from vscdesk.document.document import Document


def check_stream_refs(doc: Document, stream: Stream, fields: Any = None) -> None:
    names = set(fields) if fields is not None else {"owner", "triggering_stakeholder"}
    for name in ("owner", "triggering_stakeholder"):
        if name in names:
            check_ref(doc, "stakeholder", getattr(stream, name), f"the stream's {name}")


class AddStream(EditCommand):
    """Add a stream, and the stages it already has, at ``index`` (None appends)."""

    def __init__(self, doc: Document, stream: Stream, index: int | None = None) -> None:
        new = validated(Stream, stream, "stream")
        ids = [new.id] + [stage.id for stage in new.stages]
        for k, ident in enumerate(ids):
            check_new_id(doc, ident, ids[:k])
        check_stream_refs(doc, new)
        for stage in new.stages:
            check_stage_refs(doc, stage)
        index = check_index(index, len(doc.model.streams), "stream")
        super().__init__(doc, f"Add stream {quoted(new.name)}")
        self._index = index
        self._stream = new

    @property
    def stream_id(self) -> str:
        return self._stream.id

    def _apply(self) -> None:
        self._doc._streams.insert(self._index, self._stream)

    def _revert(self) -> None:
        self._doc._streams.remove(self._stream.id)


class RemoveStream(EditCommand):
    """Delete a stream with its stages, the links touching them, its flow items, and slide
    references to it; undo restores all of it at the same places."""

    def __init__(self, doc: Document, stream_id: str) -> None:
        stream = require(doc, "stream", stream_id)
        super().__init__(doc, f"Delete stream {quoted(stream.name)}")
        self._id = stream_id
        self._cascade = Cascade(doc, {stage.id for stage in stream.stages}, stream_id)
        self._removed: tuple[int, Stream] | None = None

    def _apply(self) -> None:
        self._cascade.apply()
        self._removed = self._doc._streams.remove(self._id)

    def _revert(self) -> None:
        if self._removed is not None:
            self._doc._streams.insert(*self._removed)
        self._cascade.revert()


class SetStreamFields(SetFields):
    """Set fields of a stream (not its id or stages, which have their own commands)."""

    kind = "stream"
    model = Stream
    fixed = frozenset({"id", "stages"})
    merge_id = 1002

    def check_refs(self, doc: Document, new: Any, fields: dict[str, Any]) -> None:
        check_stream_refs(doc, new, fields)


class MoveStream(MoveItem):
    """Reorder streams: the stream ends at ``index``."""

    kind = "stream"
