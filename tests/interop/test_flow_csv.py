"""Flow items from CSV: streams by id or name, durations with units, one clear error per bad row."""

import datetime as dt

import pytest

from vscdesk.interop.errors import InteropError
from vscdesk.interop.flow_csv import FlowCsvError, flow_items_from_csv, read_flow_csv
from vscdesk.model import Duration

GOOD = """\ufeffid,type,stream,started,finished,active_time
f1,feature,restore-service,2024-01-02,2024-01-05,3 d
f2,Defect,Fulfil a service request,2024-01-03,,90 min

d-3,debt,deliver a new service,2024-02-01,2024-02-01,
"""


def test_reads_items_from_a_real_file(tmp_path, example_doc):
    path = tmp_path / "items.csv"
    path.write_text(GOOD, encoding="utf-8")
    items = read_flow_csv(path, example_doc.streams)
    assert [(i.id, i.type, i.stream) for i in items] == [
        ("f1", "feature", "restore-service"), ("f2", "defect", "fulfil-request"),
        ("d-3", "debt", "new-service")]  # by id, by name, by name in any case
    assert items[0].started == dt.date(2024, 1, 2) and items[0].finished == dt.date(2024, 1, 5)
    assert items[0].active_time == Duration(value=3, unit="d")
    assert items[1].finished is None and items[1].active_time.minutes() == 90
    assert items[2].active_time is None


def test_columns_in_any_order_and_semicolons(example_doc):
    text = "Stream;Active time;ID;Type;Started\nrestore-service;2h;x;risk;2024-03-04\n"
    (item,) = flow_items_from_csv(text, example_doc.streams)
    assert (item.id, item.type, item.active_time.minutes(), item.finished) == ("x", "risk", 120,
                                                                                None)


def test_every_bad_row_is_reported_with_row_and_column(example_doc):
    text = "\n".join([
        "id,type,stream,started,finished,active_time",
        "ok,feature,restore-service,2024-01-01,,",
        "b1,bug,restore-service,2024-01-01,,",
        "b2,feature,nowhere,2024-01-01,,",
        "b3,feature,restore-service,2024-13-01,,",
        "b4,feature,restore-service,2024-01-05,2024-01-02,",
        "b5,feature,restore-service,2024-01-01,,3",
        "ok,debt,restore-service,2024-01-01,,",
        "b 7,risk,restore-service,2024-01-01,,",
        "b8,risk,restore-service,,,",
    ])
    with pytest.raises(FlowCsvError) as info:
        flow_items_from_csv(text, example_doc.streams)
    assert info.value.errors == [
        "row 3, column type: 'bug' is not a flow item type (feature, defect, risk, debt)",
        "row 4, column stream: no stream has the id or name 'nowhere'",
        "row 5, column started: '2024-13-01' is not a date (expected YYYY-MM-DD)",
        "row 6, column finished: 2024-01-02 is before started 2024-01-05",
        "row 7, column active_time: '3' is not a duration (a number with min, h, d or wk, "
        "e.g. 90min)",
        "row 8, column id: 'ok' is already used in row 2",
        "row 9, column id: 'b 7' is not an id (letters, digits, '.', '_' or '-')",
        "row 10, column started: empty (expected YYYY-MM-DD)",
    ]
    assert isinstance(info.value, InteropError) and str(info.value).startswith("CSV: row 3,")


def test_header_problems_are_named(example_doc):
    with pytest.raises(FlowCsvError, match="unknown column 'finshed', no column 'started'"):
        flow_items_from_csv("id,type,stream,finshed\n", example_doc.streams)


def test_ambiguous_stream_name(example_doc):
    streams = [example_doc.streams[0], example_doc.streams[1].model_copy(
        update={"name": example_doc.streams[0].name})]
    with pytest.raises(FlowCsvError, match="names 2 streams; use its id"):
        flow_items_from_csv("id,type,stream,started\nx,risk,Restore service for a user,2024-01-01",
                            streams)


def test_unreadable_files(tmp_path, example_doc):
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("id,type,stream,started\né".encode("latin-1"))
    with pytest.raises(InteropError, match="not UTF-8 text"):
        read_flow_csv(bad, example_doc.streams)
    with pytest.raises(InteropError, match="file not found"):
        read_flow_csv(tmp_path / "missing.csv", example_doc.streams)
    big = tmp_path / "big.csv"
    big.write_text("id,type,stream,started\n" + "x" * 2048)
    with pytest.raises(InteropError, match="is too large"):
        read_flow_csv(big, example_doc.streams, max_bytes=1024)


def test_rows_with_extra_cells_and_doubled_columns(example_doc):
    with pytest.raises(FlowCsvError) as info:
        flow_items_from_csv("id,type,stream,started\nx,risk,restore-service,2024-01-01,extra\n",
                            example_doc.streams)
    assert info.value.errors == ["row 2: 5 cells, the header has 4"]
    with pytest.raises(FlowCsvError, match="column 'id' appears twice"):
        flow_items_from_csv("id,type,stream,started,id\n", example_doc.streams)
