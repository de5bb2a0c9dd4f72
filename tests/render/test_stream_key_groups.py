"""The stream view names lane groups as the chain view does: in the ACTIVITIES key each group
starts a line with its name in caps, its lanes after it, the lines lined up; a chain without
groups keeps one run of lanes."""

from __future__ import annotations

from pathlib import Path

from vscdesk.interop.docio import read_document
from vscdesk.layout.stream import layout_stream
from vscdesk.layout.text import text_width
from vscdesk.render.primitives import Text
from vscdesk.render.stream import stream_drawing

TEMPLATES = Path(__file__).resolve().parents[2] / "resources" / "templates"


def test_porter_key_names_primary_and_support_activities_before_their_lanes():
    doc = read_document(TEMPLATES / "porter.vsc.json")
    layout = layout_stream(doc)
    labels = {text: (x, cy) for text, x, cy in layout.key_groups}
    assert list(labels) == ["PRIMARY ACTIVITIES", "SUPPORT ACTIVITIES"]
    group_of = {lane.id: lane.group for lane in doc.chain.lanes}
    names = {g.id: g.name.upper() for g in doc.chain.groups}
    for key in layout.keys:  # on its group's line, right of the group's name
        x, cy = labels[names[group_of[key.lane_id]]]
        assert key.cy == cy and key.chevron.x > x + text_width(names[group_of[key.lane_id]],
                                                                9.5, True)
    firsts = [next(k for k in layout.keys if k.cy == cy) for _, cy in labels.values()]
    assert len({k.chevron.x for k in firsts}) == 1  # the two lines' lanes line up
    key = next(g for g in stream_drawing(doc).groups if g.key == "lane-key")
    texts = [p.text for p in key.items if isinstance(p, Text)]
    assert texts.index("PRIMARY ACTIVITIES") < texts.index("Inbound logistics")
    assert texts.index("SUPPORT ACTIVITIES") < texts.index("Firm infrastructure")


def test_a_chain_without_groups_has_no_group_names_in_its_key():
    for name in ("itil4", "it4it"):
        layout = layout_stream(read_document(TEMPLATES / f"{name}.vsc.json"))
        assert layout.key_groups == () and len({k.cy for k in layout.keys}) == 1
