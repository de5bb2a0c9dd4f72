"""The Document itself: lookups, modified state, reset, and when listeners hear about edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from doc_helpers import Recorder

from vscdesk.document import AddStage, Document, RemoveStream, SetStageFields
from vscdesk.model import DocumentModel, Lane, Stage, Stream


def test_lookups(doc):
    assert doc.stage("approve").name == "Approve"
    assert doc.stream_of("approve").id == "fulfil-request"
    assert doc.position("approve") == 1 and doc.position("engage") == 2
    assert doc.lane("engage").name == "Engage"
    assert doc.stakeholder("user").name == "User"
    assert doc.link("fix-rework").source == "confirm-user"
    assert [doc.kind_of(i) for i in ("approve", "new-service", "plan", "user", "fix-rework",
                                     "nothing")] == [
        "stage", "stream", "lane", "stakeholder", "link", None]
    assert "approve" in doc and "nothing" not in doc
    assert len(doc.all_ids()) == 39 and "operate" in doc.all_ids()
    with pytest.raises(KeyError, match="no stage with id 'plan'"):
        doc.stage("plan")


def test_new_id_is_free_and_readable(doc):
    assert doc.new_id("Approve") == "approve-2"
    assert doc.new_id("Triage & route") == "triage-route"
    assert doc.new_id("!!!", "stage") == "stage"
    assert doc.new_id("Approve", reserved=["approve-2"]) == "approve-3"


def test_empty_document(qapp):
    doc = Document()
    assert doc.model.streams == [] and doc.path is None and not doc.is_modified()
    assert doc.all_ids() == set()
    with pytest.raises(ValueError, match="no stream 's'"):
        AddStage(doc, "s", 0, Stage(id="a", name="A"))


def test_modified_follows_the_undo_stack(doc, rec):
    assert not doc.is_modified()
    doc.push(SetStageFields(doc, "approve", name="OK"))
    assert doc.is_modified() and ("modified_changed", True) in rec.take()
    doc.mark_saved()
    assert not doc.is_modified() and ("modified_changed", False) in rec.take()
    doc.undo_stack.undo()
    assert doc.is_modified() and ("modified_changed", True) in rec.take()
    doc.undo_stack.redo()
    assert not doc.is_modified()


def test_set_model_replaces_everything(doc, rec):
    doc.push(SetStageFields(doc, "approve", name="OK"))
    rec.take()
    other = DocumentModel(title="Other", chain={"lanes": [Lane(id="a", name="A")]},
                          streams=[Stream(id="s", name="S", stages=[Stage(id="x", name="X")])])
    doc.set_model(other, Path("other.vsc.json"))
    events = rec.take()
    assert ("reset", None) in events and ("modified_changed", False) in events
    assert doc.undo_stack.count() == 0 and not doc.is_modified()
    assert doc.path == Path("other.vsc.json")
    assert doc.stage("x").name == "X" and "approve" not in doc
    assert doc.all_ids() == {"a", "s", "x"}


def test_listeners_see_a_consistent_model(doc):
    """Signals come after the whole command, so a slot never reads a half-done edit."""
    seen = []

    def on_stage_removed(stage_id):
        seen.append((stage_id in doc, "restore-service" in doc, len(doc.model.links)))

    doc.stage_removed.connect(on_stage_removed)
    doc.push(RemoveStream(doc, "restore-service"))
    assert seen == [(False, False, 0)] * 4


def test_field_edits_do_not_rebuild_the_index_on_a_large_document(qapp):
    stages = [Stage(id=f"s{i}", name=f"Stage {i}", lane="a") for i in range(50_000)]
    model = DocumentModel(chain={"lanes": [Lane(id="a", name="A"), Lane(id="b", name="B")]},
                          streams=[Stream(id="big", name="Big", stages=stages[:49_000]),
                                   Stream(id="small", name="Small", stages=stages[49_000:])])
    doc = Document(model)
    assert doc.stage("s48999").name == "Stage 48999" and doc.position("s48999") == 48_999
    assert doc.position("s49000") == 0
    rebuilt = doc._stages.rebuilds
    for i in range(0, 50_000, 500):
        doc.push(SetStageFields(doc, f"s{i}", lane="b"))
        assert doc.stage(f"s{i}").lane == "b"
    assert doc._stages.rebuilds == rebuilt
    # a structural edit in the small stream re-indexes that stream only
    doc.push(AddStage(doc, "small", 0, Stage(id="new", name="New")))
    assert doc.position("s49000") == 1 and doc.position("s48999") == 48_999
    assert doc._stages.rebuilds == rebuilt + 1


def test_one_changed_per_command_even_for_big_edits(doc):
    rec = Recorder(doc)
    doc.push(RemoveStream(doc, "new-service"))
    events = rec.take()
    assert events.count(("changed", None)) == 1 and events.count(("structure_changed", None)) == 1
    assert events[-2:] == [("structure_changed", None), ("changed", None)] or \
        events[-1][0] == "modified_changed"
