"""ArchiMate import mapping on small hand-written models: processes as streams, events and values,
lane preference, diagram order (also nested in Archi files), stakeholder kinds, the CLI hint."""

import pytest

from vscdesk.cli import main
from vscdesk.interop.archimate_import import import_archimate_bytes
from vscdesk.interop.archimate_people import external_from_name, kind_from_name

NS = 'xmlns="http://www.opengroup.org/xsd/archimate/3.0/" ' \
     'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'


def exchange(elements: list[tuple[str, str, str]], relations: list[tuple[str, str, str]]) -> bytes:
    """An Open Exchange file from (id, type, name) and (type, source, target)."""
    els = "".join(f'<element identifier="{i}" xsi:type="{t}"><name>{n}</name></element>'
                  for i, t, n in elements)
    rels = "".join(f'<relationship identifier="r{k}" source="{s}" target="{t}" xsi:type="{ty}"/>'
                   for k, (ty, s, t) in enumerate(relations))
    return (f'<model {NS} identifier="m"><name>Insurer</name><elements>{els}</elements>'
            f'<relationships>{rels}</relationships></model>').encode()


INSURER = exchange(
    [("handle", "BusinessProcess", "Handle claim"), ("pay", "BusinessProcess", "Pay"),
     ("valuate", "BusinessProcess", "Valuate"), ("register", "BusinessProcess", "Register"),
     ("accept", "BusinessProcess", "Accept"), ("event", "BusinessEvent", "Damage occurred"),
     ("money", "Value", "Money back"), ("chain", "BusinessFunction", "Insurer value chain"),
     ("claims", "BusinessFunction", "Claims"), ("finance", "BusinessFunction", "Finance"),
     ("marketing", "BusinessFunction", "Marketing"), ("assess", "Capability", "Damage assessment"),
     ("cust-actor", "BusinessActor", "Customer"), ("cust-role", "BusinessRole", "customer"),
     ("handler", "BusinessRole", "Claims handler"), ("audit", "Stakeholder", "External auditor"),
     ("board", "Stakeholder", "Board"), ("crm", "ApplicationComponent", "CRM")],
    [("Composition", "handle", "register"), ("Composition", "handle", "accept"),
     ("Composition", "handle", "valuate"), ("Composition", "handle", "pay"),
     ("Triggering", "register", "accept"), ("Triggering", "accept", "valuate"),
     ("Triggering", "valuate", "pay"), ("Triggering", "event", "register"),
     ("Association", "money", "pay"), ("Composition", "chain", "claims"),
     ("Composition", "chain", "finance"), ("Composition", "chain", "marketing"),
     ("Aggregation", "claims", "register"), ("Aggregation", "claims", "accept"),
     ("Realization", "finance", "pay"), ("Serving", "assess", "valuate"),
     ("Triggering", "cust-role", "register"), ("Assignment", "handler", "accept"),
     ("Assignment", "cust-actor", "cust-role"), ("Serving", "crm", "register")])


def test_a_process_composed_of_processes_is_a_stream_with_trigger_and_value():
    doc, report = import_archimate_bytes(INSURER)
    stream, = doc.streams
    assert stream.name == "Handle claim"
    assert [s.name for s in stream.stages] == ["Register", "Accept", "Valuate", "Pay"]
    assert (stream.trigger, stream.value) == ("Damage occurred", "Money back")
    assert stream.kind == "customer"  # the customer (external) triggers its first stage
    assert report[0].startswith("The file has no value streams with stages, so 1 stream was made")
    assert report[0].endswith(": 'Handle claim'. Check the names and kinds in the stream panel.")


def test_lanes_prefer_functions_then_capabilities_and_keep_the_chain_order():
    doc, report = import_archimate_bytes(INSURER)
    assert doc.chain.name == "Insurer value chain"
    assert [lane.name for lane in doc.chain.lanes] == [
        "Claims", "Finance", "Marketing", "Damage assessment"]
    assert [s.lane for s in doc.streams[0].stages] == [
        "claims", "claims", "damage-assessment", "finance"]
    assert doc.streams[0].stages[2].capabilities == ["Damage assessment"]
    assert ("stage 'Valuate' has no business function; its lane is the Capability "
            "'Damage assessment'") in report


