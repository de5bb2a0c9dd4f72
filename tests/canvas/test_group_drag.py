"""Dragging one of several selected cards carries them all, as one undo step."""

from PySide6.QtCore import Qt

from vscdesk.layout.chain import layout_chain

from editing_helpers import canvas, make_canvas  # noqa: F401  (fixture)

CTRL = Qt.KeyboardModifier.ControlModifier


def _select_by_clicks(canvas, qtbot, *ids):
    viewport = canvas.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=canvas.card_centre(ids[0]))
    for sid in ids[1:]:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, CTRL, canvas.card_centre(sid))
    assert set(canvas.scene.selected_stage_ids()) == set(ids)


def test_dragging_two_selected_cards_to_another_stream_moves_both_in_one_step(canvas, qtbot):
    doc = canvas.doc
    _select_by_clicks(canvas, qtbot, "approve", "procure-device")
    layout = layout_chain(doc.model)
    row = next(r for r in layout.rows if r.stream_id == "restore-service")
    plan = next(g for g in layout.lanes if g.id == "plan")
    before = canvas.stack_count()
    start, end = canvas.card_centre("approve"), canvas.at(plan.column.cx, row.band.cy)
    viewport = canvas.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + (end - start) / 2)
    qtbot.mouseMove(viewport, end)
    # both cards follow the pointer while dragging
    moved = [canvas.scene.item_for(s).pos() for s in ("approve", "procure-device")]
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert all(p.y() < row.band.bottom for p in moved)
    assert canvas.stack_count() == before + 1
    assert doc.undo_stack.text(before) == "Move 2 stages"
    stages = [s.id for s in doc.stream("restore-service").stages]
    assert stages.index("procure-device") == stages.index("approve") + 1  # order kept
    assert doc.stage("approve").lane == "plan"
    assert doc.stage("procure-device").lane == "obtain-build"
    assert set(canvas.scene.selected_stage_ids()) == {"approve", "procure-device"}
    doc.undo_stack.undo()
    assert [s.id for s in doc.stream("fulfil-request").stages] == [
        "request-portal", "approve", "procure-device", "prepare-deliver", "confirm-receipt"]


def test_dragging_a_group_one_lane_right_shifts_each_card(canvas, qtbot):
    doc = canvas.doc
    _select_by_clicks(canvas, qtbot, "approve", "plan-service")
    layout = layout_chain(doc.model)
    row = next(r for r in layout.rows if r.stream_id == "fulfil-request")
    improve = next(g for g in layout.lanes if g.id == "improve")
    before = canvas.stack_count()
    canvas.drag(qtbot, canvas.card_centre("approve"), canvas.at(improve.column.cx, row.band.cy))
    assert canvas.stack_count() == before + 1
    assert doc.stage("approve").lane == "improve" and doc.stage("plan-service").lane == "improve"
    assert doc.position("approve") == 1 and doc.position("plan-service") == 0
    doc.undo_stack.undo()
    assert doc.stage("approve").lane == "plan" and doc.stage("plan-service").lane == "plan"


def test_a_drag_of_an_unselected_card_moves_only_that_card(canvas, qtbot):
    doc = canvas.doc
    _select_by_clicks(canvas, qtbot, "approve", "plan-service")
    layout = layout_chain(doc.model)
    row = next(r for r in layout.rows if r.stream_id == "fulfil-request")
    design = next(g for g in layout.lanes if g.id == "design-transition")
    canvas.drag(qtbot, canvas.card_centre("procure-device"),
                canvas.at(design.column.cx, row.band.cy))
    assert doc.stage("procure-device").lane == "design-transition"
    assert doc.stage("approve").lane == "plan" and doc.stage("plan-service").lane == "plan"


def test_stream_view_group_drag_reorders_as_a_block(qtbot, example_file):
    c = make_canvas(qtbot, example_file, view="stream")
    _select_by_clicks(c, qtbot, "operate", "review-outcomes")
    first = c.scene.item_for("plan-service").sceneBoundingRect()
    before = c.stack_count()
    c.drag(qtbot, c.card_centre("review-outcomes"),
           c.at(first.left() + 20, first.center().y()))
    assert c.stack_count() == before + 1
    assert [s.id for s in c.doc.stream("new-service").stages][:2] == ["operate",
                                                                      "review-outcomes"]
    assert c.doc.stage("operate").lane == "deliver-support"  # the stream view keeps lanes
