"""View ▸ Heat map: colour the stages by wait time, SLA status, %C&A or visits to the lane."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup

if TYPE_CHECKING:
    from vscdesk.app.main_window import MainWindow

#: action name -> (menu text, measure); the measures are those of vscdesk/analysis/heat.py
CHOICES = {
    "heat_none": ("&Off", None),
    "heat_wait": ("&Wait time", "wait_time"),
    "heat_sla": ("&SLA status", "sla_status"),
    "heat_pca": ("% &complete and accurate", "pca"),
    "heat_visits": ("&Visits to the lane", "lane_visits"),
}


def install(window: MainWindow) -> None:
    menu = window.menus["view"].addMenu("&Heat map")
    window.menus["heat"] = menu
    group = QActionGroup(window)
    for name, (text, measure) in CHOICES.items():
        action = QAction(text, window, checkable=True)
        action.setChecked(measure is None)
        action.setStatusTip("Colour the stages by " + text.replace("&", "").lower()
                            if measure else "Show stages without a heat map")
        action.triggered.connect(lambda _=False, m=measure: window.scene.set_heat(m))
        group.addAction(action)
        menu.addAction(action)
        window.actions[name] = action
