"""Smoothness: the time of each frame while panning, zooming, dragging a card and flipping
views, beside a floor doing the same in a plain QGraphicsScene of as many simple items.

Every case works the real window (its view, its wheel handler, its drag gesture, its view
transition) with real events, and repaints after each step; the floor is one
``QGraphicsRectItem`` per group of the window's drawing (``plain_rects``), shown at the same
zoom in a plain ``QGraphicsView``. The case's frames and the floor's take turns round by
round, so both see the same noise; the worker reports the median and the 95th percentile.
"""

from __future__ import annotations

import statistics
import time

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, QVariantAnimation
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPen, QTransform, QWheelEvent
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsRectItem, QGraphicsScene
from PySide6.QtWidgets import QGraphicsView

from bench.canvas_cases import SIZE, _drop, _middle_stage, _window, painted
from bench.timing import Timed, peak_rss_mb
from vscdesk.model import DocumentModel

PAN_STEPS = 12  # quarter viewports per round and zoom
ZOOM_STEPS = 10  # Ctrl+wheel notches out, then as many back in
DRAG_STEPS = 30  # mouse moves across three lanes
LANES_CROSSED = 3
SETTLE_S = 2.5  # the first analysis waits a debounce after the first paint: let it run first


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def frames_timed(frames: list[float], floor: list[float], peak: float) -> Timed:
    return Timed(statistics.median(frames), statistics.median(floor), tuple(frames),
                 tuple(floor), peak, percentile(frames, 0.95), percentile(floor, 0.95))


def _frame(view: QGraphicsView, step) -> float:
    """Milliseconds of one step and the repaint it causes."""
    start = time.perf_counter()
    step()
    painted(view, whole=True)
    return (time.perf_counter() - start) * 1000.0


def _idle(seconds: float) -> None:
    """Run the event loop for a while: pending timers (the first analysis) fire untimed."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.01)


# -- the floor -------------------------------------------------------------------------------

class PlainView(QGraphicsView):
    """A plain view that zooms on Ctrl+wheel as the app's does (1.15 per notch)."""

    def __init__(self, scene: QGraphicsScene) -> None:
        super().__init__(scene)
        self.plain_scene = scene  # a view does not own its scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.resize(*SIZE)

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        step = 1.15 if event.angleDelta().y() > 0 else 1 / 1.15
        self.scale(step, step)
        event.accept()


