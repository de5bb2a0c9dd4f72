"""Commands refuse bad input in their constructor, with a readable reason, and change nothing."""

from __future__ import annotations

import pytest

from vscdesk.document import (
    AddLane,
    AddLink,
    AddSlide,
    AddStage,
    AddStakeholder,
    AddStream,
    MoveLane,
    MoveStage,
    MoveStream,
    PasteStages,
    RemoveLane,
    RemoveStages,
    RemoveStakeholder,
    SetLinkFields,
    SetStageFields,
    SetStagesFields,
    SetStreamFields,
)
from vscdesk.model import Lane, Link, Slide, Stage, StakeholderRef, Stream

CASES = [
    (lambda d: SetStageFields(d, "approve", name="   "), "blank"),
    (lambda d: SetStageFields(d, "approve", name="a\nb"), "control characters"),
    (lambda d: SetStageFields(d, "approve", name="x" * 201), "200"),
    (lambda d: SetStageFields(d, "approve", lane="nowhere"), "lane 'nowhere'"),
    (lambda d: SetStageFields(d, "approve", lane="user"), "lane 'user'"),  # a stakeholder id
    (lambda d: SetStageFields(d, "approve", id="other"), "id of a stage"),
    (lambda d: SetStageFields(d, "approve", colour="#ffffff"), "no field 'colour'"),
    (lambda d: SetStageFields(d, "approve"), "no stage field"),
    (lambda d: SetStageFields(d, "ghost", name="Boo"), "no stage 'ghost'"),
    (lambda d: SetStageFields(d, "approve", percent_complete_accurate=120), "100"),
    (lambda d: SetStageFields(d, "approve", percent_complete_accurate=float("nan")), "percent"),
    (lambda d: SetStageFields(d, "approve", slas=[{"name": "x", "target": float("inf")}]),
     "finite"),
    (lambda d: SetStageFields(d, "approve", stakeholders=[StakeholderRef(stakeholder="nobody")]),
     "stakeholder 'nobody'"),
    # model_copy(update=...) does not validate; the command must not be fooled by it
    (lambda d: SetStageFields(d, "approve", process_time=d.stage("approve").process_time
                              .model_copy(update={"value": -5})), "greater than or equal"),
    (lambda d: SetStagesFields(d, ["approve", "ghost"], lane="plan"), "no stage 'ghost'"),
    (lambda d: SetStagesFields(d, [], lane="plan"), "no stages"),
    (lambda d: AddStage(d, "restore-service", 0, Stage(id="approve", name="Again")),
     "'approve' is already used"),
    (lambda d: AddStage(d, "restore-service", 0, Stage(id="engage", name="Again")),
     "'engage' is already used"),  # ids share one namespace across kinds
    (lambda d: AddStage(d, "restore-service", 9, Stage(id="n", name="N")), "outside 0..4"),
    (lambda d: AddStage(d, "restore-service", -1, Stage(id="n", name="N")), "outside 0..4"),
    (lambda d: AddStage(d, "nope", 0, Stage(id="n", name="N")), "no stream 'nope'"),
    (lambda d: AddStage(d, "restore-service", 0, Stage(id="n", name="N", lane="x")), "lane 'x'"),
    (lambda d: AddStage(d, "restore-service", 0,
                        Stage(id="n", name="N").model_copy(update={"name": ""})), "blank"),
    (lambda d: RemoveStages(d, ["approve", "ghost"]), "no stage 'ghost'"),
    (lambda d: MoveStage(d, "approve", "fulfil-request", 5), "outside 0..4"),
    (lambda d: MoveStage(d, "approve", "new-service", 7), "outside 0..6"),
    (lambda d: MoveStage(d, "approve", "fulfil-request", 0, lane_id="mars"), "lane 'mars'"),
    (lambda d: AddStream(d, Stream(id="s", name="S", stages=[Stage(id="a", name="A"),
                                                             Stage(id="a", name="B")])),
     "'a' is already used"),
    (lambda d: AddStream(d, Stream(id="s", name="S", owner="ghost")), "stakeholder 'ghost'"),
    (lambda d: AddStream(d, Stream(id="s", name="S", stages=[Stage(id="approve", name="A")])),
     "'approve' is already used"),
    (lambda d: SetStreamFields(d, "new-service", stages=[]), "stages of a stream"),
    (lambda d: SetStreamFields(d, "new-service", color="red"), "color"),
    (lambda d: SetStreamFields(d, "new-service", owner="ghost"), "stakeholder 'ghost'"),
    (lambda d: MoveStream(d, "new-service", 3), "outside 0..2"),
    (lambda d: AddLane(d, Lane(id="plan", name="Plan again")), "'plan' is already used"),
    (lambda d: MoveLane(d, "plan", 6), "outside 0..5"),
    (lambda d: RemoveLane(d, "approve"), "no lane 'approve'"),
    (lambda d: AddStakeholder(d, {"id": "x", "name": "X", "kind": "alien"}), "kind"),
    (lambda d: AddStakeholder(d, {"id": "x y", "name": "X"}), "stakeholder id: an id is"),
    (lambda d: RemoveStakeholder(d, "ghost"), "no stakeholder 'ghost'"),
    (lambda d: AddLink(d, Link(id="l", source="approve", target="ghost")), "stage 'ghost'"),
    (lambda d: AddLink(d, Link(id="l", source="approve", target="approve")), "two different"),
    (lambda d: SetLinkFields(d, "fix-rework", source="plan"), "stage 'plan'"),
    (lambda d: AddSlide(d, Slide(id="s", name="S", stream="approve")), "stream 'approve'"),
    (lambda d: PasteStages(d, "new-service", 0, []), "no stages to paste"),
    (lambda d: PasteStages(d, "new-service", 0, [{"id": "p", "name": ""}]), "blank"),
]


@pytest.mark.parametrize("build, reason", CASES)
def test_bad_edit_is_refused_before_anything_changes(doc, rec, build, reason):
    before = doc.model.model_dump()
    with pytest.raises(ValueError, match=reason) as info:
        build(doc)
    assert "\n" not in str(info.value)  # one readable line, not a pydantic dump
    assert doc.model.model_dump() == before
    assert rec.take() == [] and doc.undo_stack.count() == 0
