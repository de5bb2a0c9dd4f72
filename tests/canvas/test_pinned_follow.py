"""Pinned headers stay on the viewport edges after a zoom, a resize or a view switch, not only
after a scroll."""

import pytest
from PySide6.QtWidgets import QGraphicsView

from vscdesk.canvas.pinned import INSET, PinnedHeaders
from vscdesk.canvas.transition import ViewTransition
from vscdesk.layout import metrics as M

from editing_helpers import canvas  # noqa: F401  (fixture)


def _seen(canvas):
    return canvas.view.mapToScene(canvas.view.viewport().rect()).boundingRect()


def _assert_on_the_edges(canvas, pinned):
    """Pins show exactly when the real headers are out of sight, and then sit on the edges."""
    seen = _seen(canvas)
    lanes = [i for i in pinned.lanes if i.isVisible()]
    rows = [i for i in pinned.rows if i.isVisible()]
    assert bool(lanes) == (seen.top() > M.HEADER_Y - INSET)
    assert bool(rows) == (seen.left() > M.MARGIN - INSET)
    assert lanes or rows, "the test meant to look at a scrolled view"
    assert all(i.scenePos().y() == pytest.approx(seen.top() + INSET, abs=0.5) for i in lanes)
    assert all(i.scenePos().x() == pytest.approx(seen.left() + INSET, abs=0.5) for i in rows)
    strip = pinned.top_strip.rect()
    assert pinned.top_strip.isVisible() == bool(lanes)
    assert strip.top() == pytest.approx(seen.top(), abs=0.5)
    assert strip.width() == pytest.approx(seen.width(), abs=0.5)


@pytest.fixture
def pinned(canvas):
    pins = PinnedHeaders(canvas.scene, canvas.view)
    # keyboard zoom (Ctrl+=) with the pointer elsewhere: the view keeps its centre (offscreen,
    # Qt believes the pointer is over the view at its top-left corner)
    canvas.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
    canvas.view.set_zoom(1.6)
    canvas.view.horizontalScrollBar().setValue(700)
    canvas.view.verticalScrollBar().setValue(500)
    _assert_on_the_edges(canvas, pins)
    return pins


def test_pins_follow_a_zoom(canvas, pinned):
    canvas.view.set_zoom(1.3)
    _assert_on_the_edges(canvas, pinned)
    canvas.view.zoom_by(1.5)
    _assert_on_the_edges(canvas, pinned)


def test_pins_follow_a_resize(canvas, pinned, qtbot):
    canvas.view.resize(900, 600)
    qtbot.waitUntil(lambda: canvas.view.viewport().width() < 1000)
    _assert_on_the_edges(canvas, pinned)
    canvas.view.resize(1400, 1000)
    qtbot.waitUntil(lambda: canvas.view.viewport().width() > 1300)
    _assert_on_the_edges(canvas, pinned)


def test_pins_follow_a_switch_to_the_stream_view_and_back(canvas, pinned):
    transition = ViewTransition(canvas.scene, canvas.view)
    transition.run("stream", animate=False)
    assert not any(i.isVisible() for i in pinned.lanes + pinned.rows)
    assert not pinned.top_strip.isVisible()
    canvas.view.verticalScrollBar().setValue(400)
    transition.run("chain", animate=False)
    canvas.view.verticalScrollBar().setValue(450)
    _assert_on_the_edges(canvas, pinned)
    transition.run("stream", animate=False)
    canvas.view.set_zoom(1.1)
    transition.run("chain", animate=False)
    _assert_on_the_edges(canvas, pinned)


def test_the_pinned_strip_follows_a_resize_that_changes_no_scroll_range(canvas, qtbot):
    """The diagram fits across but scrolls down: widening the window changes no scroll bar."""
    pinned = PinnedHeaders(canvas.scene, canvas.view)
    canvas.view.resize(1300, 500)
    canvas.view.set_zoom(0.7)
    qtbot.waitUntil(lambda: canvas.view.verticalScrollBar().maximum() > 0)
    assert canvas.view.horizontalScrollBar().maximum() == 0
    canvas.view.verticalScrollBar().setValue(canvas.view.verticalScrollBar().maximum())
    _assert_on_the_edges(canvas, pinned)
    canvas.view.resize(1600, 500)
    qtbot.waitUntil(lambda: canvas.view.viewport().width() > 1500)
    _assert_on_the_edges(canvas, pinned)


def test_a_zoom_keeps_the_place_being_looked_at(canvas):
    """Zooming from 160 % to 130 % used to pass through 100 %, where the diagram fits and the
    scroll position was lost: the view jumped to the top-left corner (and the pins hid)."""
    view = canvas.view
    view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
    view.set_zoom(1.6)
    view.horizontalScrollBar().setValue(700)
    view.verticalScrollBar().setValue(200)  # a centre still reachable at 130 %
    before = _seen(canvas).center()
    view.set_zoom(1.3)
    after = _seen(canvas).center()
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2
