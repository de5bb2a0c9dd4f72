"""Stage CSV: a round trip keeps what CSV holds; each kind of bad input names row and column."""

import pytest

from vscdesk.interop.errors import InteropError
from vscdesk.interop.stages_csv import read_stages_csv, stages_from_csv, stages_to_csv
from vscdesk.model import Chain, Lane

HEAD = "stream,stage,lane"


def test_round_trip_keeps_every_stage_field(example_doc):
    text = stages_to_csv(example_doc)
    back = stages_from_csv(text, example_doc.chain, example_doc.stakeholders)
    assert [s.stages for s in back.streams] == [s.stages for s in example_doc.streams]
    for got, want in zip(back.streams, example_doc.streams):
        assert (got.id, got.name, got.kind, got.trigger, got.value) == \
            (want.id, want.name, want.kind, want.trigger, want.value)
    assert stages_to_csv(back) == text


def test_round_trip_without_a_chain_adds_lanes_and_people_in_order(example_doc):
    back = stages_from_csv(stages_to_csv(example_doc))
    assert [lane.name for lane in back.chain.lanes][:3] == ["Engage", "Deliver & support", "Improve"]
    assert back.streams[0].stages[0].stakeholders[0].stakeholder == "user"


def test_minimal_csv_matches_lanes_ignoring_case_and_parses_notations():
    chain = Chain(name="ITIL", lanes=[Lane(id="engage", name="Engage"), Lane(id="plan", name="Plan")])
    text = (
        "Stream,Stage,Lane,process_time,slas,stakeholders,practices,complete_accurate\n"
        "Onboard,Sign,ENGAGE,1.5 h,lead_time<=4h; availability>=99.5%,"
        "\"Legal (participating, A); Client (triggering)\",Contracts\\; terms; Review,80%\n"
        "Onboard,Invoice,Finance,2d,,,,\n"
    )
    doc = stages_from_csv(text, chain)
    sign, invoice = doc.streams[0].stages
    assert sign.lane == "engage" and invoice.lane == "finance"
    assert [lane.id for lane in doc.chain.lanes] == ["engage", "plan", "finance"]
    assert sign.process_time.minutes() == 90 and invoice.process_time.unit == "d"
    assert [(s.metric, s.comparator, s.target, s.unit) for s in sign.slas] == [
        ("lead_time", "<=", 4, "h"), ("availability", ">=", 99.5, "%")]
    assert [(r.stakeholder, r.role, r.raci) for r in sign.stakeholders] == [
        ("legal", "participating", "A"), ("client", "triggering", None)]
    assert sign.practices == ["Contracts; terms", "Review"]
    assert sign.percent_complete_accurate == 80


def test_formula_like_names_are_kept_as_text_and_round_trip():
    doc = stages_from_csv("stream,stage,lane\n=1+1,@SUM(A1),-Ops\n")
    assert doc.streams[0].name == "=1+1" and doc.chain.lanes[0].name == "-Ops"
    text = stages_to_csv(doc)
    assert "\n'=1+1," in text and ",'@SUM(A1)," in text and ",'-Ops," in text
    again = stages_from_csv(text, doc.chain, doc.stakeholders)
    assert again.streams[0].stages == doc.streams[0].stages and again.streams[0].name == "=1+1"


def test_order_column_sorts_stages_within_a_stream():
    doc = stages_from_csv("stream,order,stage,lane\nS,2,Second,\nS,1,First,\n")
    assert [s.name for s in doc.streams[0].stages] == ["First", "Second"]


def test_utf8_file_with_byte_order_mark(tmp_path):
    path = tmp_path / "stages.csv"
    path.write_bytes("\ufeffstream,stage,lane\nCafé,Crème,Équipe\n".encode())
    doc = read_stages_csv(path)
    assert doc.title == "stages" and doc.streams[0].stages[0].name == "Crème"


