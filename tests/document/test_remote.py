"""Others' edits in a workshop reach the Document as a whole model that it applies with the
precise signals of a local edit; in a workshop the local history records nothing."""

from __future__ import annotations

from vscdesk.document import Document, SetStageFields
from vscdesk.model import DocumentModel

SIGNALS = ("stage_added", "stage_changed", "stage_removed", "stream_changed", "lane_removed",
           "lane_changed", "stakeholder_removed", "link_removed", "slide_changed",
           "structure_changed", "changed")


def _listen(doc):
    heard = []
    for name in SIGNALS:
        getattr(doc, name).connect(lambda *args, name=name: heard.append((name, *args)))
    return heard


def _edited(model, change):
    data = model.model_dump()
    change(data)
    return DocumentModel.model_validate(data)


def test_a_remote_rename_is_one_stage_changed_and_no_structure_change(example_model):
    doc = Document(example_model.model_copy(deep=True))
    doc.mark_saved()
    heard = _listen(doc)
    stage = example_model.streams[0].stages[2].id
    doc.apply_remote(_edited(example_model, lambda d: d["streams"][0]["stages"][2].update(
        name="Renamed elsewhere")))
    assert heard == [("stage_changed", stage), ("changed",)]
    assert doc.stage(stage).name == "Renamed elsewhere"
    assert doc.is_modified() and doc.undo_stack.count() == 0


def test_a_remote_lane_removal_and_stage_move_restructure(example_model):
    doc = Document(example_model.model_copy(deep=True))
    lane = example_model.chain.lanes[0].id
    moved = example_model.streams[0].stages[0].id

    def change(d):
        d["chain"]["lanes"].pop(0)
        for stream in d["streams"]:
            for stage in stream["stages"]:
                stage["lane"] = None if stage["lane"] == lane else stage["lane"]
        d["streams"][1]["stages"].append(d["streams"][0]["stages"].pop(0))

    heard = _listen(doc)
    remote = _edited(example_model, change)
    doc.apply_remote(remote)
    assert ("lane_removed", lane) in heard and ("stage_changed", moved) in heard
    assert heard[-2:] == [("structure_changed",), ("changed",)]
    assert doc.stream_of(moved).id == example_model.streams[1].id
    assert doc.model.model_dump() == remote.model_dump()
    assert doc.position(moved) == len(remote.streams[1].stages) - 1


def test_in_a_workshop_edits_run_but_the_local_history_records_none(example_model):
    doc = Document(example_model.model_copy(deep=True))
    stage = example_model.streams[0].stages[0].id
    doc.push(SetStageFields(doc, stage, name="Before the workshop"))
    doc.mark_saved()
    doc.collaborate(True)
    assert doc.undo_stack.count() == 0 and not doc.is_modified()
    assert doc.push(SetStageFields(doc, stage, name="In the workshop"))
    assert doc.stage(stage).name == "In the workshop"
    assert doc.undo_stack.count() == 0 and doc.is_modified()
    mark = doc.history.mark()
    assert doc.amend_last(mark, lambda: SetStageFields(doc, stage, name="x")) is None
    doc.collaborate(False)
    doc.push(SetStageFields(doc, stage, name="After"))
    assert doc.undo_stack.count() == 1
