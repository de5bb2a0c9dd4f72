"""Dragging on the canvas with real mouse events: one command on release, undo restores."""

import pytest
from PySide6.QtCore import QPoint, Qt

from vscdesk.canvas.drag import DropIndicator
from vscdesk.layout.chain import layout_chain

from editing_helpers import canvas, make_canvas  # noqa: F401  (fixture)


def _lane_box(doc, lane_id):
    return next(g for g in layout_chain(doc.model).lanes if g.id == lane_id)


def _row(doc, stream_id):
    return next(r for r in layout_chain(doc.model).rows if r.stream_id == stream_id)


def _indicators(scene):
    return [i for i in scene.items() if isinstance(i, DropIndicator) and i.isVisible()]


def test_drag_a_stage_to_another_lane_is_one_command(canvas, qtbot):
    doc = canvas.doc
    improve = _lane_box(doc, "improve").column
    row = _row(doc, "fulfil-request")
    before = canvas.stack_count()
    canvas.drag(qtbot, canvas.card_centre("approve"), canvas.at(improve.cx, row.band.cy))
    assert canvas.stack_count() == before + 1
    assert doc.stage("approve").lane == "improve"
    assert doc.position("approve") == 1
    item_x = canvas.scene.item_for("approve").pos().x()
    assert improve.x < item_x < improve.right  # the card now sits in its new lane
    doc.undo_stack.undo()
    assert doc.stage("approve").lane == "plan"
    assert canvas.scene.item_for("approve").pos().x() < improve.x


def test_drop_indicator_shows_while_dragging_and_goes_away(canvas, qtbot):
    viewport = canvas.view.viewport()
    start = canvas.card_centre("approve")
    improve = _lane_box(canvas.doc, "improve").column
    end = canvas.at(improve.cx, _row(canvas.doc, "fulfil-request").band.cy)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(10, 0))
    qtbot.mouseMove(viewport, end)
    shown = _indicators(canvas.scene)
    assert len(shown) == 1
    assert shown[0].sceneBoundingRect().center().x() == pytest.approx(improve.cx, abs=3)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert _indicators(canvas.scene) == []


def test_reorder_within_a_cell(canvas, qtbot):
    doc = canvas.doc  # restore-service: report-problem (engage, 0) ... confirm-user (engage, 2)
    first = canvas.scene.item_for("report-problem").sceneBoundingRect()
    canvas.drag(qtbot, canvas.card_centre("confirm-user"), canvas.at(first.x() + 8, first.center().y()))
    assert [s.id for s in doc.stream("restore-service").stages][:2] == ["confirm-user", "report-problem"]
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.position("confirm-user") == 2


def test_drag_to_another_stream(canvas, qtbot):
    doc = canvas.doc
    engage = _lane_box(doc, "engage").column
    canvas.drag(qtbot, canvas.card_centre("approve"), canvas.at(engage.cx, _row(doc, "new-service").band.cy))
    assert doc.stream_of("approve").id == "new-service"
    assert doc.stage("approve").lane == "engage"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.stream_of("approve").id == "fulfil-request" and doc.position("approve") == 1


def test_dropping_where_it_was_pushes_nothing(canvas, qtbot):
    start = canvas.card_centre("approve")
    canvas.drag(qtbot, start, start + QPoint(12, 6))
    assert canvas.stack_count() == 0
    assert canvas.scene.item_for("approve").opacity() == 1.0


def test_a_click_selects_and_ctrl_click_adds(canvas, qtbot):
    viewport = canvas.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=canvas.card_centre("approve"))
    assert canvas.scene.selection.stage_ids == ("approve",)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     canvas.card_centre("operate"))
    assert set(canvas.scene.selection.stage_ids) == {"approve", "operate"}
    assert canvas.editing.selected_stages() == ["approve", "operate"]
    assert canvas.stack_count() == 0


def test_rubber_band_selects_the_cards_it_covers(canvas, qtbot):
    a = canvas.scene.item_for("report-problem").sceneBoundingRect()
    b = canvas.scene.item_for("diagnose-fix").sceneBoundingRect()
    row = _row(canvas.doc, "restore-service").band
    start = canvas.at(a.x() - 8, row.y + 4)  # empty cell space above the cards
    end = canvas.at(b.right() + 4, a.bottom() + 4)
    canvas.drag(qtbot, start, end)
    selected = set(canvas.scene.selection.stage_ids)
    assert {"report-problem", "diagnose-fix"} <= selected
    assert "approve" not in selected
    assert canvas.stack_count() == 0


def test_drag_a_lane_header_reorders_lanes(canvas, qtbot):
    doc = canvas.doc
    plan = _lane_box(doc, "plan").header
    engage = _lane_box(doc, "engage").column
    canvas.drag(qtbot, canvas.at(plan.cx, plan.cy), canvas.at(engage.right - 10, plan.cy))
    assert [lane.id for lane in doc.model.chain.lanes][:3] == ["improve", "engage", "plan"]
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.model.chain.lanes[0].id == "plan"


def test_drag_a_stream_label_reorders_streams(canvas, qtbot):
    doc = canvas.doc
    first = _row(doc, "restore-service").header
    last = _row(doc, "new-service").header
    canvas.drag(qtbot, canvas.at(first.cx, first.cy), canvas.at(first.cx, last.bottom - 5))
    assert [s.id for s in doc.model.streams] == ["fulfil-request", "new-service", "restore-service"]
    assert doc.undo_stack.count() == 1


def test_stream_view_drag_reorders_by_x(qtbot, example_file):
    canvas = make_canvas(qtbot, example_file, view="stream")
    doc = canvas.doc
    target = canvas.scene.item_for("request-portal").sceneBoundingRect()
    canvas.drag(qtbot, canvas.card_centre("procure-device"),
                canvas.at(target.x() + 20, target.center().y()))
    assert [s.id for s in doc.stream("fulfil-request").stages][:3] == [
        "procure-device", "request-portal", "approve"]
    assert doc.stage("procure-device").lane == "obtain-build"
    assert doc.undo_stack.count() == 1