def plain_rects(scene) -> QGraphicsScene:
    """As many simple items as the window's scene has groups, in the same places."""
    plain = QGraphicsScene()
    plain.setSceneRect(scene.sceneRect())
    pen, brush = QPen(QColor("#39424E"), 1.0), QBrush(QColor("#EEF2F7"))
    movable = (QGraphicsItem.GraphicsItemFlag.ItemIsMovable
               | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
    for item in scene.items_by_key.values():
        group = item.group
        x, y, w, h = group.bounds
        rect = QGraphicsRectItem(x, y, w, h)
        rect.setPen(pen)
        rect.setBrush(brush)
        rect.setPos(group.x, group.y)
        rect.setZValue(group.z)
        if group.kind == "stage":
            rect.setFlags(movable)
        plain.addItem(rect)
    return plain


def _floor_view(window) -> PlainView:
    view = PlainView(plain_rects(window.scene))
    view.show()
    painted(view)  # exposed by the event loop: until then a repaint paints nothing
    _same_place(view, window.view)
    return view


def _same_place(plain: QGraphicsView, view: QGraphicsView) -> None:
    plain.setTransform(view.transform())
    plain.centerOn(view.mapToScene(view.viewport().rect().center()))
    painted(plain, whole=True)


def _at_stage(window, model: DocumentModel) -> QPointF:
    """100 % zoom centred on the middle stage; its centre in scene coordinates."""
    item = window.scene.item_for(_middle_stage(model))
    window.view.set_zoom(1.0)
    centre = item.sceneBoundingRect().center()
    window.view.centerOn(centre)
    painted(window.view, whole=True)
    return centre


def _setup(model: DocumentModel):
    window = _window()
    window.show_model(model, None)
    painted(window.view, whole=True)
    _idle(SETTLE_S)
    return window


def _rounds(repeat: int, case_round, floor_round, window) -> Timed:
    """One untimed round (warm caches; the case's own peak), then case and floor in turns."""
    case_round()
    peak = peak_rss_mb()
    floor = _floor_view(window)
    floor_round(floor)
    frames, floor_frames = [], []
    for _ in range(repeat):
        frames += case_round()
        floor_frames += floor_round(floor)
    floor.close()
    _drop(window)
    return frames_timed(frames, floor_frames, peak)


# -- pan -------------------------------------------------------------------------------------

def _pan(view: QGraphicsView) -> list[float]:
    """Scroll by a quarter viewport, down (or right) until the end, then back."""
    out = []
    for bar, page in ((view.verticalScrollBar(), view.viewport().height()),
                      (view.horizontalScrollBar(), view.viewport().width())):
        if bar.maximum() <= bar.minimum():
            continue
        step = page // 4
        for _ in range(PAN_STEPS):
            if not bar.minimum() <= bar.value() + step <= bar.maximum():
                step = -step
            out.append(_frame(view, lambda b=bar, s=step: b.setValue(b.value() + s)))
    return out


def frame_pan(model: DocumentModel, repeat: int) -> Timed:
    """Scroll the view fitted to its width (the whole map's width, scrolled down) and the
    100 % view by a quarter viewport, repeatedly."""
    window = _setup(model)
    view = window.view
    places: list[QTransform] = []

    def case_round() -> list[float]:
        view.fit_width()
        painted(view, whole=True)
        out = _pan(view)
        places.append(view.transform())
        _at_stage(window, model)
        out += _pan(view)
        if not out:
            raise RuntimeError("the map fits the window: nothing to pan")
        return out

    def floor_round(plain: QGraphicsView) -> list[float]:
        plain.setTransform(places[-1])
        plain.verticalScrollBar().setValue(plain.verticalScrollBar().minimum())
        painted(plain, whole=True)
        out = _pan(plain)
        _same_place(plain, view)
        return out + _pan(plain)

    return _rounds(repeat, case_round, floor_round, window)


# -- zoom ------------------------------------------------------------------------------------

def _wheel(view: QGraphicsView, notch: int) -> None:
    at = QPointF(view.viewport().rect().center())
    event = QWheelEvent(at, QPointF(view.viewport().mapToGlobal(at.toPoint())), QPoint(),
                        QPoint(0, 120 * notch), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), event)


def _zoom(view: QGraphicsView, notch: int) -> list[float]:
    return [_frame(view, lambda: _wheel(view, notch)) for _ in range(ZOOM_STEPS)]


def frame_zoom(model: DocumentModel, repeat: int) -> Timed:
    """Ctrl+wheel notches out and back in around the pointer, from 100 % on a stage."""
    window = _setup(model)

    def case_round() -> list[float]:
        _at_stage(window, model)
        out = _zoom(window.view, -1)
        if window.view.zoom() >= 1.0:
            raise RuntimeError("Ctrl+wheel did not zoom the view out")
        return out + _zoom(window.view, 1)

    def floor_round(plain: QGraphicsView) -> list[float]:
        _same_place(plain, window.view)
        return _zoom(plain, -1) + _zoom(plain, 1)

    return _rounds(repeat, case_round, floor_round, window)


# -- drag ------------------------------------------------------------------------------------

