"""The map <-> shared Y document mapping: round trips, convergence of concurrent edits, and
the repair rules that keep every merged state a valid document, the same on every peer."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import documents
from tests.workshop.edits import peers, random_edit, sync
from vscdesk.model import DocumentModel, integrity_errors
from vscdesk.storage import dumps, loads
from vscdesk.workshop.layout import ROOTS
from vscdesk.workshop.replica import Replica


def _edited(replica: Replica, change) -> DocumentModel:
    """Change the replica's model as plain data (checked whole afterwards) and share it."""
    data = replica.model.model_dump()
    change(data)
    model = DocumentModel.model_validate(data)
    replica.write(model)
    return model


def test_the_example_goes_through_the_shared_document_unchanged(example_model):
    host, guest = peers(example_model, 2)
    assert dumps(host.model) == dumps(example_model)
    assert dumps(guest.model) == dumps(example_model)
    assert set(guest.plain()) == set(ROOTS)
    # entries made from a whole map are keyed by the objects' own ids
    assert sorted(guest.plain()["lanes"]) == sorted(lane.id for lane in example_model.chain.lanes)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_any_document_goes_through_the_shared_document_unchanged(model):
    _host, guest = peers(model, 2)
    assert dumps(guest.model) == dumps(model)
    again = Replica()
    again.doc.apply_update(guest.doc.get_update())
    assert dumps(again.read()) == dumps(model)


def test_edits_of_different_fields_of_one_stage_both_survive(example_model):
    a, b = peers(example_model, 2)
    stage = example_model.streams[0].stages[0].id
    _edited(a, lambda m: m["streams"][0]["stages"][0].update(name="Renamed by A"))
    _edited(b, lambda m: m["streams"][0]["stages"][0].update(description="Noted by B"))
    sync(a, b)
    for replica in (a, b):
        merged = next(s for s in replica.read().streams[0].stages if s.id == stage)
        assert (merged.name, merged.description) == ("Renamed by A", "Noted by B")
    assert dumps(a.model) == dumps(b.model)


def test_concurrent_moves_of_different_lanes_keep_both_and_one_order(example_model):
    a, b = peers(example_model, 2)
    lanes = [lane.id for lane in example_model.chain.lanes]
    _edited(a, lambda m: m["chain"]["lanes"].insert(0, m["chain"]["lanes"].pop(2)))
    _edited(b, lambda m: m["chain"]["lanes"].append(m["chain"]["lanes"].pop(0)))
    sync(a, b)
    order_a = [lane.id for lane in a.read().chain.lanes]
    assert order_a == [lane.id for lane in b.read().chain.lanes]
    assert sorted(order_a) == sorted(lanes)
    assert order_a[0] == lanes[2] and order_a[-1] == lanes[0]


def test_a_stage_moved_into_a_lane_deleted_meanwhile_has_no_activity(example_model):
    a, b = peers(example_model, 2)
    lane = example_model.chain.lanes[1].id
    stage_id = next(s.id for s in example_model.streams[0].stages if s.lane != lane)

    def drop_lane(m):
        m["chain"]["lanes"] = [x for x in m["chain"]["lanes"] if x["id"] != lane]
        for stream in m["streams"]:
            for stage in stream["stages"]:
                stage["lane"] = None if stage["lane"] == lane else stage["lane"]

    _edited(a, drop_lane)
    _edited(b, lambda m: next(s for s in m["streams"][0]["stages"] if s["id"] == stage_id)
            .update(lane=lane))
    sync(a, b)
    for replica in (a, b):
        merged = replica.read()
        assert lane not in {x.id for x in merged.chain.lanes}
        assert next(s for s in merged.streams[0].stages if s.id == stage_id).lane is None
    assert dumps(a.model) == dumps(b.model)


