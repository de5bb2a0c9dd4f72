"""Hostile inputs get one plain line: no Python internals, the place of every limit, valid
JSON, the right name for an encoding."""

from __future__ import annotations

import json

import pytest

from tests.hostile.corpus import archi, archi_element, stage_csv, value_stream_with_stage
from vscdesk.cli import main
from vscdesk.interop.archimate_import import import_archimate, import_archimate_bytes
from vscdesk.interop.errors import InteropError
from vscdesk.interop.stages_csv import stages_from_csv
from vscdesk.storage import LoadError, load

PYTHON_WORDS = ("sys.set_int_max_str_digits", "invalid literal", "could not convert",
                "Traceback", "Error:", "codec", "pydantic")


def _clean(text: str) -> None:
    assert "\n" not in text.strip() and not any(w in text for w in PYTHON_WORDS), text


def _strict_json(text: str):
    def refuse(literal):
        raise AssertionError(f"{literal} is not JSON")
    return json.loads(text, parse_constant=refuse)


def test_json_outputs_never_hold_infinity_or_nan(example_data, tmp_path, capsys):
    stream = example_data["streams"][0]
    huge = {"name": "Huge", "metric": "lead_time", "comparator": "<=", "target": 1e308,
            "unit": "wk", "actual": 1e308}
    stream["slas"] = [huge]
    for stage in stream["stages"]:
        stage["slas"] = [huge]
        stage["process_time"] = {"value": 1e12, "unit": "wk"}
    path = tmp_path / "huge.vsc.json"
    path.write_text(json.dumps(example_data), encoding="utf-8")
    main(["metrics", "--json", str(path)])
    figures = _strict_json(capsys.readouterr().out)
    assert figures["streams"][0]["target_minutes"] is None  # overflowed: no figure to give
    main(["check", "--json", str(path)])
    assert _strict_json(capsys.readouterr().out)["valid"] is True


@pytest.mark.parametrize("encoding", ["bogus", "UTF-7", "UTF-32", "rot13", "idna", "punycode",
                                      "base64", "x" * 300])
def test_unknown_and_unsupported_xml_encodings_are_one_line(encoding):
    with pytest.raises(InteropError) as info:
        import_archimate_bytes(archi(value_stream_with_stage({}), encoding=encoding), "m.xml")
    text = str(info.value)
    assert text.startswith("m.xml: the XML declares the encoding '") and len(text) < 200
    _clean(text)


def test_utf32_is_named_utf32_everywhere(tmp_path, example_file):
    xml = archi(value_stream_with_stage({})).decode()
    for data in (xml.encode("utf-32"), xml.replace('encoding="UTF-8"', "").encode("utf-32-be")):
        with pytest.raises(InteropError, match=r"^m\.xml: is UTF-32 text"):
            import_archimate_bytes(data, "m.xml")
    doc = tmp_path / "doc.vsc.json"
    csv = tmp_path / "in.csv"
    for codec in ("utf-32", "utf-32-le", "utf-32-be"):
        doc.write_bytes(example_file.read_text(encoding="utf-8").encode(codec))
        with pytest.raises(LoadError, match="is UTF-32 text; vscdesk files are UTF-8"):
            load(doc)
        csv.write_bytes(stage_csv("slas", "").encode(codec))
        assert main(["convert", str(csv), "-o", str(tmp_path / "o.vsc.json")]) == 2
    for codec in ("utf-16", "utf-16-le"):
        doc.write_bytes(example_file.read_text(encoding="utf-8").encode(codec))
        with pytest.raises(LoadError, match="is UTF-16 text"):
            load(doc)


def test_utf32_csv_message(tmp_path, capsys):
    csv = tmp_path / "in.csv"
    csv.write_bytes(stage_csv("slas", "").encode("utf-32"))
    assert main(["convert", str(csv), "-o", str(tmp_path / "o.vsc.json")]) == 2
    assert capsys.readouterr().err == ("vscdesk: in.csv: is UTF-32 text; save the spreadsheet "
                                       "as 'CSV UTF-8'\n")


@pytest.mark.parametrize("column, cell, words", [
    ("order", "9" * 5000, "row 2, column order: '9999"),
    ("order", "²", "row 2, column order: '²' is not a whole number from 1 up"),
    ("order", "٣", "is not a whole number from 1 up"),
    ("complete_accurate", "1e999", "is not between 0 and 100"),
    ("complete_accurate", "abc" * 100, "column complete_accurate: 'abcabc"),
    ("slas", "lead_time<=" + "9" * 400 + "h", "column slas: the target '9999"),
    ("slas", "lead_time<=4" + "x" * 300, "column slas: "),
    ("process_time", "9" * 400 + "min", "column process_time: the duration '9999"),
    ("process_time", "9999999999999min", "column process_time: '9999999999999min': the value "
                                         "should be less than or equal to"),
    ("stakeholders", "x" * 300, "column stakeholders: "),
])
def test_cell_limits_are_placed_and_plain(column, cell, words):
    with pytest.raises(InteropError) as info:
        stages_from_csv(stage_csv(column, cell), source="in.csv")
    text = str(info.value)
    assert words in text and text.startswith("in.csv: row 2, column ") and len(text) < 400, text
    _clean(text)


def test_archimate_values_left_out_are_reported_plainly():
    _doc, report = import_archimate_bytes(archi(value_stream_with_stage({
        "% complete and accurate": "lots", "SLAs": "lead_time<=" + "9" * 400 + "h",
        "Process time": "9" * 400 + "min"})))
    lines = [line for line in report if "left out" in line]
    assert len(lines) == 3, report
    for line in lines:
        _clean(line)
        assert len(line) < 300
    assert any("'% complete and accurate' = 'lots' left out (not a number)" in line for line in lines)


def test_duplicate_archimate_ids_are_in_the_report(tmp_path):
    body = (value_stream_with_stage({})
            + archi_element("ValueStream", "st", "Second stage, same id")
            + archi_element("BusinessActor", "vs", "An actor reusing the stream's id"))
    path = tmp_path / "dup.archimate"
    path.write_bytes(archi(body))
    doc, report = import_archimate(path)
    assert [s.name for s in doc.streams[0].stages] == ["Stage"]
    assert ("2 elements not imported: their identifiers are used earlier in the file: "
            "'Second stage, same id' (ValueStream, id 'st'), "
            "'An actor reusing the stream's id' (BusinessActor, id 'vs')") in report
