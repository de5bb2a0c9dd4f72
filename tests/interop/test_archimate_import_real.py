"""ArchiMate import of the real catalogue files (Sparx, hand-edited 3.1): what an architect
gets from a model with no value streams. Expectations checked by hand against the files."""

import pytest

from vscdesk.interop.archimate_import import import_archimate

PEOPLE = [("Business Actor", "internal_team"), ("Business Role", "internal_team"),
          ("Business Role A", "internal_team"), ("Business Role B", "internal_team"),
          ("a", "internal_team"), ("Stakeholder", "sponsor")]


@pytest.fixture(params=["aoeff_3_1.xml", "aoeff_3_0_sparx.xml"])
def real(request, archimate_dir):
    return request.param, *import_archimate(archimate_dir / request.param)


def _streams(doc):
    return {s.name: [stage.name for stage in s.stages] for s in doc.streams if s.stages}


def test_triggering_chains_of_processes_become_streams(real):
    _, doc, report = real
    # A -> AndJunction -> B, C -> OrJunction -> D: B and C sit in one column, B on top.
    # a -> b, c2 -> b, b -> c1, b -> c (Flow and Triggering): a and c2 start, a is left.
    assert _streams(doc) == {
        "Business Process A to Business Process D": [
            "Business Process A", "Business Process B", "Business Process C", "Business Process D"],
        "a to c": ["a", "c2", "b", "c1", "c"],
    }
    # No external stakeholder takes part in either: supporting streams.
    assert [s.kind for s in doc.streams if s.stages] == ["supporting", "supporting"]
    assert report[0].startswith("The file has no value streams with stages, so 2 streams were "
                                "made from business processes")
    assert any(line.startswith("AndJunction 'Junction' splits into 'Business Process B', "
                               "'Business Process C'") for line in report)


def test_relations_that_skip_a_stage_become_links(real):
    _, doc, _ = real
    by_id = {stage.id: stage.name for s in doc.streams for stage in s.stages}
    assert [(link.kind, by_id[link.source], by_id[link.target]) for link in doc.links] == [
        ("handoff", "a", "b"), ("handoff", "b", "c")]


def test_every_actor_role_and_stakeholder_is_a_stakeholder(real):
    _, doc, report = real
    # Two BusinessActors are both called "Business Actor": one stakeholder.
    assert [(p.name, p.kind) for p in doc.stakeholders] == PEOPLE
    assert not any(p.external for p in doc.stakeholders)
    assert "2 elements named 'Business Actor' (BusinessActor) became one stakeholder" in report
    first = next(s for s in doc.streams if s.name.startswith("Business Process A"))
    assert first.triggering_stakeholder == "business-actor"
    assert [(r.stakeholder, r.role) for r in first.stages[0].stakeholders] == [
        ("business-actor", "triggering")]
    b = next(st for s in doc.streams for st in s.stages if st.name == "b")
    assert [(r.stakeholder, r.role, r.raci) for r in b.stakeholders] == [
        ("a-2", "participating", "R")]


def test_the_lone_business_function_is_a_lane(real):
    _, doc, report = real
    assert [lane.name for lane in doc.chain.lanes] == ["Business Function"]
    assert all(st.lane is None for s in doc.streams for st in s.stages)
    assert "1 lane from business functions no stage relates to: 'Business Function'" in report


def test_the_report_counts_first_then_groups_details_by_layer(real):
    _name, _, report = real
    counts = next(line for line in report if line.startswith("Not imported: "))
    assert counts.startswith("Not imported: 6 ApplicationComponent, 5 ApplicationFunction, "
                             "5 ApplicationService, ")
    assert "2 BusinessProcess" in counts  # 'Business Process' and the second 'c' relate to none
    assert report.index(counts) < min(i for i, line in enumerate(report)
                                      if line.startswith("not imported, "))
    application = next(line for line in report if line.startswith("not imported, application "))
    assert "6 ApplicationComponent elements ('Application Component', 'Application Component A'" \
        in application
    assert report[-1] == "4 diagrams not imported: vscdesk draws its views from the model"
    assert len(report) <= 20  # was 74 lines


def test_the_31_file_keeps_its_value_stream_without_stages(archimate_dir):
    doc, report = import_archimate(archimate_dir / "aoeff_3_1.xml")
    assert next(s.name for s in doc.streams) == "Value Stream"
    assert doc.streams[0].stages == []
    assert "value stream 'Value Stream' has no stages" in report
    assert "not imported, strategy elements: 1 Capability element ('Capability'); " \
        "1 CourseOfAction element ('Course of Action'); 1 Resource element ('Resource')" in report
    # An association to a relation names the relation, not its bare identifier.
    assert "'Data Object' → the Flow 'Application Collaboration' → 'Application Component A'" \
        in next(line for line in report if line.startswith("not imported, dependency relations"))
