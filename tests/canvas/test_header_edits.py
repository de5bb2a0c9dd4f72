"""Headers on the canvas: a click picks a stream label, a lane header or the title; Del,
F2 and double-click act on the pick, each as one undo step."""

from PySide6.QtCore import QPointF, Qt

from vscdesk.layout.metrics import HEADER_H

from editing_helpers import canvas  # noqa: F401  (fixture)


def click_row(canvas, qtbot, stream_id):
    rect = canvas.scene.items_by_key[f"row:{stream_id}"].sceneBoundingRect()
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.at(rect.center().x(), rect.top() + 20))


def click_lane(canvas, qtbot, lane_id):
    item = canvas.scene.items_by_key[f"lane:{lane_id}"]
    point = item.mapToScene(QPointF(30, HEADER_H / 2))
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.at(point.x(), point.y()))


def title_point(canvas, x=20.0):
    point = canvas.scene.items_by_key["title"].mapToScene(QPointF(x, 12))
    return canvas.at(point.x(), point.y())


def test_click_a_stream_label_then_delete_and_one_undo_restores_stages_and_links(canvas, qtbot):
    doc = canvas.doc
    before = doc.model.model_dump()
    stages = [s.id for s in doc.stream("restore-service").stages]
    assert any(lk.source in stages or lk.target in stages for lk in doc.model.links)
    click_row(canvas, qtbot, "restore-service")
    assert canvas.scene.selection.header == ("stream", "restore-service")
    assert canvas.scene.items_by_key["row:restore-service"].picked
    canvas.editing.delete()
    assert "restore-service" not in doc
    assert not any(lk.source in stages or lk.target in stages for lk in doc.model.links)
    assert "row:restore-service" not in canvas.scene.items_by_key
    assert canvas.scene.selection.header is None  # the pick went with the stream
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.model.model_dump() == before
    assert "row:restore-service" in canvas.scene.items_by_key


def test_click_a_lane_header_then_delete_leaves_its_stages_in_no_activity(canvas, qtbot):
    doc = canvas.doc
    engage = [s.id for s in doc.stages() if s.lane == "engage"]
    assert engage
    click_lane(canvas, qtbot, "engage")
    assert canvas.scene.selection.header == ("lane", "engage")
    asked = []
    canvas.editing.headers.where_lane_stages_go = lambda lane: asked.append(lane) or (True, None)
    canvas.editing.delete()
    assert asked == ["engage"]
    assert "engage" not in doc and all(doc.stage(s).lane is None for s in engage)
    doc.undo_stack.undo()
    assert all(doc.stage(s).lane == "engage" for s in engage)
    assert [lane.id for lane in doc.model.chain.lanes][2] == "engage"


def test_deleting_a_lane_can_move_its_stages_or_be_cancelled(canvas, qtbot):
    doc = canvas.doc
    engage = [s.id for s in doc.stages() if s.lane == "engage"]
    click_lane(canvas, qtbot, "engage")
    canvas.editing.headers.where_lane_stages_go = lambda lane: (False, None)
    canvas.editing.delete()
    assert "engage" in doc and doc.undo_stack.count() == 0
    canvas.editing.headers.where_lane_stages_go = lambda lane: (True, "plan")
    canvas.editing.delete()
    assert "engage" not in doc and all(doc.stage(s).lane == "plan" for s in engage)
    assert doc.undo_stack.count() == 1


def test_a_card_click_or_escape_drops_the_pick(canvas, qtbot):
    click_row(canvas, qtbot, "fulfil-request")
    assert canvas.scene.selection.header == ("stream", "fulfil-request")
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.card_centre("approve"))
    assert canvas.scene.selection.header is None
    assert canvas.scene.selection.stage_ids == ("approve",)
    assert not canvas.scene.items_by_key["row:fulfil-request"].picked
    click_lane(canvas, qtbot, "plan")
    assert canvas.scene.selection.header == ("lane", "plan")
    assert canvas.scene.selection.stage_ids == ()  # the pick stands alone
    qtbot.keyClick(canvas.view, Qt.Key.Key_Escape)
    assert canvas.scene.selection.header is None


def test_f2_on_the_picked_title_renames_the_document_in_one_step(canvas, qtbot):
    doc = canvas.doc
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=title_point(canvas))
    assert canvas.scene.selection.header == ("title", "")
    canvas.editing.rename_selected()  # what F2 and Enter call
    editor = canvas.editing.editor.line
    assert editor.isVisible() and editor.text() == "IT services"
    qtbot.keyClicks(editor, "Payments")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.model.title == "Payments" and doc.undo_stack.count() == 1
    title = canvas.scene.items_by_key["title"].group
    assert title.items[0].text.startswith("Payments · ")
    doc.undo_stack.undo()
    assert doc.model.title == "IT services"


def test_enter_renames_a_picked_lane_and_a_picked_stream(canvas, qtbot):
    click_lane(canvas, qtbot, "plan")
    qtbot.keyClick(canvas.view, Qt.Key.Key_Return)
    editor = canvas.editing.editor.line
    assert editor.isVisible() and editor.text() == canvas.doc.lane("plan").name
    qtbot.keyClicks(editor, "Strategy")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.doc.lane("plan").name == "Strategy"


def test_double_click_on_the_chain_name_in_the_title_renames_the_chain(canvas, qtbot):
    doc = canvas.doc
    from vscdesk.layout.text import text_width
    x = text_width("IT services · ", 22, True) + 30
    qtbot.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                      pos=title_point(canvas, x))
    editor = canvas.editing.editor.line
    assert editor.isVisible() and editor.text() == doc.model.chain.name
    qtbot.keyClicks(editor, "Our chain")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert doc.model.chain.name == "Our chain" and doc.model.title == "IT services"
    assert doc.undo_stack.count() == 1
    qtbot.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=title_point(canvas))
    assert editor.isVisible() and editor.text() == "IT services"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert doc.undo_stack.count() == 1


def test_a_click_on_a_pinned_label_rings_the_pinned_copy(canvas, qtbot):
    from vscdesk.canvas.pinned import PinnedHeaders

    pins = PinnedHeaders(canvas.scene, canvas.view)
    canvas.view.set_zoom(1.6)
    canvas.view.horizontalScrollBar().setValue(700)
    canvas.view.verticalScrollBar().setValue(300)
    row = next(i for i in pins.rows if i.isVisible())
    rect = row.sceneBoundingRect()
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.at(rect.center().x(), rect.top() + 20))
    assert canvas.scene.selection.header == ("stream", row.group.ref)
    assert row.picked and canvas.scene.items_by_key[f"row:{row.group.ref}"].picked
    assert not any(other.picked for other in pins.rows if other is not row)
    qtbot.keyClick(canvas.view, Qt.Key.Key_Escape)
    assert not row.picked
