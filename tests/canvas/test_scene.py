"""The scene follows the document's signals and touches only the items that changed."""

import pytest

from vscdesk.canvas.scene import DiagramScene
from vscdesk.document import AddStage, MoveStage, RemoveStages, SetStageFields
from vscdesk.document import Document
from vscdesk.model import DocumentModel, Stage
from vscdesk.storage import load


@pytest.fixture
def scene(qapp, example_file):
    doc = Document(load(example_file))
    return DiagramScene(doc)


def _card_texts(scene, stage_id):
    item = scene.items_by_key[f"stage:{stage_id}"]
    return [p.text for p in item.group.items if hasattr(p, "text")]


def test_every_stage_has_a_card_item(scene):
    stages = [s.id for stream in scene.document.model.streams for s in stream.stages]
    assert {f"stage:{s}" for s in stages} <= set(scene.items_by_key)


def test_rename_updates_only_that_card_and_its_headers(scene):
    before = {key: (item, item.group) for key, item in scene.items_by_key.items()}
    scene.document.push(SetStageFields(scene.document, "approve", name="Approve budget"))
    assert "Approve budget" in " ".join(_card_texts(scene, "approve"))
    changed = {key for key, (item, group) in before.items()
               if scene.items_by_key.get(key) is not item or item.group != group}
    assert changed <= {"stage:approve", "row:fulfil-request", "title"}
    assert "stage:approve" in changed
    scene.document.undo_stack.undo()
    assert "Approve" in _card_texts(scene, "approve")


def test_moving_a_stage_to_another_lane_moves_its_card(scene):
    doc = scene.document
    x_before = scene.items_by_key["stage:approve"].pos().x()
    stream = doc.stream_of("approve")
    doc.push(MoveStage(doc, "approve", stream.id, 1, lane_id="deliver-support"))
    assert scene.items_by_key["stage:approve"].pos().x() > x_before
    doc.undo_stack.undo()
    assert scene.items_by_key["stage:approve"].pos().x() == x_before


def test_adding_and_removing_stages_adds_and_removes_items(scene):
    doc = scene.document
    doc.push(AddStage(doc, "restore-service", None, Stage(id="close", name="Close", lane="engage")))
    assert "stage:close" in scene.items_by_key
    assert "arrow:review-root-cause>close" in scene.items_by_key
    doc.push(RemoveStages(doc, ["close"]))
    assert "stage:close" not in scene.items_by_key
    assert scene.items() and all(i.scene() is scene for i in scene.items_by_key.values())


def test_reset_rebuilds_for_a_new_model(scene):
    scene.document.set_model(DocumentModel(title="Empty"))
    assert not any(k.startswith("stage:") for k in scene.items_by_key)


def test_stage_names_are_plain_text(scene):
    doc = scene.document
    doc.push(SetStageFields(doc, "approve", name="<b>x</b>"))
    assert "<b>x</b>" in _card_texts(scene, "approve")


def test_many_void_calls_do_not_crash(scene):
    """Guards the PySide6 6.12 / Python 3.11 crash: thousands of void-returning calls."""
    item = scene.items_by_key["stage:approve"]
    for i in range(10_000):
        item.setZValue(2 + (i % 2))
        item.update()
    assert item.zValue() == 3


def test_selection_is_shared_both_ways(scene):
    item = scene.items_by_key["stage:approve"]
    item.setSelected(True)
    assert scene.selection.stage_ids == ("approve",)
    assert scene.selection.stream_id == "fulfil-request"
    scene.selection.set(["operate"], "new-service")
    assert not item.isSelected() and scene.items_by_key["stage:operate"].isSelected()


def test_selection_forgets_removed_stages(scene):
    scene.selection.set(["approve"], "fulfil-request")
    scene.document.push(RemoveStages(scene.document, ["approve"]))
    assert scene.selection.stage_ids == ()
    scene.document.undo_stack.undo()
    assert "stage:approve" in scene.items_by_key
