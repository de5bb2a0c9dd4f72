"""Renaming in place and moving around the canvas with the keyboard."""

from PySide6.QtCore import QPoint, Qt

from editing_helpers import canvas  # noqa: F401  (fixture)


def _card_texts(scene, stage_id):
    return [p.text for p in scene.item_for(stage_id).group.items if hasattr(p, "text")]


def test_double_click_renames_in_place_with_one_command(canvas, qtbot):
    qtbot.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=canvas.card_centre("approve"))
    line = canvas.editing.editor.line
    assert line.isVisible() and line.text() == "Approve" and line.hasFocus()
    # the editor lies over the card
    card = canvas.view.mapFromScene(canvas.scene.item_for("approve").sceneBoundingRect()).boundingRect()
    assert card.contains(line.geometry().center())
    qtbot.keyClicks(line, "<b>Triage</b>")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert not line.isVisible()
    assert canvas.doc.stage("approve").name == "<b>Triage</b>"
    assert canvas.stack_count() == 1
    assert "<b>Triage</b>" in " ".join(_card_texts(canvas.scene, "approve"))
    canvas.doc.undo_stack.undo()
    assert canvas.doc.stage("approve").name == "Approve"


def test_escape_cancels_a_rename(canvas, qtbot):
    canvas.scene.selection.set(["approve"], "fulfil-request")
    qtbot.keyClick(canvas.view, Qt.Key.Key_Return)  # Enter (like F2) renames the selected stage
    line = canvas.editing.editor.line
    assert line.isVisible()
    qtbot.keyClicks(line, "Something else")
    qtbot.keyClick(line, Qt.Key.Key_Escape)
    assert not line.isVisible()
    assert canvas.doc.stage("approve").name == "Approve"
    assert canvas.stack_count() == 0


def test_rename_lane_header_and_stream_label(canvas, qtbot):
    viewport = canvas.view.viewport()
    lane = canvas.scene.items_by_key["lane:plan"].sceneBoundingRect()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=canvas.at(lane.center().x(), lane.y() + 20))
    qtbot.keyClicks(canvas.editing.editor.line, "Strategy")
    qtbot.keyClick(canvas.editing.editor.line, Qt.Key.Key_Enter)
    assert canvas.doc.lane("plan").name == "Strategy"
    row = canvas.scene.items_by_key["row:new-service"].sceneBoundingRect()
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=canvas.at(row.center().x(), row.y() + 50))
    qtbot.keyClicks(canvas.editing.editor.line, "Launch a service")
    qtbot.keyClick(canvas.editing.editor.line, Qt.Key.Key_Return)
    assert canvas.doc.stream("new-service").name == "Launch a service"
    assert canvas.stack_count() == 2


def test_arrow_keys_walk_the_stream_and_jump_between_streams(canvas, qtbot):
    view = canvas.view
    canvas.scene.selection.set(["approve"], "fulfil-request")
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert canvas.scene.selection.stage_ids == ("procure-device",)
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert canvas.scene.selection.stage_ids == ("approve",)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # approve is in Plan: plan-service sits right below
    assert canvas.scene.selection.stage_ids == ("plan-service",)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert canvas.scene.selection.stream_id == "restore-service"
    qtbot.keyClick(view, Qt.Key.Key_Left)  # first stage of a stream: nowhere further left
    assert len(canvas.scene.selection.stage_ids) == 1
    assert canvas.stack_count() == 0


def test_tab_walks_every_stage_in_document_order(canvas, qtbot):
    canvas.scene.selection.clear()
    qtbot.keyClick(canvas.view, Qt.Key.Key_Tab)
    assert canvas.scene.selection.stage_ids == ("report-problem",)
    qtbot.keyClick(canvas.view, Qt.Key.Key_Tab)
    assert canvas.scene.selection.stage_ids == ("diagnose-fix",)
    qtbot.keyClick(canvas.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClick(canvas.view, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert canvas.scene.selection.stage_ids == ("review-outcomes",)  # wrapped to the last


def test_escape_clears_the_selection(canvas, qtbot):
    canvas.scene.selection.set(["approve"], "fulfil-request")
    qtbot.keyClick(canvas.view, Qt.Key.Key_Escape)
    assert canvas.scene.selection.stage_ids == ()


def test_middle_button_drag_pans(canvas, qtbot):
    canvas.view.set_zoom(2.0)
    bar = canvas.view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    viewport = canvas.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, pos=canvas.at(800, 400))
    qtbot.mouseMove(viewport, canvas.at(800, 400) + QPoint(-120, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, pos=canvas.at(800, 400))
    assert bar.value() == before + 120
    assert canvas.stack_count() == 0
