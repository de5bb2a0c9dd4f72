"""The stage index (stage id -> its stream and position) and the primitive stage edits.

Stages live inside their streams, so the index keeps stage -> stream id up to date
incrementally and each stream's positions lazily: a structural edit in one stream costs a
rebuild of that stream's positions only, and field edits cost nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from vscdesk.document.registry import set_fields
from vscdesk.model import Stage, Stream

if TYPE_CHECKING:
    from vscdesk.document.document import Document


class StageStore:
    """Every stage of the document by id, O(1) on documents with tens of thousands of stages."""

    kind = "stage"

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._stream_of: dict[str, str] = {}
        self._pos: dict[str, dict[str, int]] = {}
        self.rebuilds = 0

    def reset(self) -> None:
        """Re-index the whole model (after set_model)."""
        self._stream_of = {
            stage.id: stream.id for stream in self._doc.model.streams for stage in stream.stages
        }
        self._pos = {}

    # -- reading ---------------------------------------------------------------------------

    def _stream(self, stream_id: str) -> Stream:
        stream = self._doc._streams.get(stream_id)
        assert stream is not None, stream_id
        return stream

    def _positions(self, stream_id: str) -> dict[str, int]:
        pos = self._pos.get(stream_id)
        if pos is None:
            pos = {stage.id: i for i, stage in enumerate(self._stream(stream_id).stages)}
            self._pos[stream_id] = pos
            self.rebuilds += 1
        return pos

    def stream_id_of(self, stage_id: str) -> str | None:
        return self._stream_of.get(stage_id)

    def position(self, stage_id: str) -> int | None:
        stream_id = self._stream_of.get(stage_id)
        return None if stream_id is None else self._positions(stream_id)[stage_id]

    def get(self, stage_id: str) -> Stage | None:
        stream_id = self._stream_of.get(stage_id)
        if stream_id is None:
            return None
        return self._stream(stream_id).stages[self._positions(stream_id)[stage_id]]

    def __contains__(self, ident: object) -> bool:
        return ident in self._stream_of

    def __len__(self) -> int:
        return len(self._stream_of)

    def ids(self) -> Iterable[str]:
        return self._stream_of.keys()

    # -- hooks for whole streams -----------------------------------------------------------

    def adopt(self, stream: Stream) -> None:
        """A stream was inserted: its stages come with it."""
        for stage in stream.stages:
            self._stream_of[stage.id] = stream.id
            self._doc._note("stage_added", stage.id)
        self._pos.pop(stream.id, None)

    def forget(self, stream: Stream) -> None:
        """A stream was removed: so were its stages."""
        for stage in stream.stages:
            self._stream_of.pop(stage.id, None)
            self._doc._note("stage_removed", stage.id)
        self._pos.pop(stream.id, None)

    # -- primitive edits (commands only) ---------------------------------------------------

    def _touched(self, stream_id: str) -> None:
        self._pos.pop(stream_id, None)
        self._doc._note_structure()

    def insert_many(self, entries: Iterable[tuple[str, int, Stage]]) -> None:
        """Insert (stream id, position, stage); ascending positions restore a removal exactly."""
        for stream_id, index, stage in sorted(entries, key=lambda e: e[1]):
            self._stream(stream_id).stages.insert(index, stage)
            self._stream_of[stage.id] = stream_id
            self._touched(stream_id)
            self._doc._note("stage_added", stage.id)

    def remove_many(self, ids: Iterable[str]) -> list[tuple[str, int, Stage]]:
        """Remove stages by id; returns (stream id, position, stage) for insert_many."""
        by_stream: dict[str, list[int]] = defaultdict(list)
        for stage_id in set(ids):
            stream_id = self._stream_of[stage_id]
            by_stream[stream_id].append(self._positions(stream_id)[stage_id])
        removed: list[tuple[str, int, Stage]] = []
        for stream_id, positions in by_stream.items():
            stages = self._stream(stream_id).stages
            positions.sort()
            removed.extend((stream_id, pos, stages[pos]) for pos in positions)
            for pos in reversed(positions):
                del stages[pos]
            self._touched(stream_id)
        for _stream_id, _pos, stage in removed:
            del self._stream_of[stage.id]
            self._doc._note("stage_removed", stage.id)
        return removed

    def move(self, stage_id: str, stream_id: str, index: int) -> None:
        """Move a stage to ``index`` of a stream (a position counted without the stage)."""
        old_stream = self._stream_of[stage_id]
        stage = self._stream(old_stream).stages.pop(self._positions(old_stream)[stage_id])
        self._touched(old_stream)
        self._stream(stream_id).stages.insert(index, stage)
        self._stream_of[stage_id] = stream_id
        self._touched(stream_id)
        self._doc._note("stage_changed", stage_id)

    def update(self, stage_id: str, values: dict[str, Any]) -> None:
        stage = self.get(stage_id)
        assert stage is not None, stage_id
        set_fields(stage, values)
        self._doc._note("stage_changed", stage_id)
