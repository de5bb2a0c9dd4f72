"""The one way tests build a main window; ``tests/conftest.py``'s ``window`` and
``make_window`` fixtures use it, and so do helpers that need a second window."""

from __future__ import annotations

from vscdesk.app import workspace
from vscdesk.app.main_window import MainWindow
from vscdesk.bundled import example_path
from vscdesk.model import DocumentModel
from vscdesk.storage import load

#: ``new_window``'s default: the bundled example, loaded afresh for each window
EXAMPLE = "example"
EXAMPLE_NAME = "IT services (example)"


def new_window(qtbot, model: DocumentModel | str | None = EXAMPLE, *, name: str | None = EXAMPLE_NAME,
               shown: bool = True, focused: bool = False, finished: bool = False) -> MainWindow:
    """A main window showing ``model`` (the example by default; None: as it starts, untitled).

    ``finished``: as a start leaves it (icons, tooltips, Help last, saved layout; the analysis
    docks hidden on a first start). ``shown``: on screen and exposed. ``focused``: also the
    active window with the canvas focused, so key events reach the canvas as a user's would.
    """
    window = MainWindow()
    qtbot.addWidget(window)
    if finished:
        workspace.finish(window)
    if model is not None:
        window.show_model(load(example_path()) if model == EXAMPLE else model, None, name)
    if shown or focused:
        window.show()
        qtbot.waitExposed(window)
    if focused:
        with qtbot.waitActive(window):
            window.activateWindow()
        window.view.setFocus()
    return window


def open_panel(window: MainWindow, key: str, stages: list[str] | tuple[str, ...] = (),
               stream: str | None = None):
    """Bring the panel docked as ``key`` to the front with ``stages`` of ``stream`` selected,
    as a user clicking its tab would; returns the panel."""
    dock = window.features.docks[key]
    dock.raise_()
    if stages or stream:
        window.selection.set(list(stages), stream)
    return dock.widget()


def open_lane_panel(window: MainWindow, lane: str):
    """Pick the lane's header and open the Lane panel on it (Edit ▸ Lane ▸ Lane properties)."""
    window.selection.pick("lane", lane)
    window.features.structure.show_lane_panel()
    return window.features.docks["lane"].widget()
