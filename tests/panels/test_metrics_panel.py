"""The Metrics panel: the example's hand-checkable figures, charts built on first show, live
updates, flow items imported as one undo step, and charts saved as PNG."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from vscdesk.app import dialogs, flow_import
from vscdesk.document import SetStageFields
from vscdesk.model import Duration
from vscdesk.render.palette import STATUS
from tests.windows import open_panel

FLOW_CSV = Path(__file__).parents[2] / "resources" / "examples" / "it-services-flow-items.csv"


@pytest.fixture
def panel(window, qtbot):
    window.features.analysis_runner.run_now()
    panel = open_panel(window, "metrics")
    qtbot.waitUntil(lambda: panel.charts is not None)
    return panel


def figures(panel) -> dict[str, str]:
    return {key: label.text() for key, label in panel.figures.values.items()}


def bars(page) -> list:
    import pyqtgraph as pg

    return [i for i in page.plot.getPlotItem().items if isinstance(i, pg.BarGraphItem)]


def test_restore_service_figures_checked_by_hand(window, panel):
    window.selection.set([], "restore-service")
    # process 5 + 90 + 10 + 360 = 465 min; wait 4 + 150 + 360 + 12,960 = 13,474 min
    assert figures(panel) == {
        "lead": "9.68 d", "process": "7.75 h", "wait": "9.36 d",
        "ratio": "3.3 %",  # 465 / 13,939
        "pca": "51.3 %",  # 0.90 × 0.75 × 0.95 × 0.80
        "bottleneck": "Review the root cause (9 d wait)",
    }
    # the stages' targets, 15 min + 4 h + 1 d + 10 d, cannot meet the stream's 8 h
    assert "11.2 d" in panel.figures.rollup.text() and "cannot meet" in panel.figures.rollup.text()
    assert "1 breached" in panel.figures.sla_counts.text()


def test_ladder_plots_process_and_wait_per_stage_in_days(window, panel):
    window.selection.set([], "restore-service")
    process, wait = bars(panel.charts.ladder)
    assert list(process.opts["width"]) == pytest.approx([5 / 1440, 90 / 1440, 10 / 1440, 0.25])
    assert list(wait.opts["x0"]) == list(process.opts["width"])  # wait stacked after process
    assert list(wait.opts["width"]) == pytest.approx([4 / 1440, 150 / 1440, 0.25, 9])


def test_sla_chart_colours_the_breach(window, panel):
    window.selection.set([], "restore-service")
    breached = [b for b in bars(panel.charts.slas)
                if b.opts["pen"].color().name().upper() == STATUS["breached"].fg]
    assert len(breached) == 1
    assert list(breached[0].opts["width"]) == pytest.approx([1.4])  # 14 d of 10 d


def test_picking_another_stream_shows_its_figures(window, panel, qtbot):
    from tests.panels.conftest import pick

    pick(qtbot, panel.picker, "Fulfil a service request")
    assert window.selection.stream_id == "fulfil-request"
    assert figures(panel)["lead"] == "6.6 d" and figures(panel)["bottleneck"].startswith("Procure")
    assert "within the promise of <b>10 d" in panel.figures.rollup.text()


def test_an_edit_updates_the_figures_after_the_debounce(window, panel, qtbot):
    window.selection.set([], "restore-service")
    doc = window.document
    doc.push(SetStageFields(doc, "review-root-cause", wait_time=Duration(value=1, unit="d")))
    qtbot.waitUntil(lambda: figures(panel)["lead"] == "1.68 d")  # 13,939 − 8 d of wait
    assert figures(panel)["bottleneck"].startswith("Review the root cause (1 d")


def test_lane_load_covers_every_lane_in_chain_order(window, panel):
    import pyqtgraph as pg

    plot = panel.charts.lanes.plot.getPlotItem()
    ticks = plot.getAxis("left")._tickLevels[0]
    assert [t[1] for t in ticks] == [lane.name for lane in window.document.model.chain.lanes]
    engage_wait = [b for b in bars(panel.charts.lanes) if b.pos().y() == 2][1]
    assert isinstance(engage_wait, pg.BarGraphItem)
    # the chart is in days (Improve waits 29 d): Engage waits 4 + 360 + 1 + 240 min
    assert list(engage_wait.opts["width"]) == pytest.approx([(4 + 360 + 1 + 240) / 1440])


def test_flow_items_import_as_one_undo_step_and_chart(window, panel, qtbot, monkeypatch):
    flow = panel.charts.flow
    assert not flow.page.has_chart() and "Import flow items" in flow.page.message.text()
    monkeypatch.setattr(flow_import, "ask_flow_csv", lambda parent: FLOW_CSV)
    depth = window.document.undo_stack.count()
    window.actions["import_flow_items"].trigger()
    assert window.document.undo_stack.count() == depth + 1
    assert len(window.document.model.flow_items) == 40
    qtbot.waitUntil(flow.page.has_chart)
    assert "18 items" in flow.caption.text()  # Restore service's incidents
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not flow.page.has_chart())


def test_save_chart_as_png(window, panel, qtbot, tmp_path, monkeypatch):
    out = tmp_path / "ladder.png"
    asked = []
    monkeypatch.setattr(dialogs, "ask_chart_path",
                        lambda parent, start: asked.append(start) or out)
    panel.charts.setCurrentWidget(panel.charts.ladder)
    qtbot.mouseClick(panel.charts.save_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and Path(asked[0]).is_absolute() and asked[0].endswith(".png")
    image = QImage(str(out))
    chart = panel.charts.ladder.chart
    assert (image.width(), image.height()) == (chart.width() * 2, chart.height() * 2)
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 5  # bars, text and axes, not a blank picture


def test_opening_the_window_does_not_import_pyqtgraph():
    """pyqtgraph costs 0.5 s to import: only showing the Metrics panel pays for it."""
    code = (
        "import sys\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from vscdesk.app.main_window import MainWindow\n"
        "w = MainWindow(); w.show(); app.processEvents()\n"
        "w.features.analysis_runner.run_now(); app.processEvents()\n"
        "assert 'pyqtgraph' not in sys.modules, 'imported at start-up'\n"
        "w.features.docks['metrics'].raise_(); app.processEvents()\n"
        "assert 'pyqtgraph' in sys.modules, 'not imported when shown'\n"
        "QTimer.singleShot(0, app.quit)\n"  # leave the way the application does
        "sys.exit(app.exec())\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
