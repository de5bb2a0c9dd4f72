"""Stages that arrive as copies: duplicated in place, or pasted from the clipboard (possibly
from another document, so references that do not resolve here are dropped)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from vscdesk.document.base import EditCommand, check_index, count, quoted, require, validated
from vscdesk.document.commands_stage import existing_stages
from vscdesk.model import Stage

if TYPE_CHECKING:
    from vscdesk.document.document import Document


_COPY_SUFFIX = re.compile(r"-\d+$")


def copy_id(doc: Document, original_id: str, reserved: list[str]) -> str:
    """The original's id while it is free (a paste from another document), else numbered from
    its base: a copy of "approve-2" is "approve-3", never "approve-2-2"."""
    taken = original_id in doc or original_id in reserved
    base = (_COPY_SUFFIX.sub("", original_id) or original_id) if taken else original_id
    return doc.new_id(base, "stage", reserved)


class _InsertCopies(EditCommand):
    """Insert prepared (stream id, position, stage) entries; undo takes them out again."""

    def __init__(self, doc: Document, text: str,
                 entries: list[tuple[str, int, Stage]]) -> None:
        super().__init__(doc, text)
        self._entries = entries

    @property
    def new_ids(self) -> list[str]:
        """The ids of the new stages, in order (to select them)."""
        return [stage.id for _stream, _pos, stage in self._entries]

    def _apply(self) -> None:
        self._doc._stages.insert_many(self._entries)

    def _revert(self) -> None:
        self._doc._stages.remove_many(self.new_ids)


class DuplicateStages(_InsertCopies):
    """Copies of stages with fresh ids, placed after the last selected stage of each stream."""

    def __init__(self, doc: Document, ids: Iterable[str]) -> None:
        unique = existing_stages(doc, ids)
        by_stream: dict[str, list[str]] = defaultdict(list)
        for ident in unique:
            by_stream[doc.stream_of(ident).id].append(ident)
        entries: list[tuple[str, int, Stage]] = []
        reserved: list[str] = []
        for stream_id, members in by_stream.items():
            members.sort(key=doc.position)
            after = doc.position(members[-1]) + 1
            for k, ident in enumerate(members):
                original = doc.stage(ident)
                new_id = copy_id(doc, original.id, reserved)
                reserved.append(new_id)
                copy = validated(Stage, {**original.model_dump(), "id": new_id}, "stage")
                entries.append((stream_id, after + k, copy))
        text = (f"Duplicate stage {quoted(doc.stage(unique[0]).name)}" if len(unique) == 1
                else f"Duplicate {count(len(unique), 'stage')}")
        super().__init__(doc, text, entries)


class PasteStages(_InsertCopies):
    """Paste stages into a stream at ``index`` (None appends) with ids free in this document.

    Stakeholder references that do not resolve in this document are dropped and lanes that
    do not resolve become None, so stages copied from another document paste cleanly."""

    def __init__(self, doc: Document, stream_id: str, index: int | None,
                 stages: Sequence[Stage | dict[str, Any]]) -> None:
        stream = require(doc, "stream", stream_id)
        index = check_index(index, len(stream.stages), "stage")
        if not stages:
            raise ValueError("there are no stages to paste")
        entries: list[tuple[str, int, Stage]] = []
        reserved: list[str] = []
        for k, given in enumerate(stages):
            stage = validated(Stage, given, "pasted stage")
            new_id = copy_id(doc, stage.id, reserved)
            reserved.append(new_id)
            data = stage.model_dump()
            data["id"] = new_id
            data["lane"] = stage.lane if stage.lane in doc._lanes else None
            data["stakeholders"] = [ref for ref in data["stakeholders"]
                                    if ref["stakeholder"] in doc._stakeholders]
            entries.append((stream_id, index + k, validated(Stage, data, "pasted stage")))
        text = (f"Paste stage {quoted(entries[0][2].name)}" if len(entries) == 1
                else f"Paste {count(len(entries), 'stage')}")
        super().__init__(doc, text, entries)
