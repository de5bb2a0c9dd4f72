"""Every bundled template is a valid, problem-free document in the canonical file format."""

import colorsys

import pytest

from vscdesk.analysis.engine import analyse
from vscdesk.cli import main as cli_main
from vscdesk.interop.errors import InteropError
from vscdesk.interop.templates import load_template, preset_chain, template_names, template_path
from vscdesk.storage import dumps


@pytest.mark.parametrize("name", template_names())
def test_template_is_valid_canonical_and_has_no_errors(name, capsys):
    path = template_path(name)
    doc = load_template(name)
    assert path.read_text(encoding="utf-8") == dumps(doc)  # as the app writes it: diffs stay clean
    assert cli_main(["check", str(path)]) == 0
    assert [p.message for p in analyse(doc).problems if p.severity == "error"] == []


@pytest.mark.parametrize("name", template_names())
def test_lane_colours_are_muted_inks_away_from_accent_and_status(name):
    for lane in load_template(name).chain.lanes:
        r, g, b = (int(lane.color[i:i + 2], 16) / 255 for i in (1, 3, 5))
        hue, light, sat = colorsys.rgb_to_hls(r, g, b)
        assert 0.28 <= light <= 0.45, lane.name
        assert 0.2 <= sat <= 0.65, lane.name
        assert not 250 <= hue * 360 <= 320, f"{lane.name} is violet, the accent's hue"


def test_itil4_has_the_six_activities_and_a_loop():
    doc = load_template("itil4")
    assert [lane.name for lane in doc.chain.lanes] == [
        "Plan", "Improve", "Engage", "Design & transition", "Obtain/build", "Deliver & support"]
    order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    assert any(order[b.lane] < order[a.lane] and b.lane in {s.lane for s in stream.stages[:i]}
               for stream in doc.streams
               for i, (a, b) in enumerate(zip(stream.stages, stream.stages[1:]), start=1))


def test_porter_it4it_and_blank():
    porter = preset_chain("porter")
    assert len(porter.lanes) == 9
    assert sum(lane.description.startswith("Primary") for lane in porter.lanes) == 5
    it4it = load_template("it4it")
    assert [s.name for s in it4it.streams] == [
        "Strategy to Portfolio", "Requirement to Deploy", "Request to Fulfill", "Detect to Correct"]
    assert all(s.stages for s in it4it.streams)
    blank = load_template("blank")
    assert blank.streams == [] and blank.chain.lanes == []


def test_unknown_template_names_the_known_ones():
    with pytest.raises(InteropError, match="itil4, porter"):
        load_template("cobit")
