"""The Activity loop panel counts what the chain view counts, in its words, and a document of
twelve long-named activities reads in a 360 px dock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from vscdesk.layout.activity_loop_words import LOOP_BACK_TIP, REVISIT_TIP
from vscdesk.model import Chain, DocumentModel, Lane, Stage, Stream
from vscdesk.layout.activity_loop_track import MIN_PICTURE
from vscdesk.panels.loop_view import disc_centre
from vscdesk.render.labels import loop_backs
from vscdesk.storage import save
from tests.windows import open_panel

NAMES = ["Inbound logistics", "Operations", "Outbound logistics", "Marketing & sales", "Service",
         "Firm infrastructure", "Human resource management", "Technology development",
         "Procurement", "Customer care", "Regulatory compliance", "Partner management"]
ROUTE = [9, 3, 0, 8, 1, 7, 1, 2, 4, 9, 3, 5, 6, 7, 1, 1, 10, 5, 11, 8, 0, 1, 2, 4, 9]


@pytest.fixture
def panel(window):
    return open_panel(window, "activity_loop")


def test_the_panel_says_loop_backs_like_the_chain_view(window, panel):
    order = {lane.id: k for k, lane in enumerate(window.document.model.chain.lanes)}
    for stream in window.document.model.streams:
        window.selection.set([], stream.id)
        backs = loop_backs(stream, order)  # what the chain row's footer says
        assert f"{backs} loop-back" in panel.counts.loop_backs.text()
        footer = [p.text for p in window.scene.items_by_key[f"row:{stream.id}"].group.items
                  if getattr(p, "text", "").endswith("loop-backs")]
        assert footer and footer[0].endswith(f"{backs} loop-backs")
    window.selection.set([], "restore-service")
    assert "2 loop-backs" in panel.counts.loop_backs.text()  # steps 3 and 4 go left
    assert "1 activity revisited" in panel.counts.revisited.text()  # Engage, twice
    assert "returns" not in panel.facts.text() + panel.counts.text()
    assert "further left" in panel.counts.loop_backs.toolTip() == LOOP_BACK_TIP
    assert "comes back" in panel.counts.revisited.toolTip() == REVISIT_TIP


def _twelve(path: Path) -> Path:
    lanes = [Lane(id=f"l{i}", name=name) for i, name in enumerate(NAMES)]
    stages = [Stage(id=f"s{k}", name=f"Step {k + 1}", lane=f"l{i}") for k, i in enumerate(ROUTE)]
    save(DocumentModel(title="Twelve", chain=Chain(name="Porter plus", lanes=lanes),
                       streams=[Stream(id="x", name="Order to cash", stages=stages)]), path)
    return path


def test_twelve_activities_in_a_360_px_dock(window, panel, qtbot, tmp_path):
    from vscdesk.storage import load

    window.show_model(load(_twelve(tmp_path / "twelve.vsc.json")), None, "Twelve")
    dock = window.features.docks["activity_loop"]
    window.resizeDocks([dock], [360], Qt.Orientation.Horizontal)
    window.selection.set([], "x")
    qtbot.waitUntil(lambda: panel.view.drawing is not None and panel.view.width() <= 360)
    drawing = panel.view.drawing
    nodes = [g for g in drawing.groups if g.kind == "loop-node"]
    # the picture takes the dock's width (the smallest picture is scaled down to it)
    room = panel.view.parentWidget().parentWidget().width()  # the scroll area's
    assert len(nodes) == 12 and drawing.width == pytest.approx(max(MIN_PICTURE, room), abs=1)
    names = {" ".join(p.text for p in g.items[1:] if getattr(p, "text", "").strip()
                      and "×" not in p.text) for g in nodes}
    assert "Technology development" in names and "Firm infrastructure" in names  # whole
    assert "9 loop-backs" in panel.counts.loop_backs.text()
    assert "at steps 2, 3, 5, 7, 11, 15, 18, 20 and 21" in panel.facts.text()
    # the whole name and the visits are a tooltip away, and a step tells its move
    node = next(g for g in nodes if g.key == "loop-node:l7")
    assert "Technology development" in panel.view.tooltip(node) and "steps 6, 14" in (
        panel.view.tooltip(node))
    step = next(g for g in panel.view.step_groups() if g.ref == "s6")  # step 7: back to Operations
    assert "loop-back" in panel.view.tooltip(step) and "Operations" in panel.view.tooltip(step)
    x, y = disc_centre(step)
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=panel.view.to_widget(x, y).toPoint())
    assert window.selection.stage_ids == ("s6",)
