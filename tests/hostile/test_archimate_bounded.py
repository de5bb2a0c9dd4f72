"""ArchiMate structures that used to cost quadratic work or a RecursionError: a junction
joining k elements to k others, junctions chained thousands deep, figures nested thousands
deep in a diagram."""

from __future__ import annotations

from tests.hostile.corpus import archi, archi_element, junction_chain, junction_fan, nested_diagram
from tests.hostile.work import assert_linear
from vscdesk.interop.archimate_import import import_archimate_bytes
from vscdesk.interop.archimate_read import read_model
from vscdesk.interop.safe_xml import parse_xml


def test_junction_fan_out_costs_linear_work():
    """k processes -> one junction -> k processes took 12 s and 695 MB at 500 KB."""
    assert_linear(junction_fan, import_archimate_bytes, n=150, slack=20_000)


def test_junction_fan_out_is_one_stream_with_a_short_report():
    doc, report = import_archimate_bytes(junction_fan(300))
    stream, = doc.streams
    names = [s.name for s in stream.stages]
    assert names[:300] == [f"In {i}" for i in range(300)]  # every input before the outputs
    assert sorted(names[300:]) == sorted(f"Out {i}" for i in range(300))
    split, = [line for line in report if "splits into" in line]
    assert split.startswith("Junction 'j' splits into 'Out 0', ") and " and more; " in split


def test_thousands_of_chained_junctions_import():
    doc, report = import_archimate_bytes(junction_chain(5000))
    stream, = doc.streams
    assert [s.name for s in stream.stages] == ["Start", "End"]
    assert not any("Junction" in line for line in report), "every junction on the path is used"


def test_thousands_of_nested_figures_are_read():
    model = read_model(parse_xml(nested_diagram(3000), "deep.archimate"), "deep.archimate")
    assert model.views[0].at == {"st": (3000.0, 3000.0)}
    doc, _ = import_archimate_bytes(nested_diagram(3000))
    assert [s.name for s in doc.streams[0].stages] == ["Stage"]


def test_coordinates_that_are_no_finite_number_are_read_as_zero():
    """NaN and -inf in a diagram's bounds raised ValueError/OverflowError while ordering."""
    body = (archi_element("ValueStream", "vs", "Stream") + archi_element("ValueStream", "a", "A")
            + archi_element("ValueStream", "b", "B")
            + archi_element("CompositionRelationship", "r1", source="vs", target="a")
            + archi_element("CompositionRelationship", "r2", source="vs", target="b"))
    for x in ("nan", "-inf", "inf", "1e999", "-1e999", "9" * 5000):
        view = ('<element xsi:type="archimate:ArchimateDiagramModel" id="v" name="View">'
                '<child xsi:type="archimate:DiagramObject" id="c1" archimateElement="b">'
                '<bounds x="5" y="5" width="10" height="10"/></child>'
                '<child xsi:type="archimate:DiagramObject" id="c2" archimateElement="a">'
                f'<bounds x="{x}" y="{x}" width="10" height="10"/></child></element>')
        doc, _ = import_archimate_bytes(archi(body, tail=view))
        assert sorted(s.name for s in doc.streams[0].stages) == ["A", "B"]
