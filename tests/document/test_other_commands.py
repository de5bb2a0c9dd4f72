"""Stakeholder, link, slide, duplicate and paste commands."""

from __future__ import annotations

from doc_helpers import fine, round_trip

from vscdesk.document import (
    AddLink,
    AddSlide,
    AddStakeholder,
    DuplicateStages,
    MoveSlide,
    PasteStages,
    RemoveLinks,
    RemoveSlide,
    RemoveStakeholder,
    SetDocumentFields,
    SetLinkFields,
    SetSlideFields,
    SetStakeholderFields,
)
from vscdesk.model import Link, Slide, Stage, StakeholderRef, Stakeholder


def test_add_and_rename_stakeholder(doc, rec):
    trip = round_trip(doc, rec, AddStakeholder(doc, Stakeholder(id="ciso", name="CISO")))
    assert doc.model.stakeholders[-1].id == "ciso"
    assert fine(trip.done) == {("stakeholder_added", "ciso")}
    trip = round_trip(doc, rec, SetStakeholderFields(doc, "ciso", name="Security officer",
                                                     external=True))
    assert doc.stakeholder("ciso").name == "Security officer"
    assert fine(trip.done) == {("stakeholder_changed", "ciso")}


def test_remove_stakeholder_in_use_removes_references_and_undo_restores_them(doc, rec):
    users = [s.id for s in doc.stages() if any(r.stakeholder == "user" for r in s.stakeholders)]
    streams = [s.id for s in doc.model.streams if s.triggering_stakeholder == "user"]
    assert users and streams
    command = RemoveStakeholder(doc, "user")
    assert command.references() == len(users) + len(streams)
    before = {i: doc.stage(i).stakeholders for i in users}
    trip = round_trip(doc, rec, command)
    assert "user" not in doc
    assert all(r.stakeholder != "user" for s in doc.stages() for r in s.stakeholders)
    assert all(s.triggering_stakeholder is None for s in doc.model.streams if s.id in streams)
    assert fine(trip.done) == {("stakeholder_removed", "user")} | {
        ("stage_changed", i) for i in users} | {("stream_changed", i) for i in streams}
    doc.undo_stack.undo()
    assert {i: doc.stage(i).stakeholders for i in users} == before  # order and roles too


def test_links(doc, rec):
    link = Link(id="deploy-feeds", kind="integration", source="transition-live",
                target="prepare-deliver", label="Catalogue")
    trip = round_trip(doc, rec, AddLink(doc, link))
    assert fine(trip.done) == {("link_added", "deploy-feeds")}
    assert doc.undo_stack.undoText() == "Add integration point"
    trip = round_trip(doc, rec, SetLinkFields(doc, "deploy-feeds", kind="handoff",
                                              target="operate"))
    assert doc.link("deploy-feeds").target == "operate"
    assert fine(trip.done) == {("link_changed", "deploy-feeds")}
    trip = round_trip(doc, rec, RemoveLinks(doc, ["ops-feeds-fix", "deploy-feeds"]))
    assert [link.id for link in doc.model.links] == ["fix-rework"]
    doc.undo_stack.undo()
    assert [link.id for link in doc.model.links] == ["ops-feeds-fix", "fix-rework",
                                                     "deploy-feeds"]


def test_slides(doc, rec):
    trip = round_trip(doc, rec, AddSlide(doc, Slide(id="one", name="Overview")))
    assert fine(trip.done) == {("slide_changed", None)}
    round_trip(doc, rec, AddSlide(doc, Slide(id="two", name="Restore", view="stream",
                                             stream="restore-service")))
    round_trip(doc, rec, MoveSlide(doc, "two", 0))
    assert [s.id for s in doc.model.slides] == ["two", "one"]
    round_trip(doc, rec, SetSlideFields(doc, "one", name="Whole chain", zoom=0.5))
    assert doc.slide("one").zoom == 0.5
    trip = round_trip(doc, rec, RemoveSlide(doc, "two"))
    assert fine(trip.undone) == {("slide_changed", None)}
    assert [s.id for s in doc.model.slides] == ["one"]


def test_duplicate_stages_places_copies_after_the_last_selected(doc, rec):
    command = DuplicateStages(doc, ["report-problem", "diagnose-fix", "operate"])
    trip = round_trip(doc, rec, command)
    copies = command.new_ids
    assert copies == ["report-problem-2", "diagnose-fix-2", "operate-2"]
    assert [s.id for s in doc.stream("restore-service").stages] == [
        "report-problem", "diagnose-fix", "report-problem-2", "diagnose-fix-2", "confirm-user",
        "review-root-cause"]
    assert doc.position("operate-2") == doc.position("operate") + 1
    copy, original = doc.stage("diagnose-fix-2"), doc.stage("diagnose-fix")
    assert copy.model_dump(exclude={"id"}) == original.model_dump(exclude={"id"})
    assert fine(trip.done) == {("stage_added", i) for i in copies} | {("structure_changed", None)}
    assert doc.undo_stack.undoText() == "Duplicate 3 stages"


def test_paste_from_another_document_drops_unresolved_references(doc, rec):
    foreign = [
        Stage(id="report-problem", name="Log call", lane="sales",
              stakeholders=[StakeholderRef(stakeholder="user", role="triggering"),
                            StakeholderRef(stakeholder="their-boss")]),
        Stage(id="x1", name="Log call", lane="engage"),
    ]
    command = PasteStages(doc, "fulfil-request", 2, foreign)
    trip = round_trip(doc, rec, command)
    first, second = (doc.stage(i) for i in command.new_ids)
    assert command.new_ids == ["report-problem-2", "x1"]
    assert [s.id for s in doc.stream("fulfil-request").stages][2:4] == command.new_ids
    assert first.lane is None and second.lane == "engage"
    assert first.stakeholders == [StakeholderRef(stakeholder="user", role="triggering")]
    assert fine(trip.done) == {("stage_added", "report-problem-2"), ("stage_added", "x1"),
                               ("structure_changed", None)}
    assert doc.undo_stack.undoText() == "Paste 2 stages"


def test_paste_accepts_clipboard_json(doc, rec):
    data = [doc.stage("approve").model_dump(mode="json")]
    command = PasteStages(doc, "new-service", None, data)
    round_trip(doc, rec, command)
    assert doc.model.streams[2].stages[-1].id == command.new_ids[0] == "approve-2"


def test_document_title_and_chain_name(doc, rec):
    trip = round_trip(doc, rec, SetDocumentFields(doc, title="Acme IT"))
    assert doc.model.title == "Acme IT"
    assert trip.done == [("changed", None), ("modified_changed", True)]
    round_trip(doc, rec, SetDocumentFields(doc, chain_name="Acme value chain"))
    assert doc.model.chain.name == "Acme value chain"
    assert doc.undo_stack.undoText() == "Rename value chain"


def test_copies_of_numbered_ids_count_up_from_the_base(doc, rec):
    first = DuplicateStages(doc, ["approve"])
    round_trip(doc, rec, first)
    again = DuplicateStages(doc, first.new_ids)
    round_trip(doc, rec, again)
    pasted = PasteStages(doc, "new-service", None, [doc.stage("approve-2")])
    round_trip(doc, rec, pasted)
    assert (first.new_ids, again.new_ids, pasted.new_ids) == (["approve-2"], ["approve-3"],
                                                              ["approve-4"])
    foreign = PasteStages(doc, "new-service", None, [{"id": "triage-7", "name": "Triage"}])
    round_trip(doc, rec, foreign)
    assert foreign.new_ids == ["triage-7"]  # a free id from another document is kept
