"""Add lane (Ctrl+Shift+L) beyond the six mockup colours still gives each lane its own hue."""

from PySide6.QtCore import Qt

from vscdesk.render.palette import lane_colors

from editing_helpers import canvas  # noqa: F401  (fixture)


def test_lanes_added_to_a_full_itil_chain_each_get_a_new_colour(canvas, qtbot):
    doc = canvas.doc
    before = [lane.color.upper() for lane in doc.model.chain.lanes]
    for _ in range(3):
        canvas.editing.add_lane()
        qtbot.keyClick(canvas.editing.editor.line, Qt.Key.Key_Escape)  # keep "New lane"
        assert not canvas.editing.editor.active
    lanes = doc.model.chain.lanes
    assert len(lanes) == len(before) + 3
    added = [lane.color.upper() for lane in lanes if lane.color.upper() not in before]
    assert len(set(added)) == 3 and "#657284" not in added  # not the plain grey of old
    heads = {lane_colors(c).head for c in before + added}
    assert len(heads) == len(before) + 3  # every column tinted differently on the canvas
