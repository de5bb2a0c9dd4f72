"""Reading aids: pinned lane headers and stream labels while scrolling, space+drag panning."""

from PySide6.QtCore import QPoint, Qt

from vscdesk.canvas.pinned import PinnedHeaders

from editing_helpers import canvas  # noqa: F401  (fixture)


def _scrolled(canvas, x, y):
    canvas.view.set_zoom(2.0)
    canvas.view.horizontalScrollBar().setValue(x)
    canvas.view.verticalScrollBar().setValue(y)


def test_headers_are_pinned_only_once_scrolled_away(canvas):
    pinned = PinnedHeaders(canvas.scene, canvas.view)
    canvas.view.set_zoom(0.5)
    assert not any(item.isVisible() for item in pinned.lanes + pinned.rows)
    _scrolled(canvas, 900, 600)
    seen = canvas.view.mapToScene(canvas.view.viewport().rect()).boundingRect()
    lanes = [i for i in pinned.lanes if i.isVisible()]
    rows = [i for i in pinned.rows if i.isVisible()]
    assert len(lanes) == 6 and len(rows) == 3
    assert all(abs(i.scenePos().y() - seen.top()) < 10 for i in lanes)
    assert all(abs(i.scenePos().x() - seen.left()) < 10 for i in rows)


def test_a_pinned_lane_header_renames_like_the_real_one(canvas, qtbot):
    pinned = PinnedHeaders(canvas.scene, canvas.view)
    _scrolled(canvas, 900, 600)
    item = next(i for i in pinned.lanes if i.ref == "deliver-support")
    rect = item.sceneBoundingRect()
    pos = canvas.at(rect.center().x(), item.scenePos().y() + 20)
    qtbot.mouseDClick(canvas.view.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    line = canvas.editing.editor.line
    assert line.isVisible() and line.text() == "Deliver & support"
    qtbot.keyClicks(line, "Operate")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert canvas.doc.lane("deliver-support").name == "Operate"
    # the pinned copy follows the edit
    assert any(getattr(p, "text", "") == "Operate"
               for i in pinned.lanes if i.ref == "deliver-support" for p in i.group.items)


def test_space_drag_pans_and_edits_nothing(canvas, qtbot):
    _scrolled(canvas, 400, 300)
    bar = canvas.view.verticalScrollBar()
    before = bar.value()
    start = canvas.card_centre("approve")
    qtbot.keyPress(canvas.view, Qt.Key.Key_Space)
    canvas.drag(qtbot, start, start + QPoint(0, -80))
    qtbot.keyRelease(canvas.view, Qt.Key.Key_Space)
    assert bar.value() == before + 80
    assert canvas.stack_count() == 0
