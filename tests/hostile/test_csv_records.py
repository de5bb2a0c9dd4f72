"""CSV records are split by the csv module alone, cells have a stated limit, and imports
stream their rows with a stated row limit."""

from __future__ import annotations

import tracemalloc

import pytest

from tests.hostile.corpus import stage_csv
from vscdesk.cli import main
from vscdesk.interop import flow_csv, stages_csv_read
from vscdesk.interop.errors import InteropError
from vscdesk.interop.flow_csv import FlowCsvError, flow_items_from_csv
from vscdesk.interop.stages_csv import stages_from_csv
from vscdesk.storage import dumps

#: Unicode line breaks str.splitlines() ends a line at, but a CSV record does not.
LINE_BREAKS = ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


@pytest.mark.parametrize("brk", LINE_BREAKS, ids=lambda b: f"U+{ord(b):04X}")
def test_a_line_break_inside_a_quoted_cell_stays_in_its_row(brk):
    text = f'stream,stage,lane,description\nS,"A{brk}B",L,"one{brk}two"\nS,C,L,\n'
    try:
        doc = stages_from_csv(text)
    except InteropError as err:  # a control character a name may not hold: refused, placed
        assert str(err).startswith("CSV: row 2, column stage: "), err
        return
    assert [s.name for s in doc.streams] == ["S"]
    assert [st.name for st in doc.streams[0].stages] == [f"A{brk}B", "C"]
    assert doc.streams[0].stages[0].description == f"one{brk}two"


def test_a_line_separator_in_a_flow_csv_cell_is_no_new_row(example_doc):
    stream = example_doc.streams[0]
    text = (f'id,type,stream,started\nF-1,feature,"{stream.name}\u2028{stream.name}",2024-01-02\n'
            f'F-2,feature,{stream.id},2024-01-02\n')
    with pytest.raises(FlowCsvError) as info:
        flow_items_from_csv(text, example_doc.streams)
    assert info.value.errors == [f"row 2, column stream: no stream has the id or name "
                                 f"'{stream.name}\u2028{stream.name}'"]


def test_a_cell_over_the_csv_limit_is_one_placed_line(tmp_path, example_file, capsys):
    big = "x" * (200 * 1024)
    items = tmp_path / "items.csv"
    items.write_text(f"id,type,stream,started\nF-1,feature,s,2024-01-01\nF-2,{big},s,x\n")
    assert main(["import-flow", str(example_file), str(items), "-o", str(tmp_path / "o.vsc.json")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["vscdesk: items.csv: row 3: a cell is longer than 131,072 characters (line 3)"]
    with pytest.raises(InteropError, match=r"^CSV: row 2: a cell is longer than 131,072 "):
        stages_from_csv(stage_csv("description", big))


def test_the_row_limit_is_stated_with_the_row(monkeypatch, example_doc):
    monkeypatch.setattr(stages_csv_read, "MAX_ROWS", 50)
    rows = "".join(f"S,Stage {i},L\n" for i in range(60))
    with pytest.raises(InteropError, match=r"^CSV: row 52: more than 50 stages; vscdesk reads up "
                                           r"to 50 stage rows from one CSV file$"):
        stages_from_csv("stream,stage,lane\n" + rows)
    monkeypatch.setattr(flow_csv, "MAX_ROWS", 50)
    stream = example_doc.streams[0].id
    rows = "".join(f"F-{i},feature,{stream},2024-01-01\n" for i in range(60))
    with pytest.raises(FlowCsvError, match=r"row 52: more than 50 flow items"):
        flow_items_from_csv("id,type,stream,started\n" + rows, example_doc.streams)


def _peak(text: str):
    tracemalloc.start()
    try:
        doc = stages_from_csv(text)
        return tracemalloc.get_traced_memory()[1], doc
    finally:
        tracemalloc.stop()


def test_csv_import_memory_follows_the_document():
    def csv_of(n: int) -> str:
        return "stream,stage,lane,slas\n" + "".join(
            f"Stream {i // 50},Stage {i},Lane {i % 7},lead_time<=4h\n" for i in range(n))

    small, _ = _peak(csv_of(300))
    large, doc = _peak(csv_of(1200))
    assert large <= 4.5 * small
    assert large <= 20 * len(dumps(doc).encode())


def test_rows_are_counted_as_a_spreadsheet_shows_them(tmp_path, capsys):
    """A cell of two lines is one row: the next record is row 3, whatever its line."""
    src = tmp_path / "in.csv"
    src.write_text('stream,stage,lane,description,order\nS,A,L,"two\nlines",1\nS,B,L,,x\n',
                   encoding="utf-8")
    assert main(["convert", str(src), "-o", str(tmp_path / "o.vsc.json")]) == 2
    assert capsys.readouterr().err == (
        "vscdesk: in.csv: row 3, column order: 'x' is not a whole number from 1 up\n")
