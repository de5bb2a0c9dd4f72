"""The side panels as dock widgets, tabbed on the right: Stage | Stream | Stakeholders |
Activity loop; View ▸ Panels shows and hides them. Each dock has a stable object name, so
the session's saveState()/restoreState() keeps their layout and visibility between runs.

A panel in a background tab is built the first time its tab is shown (or code asks for it
with ``dock.widget()``): the window appears without paying for panels nobody has opened yet
(the Activity loop panel alone imported and built 40 ms of drawing code)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QWidget

from vscdesk.app.panel_keys import PanelAction

from vscdesk.app.platform_keys import panel_shortcut

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

RIGHT_WIDTH = 440


class PanelDock(QDockWidget):
    """A dock whose panel is made by ``build`` when the dock is first shown or its
    ``widget()`` is first asked for from Python, whichever comes first."""

    #: View ▸ Panels and the shortcut: raise and focus rather than Qt's plain show/hide toggle
    panel_action: PanelAction

    def __init__(self, title: str, parent: QWidget, build: Callable[[], QWidget]) -> None:
        super().__init__(title, parent)
        self._build: Callable[[], QWidget] | None = build
        self.visibilityChanged.connect(self._shown)

    def is_built(self) -> bool:
        return self._build is None

    def widget(self) -> QWidget:
        self._make(not self.visibleRegion().isEmpty())
        return super().widget()

    def _shown(self, visible: bool) -> None:
        """Behind another tab a dock stays "visible" to Qt, and so did its labels' and buttons'
        Alt+letter mnemonics (Alt+M focused the Stream panel's picker while the Stage tab was
        in front): the panel is hidden while its dock is out of sight, as a tab page is."""
        if visible:
            self._make(True)
        panel = super().widget()
        if panel is not None:
            panel.setVisible(visible)

    def _make(self, visible: bool) -> None:
        if self._build is None:
            return
        build, self._build = self._build, None
        panel = build()
        policy = panel.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # hidden behind a tab, still sizes the dock
        panel.setSizePolicy(policy)
        self.setWidget(panel)
        panel.setVisible(visible)
        if hasattr(panel, "set_shown"):
            self.visibilityChanged.connect(panel.set_shown)  # tabbed away: refresh when back
            panel.set_shown(visible)  # built behind another tab: stays idle there


#: the window's panel docks by key ("stage", "stream", ... "slides"); features add theirs
Docks = dict[str, PanelDock]


def make_dock(window: MainWindow, key: str, title: str, panel: QWidget | Callable[[], QWidget],
              shortcut: str) -> PanelDock:
    """A dock with a stable object name (saveState finds docks by it) and a shortcut; ``panel``
    is the panel, or a function that builds it when the dock is first shown."""
    dock = PanelDock(title, window, (lambda: panel) if isinstance(panel, QWidget) else panel)
    dock.setObjectName(f"dock-{key}")  # saveState() finds docks by object name
    if isinstance(panel, QWidget):
        dock.widget()  # made already: install it now
    dock.setAllowedAreas(Qt.DockWidgetArea.AllDockWidgetAreas)
    dock.panel_action = PanelAction(dock, window)
    dock.panel_action.setShortcut(shortcut)
    return dock


def install(window: MainWindow) -> Docks:
    """Add the panels' docks and the View ▸ Panels menu; returns the docks by key."""
    doc, sel = window.document, window.selection

    def stage() -> QWidget:
        from vscdesk.panels.stage_panel import StagePanel
        return StagePanel(doc, sel)

    def stream() -> QWidget:
        from vscdesk.panels.stream_panel import StreamPanel
        return StreamPanel(doc, sel)

    def stakeholders() -> QWidget:
        from vscdesk.panels.stakeholders_panel import StakeholdersPanel
        return StakeholdersPanel(doc, sel)

    def activity_loop() -> QWidget:
        from vscdesk.panels.activity_loop_panel import ActivityLoopPanel
        return ActivityLoopPanel(doc, sel)

    docks: Docks = {
        "stage": make_dock(window, "stage", "Stage", stage, panel_shortcut(1)),
        "stream": make_dock(window, "stream", "Stream", stream, panel_shortcut(2)),
        "stakeholders": make_dock(window, "stakeholders", "Stakeholders", stakeholders,
                                  panel_shortcut(3)),
        "activity_loop": make_dock(window, "activity-loop", "Activity loop", activity_loop,
                                   panel_shortcut(4)),
    }
    right = Qt.DockWidgetArea.RightDockWidgetArea
    # One full-height column of tabs: at 1440 × 900 every panel gets the height it needs and
    # the canvas keeps its width; drag a tab out to see two panels at once.
    window.addDockWidget(right, docks["stage"])
    for before, after in (("stage", "stream"), ("stream", "stakeholders"),
                          ("stakeholders", "activity_loop")):
        window.tabifyDockWidget(docks[before], docks[after])
    docks["stage"].raise_()
    window.resizeDocks([docks["stage"]], [RIGHT_WIDTH], Qt.Orientation.Horizontal)
    menu = window.menus["view"].addMenu("&Panels")
    window.menus["panels"] = menu
    for key, dock in docks.items():
        menu.addAction(dock.panel_action)
        window.actions[f"panel_{key}"] = dock.panel_action
    return docks
