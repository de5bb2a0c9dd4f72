"""The file format: what dumps writes, and that every valid document comes back exactly."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from tests.strategies import documents

from vscdesk.model import DocumentModel, Sla, Stage
from vscdesk.storage import dumps, load, loads, save

DATA = Path(__file__).resolve().parent.parent / "data"


def test_example_round_trips(example_file, tmp_path):
    doc = load(example_file)
    target = tmp_path / "it.vsc.json"
    save(doc, target)
    assert load(target) == doc
    first = target.read_bytes()
    save(load(target), target)
    assert target.read_bytes() == first


def test_written_text_is_stable_and_diffable(example_file):
    text = dumps(load(example_file))
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "format": "vscdesk",', '  "schema_version": 2,']
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert list(json.loads(text)) == list(DocumentModel.model_fields)  # model field order
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
    assert '"target": 15,' in text  # whole numbers stay readable: 15, not 15.0


def test_non_ascii_is_written_as_utf8_not_escaped():
    doc = DocumentModel(title="Café — 価値 🚀 \u05e9\u05dc\u05d5\u05dd")
    text = dumps(doc)
    assert "Café — 価値 🚀" in text and "\\u" not in text
    assert loads(text.encode("utf-8")) == doc


def test_defaults_are_left_out_of_nested_objects_but_top_level_keys_stay():
    stage = Stage(id="a", name="A", slas=[Sla(name="x", target=1.5)])
    doc = DocumentModel.model_validate({"streams": [{"id": "s", "name": "S", "stages": [stage]}]})
    data = json.loads(dumps(doc))
    assert list(data) == list(DocumentModel.model_fields)
    assert data["links"] == [] and data["title"] == "Untitled"
    assert data["streams"] == [{"id": "s", "name": "S", "stages": [
        {"id": "a", "name": "A", "slas": [{"name": "x", "target": 1.5}]}]}]


def test_fractional_and_tiny_floats_survive_exactly():
    values = [0.1, 1 / 3, 5e-324, 1e15, 1e16 + 2, -0.0, 123456789.125, 1.7976931348623157e308]
    slas = [Sla(name=f"s{i}", target=v, actual=v) for i, v in enumerate(values)]
    doc = DocumentModel.model_validate({"streams": [
        {"id": "s", "name": "S", "stages": [{"id": "a", "name": "A", "slas": slas}]}]})
    back = loads(dumps(doc))
    assert [sla.target for sla in back.streams[0].stages[0].slas] == values
    assert back == doc


def test_frozen_schema_1_sample_still_opens():
    """Every schema keeps a frozen sample; later versions must go on reading it."""
    doc = load(DATA / "schema-1.vsc.json")
    assert doc.schema_version == 2 and len(doc.streams) >= 3  # upgraded on load
    assert doc.chain.groups == [] and all(lane.group is None for lane in doc.chain.lanes)
    assert doc.chain.margin == ""


def test_frozen_schema_2_sample_opens_with_its_lane_groups():
    doc = load(DATA / "schema-2.vsc.json")
    assert [(g.name, g.support) for g in doc.chain.groups] == [
        ("Primary activities", False), ("Support activities", True)]
    assert doc.chain.margin == "Margin"
    assert sum(lane.group == "support-activities" for lane in doc.chain.lanes) == 4


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_random_valid_documents_round_trip(doc):
    text = dumps(doc)
    back = loads(text)
    assert back == doc
    assert dumps(back) == text


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(doc=documents())
def test_random_documents_round_trip_through_files(doc, tmp_path):
    target = tmp_path / "random doc ☃.vsc.json"
    save(doc, target)
    first = target.read_bytes()
    assert load(target) == doc
    save(doc, target)
    assert target.read_bytes() == first


def test_storage_imports_no_qt():
    code = "import sys, vscdesk.storage; sys.exit('PySide6' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_copying_a_saved_file_keeps_it_loadable(example_file, tmp_path):
    shutil.copy(example_file, tmp_path / "copy.vsc.json")
    assert load(tmp_path / "copy.vsc.json") == load(example_file)
