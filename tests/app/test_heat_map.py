"""Heat map: View ▸ Heat map colours the stages and adds a legend; exports carry it too."""

import xml.etree.ElementTree as ET

import pytest

from vscdesk.cli import main
from vscdesk.document import SetStageFields
from vscdesk.model import Duration
from vscdesk.render import palette as P
from vscdesk.render.heat import SCALE, heat_color


def _face(item):
    return next(p for p in item.group.items if getattr(p, "stroke", None) is not None
                and getattr(p, "fill", None) is not None)


@pytest.fixture
def window(make_window):
    return make_window(name="example", shown=False)


def test_scale_runs_from_plain_to_hot():
    assert heat_color(0.0) == SCALE[0] and heat_color(1.0) == SCALE[-1]
    assert heat_color(None) == P.INK_50
    assert heat_color(0.5) not in (SCALE[0], SCALE[-1])


def test_menu_colours_stages_by_wait_and_turns_off(window):
    scene = window.scene
    assert _face(scene.items_by_key["stage:review-outcomes"]).fill == P.CANVAS
    window.actions["heat_wait"].trigger()
    longest = _face(scene.items_by_key["stage:review-outcomes"]).fill  # waits 20 d
    assert longest == SCALE[-1]
    assert _face(scene.items_by_key["stage:operate"]).fill == SCALE[0]  # waits 0 d
    assert "heat-legend" in scene.items_by_key
    window.actions["heat_none"].trigger()
    assert _face(scene.items_by_key["stage:review-outcomes"]).fill == P.CANVAS
    assert "heat-legend" not in scene.items_by_key


def test_heat_follows_edits(window):
    window.actions["heat_wait"].trigger()
    doc = window.document
    doc.push(SetStageFields(doc, "operate", wait_time=Duration(value=60, unit="d")))
    assert _face(window.scene.items_by_key["stage:operate"]).fill == SCALE[-1]


def test_cli_export_with_heat(example_file, tmp_path):
    out = tmp_path / "heat.svg"
    assert main(["export", str(example_file), "-o", str(out), "--heat", "sla_status"]) == 0
    text = " ".join("".join(t.itertext()) for t in ET.parse(out).getroot().iter(
        "{http://www.w3.org/2000/svg}text"))
    assert "HEAT MAP · SLA STATUS" in text
