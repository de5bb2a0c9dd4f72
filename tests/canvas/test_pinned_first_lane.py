"""Zooming in from fit never hides the first lane under the pinned stream labels, and a press
on a pinned label reorders streams only when pulled clearly up or down."""

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QGraphicsView

from vscdesk.canvas.interaction import target_at
from vscdesk.canvas.pinned import PinnedHeaders

from editing_helpers import canvas  # noqa: F401  (fixture)


def _fit_then_zoom(canvas, zoom):
    view = canvas.view
    view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
    view.fit()
    view.set_zoom(zoom)


def _pin_right_edge(pins) -> float:
    return pins.left_strip.sceneBoundingRect().right() if pins.left_strip.isVisible() else 0.0


def test_zooming_in_from_fit_keeps_the_first_lane_beside_the_stream_labels(canvas):
    pins = PinnedHeaders(canvas.scene, canvas.view)
    for zoom in (0.9, 1.0, 1.2):
        _fit_then_zoom(canvas, zoom)
        card = canvas.scene.item_for("approve").sceneBoundingRect()  # first lane, Plan
        assert card.left() >= _pin_right_edge(pins)
        seen = canvas.view.mapToScene(canvas.view.viewport().rect()).boundingRect()
        assert seen.contains(card.center())
        assert target_at(canvas.scene, card.center()).kind == "stage"


def test_a_zoom_at_the_far_right_still_zooms_there(canvas):
    """The left edge is kept only while the point zoomed at stays on screen."""
    view = canvas.view
    view.fit()
    right = QPoint(view.viewport().width() - 40, view.viewport().height() // 2)
    at = view.mapToScene(right)
    view.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
    view.set_zoom(view.zoom() * 1.6, right)
    view.centerOn(at)  # what the wheel anchor does; the view must not jump back left
    view.set_zoom(view.zoom() * 1.1, right)
    assert view.horizontalScrollBar().value() > view.horizontalScrollBar().minimum()


def test_a_slanting_drag_on_a_pinned_label_does_not_reorder_streams(canvas, qtbot):
    pins = PinnedHeaders(canvas.scene, canvas.view)
    view = canvas.view
    view.set_zoom(1.2)
    view.horizontalScrollBar().setValue(600)
    assert pins.left_strip.isVisible()
    order = [s.id for s in canvas.doc.model.streams]
    label = next(i for i in pins.rows if i.group.ref == "fulfil-request")
    restore = next(i for i in pins.rows if i.group.ref == "restore-service")
    start = view.mapFromScene(label.sceneBoundingRect().center())
    up = view.mapFromScene(QPointF(label.sceneBoundingRect().center().x(),
                                   restore.sceneBoundingRect().top() + 10))
    # what a card drag from under the label looks like: a lane to the right, a row up
    canvas.drag(qtbot, start, up + QPoint(200, 0))
    assert [s.id for s in canvas.doc.model.streams] == order
    assert canvas.stack_count() == 0
    canvas.drag(qtbot, start, up)  # pulled up over the first stream: a real reorder
    assert next(s.id for s in canvas.doc.model.streams) == "fulfil-request"
    assert canvas.stack_count() == 1
