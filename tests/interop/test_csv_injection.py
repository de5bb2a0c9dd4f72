"""CSV export never hands a spreadsheet a formula: the bytes are read the way a spreadsheet whose
list separator is ``,`` and one whose separator is ``;`` would read them, and, for a spreadsheet
that starts a row at a bare CR, split at every line break too (OWASP's CSV injection advice)."""

import csv
import io
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from vscdesk.interop.csv_safety import FORMULA_STARTS, defuse, undefuse
from vscdesk.interop.stages_csv import stages_from_csv, stages_to_csv
from vscdesk.model import Chain, DocumentModel, Lane, Stage, Stream

ATTACKS = [
    "=cmd|' /C calc'!A0",
    "x;=cmd|' /C calc'!A0",
    "x,=HYPERLINK(\"http://evil\")",
    "first\r=cmd|' /C calc'!A0",
    "first\n+SUM(1)",
    "a\r\n-2+3",
    "@SUM(A1)",
    "\t=1",
    "'=already quoted",
    "quote \" and ; and , together\r@x",
    "ok; -minus after a space",
]


def _name(text: str) -> str:
    """``text`` as a name may hold it: no control characters or line breaks."""
    return re.sub(r"[\x00-\x1f]", " ", text).strip() or "n"


def _doc(texts: list[str]) -> DocumentModel:
    lanes = [Lane(id="l1", name="Lane")]
    stages = [Stage(id=f"s{i}", name=_name(text), lane="l1", description=text,
                    practices=[_name(text)]) for i, text in enumerate(texts)]
    return DocumentModel(title="T", chain=Chain(name="C", lanes=lanes),
                         streams=[Stream(id="st", name=_name(texts[0]), stages=stages)])


def _cells(data: str, delimiter: str) -> list[str]:
    """Every cell a spreadsheet with this list separator may see, including the pieces a
    reader that starts a new row at any CR or LF would make."""
    cells = []
    for row in csv.reader(io.StringIO(data, newline=""), delimiter=delimiter):
        cells.extend(row)
    for line in re.split(r"[\r\n]", data):  # a naive reader: every line break is a new row
        cells.extend(line.split(delimiter))
    return cells


def _runnable(cell: str) -> bool:
    """A spreadsheet drops quotes at the start of a cell, then runs what starts a formula."""
    return cell.lstrip('"')[:1] in FORMULA_STARTS


def test_the_bytes_hold_no_formula_for_either_list_separator():
    data = stages_to_csv(_doc(ATTACKS))
    for delimiter in ",;":
        runnable = [cell for cell in _cells(data, delimiter) if _runnable(cell)]
        assert runnable == [], (delimiter, runnable)


def test_cells_with_separators_or_line_breaks_are_quoted():
    data = stages_to_csv(_doc(["a;b", "c,d", "e\rf", "g\nh", "plain"]))
    rows = data.split("\n")
    assert '"a;b"' in data and '"c,d"' in data and '"e\rf"' in data and '"g\nh"' in data
    assert ",plain," in data
    assert "\r" not in data.replace('"e\rf"', "")  # no bare CR outside quotes
    assert rows[0].startswith("stream,stream_id,")


def test_the_exact_bytes_of_a_cr_attack():
    data = stages_to_csv(_doc(["ok\r=cmd|' /C calc'!A0"]))
    assert "\"ok\r'=cmd|' /C calc'!A0\"" in data


def test_the_exact_bytes_of_a_semicolon_attack():
    data = stages_to_csv(_doc(["x;=cmd|' /C calc'!A0"]))
    assert "\"x;'=cmd|' /C calc'!A0\"" in data


def test_attacks_round_trip_through_import():
    doc = _doc(ATTACKS)
    again = stages_from_csv(stages_to_csv(doc), doc.chain)
    assert [s.description for s in again.streams[0].stages] == [a.strip() for a in ATTACKS]
    assert again.streams[0].name == ATTACKS[0]


text_with_separators = st.text(alphabet=st.sampled_from(list("=+-@\t\r\n,;'\" ax")), max_size=30)


@settings(max_examples=300, deadline=None)
@given(text_with_separators)
def test_defuse_is_undone_exactly_and_leaves_no_runnable_piece(text):
    defused = defuse(text)
    assert undefuse(defused) == text
    for piece in re.split(r"[\r\n,;]", defused):
        assert piece[:1] not in FORMULA_STARTS, (text, defused)


@settings(max_examples=100, deadline=None)
@given(st.lists(text_with_separators.filter(lambda t: t.strip() != ""), min_size=1, max_size=4))
def test_any_cell_text_is_safe_for_both_separators_and_round_trips(texts):
    doc = _doc(texts)
    data = stages_to_csv(doc)
    for delimiter in ",;":
        assert [c for c in _cells(data, delimiter) if _runnable(c)] == []
    again = stages_from_csv(data, doc.chain)  # import trims the ends of every cell
    assert [s.description for s in again.streams[0].stages] == [
        s.description.strip() for s in doc.streams[0].stages]
