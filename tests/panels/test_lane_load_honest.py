"""The Metrics panel's lane-load chart on the ITIL 4 template, whose stages are partly timed:
a lane whose stages give no times says "not measured", never "0 min"."""

from __future__ import annotations

from pathlib import Path

import pytest

from vscdesk.app.main_window import MainWindow
from vscdesk.storage import load
from tests.windows import open_panel

ITIL = Path(__file__).parents[2] / "resources" / "templates" / "itil4.vsc.json"


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    qtbot.addWidget(win)
    win.show_model(load(ITIL), None, "ITIL 4")
    win.show()
    qtbot.waitExposed(win)
    return win


def test_lane_notes_say_not_measured_or_at_least(window, qtbot):
    import pyqtgraph as pg

    window.features.analysis_runner.run_now()
    panel = open_panel(window, "metrics")
    qtbot.waitUntil(lambda: panel.charts is not None)
    plot = panel.charts.lanes.plot.getPlotItem()
    qtbot.waitUntil(lambda: any(isinstance(i, pg.TextItem) for i in plot.items))
    notes = sorted((i.pos().y(), i.toPlainText().strip()) for i in plot.items
                    if isinstance(i, pg.TextItem))
    by_lane = dict(zip([lane.name for lane in window.document.model.chain.lanes],
                       [text for _, text in notes]))
    assert by_lane["Plan"] == "not measured · 1 stage, 1 stream"
    assert by_lane["Engage"].startswith("≥ ")  # 3 stages, some of them timed
    assert not any("0 min" in text for text in by_lane.values())
