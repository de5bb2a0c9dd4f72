"""ArchiMate export: valid against the official 3.1 XSDs, offline, and faithful to the model."""

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema

from vscdesk.interop.archimate_export import export_archimate
from vscdesk.interop.archimate_import import import_archimate_bytes
from vscdesk.interop.archimate_view import grid_geometry
from vscdesk.interop.templates import load_template, template_names
from vscdesk.model import DocumentModel

DATA = Path(__file__).resolve().parent.parent / "data"

XSD = DATA / "archimate-xsd"
NS = {"a": "http://www.opengroup.org/xsd/archimate/3.0/"}
XSI_TYPE = "{http://www.w3.org/2001/XMLSchema-instance}type"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    # The Model XSD imports xml.xsd from w3.org; map it to the local copy so nothing is fetched.
    return xmlschema.XMLSchema(
        str(XSD / "archimate3_Diagram.xsd"),
        locations=[("http://www.w3.org/XML/1998/namespace", str(XSD / "xml.xsd"))],
    )


def _errors(schema, data: bytes) -> list[str]:
    return [e.reason or str(e) for e in schema.iter_errors(data.decode("utf-8"))]


def test_example_export_validates_against_the_xsd(schema, example_doc):
    assert _errors(schema, export_archimate(example_doc)) == []


@pytest.mark.parametrize("name", template_names())
def test_every_template_exports_valid_xml_and_round_trips(schema, name):
    doc = load_template(name)
    data = export_archimate(doc)
    assert _errors(schema, data) == []
    assert import_archimate_bytes(data)[0] == doc


def test_a_chain_without_streams_keeps_its_lanes():
    doc = DocumentModel.model_validate({"chain": {"name": "Units", "lanes": [
        {"id": "a", "name": "A"}, {"id": "b", "name": "B", "color": "#366A83"}]}})
    back, report = import_archimate_bytes(export_archimate(doc))
    assert back == doc
    assert report == ["1 diagram not imported: vscdesk draws its views from the model"]


def test_the_validator_catches_a_broken_reference(schema, example_doc):
    """Proves the XSD check above can fail: a Flow to a missing element is refused."""
    broken = export_archimate(example_doc).replace(b'target="vsc-diagnose-fix"', b'target="nowhere"', 1)
    assert _errors(schema, broken)


def test_empty_and_hostile_documents_validate(schema):
    doc = DocumentModel.model_validate({
        "title": 'A <b>"bold"</b> & \uffff title',
        "chain": {"lanes": [{"id": "1st", "name": "<script>alert(1)</script>"}]},
        "streams": [{"id": "s", "name": "]]> & <", "stages": [
            {"id": "9", "name": "x; y: z", "lane": "1st", "practices": ["a;b"]}]}],
    })
    data = export_archimate(doc)
    assert _errors(schema, data) == []
    assert _errors(schema, export_archimate(DocumentModel())) == []
    back, _ = import_archimate_bytes(data)
    assert back.streams[0].stages[0].practices == ["a;b"]
    assert back.chain.lanes[0].name == "<script>alert(1)</script>"


def test_streams_are_composed_of_stages_joined_by_flow_in_order(example_doc):
    root = ET.fromstring(export_archimate(example_doc))
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in root.iterfind("a:elements/a:element", NS)}
    rels = [(r.get(XSI_TYPE), r.get("source"), r.get("target"))
            for r in root.iterfind("a:relationships/a:relationship", NS)]
    stream = example_doc.streams[0]
    stage_refs = [f"vsc-{s.id}" for s in stream.stages]
    assert types[f"vsc-{stream.id}"] == "ValueStream"
    assert all(types[ref] == "ValueStream" for ref in stage_refs)
    composed = [t for kind, s, t in rels if kind == "Composition" and s == f"vsc-{stream.id}"]
    assert composed == stage_refs
    for before, after in zip(stage_refs, stage_refs[1:]):
        assert ("Flow", before, after) in rels
    assert ("Triggering", stage_refs[0], stage_refs[1]) not in rels
    lane = f"vsc-{stream.stages[0].lane}"
    assert types[lane] == "BusinessFunction" and ("Realization", lane, stage_refs[0]) in rels