def _mouse(view: QGraphicsView, kind: QEvent.Type, at: QPointF) -> None:
    button = Qt.MouseButton.LeftButton
    held = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(kind, at, QPointF(view.viewport().mapToGlobal(at.toPoint())),
                        Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else button,
                        held, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(view.viewport(), event)


def _lane_width(window) -> float:
    lanes = [i.group for k, i in window.scene.items_by_key.items() if k.startswith("lane:")]
    return statistics.median(g.bounds[2] for g in lanes) if lanes else 200.0


def _drag(view: QGraphicsView, start: QPointF, distance: float, watch=None) -> list[float]:
    """Press on the card at ``start`` (viewport), move it ``distance`` px, release where it
    began (so nothing changes), repainting after each move."""
    _mouse(view, QEvent.Type.MouseButtonPress, start)
    out = []
    for i in range(1, DRAG_STEPS + 1):
        at = start + QPointF(distance * i / DRAG_STEPS, 0)
        out.append(_frame(view, lambda p=at: _mouse(view, QEvent.Type.MouseMove, p)))
        if watch is not None:
            watch()
    _mouse(view, QEvent.Type.MouseMove, start)
    _mouse(view, QEvent.Type.MouseButtonRelease, start)
    painted(view, whole=True)
    return out


def frame_drag(model: DocumentModel, repeat: int) -> Timed:
    """Drag the middle stage's card across three lanes at 100 %, a mouse move per frame."""
    window = _setup(model)
    view = window.view
    distance = LANES_CROSSED * _lane_width(window)
    places: list[QPointF] = []

    def case_round() -> list[float]:
        centre = _at_stage(window, model)
        room = view.sceneRect().right() - centre.x()
        d = distance if room > distance else -distance
        view.centerOn(centre + QPointF(d / 2, 0))  # the whole way in sight
        painted(view, whole=True)
        places[:] = [QPointF(view.mapFromScene(centre)), QPointF(d, 0)]
        card = window.scene.item_for(_middle_stage(model))
        seen: list[float] = []
        out = _drag(view, places[0], d, lambda: seen.append(card.pos().x()))
        if max(seen) - min(seen) < abs(d) / 2:
            raise RuntimeError("the card did not follow the drag")
        return out

    def floor_round(plain: QGraphicsView) -> list[float]:
        _same_place(plain, view)
        return _drag(plain, places[0], places[1].x())

    return _rounds(repeat, case_round, floor_round, window)


# -- flip ------------------------------------------------------------------------------------

class _PaintTimes(QObject):
    """When each paint of a widget began."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.times: list[float] = []
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.times.append(time.perf_counter())
        return False


def _frames_of(view: QGraphicsView, start_it, running) -> list[float]:
    """From the click to the last frame: the time between one paint and the next (the first
    counted from the click), until the animation is over and painted."""
    paints = _PaintTimes(view.viewport())
    start = time.perf_counter()
    start_it()
    while running():
        QApplication.processEvents()
    painted(view, whole=True)
    end = time.perf_counter()
    view.viewport().removeEventFilter(paints)
    marks = [start] + paints.times + [end]
    return [(b - a) * 1000.0 for a, b in zip(marks, marks[1:]) if b > a]


def frame_flip(model: DocumentModel, repeat: int) -> Timed:
    """The frames of the animated chain ↔ stream flip, at 100 % on a stage; floor: every
    plain item moving and fading for as long (300 ms)."""
    from vscdesk.canvas.glide import DURATION_MS
    from vscdesk.canvas.transition import ViewTransition

    window = _setup(model)
    transition = window.findChild(ViewTransition)
    _at_stage(window, model)

    def case_round() -> list[float]:
        target = "stream" if window.scene.view == "chain" else "chain"
        out = _frames_of(window.view, lambda: transition.run(target, animate=True),
                         transition.is_running)
        if window.scene.view != target:
            raise RuntimeError("the view did not flip")
        return out

    def floor_round(plain: QGraphicsView) -> list[float]:
        items = list(plain.plain_scene.items())
        origins = [i.pos() for i in items]
        anim = QVariantAnimation()
        anim.setStartValue(0.0)
        anim.setEndValue(1.0)
        anim.setDuration(DURATION_MS)

        def frame(t) -> None:
            shift = QPointF(40.0 * float(t), 0)
            for item, origin in zip(items, origins):
                item.setPos(origin + shift)
                item.setOpacity(1.0 - 0.5 * float(t))

        anim.valueChanged.connect(frame)
        out = _frames_of(plain, anim.start,
                         lambda: anim.state() == QVariantAnimation.State.Running)
        frame(0.0)
        return out

    return _rounds(repeat, case_round, floor_round, window)