def test_people_kinds_merging_and_roles_on_stages():
    doc, report = import_archimate_bytes(INSURER)
    assert [(p.name, p.kind, p.external) for p in doc.stakeholders] == [
        ("Customer", "customer", True), ("Claims handler", "internal_team", False),
        ("External auditor", "regulator", True), ("Board", "sponsor", False)]
    assert ("2 elements named 'Customer' (BusinessActor, BusinessRole) became one stakeholder"
            in report)
    register, accept = doc.streams[0].stages[:2]
    assert [(r.stakeholder, r.role) for r in register.stakeholders] == [("customer", "triggering")]
    assert [(r.stakeholder, r.raci) for r in accept.stakeholders] == [("claims-handler", "R")]
    assert doc.streams[0].triggering_stakeholder == "customer"
    # The actor-to-role assignment and the application have no place: counted, then listed.
    counts = next(line for line in report if line.startswith("Not imported: "))
    assert counts == ("Not imported: 1 ApplicationComponent (1 element); 1 Assignment, "
                      "1 Serving (2 relations) — details below")
    assert "not imported, application elements: 1 ApplicationComponent element ('CRM')" in report


ARCHI = b"""<?xml version="1.0" encoding="UTF-8"?>
<archimate:model xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
    xmlns:archimate="http://www.archimatetool.com/archimate" name="Shop" id="m">
  <folder name="Strategy" id="f1" type="strategy">
    <element xsi:type="archimate:ValueStream" name="Order to cash" id="vs"/>
    <element xsi:type="archimate:ValueStream" name="Invoice" id="s3"/>
    <element xsi:type="archimate:ValueStream" name="Ship" id="s2"/>
    <element xsi:type="archimate:ValueStream" name="Order" id="s1"/>
  </folder>
  <folder name="Business" id="f2" type="business">
    <element xsi:type="archimate:BusinessFunction" name="Sales" id="sales"/>
    <element xsi:type="archimate:BusinessFunction" name="Pricing" id="pricing"/>
    <element xsi:type="archimate:BusinessFunction" name="Logistics" id="logistics"/>
  </folder>
  <folder name="Relations" id="f3" type="relations">
    <element xsi:type="archimate:CompositionRelationship" id="r1" source="vs" target="s3"/>
    <element xsi:type="archimate:CompositionRelationship" id="r2" source="vs" target="s2"/>
    <element xsi:type="archimate:AggregationRelationship" id="r3" source="vs" target="s1"/>
    <element xsi:type="archimate:CompositionRelationship" id="r4" source="sales" target="pricing"/>
  </folder>
  <folder name="Views" id="f4" type="diagrams">
    <element xsi:type="archimate:ArchimateDiagramModel" name="Overview" id="v">
      <child xsi:type="archimate:DiagramObject" id="d1" archimateElement="s1">
        <bounds x="50" y="40" width="120" height="55"/>
      </child>
      <child xsi:type="archimate:Group" id="g" name="Warehouse">
        <bounds x="500" y="20" width="300" height="200"/>
        <child xsi:type="archimate:DiagramObject" id="d2" archimateElement="s2">
          <bounds x="10" y="20" width="120" height="55"/>
        </child>
      </child>
      <child xsi:type="archimate:DiagramObject" id="d3" archimateElement="s3">
        <bounds x="600" y="300" width="120" height="55"/>
      </child>
      <child xsi:type="archimate:DiagramObject" id="d4" archimateElement="sales">
        <bounds x="400" y="400" width="120" height="55"/>
      </child>
      <child xsi:type="archimate:DiagramObject" id="d5" archimateElement="logistics">
        <bounds x="100" y="400" width="120" height="55"/>
      </child>
    </element>
  </folder>
</archimate:model>
"""


def test_stages_without_flow_follow_the_diagram_left_to_right_also_inside_groups():
    doc, report = import_archimate_bytes(ARCHI, "shop.archimate")
    # File order is Invoice, Ship, Order; Ship sits at 500 + 10 inside its group.
    assert [s.name for s in doc.streams[0].stages] == ["Order", "Ship", "Invoice"]
    assert ("the stages of 'Order to cash' are not joined by flow or triggering; they follow "
            "their left-to-right order in view 'Overview'") in report


