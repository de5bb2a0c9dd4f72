"""Porter's value chain as Porter drew it: group names over their lanes, support lanes
hatched and named in the legend, and the margin at the end of the chain; lane groups are
checked references and round-trip through CSV."""

from __future__ import annotations

from pathlib import Path as FilePath

import pytest

from vscdesk.interop.docio import read_document
from vscdesk.interop.stages_csv import stages_from_csv, stages_to_csv
from vscdesk.layout.chain import layout_chain
from vscdesk.model import DocumentModel
from vscdesk.render.chain import chain_drawing
from vscdesk.render.primitives import Path, Text
from vscdesk.render.svg import to_svg
TEMPLATES = FilePath(__file__).resolve().parents[2] / "resources" / "templates"


def _template(name: str) -> DocumentModel:
    return read_document(TEMPLATES / f"{name}.vsc.json")


def _texts(group) -> list[str]:
    return [p.text for p in group.items if isinstance(p, Text)]


def test_porter_draws_primary_and_support_activities_over_their_lanes():
    doc = _template("porter")
    layout = layout_chain(doc)
    drawing = chain_drawing(doc)
    groups = {g.key: g for g in drawing.groups}
    labels = groups["lane-groups"]
    assert _texts(labels) == ["PRIMARY ACTIVITIES", "SUPPORT ACTIVITIES"]
    lanes = {lane.id: lane for lane in layout.lanes}
    primary = [lanes[x.id].header for x in doc.chain.lanes if x.group == "primary-activities"]
    support = [lanes[x.id].header for x in doc.chain.lanes if x.group == "support-activities"]
    rules = [p for p in labels.items if isinstance(p, Path)]
    spans = sorted((labels.x + p.ops[0][1], labels.x + p.ops[1][1]) for p in rules)
    assert spans == [(min(b.x for b in primary), max(b.right for b in primary)),
                     (min(b.x for b in support), max(b.right for b in support))]
    for label in labels.items:  # above the lane headers, below the subtitle
        if isinstance(label, Text):
            assert 80 < labels.y + label.y < layout.lanes[0].header.y


def _hatched(group) -> bool:
    return any(isinstance(p, Path) and p.stroke is not None and p.fill is None
               and len(p.ops) > 6 for p in group.items)


def test_support_lanes_are_hatched_and_named_in_the_legend():
    drawing = chain_drawing(_template("porter"))
    groups = {g.key: g for g in drawing.groups}
    hatched = {key for key, g in groups.items() if g.kind == "lane" and _hatched(g)}
    assert hatched == {"lane:firm-infrastructure", "lane:human-resources",
                       "lane:technology-development", "lane:procurement"}
    assert "Support activity (serves the whole chain)" in _texts(groups["legend"])


def test_porter_ends_in_its_margin():
    doc = _template("porter")
    layout = layout_chain(doc)
    margin = {g.key: g for g in chain_drawing(doc).groups}["margin"]
    assert _texts(margin) == ["Margin"]
    assert margin.x > max(lane.column.right for lane in layout.lanes)
    assert margin.x + margin.bounds[2] <= layout.width - 32
    assert "Margin" in to_svg(chain_drawing(doc))


@pytest.mark.parametrize("name", ["itil4", "it4it", "blank", "business-units"])
def test_other_templates_keep_one_undivided_chain(name):
    doc = _template(name)
    keys = {g.key for g in chain_drawing(doc).groups}
    assert doc.chain.groups == [] and "lane-groups" not in keys and "margin" not in keys
    legend = {g.key: g for g in chain_drawing(doc).groups}["legend"]
    assert "Support activity (serves the whole chain)" not in _texts(legend)


def test_a_lane_in_an_unknown_group_is_refused():
    data = _template("porter").model_dump(mode="json")
    data["chain"]["lanes"][0]["group"] = "nowhere"
    with pytest.raises(ValueError, match="lane group 'nowhere'"):
        DocumentModel.model_validate(data)
    data["chain"]["lanes"][0]["group"] = None
    data["chain"]["groups"].append(dict(data["chain"]["groups"][0]))
    with pytest.raises(ValueError, match="duplicate id"):
        DocumentModel.model_validate(data)


def test_lane_groups_round_trip_through_csv():
    doc = _template("porter")
    text = stages_to_csv(doc)
    assert text.splitlines()[0].endswith(",lane_group")
    back = stages_from_csv(text)
    names = {g.id: (g.name, g.support) for g in back.chain.groups}
    got = {lane.name: names[lane.group] for lane in back.chain.lanes}
    want = {lane.name: (g.name, g.support) for lane in doc.chain.lanes
            for g in doc.chain.groups if g.id == lane.group
            if any(st.lane == lane.id for s in doc.streams for st in s.stages)}
    assert got == want


def test_a_lane_given_two_groups_in_a_csv_is_one_clear_error():
    from vscdesk.interop.errors import InteropError

    text = ("stream,stage,lane,lane_group\n"
            "S,One,Ops,Primary activities\n"
            "S,Two,Ops,Support activities\n")
    with pytest.raises(InteropError, match="row 3, column lane_group: lane 'Ops' is in group "
                                           "'Primary activities' in row 2"):
        stages_from_csv(text)


@pytest.mark.parametrize("name", ["Primary activities",
                                  "Primary activities of the firm that add value directly to "
                                  "what the customer buys"])
def test_group_names_keep_air_under_the_subtitle_and_over_the_headers(name):
    from vscdesk.layout.metrics import HEADER_Y, SUBTITLE_BASELINE

    doc = _template("porter")
    doc.chain.groups = [g.model_copy(update={"name": name}) if g.id == "primary-activities"
                        else g for g in doc.chain.groups]
    layout = layout_chain(doc)
    labels = next(g for g in chain_drawing(doc).groups if g.key == "lane-groups")
    texts = [p for p in labels.items if isinstance(p, Text)]
    tops = [labels.y + t.y - t.size for t in texts]  # cap height is under the size
    assert min(tops) >= SUBTITLE_BASELINE + 14  # clear of the subtitle's descenders
    rule = max(labels.y + p.ops[0][2] for p in labels.items if isinstance(p, Path))
    assert max(labels.y + t.y for t in texts) <= rule - 4 < layout.header_y - 4
    assert layout.header_y > HEADER_Y and all(lane.header.y == layout.header_y
                                              for lane in layout.lanes)
    assert "".join(_texts(labels)).replace(" ", "").count(name.upper().replace(" ", "")) == 1


def test_a_chain_without_groups_keeps_the_headers_where_they_were():
    from vscdesk.layout.metrics import HEADER_Y

    for name in ("itil4", "it4it"):
        assert layout_chain(_template(name)).header_y == HEADER_Y
