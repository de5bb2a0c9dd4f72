"""The analysis docks, tabbed along the bottom: Problems (raised) | Metrics; hidden on the first
start, with the problem count in the status bar. One debounced analysis feeds both; activating
a problem selects its object and scrolls the canvas to it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from vscdesk.app.docks import RIGHT_WIDTH, Docks, make_dock
from vscdesk.app.platform_keys import panel_shortcut
from vscdesk.app import dialogs, flow_import, problems_status
from vscdesk.app.folders import start_in
from vscdesk.panels.analysis_runner import AnalysisRunner
from vscdesk.panels.problems_panel import ProblemsPanel

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow
    from vscdesk.panels.metrics_panel import MetricsPanel

BOTTOM_HEIGHT = 290


def reveal(window: MainWindow, kind: str, ident: str) -> None:
    """Scroll the canvas to what a problem concerns (its stages are already selected)."""
    scene, view = window.scene, window.view
    keys = [f"stage:{s}" for s in window.selection.stage_ids]
    keys += [f"{'lane' if kind == 'lane' else 'link'}:{ident}"] if kind in ("lane", "link") else []
    items = [scene.items_by_key[k] for k in keys if k in scene.items_by_key]
    if not items:
        return
    area = items[0].sceneBoundingRect()
    for item in items[1:]:
        area = area.united(item.sceneBoundingRect())
    view.ensureVisible(area, 24, 24)


def install(window: MainWindow, panels: Docks
            ) -> tuple[AnalysisRunner, problems_status.ProblemsStatus]:
    """Problems and Metrics docks (added to ``panels``), their View ▸ Panels entries, File ▸
    Import flow items; returns the analysis runner and the status bar's problem count."""
    doc, sel = window.document, window.selection
    runner = AnalysisRunner(doc, window)
    runner.wait_for_first_paint(window.view.viewport())
    problems = ProblemsPanel(runner, doc, sel)

    def metrics() -> MetricsPanel:
        from vscdesk.panels.metrics_panel import MetricsPanel
        panel = MetricsPanel(runner, doc, sel)
        panel.ask_chart_path = lambda stem: dialogs.ask_chart_path(
            window, start_in(stem + ".png", doc.path))
        return panel

    docks = {
        "problems": make_dock(window, "problems", problems.title(), problems, panel_shortcut(6)),
        "metrics": make_dock(window, "metrics", "Metrics", metrics, panel_shortcut(7)),
    }
    # The right column of panels keeps the full height; these docks sit under the canvas.
    window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, docks["problems"])
    window.tabifyDockWidget(docks["problems"], docks["metrics"])
    docks["problems"].raise_()
    window.resizeDocks([docks["problems"]], [BOTTOM_HEIGHT], Qt.Orientation.Vertical)
    right = panels.get("stage")
    if right is not None:  # the new corner re-splits the width: give the right column its own
        window.resizeDocks([right], [RIGHT_WIDTH], Qt.Orientation.Horizontal)
    problems.title_changed.connect(docks["problems"].setWindowTitle)
    status = problems_status.install(window, runner, docks["problems"])
    problems.activated.connect(lambda kind, ident: reveal(window, kind, ident))
    menu = window.menus.get("panels")
    for key, dock in docks.items():
        if menu is not None:
            menu.addAction(dock.panel_action)
        window.actions[f"panel_{key}"] = dock.panel_action
    panels.update(docks)
    flow_import.install(window)
    return runner, status


def start_hidden(panels: Docks) -> None:
    """The first start's layout (no saved one): the canvas keeps the window's height; the
    status bar's problem count, View ▸ Panels and Ctrl+Shift+6/7 show these docks."""
    for key in ("problems", "metrics"):
        dock = panels.get(key)
        if dock is not None:
            dock.hide()
            # Hidden before the window is first shown, Qt sends the dock no hide event, so
            # View ▸ Panels would still tick it: say so here.
            dock.panel_action.setChecked(False)
