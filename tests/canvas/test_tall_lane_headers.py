"""A lane with a long name has a taller header (every header alike): a click anywhere on it,
also below the usual 46 px, picks the lane, and the pick ring and the pinned copy are as tall
as the header."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt

from editing_helpers import make_canvas
from vscdesk.paint.selection import header_rect
from vscdesk.canvas.pinned import lane_header
from vscdesk.interop.templates import load_template
from vscdesk.layout.metrics import HEADER_H
from vscdesk.storage import save

LONG = ("Firm infrastructure: finance, planning, legal affairs, quality management and "
        "general management")


def test_a_click_low_on_a_tall_header_picks_its_lane(qtbot, tmp_path):
    doc = load_template("porter")
    doc.chain.lanes = [lane.model_copy(update={"name": LONG}) if lane.id == "firm-infrastructure"
                       else lane for lane in doc.chain.lanes]
    path = tmp_path / "long.vsc.json"
    save(doc, path)
    canvas = make_canvas(qtbot, path)
    item = canvas.scene.items_by_key["lane:service"]  # a short name in a tall header
    tall = header_rect(item.group).height()
    assert tall > HEADER_H + 30
    assert lane_header(item.group).bounds[3] == tall
    point = item.mapToScene(QPointF(30, tall - 6))  # under where a 46 px header would end
    qtbot.mouseClick(canvas.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=canvas.at(point.x(), point.y()))
    assert canvas.scene.selection.header == ("lane", "service")