def test_an_involvement_of_a_stakeholder_deleted_meanwhile_is_dropped(example_model):
    a, b = peers(example_model, 2)
    person = example_model.stakeholders[0].id
    stage_id = example_model.streams[0].stages[0].id

    def drop_person(m):
        m["stakeholders"] = [p for p in m["stakeholders"] if p["id"] != person]
        for stream in m["streams"]:
            for name in ("owner", "triggering_stakeholder"):
                stream[name] = None if stream[name] == person else stream[name]
            for stage in stream["stages"]:
                stage["stakeholders"] = [r for r in stage["stakeholders"]
                                         if r["stakeholder"] != person]

    def involve(m):
        stage = m["streams"][0]["stages"][0]
        stage["stakeholders"] = [r for r in stage["stakeholders"] if r["stakeholder"] != person]
        stage["stakeholders"].append({"stakeholder": person, "raci": "A"})

    _edited(a, drop_person)
    _edited(b, involve)
    sync(a, b)
    merged = a.read()
    assert person not in {p.id for p in merged.stakeholders}
    stage = next(s for s in merged.streams[0].stages if s.id == stage_id)
    assert person not in {r.stakeholder for r in stage.stakeholders}
    assert integrity_errors(merged) == []
    assert dumps(b.read()) == dumps(merged)


def test_two_people_adding_the_same_stakeholder_get_a_deterministic_rename(example_model):
    a, b, c = peers(example_model, 3)
    for replica, name in ((a, "Vendor (A)"), (b, "Vendor (B)")):
        _edited(replica, lambda m, name=name: m["stakeholders"].append(
            {"id": "vendor", "name": name}))
    sync(a, b, c)
    merged = [r.read() for r in (a, b, c)]
    assert dumps(merged[0]) == dumps(merged[1]) == dumps(merged[2])
    vendors = sorted((p.id, p.name) for p in merged[0].stakeholders if p.id.startswith("vendor"))
    assert [ident for ident, _ in vendors] == ["vendor", "vendor-2"]
    assert {name for _, name in vendors} == {"Vendor (A)", "Vendor (B)"}


def test_a_stage_added_to_a_stream_deleted_meanwhile_goes_with_it(example_model):
    a, b = peers(example_model, 2)
    stream = example_model.streams[-1].id

    def drop_stream(m):
        gone = next(s for s in m["streams"] if s["id"] == stream)
        ids = {s["id"] for s in gone["stages"]}
        m["streams"] = [s for s in m["streams"] if s["id"] != stream]
        m["links"] = [x for x in m["links"] if x["source"] not in ids and x["target"] not in ids]
        m["flow_items"] = [i for i in m["flow_items"] if i["stream"] != stream]
        for slide in m["slides"]:
            slide["stream"] = None if slide["stream"] == stream else slide["stream"]
            slide["stage"] = None if slide["stage"] in ids else slide["stage"]

    _edited(a, drop_stream)
    _edited(b, lambda m: m["streams"][-1]["stages"].append({"id": "late-stage", "name": "Late"}))
    sync(a, b)
    merged = a.read()
    assert stream not in {s.id for s in merged.streams}
    assert "late-stage" not in {s.id for st_ in merged.streams for s in st_.stages}
    assert dumps(b.read()) == dumps(merged)


def test_hostile_shared_values_still_give_a_valid_document(example_model):
    (host,) = peers(example_model, 1)
    with host.doc.transaction():
        host.roots["lanes"]["junk"] = "not a map"
        first = next(iter(host.roots["stages"].keys()))
        host.roots["stages"][first]["name"] = ""            # a required field fails
        second = next(k for k in host.roots["stages"] if k != first)
        host.roots["stages"][second]["percent_complete_accurate"] = 400.0   # optional field
        host.roots["stages"][second]["pos"] = float("nan")
        host.roots["meta"]["title"] = 42
        host.roots["streams"][next(iter(host.roots["streams"].keys()))]["stages"] = ["x"]
    merged = host.read()
    stages = {s.id: s for stream in merged.streams for s in stream.stages}
    assert first not in stages
    assert stages[second].percent_complete_accurate is None
    assert merged.title == "Untitled"
    assert loads(dumps(merged)).model_dump() == merged.model_dump()


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents(max_streams=3, max_stages=4), st.integers(2, 3), st.data())
def test_peers_editing_concurrently_converge_to_one_valid_file(model, count, data):
    replicas = peers(model, count)
    for _round in range(data.draw(st.integers(1, 4))):
        for replica in replicas:
            for _edit in range(data.draw(st.integers(0, 3))):
                replica.write(random_edit(data.draw, replica.model))
        if data.draw(st.booleans()):  # some peers talk to each other before the end
            pair = data.draw(st.permutations(replicas))[:2]
            sync(*pair)
            for replica in pair:
                replica.read()
    sync(*replicas)
    saved = [dumps(replica.read()) for replica in replicas]
    assert all(text == saved[0] for text in saved)
    merged = loads(saved[0])
    assert integrity_errors(merged) == []