def test_top_business_functions_are_lanes_in_diagram_order_and_sub_functions_are_reported():
    doc, report = import_archimate_bytes(ARCHI, "shop.archimate")
    assert [lane.name for lane in doc.chain.lanes] == ["Logistics", "Sales"]
    assert "2 lanes from business functions no stage relates to: 'Logistics', 'Sales'" in report
    assert "not imported, business elements: 1 BusinessFunction element ('Pricing')" in report


@pytest.mark.parametrize("name, kind, external", [
    ("Customer", "customer", True),
    ("Customer service team", "internal_team", False),
    ("Service owner", "sponsor", False),
    ("IT users", "user", False),
    ("External auditor", "regulator", True),
    ("Cloud providers", "supplier", True),
    ("Internal supplier", "supplier", False),
    ("Channel partner", "partner", True),
    ("Business Actor", None, False),
])
def test_kind_and_external_from_the_name(name, kind, external):
    assert kind_from_name(name) == kind
    assert external_from_name(name, kind or "internal_team") is external


def test_convert_to_archimate_says_what_can_be_written(example_file, tmp_path, capsys):
    assert main(["convert", str(example_file), "-o", str(tmp_path / "out.archimate")]) != 0
    err = capsys.readouterr().err
    assert "unknown output format; use .vsc.json, .json, .csv, .xml" in err
    assert "open it in Archi with File > Import > Open Exchange XML Model" in err
    assert not (tmp_path / "out.archimate").exists()


def test_a_big_model_still_gives_a_short_report():
    elements, relations = [], []
    for s in range(60):
        elements.append((f"p{s}", "BusinessProcess", f"Process {s}"))
        for k in range(5):
            elements.append((f"p{s}-{k}", "BusinessProcess", f"Step {s}.{k}"))
            relations.append(("Composition", f"p{s}", f"p{s}-{k}"))
        elements.append((f"r{s}", "BusinessRole", f"Role {s % 20}"))
        relations.append(("Assignment", f"r{s}", f"p{s}-0"))
        elements.append((f"a{s}", "ApplicationComponent", f"App {s}"))
    doc, report = import_archimate_bytes(exchange(elements, relations))
    assert (len(doc.streams), len(doc.stakeholders)) == (60, 20)
    assert len(report) == 6
    assert report[4].startswith("the stages of 60 streams are not joined by flow or triggering; "
                                "they follow the order of the file: 'Process 0', ")
    assert report[0].endswith("'Process 6', 'Process 7' and 52 more. Check the names and kinds "
                              "in the stream panel.")
    assert report[2].startswith("20 names were shared, each became one stakeholder: 3 elements "
                                "named 'Role 0' (BusinessRole), ")
    assert report[-1].startswith("not imported, application elements: 60 ApplicationComponent "
                                 "elements ('App 0', ") and report[-1].endswith(" and 52 more)")


def test_junction_loops_unnamed_processes_and_self_relations_do_not_break_the_import():
    doc, report = import_archimate_bytes(exchange(
        [("a", "BusinessProcess", "A"), ("b", "BusinessProcess", "B"), ("j1", "Junction", "J1"),
         ("j2", "OrJunction", "J2"), ("x", "BusinessProcess", "")],
        [("Triggering", "a", "j1"), ("Triggering", "j1", "j2"), ("Triggering", "j2", "j1"),
         ("Triggering", "j2", "b"), ("Triggering", "b", "a"), ("Flow", "j1", "j1"),
         ("Triggering", "x", "x"), ("Flow", "x", "a")]))
    stream, = doc.streams
    assert stream.name == "Unnamed stage to B"
    assert [s.name for s in stream.stages] == ["Unnamed stage", "A", "B"]
    assert [(link.kind, link.source, link.target) for link in doc.links] == [("rework", "b", "a")]
    assert "the flow between the stages of 'Unnamed stage to B' is a cycle; it is read as " \
           "starting at 'A'" in report
    # Both junctions on the path A -> J1 -> J2 -> B are used; the loops are listed.
    assert not any("Junction element" in line for line in report)
    # An unnamed element is shown by its identifier.
    assert report[-1] == ("not imported, dynamic relations: 2 Triggering relations "
                          "('J2' → 'J1', 'x' → 'x'); 1 Flow relation ('J1' → 'J1')")