def test_allowed_relations_only(example_doc):
    """Every relation's (source type, kind, target type) is one the ArchiMate 3.1 table allows."""
    allowed = {
        ("ValueStream", "Composition", "ValueStream"), ("ValueStream", "Flow", "ValueStream"),
        ("BusinessFunction", "Realization", "ValueStream"),
        ("BusinessFunction", "Composition", "BusinessFunction"),
        ("Capability", "Serving", "ValueStream"), ("BusinessActor", "Association", "ValueStream"),
    }
    root = ET.fromstring(export_archimate(example_doc))
    types = {e.get("identifier"): e.get(XSI_TYPE) for e in root.iterfind("a:elements/a:element", NS)}
    for r in root.iterfind("a:relationships/a:relationship", NS):
        assert (types[r.get("source")], r.get(XSI_TYPE), types[r.get("target")]) in allowed


def test_properties_carry_slas_timings_and_criteria(example_doc):
    root = ET.fromstring(export_archimate(example_doc))
    names = {d.get("identifier"): d.find("a:name", NS).text
             for d in root.iterfind("a:propertyDefinitions/a:propertyDefinition", NS)}
    stage = root.find("a:elements/a:element[@identifier='vsc-report-problem']", NS)
    props = {names[p.get("propertyDefinitionRef")]: p.find("a:value", NS).text
             for p in stage.iterfind("a:properties/a:property", NS)}
    assert props["Process time"] == "5min" and props["Wait time"] == "4min"
    assert props["% complete and accurate"] == "90"
    assert props["SLAs"] == "Response: lead_time<=15min (actual 9)"
    assert props["Exit criteria"] == "Incident logged and categorised"


def test_view_places_every_stage_without_overlap(example_doc):
    root = ET.fromstring(export_archimate(example_doc))
    nodes = {n.get("elementRef"): tuple(int(n.get(k)) for k in "xywh")
             for n in root.iterfind(".//a:view/a:node", NS)}
    stages = [f"vsc-{s.id}" for st in example_doc.streams for s in st.stages]
    assert set(stages) <= set(nodes)
    boxes = [nodes[s] for s in stages]
    for i, (x, y, w, h) in enumerate(boxes):
        for x2, y2, w2, h2 in boxes[i + 1:]:
            assert x + w <= x2 or x2 + w2 <= x or y + h <= y2 or y2 + h2 <= y


def test_grid_geometry_puts_stages_in_their_lane_column_and_stream_row(example_doc):
    rects = grid_geometry(example_doc)
    first, second = example_doc.streams[0], example_doc.streams[1]
    assert rects[first.stages[0].id][0] == rects[first.stages[0].lane][0]
    assert rects[second.stages[0].id][1] > rects[first.stages[0].id][1]


def test_export_is_deterministic_and_round_trips(example_doc):
    data = export_archimate(example_doc)
    assert data == export_archimate(example_doc.model_copy(deep=True))
    back, report = import_archimate_bytes(data)
    assert back == example_doc
    assert report == ["1 diagram not imported: vscdesk draws its views from the model"]


def test_lane_groups_and_the_margin_travel_as_a_grouping_and_a_property():
    doc = load_template("porter")
    data = export_archimate(doc)
    root = ET.fromstring(data)
    kinds = [e.get("{http://www.w3.org/2001/XMLSchema-instance}type") for e in root.iter()]
    assert kinds.count("Grouping") == len(doc.chain.groups) == 2
    back = import_archimate_bytes(data)[0]
    assert back.chain.groups == doc.chain.groups and back.chain.margin == "Margin"
    assert [lane.group for lane in back.chain.lanes] == [lane.group for lane in doc.chain.lanes]
