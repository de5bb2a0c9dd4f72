"""Helpers for editing-core tests: a recorder of Document signals and a do/undo/redo check."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtGui import QUndoCommand

from vscdesk.document import Document
from vscdesk.model import DocumentModel, integrity_errors

SIGNALS = [
    f"{kind}_{what}"
    for kind in ("stage", "stream", "lane", "stakeholder", "link")
    for what in ("added", "changed", "removed")
] + ["slide_changed", "structure_changed", "changed", "reset", "modified_changed"]


class Recorder:
    """Every signal a Document emits, in order, as (name, argument or None)."""

    def __init__(self, doc: Document) -> None:
        self.events: list[tuple[str, Any]] = []
        for name in SIGNALS:
            getattr(doc, name).connect(self._slot(name))

    def _slot(self, name: str):
        def record(*args: Any) -> None:
            self.events.append((name, args[0] if args else None))
        return record

    def take(self) -> list[tuple[str, Any]]:
        events, self.events = self.events, []
        return events

    def take_set(self) -> set[tuple[str, Any]]:
        return set(self.take())


@dataclass
class Trip:
    """What one push, undo and redo emitted, and the model before and after."""

    before: dict
    after: dict
    done: list[tuple[str, Any]] = field(default_factory=list)
    undone: list[tuple[str, Any]] = field(default_factory=list)
    redone: list[tuple[str, Any]] = field(default_factory=list)


def round_trip(doc: Document, rec: Recorder, command: QUndoCommand) -> Trip:
    """Push, undo, redo; checks the model is valid at each step and undo restores it exactly."""
    rec.take()
    before = doc.model.model_dump()
    depth = doc.undo_stack.count()
    doc.push(command)
    assert doc.undo_stack.count() == depth + 1
    after = doc.model.model_dump()
    assert after != before
    assert_valid(doc)
    trip = Trip(before, after, done=rec.take())
    doc.undo_stack.undo()
    assert doc.model.model_dump() == before
    assert_valid(doc)
    trip.undone = rec.take()
    doc.undo_stack.redo()
    assert doc.model.model_dump() == after
    assert_valid(doc)
    trip.redone = rec.take()
    for events in (trip.done, trip.undone, trip.redone):
        assert [e for e in events if e[0] == "changed"] == [("changed", None)]
        assert events[-1] == ("changed", None) or events[-1][0] == "modified_changed"
    return trip


def assert_valid(doc: Document) -> None:
    """The model passes every check a file load would make, and the id index agrees with it."""
    assert integrity_errors(doc.model) == []
    DocumentModel.model_validate(doc.model.model_dump())
    for stream in doc.model.streams:
        assert doc.stream(stream.id) is stream
        for pos, stage in enumerate(stream.stages):
            assert doc.stage(stage.id) is stage
            assert doc.stream_of(stage.id) is stream
            assert doc.position(stage.id) == pos
    for i, lane in enumerate(doc.model.chain.lanes):
        assert doc.lane(lane.id) is lane and doc.position(lane.id) == i
    for person in doc.model.stakeholders:
        assert doc.stakeholder(person.id) is person
    for link in doc.model.links:
        assert doc.link(link.id) is link


def fine(events: list[tuple[str, Any]]) -> set[tuple[str, Any]]:
    """The id-carrying signals only."""
    return {e for e in events if e[0] not in ("changed", "modified_changed")}