@pytest.mark.parametrize("text, where, what", [
    ("", "", "empty"),
    ("stream,stage\nS,A\n", "row 1", "missing required column lane"),
    ("stream,stage,lane,colour\n", "row 1, column colour", "unknown column"),
    ("stream,stage,lane,lane\n", "row 1, column lane", "twice"),
    (f"{HEAD}\nS,A,L,extra\n", "row 2", "4 values but only 3 columns"),
    (f"{HEAD}\n,A,L\n", "row 2, column stream", "blank"),
    (f"{HEAD}\nS,,L\n", "row 2, column stage", "blank"),
    (f"{HEAD},process_time\nS,A,L,90 minutes\n", "row 2, column process_time", "not a duration"),
    (f"{HEAD},wait_time\nS,A,L,-1h\n", "row 2, column wait_time", "not a duration"),
    (f"{HEAD},complete_accurate\nS,A,L,abc\n", "row 2, column complete_accurate", "percentage"),
    (f"{HEAD},complete_accurate\nS,A,L,120\n", "row 2, column complete_accurate", "between 0 and 100"),
    (f"{HEAD},slas\nS,A,L,fast\n", "row 2, column slas", "not an SLA"),
    (f"{HEAD},slas\nS,A,L,speed<=4h\n", "row 2, column slas", "not an SLA metric"),
    (f"{HEAD},stakeholders\nS,A,L,Bob (boss)\n", "row 2, column stakeholders", "neither a role"),
    (f"{HEAD},stream_kind\nS,A,L,internal\n", "row 2, column stream_kind", "customer or supporting"),
    (f"{HEAD},trigger\nS,A,L,Call\nS,B,L,Mail\n", "row 3, column trigger", "differs from row 2"),
    (f"{HEAD},order\nS,A,L,first\n", "row 2, column order", "whole number"),
    (f"{HEAD},order\nS,A,L,1\nS,B,L,1\n", "row 3, column order", "used twice"),
    (f"{HEAD},stage_id\nS,A,L,a b\n", "row 2, column stage_id", "not a valid id"),
    (f"{HEAD},stage_id\nS,A,L,x\nS,B,L,x\n", "row 3, column stage_id", "also in row 2"),
    (f"{HEAD}\nS,{'n' * 201},L\n", "row 2, column stage", "200"),
    (f"{HEAD}\nS,A,{'n' * 201}\n", "row 2, column lane", "200"),
    (f"{HEAD}\nS,\"A\n", "row 2", "not readable as CSV"),
])
def test_every_kind_of_bad_csv_names_row_and_column(text, where, what):
    with pytest.raises(InteropError) as info:
        stages_from_csv(text, source="in.csv")
    message = str(info.value)
    assert message.startswith(f"in.csv: {where}") and what in message, message
    assert "\n" not in message


def test_non_utf8_and_oversized_files_are_refused(tmp_path):
    latin = tmp_path / "latin.csv"
    latin.write_bytes("stream,stage,lane\nCaf\xe9,A,L\n".encode("latin-1"))
    with pytest.raises(InteropError, match="not UTF-8"):
        read_stages_csv(latin)
    with pytest.raises(InteropError, match="is too large"):
        read_stages_csv(latin, max_bytes=10)


def test_lane_groups_round_trip_through_the_lane_group_column():
    from vscdesk.interop.templates import load_template

    porter = load_template("porter")
    text = stages_to_csv(porter)
    assert "lane_group" in text.splitlines()[0].split(",")
    back = stages_from_csv(text)  # no chain given: lanes and groups come from the rows alone
    groups = {g.id: g for g in back.chain.groups}
    want = {g.id: g for g in porter.chain.groups}
    members = {lane.name: (groups[lane.group].name, groups[lane.group].support)
               for lane in back.chain.lanes if lane.group}
    used = {lane.name for s in porter.streams for st in s.stages
            for lane in porter.chain.lanes if lane.id == st.lane}
    assert members == {lane.name: (want[lane.group].name, want[lane.group].support)
                       for lane in porter.chain.lanes if lane.group and lane.name in used}
    assert {g.name for g in groups.values()} == {"Primary activities", "Support activities"}
    assert stages_to_csv(back).splitlines()[1:] == text.splitlines()[1:]
