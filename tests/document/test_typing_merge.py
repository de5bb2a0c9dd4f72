"""Typing into one field is one undo step; anything else starts a new one."""

from __future__ import annotations

from vscdesk.document import (
    SetDocumentFields,
    SetLaneFields,
    SetStageFields,
    SetStagesFields,
    SetStreamFields,
)


def _type(doc, stage_id, field, text):
    for end in range(1, len(text) + 1):
        doc.push(SetStageFields(doc, stage_id, **{field: text[:end]}))


def test_typing_a_name_is_one_undo_step(doc, rec):
    _type(doc, "approve", "name", "Sign-off")
    assert doc.undo_stack.count() == 1
    assert doc.stage("approve").name == "Sign-off"
    assert doc.undo_stack.undoText() == "Rename stage"
    doc.undo_stack.undo()
    assert doc.stage("approve").name == "Approve"
    doc.undo_stack.redo()
    assert doc.stage("approve").name == "Sign-off"


def test_another_field_or_stage_starts_a_new_step(doc, rec):
    _type(doc, "approve", "name", "Ok")
    _type(doc, "approve", "description", "Fast")
    _type(doc, "operate", "description", "Run")
    assert doc.undo_stack.count() == 3
    doc.undo_stack.undo()
    assert doc.stage("approve").description == "Fast"
    assert doc.stage("operate").description == ""
    doc.undo_stack.undo()
    assert doc.stage("approve").description == ""
    assert doc.stage("approve").name == "Ok"


def test_typing_back_to_the_original_leaves_nothing_to_undo(doc, rec):
    doc.push(SetStageFields(doc, "approve", name="Approve!"))
    assert doc.is_modified()
    doc.push(SetStageFields(doc, "approve", name="Approve"))
    assert doc.undo_stack.count() == 0 and not doc.is_modified()
    assert doc.stage("approve").name == "Approve"


def test_no_merge_across_a_save(doc, rec):
    doc.push(SetStageFields(doc, "approve", name="A"))
    doc.mark_saved()
    doc.push(SetStageFields(doc, "approve", name="AB"))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.stage("approve").name == "A" and not doc.is_modified()


def test_same_value_is_not_recorded(doc, rec):
    command = SetStageFields(doc, "approve", name="Approve")
    assert command.isObsolete()
    doc.push(command)
    assert doc.undo_stack.count() == 0 and rec.take() == []


def test_streams_and_lanes_merge_too_but_not_with_each_other(doc, rec):
    for text in ("R", "Re"):
        doc.push(SetStreamFields(doc, "new-service", name=text))
        doc.push(SetLaneFields(doc, "plan", name=text))
    assert doc.undo_stack.count() == 4  # interleaved: nothing consecutive to merge
    doc.push(SetLaneFields(doc, "plan", name="Red"))
    assert doc.undo_stack.count() == 4
    assert doc.lane("plan").name == "Red"


def test_typing_into_several_stages_is_one_step(doc, rec):
    ids = ["approve", "operate"]
    for text in ("Q", "Qu", "Quick"):
        doc.push(SetStagesFields(doc, ids, description=text))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Set description of 2 stages"
    doc.undo_stack.undo()
    assert [doc.stage(i).description for i in ids] == ["", ""]
    doc.undo_stack.redo()
    assert [doc.stage(i).description for i in ids] == ["Quick", "Quick"]
    doc.push(SetStagesFields(doc, ["approve"], description="Other selection"))
    assert doc.undo_stack.count() == 2


def test_typing_a_title_is_one_step_and_back_to_nothing(doc, rec):
    original = doc.model.title
    for text in ("A", "Ac", "Acme"):
        doc.push(SetDocumentFields(doc, title=text))
    assert doc.undo_stack.count() == 1
    doc.push(SetDocumentFields(doc, title=original))
    assert doc.undo_stack.count() == 0 and doc.model.title == original


def test_merge_false_makes_each_edit_a_step_of_its_own(doc, rec):
    """Two committed table cells are two steps, though they set the same field."""
    first = [{"name": "Reply", "target": 2, "unit": "h"}]
    second = [{"name": "Reply", "target": 3, "unit": "h"}]
    doc.push(SetStageFields(doc, "approve", slas=first, merge=False))
    doc.push(SetStageFields(doc, "approve", slas=second, merge=False))
    doc.push(SetStreamFields(doc, "new-service", slas=first, merge=False))
    doc.push(SetStreamFields(doc, "new-service", slas=second, merge=False))
    doc.push(SetStagesFields(doc, ["approve", "operate"], slas=first, merge=False))
    doc.push(SetStagesFields(doc, ["approve", "operate"], slas=second, merge=False))
    assert doc.undo_stack.count() == 6
    doc.undo_stack.undo()
    assert [doc.stage(i).slas[0].target for i in ("approve", "operate")] == [2, 2]
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.stream("new-service").slas[0].target == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.stage("approve").slas[0].target == 2


def test_typing_after_a_separate_step_does_not_merge_into_it(doc, rec):
    doc.push(SetStageFields(doc, "approve", name="A", merge=False))
    doc.push(SetStageFields(doc, "approve", name="AB"))
    doc.push(SetStageFields(doc, "approve", name="ABC"))
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.stage("approve").name == "A"
