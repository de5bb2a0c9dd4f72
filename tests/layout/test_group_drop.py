"""Several selected stages dragged together: the rule in vscdesk.layout.group_drop, applied to a
real document through the real commands."""


from vscdesk.document import MoveStage
from vscdesk.layout.chain import layout_chain
from vscdesk.layout.group_drop import group_moves
from vscdesk.layout.hit import StageDrop, chain_stage_drop
from vscdesk.layout.geometry import Box

NOWHERE = Box(0, 0, 1, 1)


def _apply(document, moves):
    for m in moves:
        command = MoveStage(document, m.stage_id, m.stream_id, m.index, lane_id=m.lane_id)
        if not command.isObsolete():
            document.push(command)


def _route(document, stream):
    return [(s.id, s.lane) for s in document.stream(stream).stages]


def test_sideways_drag_shifts_every_stage_by_the_same_number_of_lanes(document):
    # approve (plan) is dragged one lane right, into the empty improve cell of its own row
    drop = StageDrop("fulfil-request", 1, "improve", NOWHERE, True)
    moves = group_moves(document.model, ["approve", "procure-device", "plan-service"], "approve", drop)
    _apply(document, moves)
    assert document.stage("approve").lane == "improve"
    assert document.stage("procure-device").lane == "deliver-support"
    assert document.stage("plan-service").lane == "improve"
    assert [s.id for s in document.stream("fulfil-request").stages] == [
        "request-portal", "approve", "procure-device", "prepare-deliver", "confirm-receipt"]


def test_sideways_shift_stops_at_the_last_lane(document):
    drop = StageDrop("fulfil-request", 2, "deliver-support", NOWHERE, True)
    moves = group_moves(document.model, ["procure-device", "prepare-deliver"], "procure-device", drop)
    _apply(document, moves)
    assert document.stage("procure-device").lane == "deliver-support"
    assert document.stage("prepare-deliver").lane == "deliver-support"  # already last: stays


def test_to_another_stream_the_group_lands_as_one_run_in_its_order(document):
    # design-service and transition-live (stream order 2nd, 4th) dragged by transition-live to
    # the end of fulfil-request, in the same lane
    drop = StageDrop("fulfil-request", 5, "design-transition", NOWHERE)
    moves = group_moves(document.model, ["transition-live", "design-service"], "transition-live", drop)
    _apply(document, moves)
    assert _route(document, "fulfil-request")[-2:] == [("design-service", "design-transition"),
                                                  ("transition-live", "design-transition")]
    assert [s.id for s in document.stream("new-service").stages] == [
        "plan-service", "build-test", "operate", "review-outcomes"]


def test_reorder_in_the_stream_view_gathers_before_the_drop_point(document):
    # in the stream view, operate and review-outcomes dragged (by review-outcomes) to the front
    drop = StageDrop("new-service", 0, "improve", NOWHERE)
    moves = group_moves(document.model, ["operate", "review-outcomes"], "review-outcomes", drop,
                        chain=False)
    _apply(document, moves)
    assert _route(document, "new-service") == [
        ("operate", "deliver-support"), ("review-outcomes", "improve"),
        ("plan-service", "plan"), ("design-service", "design-transition"),
        ("build-test", "obtain-build"), ("transition-live", "design-transition")]


def test_the_drop_index_counts_other_moving_stages_out(document):
    # report-problem (0) and confirm-user (2) dragged by report-problem to just before
    # review-root-cause: index 2 of restore-service without report-problem
    drop = StageDrop("restore-service", 2, "engage", NOWHERE)
    moves = group_moves(document.model, ["report-problem", "confirm-user"], "report-problem", drop)
    _apply(document, moves)
    assert [s.id for s in document.stream("restore-service").stages] == [
        "diagnose-fix", "report-problem", "confirm-user", "review-root-cause"]


def test_a_drop_where_the_group_already_is_moves_nothing(document):
    drop = StageDrop("new-service", 1, "design-transition", NOWHERE)
    assert group_moves(document.model, ["design-service", "build-test"], "design-service",
                       drop) == []


def test_a_real_chain_drop_target_drives_the_group(document):
    layout = layout_chain(document.model)
    row = next(r for r in layout.rows if r.stream_id == "restore-service")
    plan = next(g for g in layout.lanes if g.id == "plan")
    drop = chain_stage_drop(document.model, layout, "approve", plan.column.cx, row.band.cy)
    moves = group_moves(document.model, ["approve", "procure-device"], "approve", drop)
    _apply(document, moves)
    stages = [s.id for s in document.stream("restore-service").stages]
    assert stages.index("procure-device") == stages.index("approve") + 1
    assert document.stage("approve").lane == "plan"
    assert document.stage("procure-device").lane == "obtain-build"  # no lane change: same distance
