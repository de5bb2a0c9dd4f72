"""Stream and lane commands, above all: removing one in use is one step that undo restores."""

from __future__ import annotations

import datetime as dt

from doc_helpers import fine, round_trip

from vscdesk.document import (
    AddLane,
    AddSlide,
    AddStream,
    MoveLane,
    MoveStream,
    RemoveLane,
    RemoveStream,
    SetLaneFields,
    SetStreamFields,
)
from vscdesk.model import DocumentModel, FlowItem, Lane, Slide, Stage, Stream


def _stream_ids(doc):
    return [s.id for s in doc.model.streams]


def _lane_ids(doc):
    return [lane.id for lane in doc.model.chain.lanes]


def test_add_stream_with_stages_indexes_them(doc, rec):
    stream = Stream(id="onboard", name="Onboard employee", kind="supporting", owner="line-manager",
                    stages=[Stage(id="hire", name="Hire", lane="plan"),
                            Stage(id="equip", name="Equip", lane="obtain-build")])
    trip = round_trip(doc, rec, AddStream(doc, stream, 1))
    assert _stream_ids(doc) == ["restore-service", "onboard", "fulfil-request", "new-service"]
    assert doc.stream_of("equip").id == "onboard"
    assert fine(trip.done) == {("stream_added", "onboard"), ("stage_added", "hire"),
                               ("stage_added", "equip"), ("structure_changed", None)}
    assert fine(trip.undone) == {("stream_removed", "onboard"), ("stage_removed", "hire"),
                                 ("stage_removed", "equip"), ("structure_changed", None)}
    assert trip.undone.index(("stage_removed", "hire")) < trip.undone.index(
        ("stream_removed", "onboard"))


def test_remove_stream_in_use_restores_everything_exactly(doc, rec):
    data = doc.model.model_dump()
    data["flow_items"] = [FlowItem(id="f1", type="defect", stream="restore-service",
                                   started=dt.date(2026, 1, 5)).model_dump()]
    doc.set_model(DocumentModel.model_validate(data))
    doc.push(AddSlide(doc, Slide(id="s1", name="Restore", stream="restore-service",
                                 stage="report-problem")))
    doc.push(AddSlide(doc, Slide(id="s2", name="Ops", stream="new-service", stage="operate")))
    trip = round_trip(doc, rec, RemoveStream(doc, "restore-service"))
    assert _stream_ids(doc) == ["fulfil-request", "new-service"]
    assert "report-problem" not in doc
    assert doc.model.links == [] and doc.model.flow_items == []
    assert (doc.slide("s1").stream, doc.slide("s1").stage) == (None, None)
    assert (doc.slide("s2").stream, doc.slide("s2").stage) == ("new-service", "operate")
    assert {("stream_removed", "restore-service"), ("stage_removed", "diagnose-fix"),
            ("link_removed", "fix-rework"), ("slide_changed", None)} <= fine(trip.done)
    assert trip.before["flow_items"][0]["id"] == "f1"
    assert doc.undo_stack.undoText() == "Delete stream “Restore service for a user”"


def test_set_stream_fields(doc, rec):
    trip = round_trip(doc, rec, SetStreamFields(doc, "new-service", kind="supporting",
                                                triggering_stakeholder="architect"))
    assert doc.stream("new-service").kind == "supporting"
    assert fine(trip.done) == {("stream_changed", "new-service")}


def test_move_stream(doc, rec):
    trip = round_trip(doc, rec, MoveStream(doc, "new-service", 0))
    assert _stream_ids(doc) == ["new-service", "restore-service", "fulfil-request"]
    assert fine(trip.done) == {("stream_changed", "new-service"), ("structure_changed", None)}
    assert doc.undo_stack.undoText() == "Move stream"


def test_add_lane(doc, rec):
    trip = round_trip(doc, rec, AddLane(doc, Lane(id="hr", name="HR", color="#aa3300"), 0))
    assert _lane_ids(doc)[:2] == ["hr", "plan"]
    assert fine(trip.done) == {("lane_added", "hr"), ("structure_changed", None)}


def test_remove_lane_in_use_unassigns_its_stages_and_undo_gives_lanes_back(doc, rec):
    users = [s.id for s in doc.stages() if s.lane == "engage"]
    assert len(users) == 4
    command = RemoveLane(doc, "engage")
    assert command.references() == 4
    trip = round_trip(doc, rec, command)
    assert "engage" not in _lane_ids(doc)
    assert all(s.lane is None for s in doc.stages() if s.id in users)
    assert sum(1 for _ in doc.stages()) == 15  # no work lost
    assert fine(trip.done) == {("lane_removed", "engage"), ("structure_changed", None)} | {
        ("stage_changed", i) for i in users}
    doc.undo_stack.undo()
    assert [doc.stage(i).lane for i in users] == ["engage"] * 4
    assert _lane_ids(doc)[2] == "engage"


def test_set_lane_fields_and_move_lane(doc, rec):
    trip = round_trip(doc, rec, SetLaneFields(doc, "plan", name="Strategy", color="#102030"))
    assert fine(trip.done) == {("lane_changed", "plan")}
    trip = round_trip(doc, rec, MoveLane(doc, "plan", 5))
    assert _lane_ids(doc)[-1] == "plan"
    assert fine(trip.done) == {("lane_changed", "plan"), ("structure_changed", None)}
