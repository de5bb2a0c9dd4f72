"""SetFlowItems: importing a tracker export replaces the flow items in one undoable step."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_helpers import round_trip

from vscdesk.document.commands_flow import SetFlowItems
from vscdesk.model import FlowItem


def _item(ident: str, stream: str = "restore-service", finished: int | None = 5) -> FlowItem:
    return FlowItem(id=ident, type="defect", stream=stream, started=dt.date(2024, 3, 1),
                    finished=None if finished is None else dt.date(2024, 3, finished))


def test_set_flow_items_replaces_all_and_undo_restores(doc, rec):
    doc.push(SetFlowItems(doc, [_item("old-1"), _item("old-2")]))
    trip = round_trip(doc, rec, SetFlowItems(doc, [_item("new-1", "fulfil-request")]))
    assert [f.id for f in doc.model.flow_items] == ["new-1"]
    assert doc.undo_stack.undoText() == "Import 1 flow item"
    assert ("changed", None) in trip.done and all(n == "changed" for n, _ in trip.done)
    doc.undo_stack.undo()
    assert [f.id for f in doc.model.flow_items] == ["old-1", "old-2"]
    doc.undo_stack.redo()
    assert [f.stream for f in doc.model.flow_items] == ["fulfil-request"]


def test_same_items_again_is_not_recorded(doc):
    doc.push(SetFlowItems(doc, [_item("a")]))
    assert SetFlowItems(doc, [_item("a")]).isObsolete()


@pytest.mark.parametrize("items, words", [
    ([_item("a", "no-such-stream")], "no-such-stream"),
    ([_item("a"), _item("a")], "used twice"),
    ([{"id": "a", "type": "bug", "stream": "restore-service", "started": "2024-03-01"}], "type"),
])
def test_bad_items_are_refused_before_anything_changes(doc, items, words):
    with pytest.raises(ValueError, match=words):
        SetFlowItems(doc, items)
    assert doc.model.flow_items == [] and doc.undo_stack.count() == 0
