"""Cases that need the window: first paint, one edit, a view toggle and dropping a document."""

from __future__ import annotations

import gc

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView

from bench.plain_scene import plain_scene
from bench.timing import Timed, measure
from vscdesk.app.main_window import MainWindow
from vscdesk.app.new_document import new_document
from vscdesk.document import SetStageFields
from vscdesk.model import DocumentModel

SIZE = (1440, 900)


class PaintCounter(QObject):
    """Counts paint events of one widget, so a case can wait for the repaint it caused."""

    def __init__(self, widget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def painted(view: QGraphicsView, whole: bool = False) -> None:
    """Return once the view has painted what is pending (forcing a paint if nothing was).

    ``whole`` delivers the posted events (layout, the pending update: one paint of the whole
    viewport) without running the event loop, so timers that happen to be due (the panels'
    debounced analysis) are not counted as painting, and paints the viewport itself only if
    that did not; otherwise the event loop repaints just the region an edit made dirty."""
    counter = view.viewport().findChild(PaintCounter) or PaintCounter(view.viewport())
    before = counter.count
    if whole:
        QApplication.sendPostedEvents()
        if counter.count == before:
            view.viewport().repaint()
        return
    QApplication.processEvents()
    if counter.count == before:
        view.viewport().repaint()


def _window() -> MainWindow:
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    painted(window.view)
    return window


def _drop(window: MainWindow | None) -> None:
    """Leave a window behind: deleting a MainWindow mid-process crashed (see the report), and
    the worker process ends right after its case anyway."""
    if window is not None:
        window.document.undo_stack.setClean()  # no "save changes?" question
        window.hide()


def _plain_view(scene: QGraphicsScene) -> QGraphicsView:
    view = QGraphicsView(scene)
    view.plain_scene = scene  # a view does not own its scene; keep it alive with the view
    view.resize(*SIZE)
    view.show()
    return view


def first_paint(model: DocumentModel, repeat: int) -> Timed:
    """From a loaded model to a painted, fitted canvas; floor: the plain scene built and shown."""
    state: dict = {"window": None, "plain": None}

    blank = new_document()

    def prepare() -> None:  # one window; the previous map is dropped for an empty one
        if state["window"] is None:
            state["window"] = _window()
        state["window"].show_model(blank, None)
        painted(state["window"].view, whole=True)
        gc.collect()

    def step() -> None:
        state["window"].show_model(model, None)
        painted(state["window"].view, whole=True)

    def floor() -> None:
        view = _plain_view(plain_scene(state["drawing"]))
        view.fitInView(view.sceneRect())
        painted(view, whole=True)
        state["plain"] = view

    def prepare_floor() -> None:
        if "drawing" not in state:  # after the case's own memory was measured
            state["drawing"] = _window_drawing(model)
        if state["plain"] is not None:
            state["plain"].close()
            state["plain"].deleteLater()
            state["plain"] = None
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    result = measure(step, floor, repeat, prepare, prepare_floor)
    _drop(state["window"])
    prepare_floor()
    return result


def _window_drawing(model: DocumentModel):
    from vscdesk.render.chain import chain_drawing

    return chain_drawing(model)


def _middle_stage(model: DocumentModel, offset: int = 0) -> str:
    stream = model.streams[len(model.streams) // 2]
    return stream.stages[len(stream.stages) // 2 + offset].id


def edit(model: DocumentModel, repeat: int) -> Timed:
    """Rename one stage through the undo stack until the canvas repainted, at 100 % zoom on
    that stage; floor: move one plain item in the plain scene and repaint."""
    window = _window()
    window.show_model(model, None)
    sid = _middle_stage(model)
    window.view.set_zoom(1.0)
    window.view.centerOn(window.scene.item_for(sid))
    painted(window.view)
    names = iter(range(10**6))
    floor_state: dict = {}

    def prepare_floor() -> None:  # built after the case's own memory was measured
        if not floor_state:
            plain = _plain_view(plain_scene(window.scene.current_drawing()))
            plain.setTransform(window.view.transform())
            plain.centerOn(window.view.mapToScene(window.view.viewport().rect().center()))
            floor_state["view"] = plain
            floor_state["item"] = (plain.itemAt(plain.viewport().rect().center())
                                   or plain.items()[0])
            painted(plain)

    def step() -> None:
        window.document.push(SetStageFields(window.document, sid, name=f"Renamed {next(names)}"))
        painted(window.view)

    def floor() -> None:
        target = floor_state["item"]
        target.moveBy(0, 1 if target.y() % 2 == 0 else -1)
        painted(floor_state["view"])

    warm = _middle_stage(model, 1)

    def settle() -> None:
        """Each run starts as in an app that has been editing: one untimed rename of another
        stage first (the floor's 20,000-item repaint in between leaves the caches cold, which
        cost a third of the timed edit), and an idle event loop."""
        window.document.push(SetStageFields(window.document, warm, name=f"Warm {next(names)}"))
        painted(window.view)
        QApplication.processEvents()

    def settle_floor() -> None:
        prepare_floor()
        settle()

    result = measure(step, floor, repeat, prepare=settle, prepare_floor=settle_floor)
    floor_state["view"].close()
    _drop(window)
    return result


def toggle_view(model: DocumentModel, repeat: int) -> Timed:
    """Chain view to stream view, without animation, until painted."""
    window = _window()
    window.show_model(model, None)
    painted(window.view)

    def prepare() -> None:
        window.scene.set_view("chain")
        painted(window.view)

    def step() -> None:
        window.scene.set_view("stream")
        painted(window.view, whole=True)

    result = measure(step, None, repeat, prepare)
    _drop(window)
    return result


def close(model: DocumentModel, repeat: int) -> Timed:
    """Dropping a large document and its scene for a new, empty one, until painted."""
    window = _window()
    blank = new_document()

    def prepare() -> None:
        window.show_model(model, None)
        painted(window.view)

    def step() -> None:
        window.show_model(blank, None)
        painted(window.view, whole=True)

    result = measure(step, None, repeat, prepare)
    _drop(window)
    return result
