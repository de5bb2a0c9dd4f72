"""Stage commands: do -> assert -> undo -> assert -> redo -> assert, with the signals heard."""

from __future__ import annotations

from doc_helpers import fine, round_trip

from vscdesk.document import (
    AddStage,
    MoveStage,
    RemoveStages,
    SetStageFields,
    SetStagesFields,
)
from vscdesk.model import Sla, Stage


def _names(doc, stream_id):
    return [s.id for s in doc.stream(stream_id).stages]


def test_add_stage_inserts_at_index_and_undo_removes_it(doc, rec):
    stage = Stage(id="triage", name="Triage", lane="engage")
    trip = round_trip(doc, rec, AddStage(doc, "restore-service", 1, stage))
    assert _names(doc, "restore-service")[:3] == ["report-problem", "triage", "diagnose-fix"]
    assert doc.stage("triage").name == "Triage"
    assert doc.stage("triage") is not stage  # the caller's object never enters the model
    assert fine(trip.done) == {("stage_added", "triage"), ("structure_changed", None)}
    assert fine(trip.undone) == {("stage_removed", "triage"), ("structure_changed", None)}
    assert fine(trip.redone) == fine(trip.done)
    assert doc.undo_stack.undoText() == "Add stage “Triage”"


def test_add_stage_with_no_index_appends(doc, rec):
    round_trip(doc, rec, AddStage(doc, "new-service", None, Stage(id="retire", name="Retire")))
    assert _names(doc, "new-service")[-1] == "retire"
    assert doc.stage("retire").lane is None


def test_remove_stages_takes_touching_links_and_undo_restores_positions(doc, rec):
    trip = round_trip(doc, rec, RemoveStages(doc, ["diagnose-fix", "approve"]))
    assert "diagnose-fix" not in doc and "approve" not in doc
    assert doc.model.links == []  # both example links touch diagnose-fix
    assert fine(trip.done) == {
        ("stage_removed", "diagnose-fix"), ("stage_removed", "approve"),
        ("link_removed", "ops-feeds-fix"), ("link_removed", "fix-rework"),
        ("structure_changed", None)}
    assert ("stage_added", "diagnose-fix") in trip.undone
    assert ("link_added", "fix-rework") in trip.undone
    assert doc.undo_stack.undoText() == "Delete 2 stages"


def test_remove_stage_clears_slide_reference_and_undo_restores_it(doc, rec):
    from vscdesk.document import AddSlide
    from vscdesk.model import Slide

    doc.push(AddSlide(doc, Slide(id="walk", name="Walk", stream="restore-service",
                                 stage="confirm-user")))
    trip = round_trip(doc, rec, RemoveStages(doc, ["confirm-user"]))
    assert doc.slide("walk").stage is None and doc.slide("walk").stream == "restore-service"
    assert ("slide_changed", None) in trip.done and ("slide_changed", None) in trip.undone


def test_set_stage_fields_changes_only_that_stage(doc, rec):
    sla = Sla(name="Triage", target=10, unit="min")
    trip = round_trip(doc, rec, SetStageFields(doc, "approve", name="Approve request",
                                               slas=[sla], lane="engage"))
    stage = doc.stage("approve")
    assert (stage.name, stage.lane, stage.slas) == ("Approve request", "engage", [sla])
    assert fine(trip.done) == {("stage_changed", "approve")}
    assert fine(trip.undone) == {("stage_changed", "approve")}


def test_set_stage_fields_does_not_share_values_with_the_command(doc, rec):
    items = ["Laptop"]
    doc.push(SetStageFields(doc, "approve", value_items=items))
    items.append("Mouse")
    assert doc.stage("approve").value_items == ["Laptop"]


def test_set_stages_fields_is_one_step_for_all(doc, rec):
    ids = ["report-problem", "approve", "operate"]
    trip = round_trip(doc, rec, SetStagesFields(doc, ids, lane="improve"))
    assert [doc.stage(i).lane for i in ids] == ["improve"] * 3
    assert fine(trip.done) == {("stage_changed", i) for i in ids}
    assert doc.undo_stack.undoText() == "Set lane of 3 stages"


def test_set_stages_fields_skips_stages_already_so(doc, rec):
    command = SetStagesFields(doc, ["report-problem", "confirm-user"], lane="engage")
    assert command.isObsolete()
    doc.push(command)
    assert doc.undo_stack.count() == 0 and rec.take() == []


def test_move_stage_within_its_stream(doc, rec):
    trip = round_trip(doc, rec, MoveStage(doc, "report-problem", "restore-service", 3))
    assert _names(doc, "restore-service") == [
        "diagnose-fix", "confirm-user", "review-root-cause", "report-problem"]
    assert fine(trip.done) == {("stage_changed", "report-problem"), ("structure_changed", None)}


def test_move_stage_to_another_stream_and_lane_is_one_step(doc, rec):
    trip = round_trip(doc, rec, MoveStage(doc, "approve", "new-service", 0, lane_id="improve"))
    assert "approve" not in _names(doc, "fulfil-request")
    assert _names(doc, "new-service")[0] == "approve"
    assert doc.stream_of("approve").id == "new-service"
    assert doc.stage("approve").lane == "improve"
    assert fine(trip.undone) == {("stage_changed", "approve"), ("structure_changed", None)}
    doc.undo_stack.undo()
    assert doc.stream_of("approve").id == "fulfil-request" and doc.position("approve") == 1


def test_move_stage_to_another_lane_only_keeps_order(doc, rec):
    order = _names(doc, "restore-service")
    trip = round_trip(doc, rec, MoveStage(doc, "confirm-user", "restore-service", 2,
                                          lane_id="plan"))
    assert _names(doc, "restore-service") == order
    assert fine(trip.done) == {("stage_changed", "confirm-user")}
    assert doc.undo_stack.undoText() == "Move stage to “Plan”"


def test_move_stage_to_no_lane(doc, rec):
    round_trip(doc, rec, MoveStage(doc, "confirm-user", "restore-service", 2, lane_id=None))
    assert doc.stage("confirm-user").lane is None


def test_move_to_where_it_is_records_nothing(doc, rec):
    command = MoveStage(doc, "confirm-user", "restore-service", 2)
    assert command.isObsolete()
    doc.push(command)
    assert doc.undo_stack.count() == 0 and not doc.is_modified()
