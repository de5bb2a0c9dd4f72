"""Saving writes the text the standard library would, only faster, and never validates twice."""

import json
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from bench.synthetic import synthetic_data
from vscdesk.model import FORMAT, SCHEMA_VERSION, DocumentModel
from vscdesk.storage import SaveError, dumps, loads, save


def _tidy(value: Any) -> Any:
    if type(value) is dict:
        return {key: _tidy(item) for key, item in value.items()}
    if type(value) is list:
        return [_tidy(item) for item in value]
    if type(value) is float and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


def _field(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json", exclude_defaults=True)
    if isinstance(value, list):
        return [_field(item) for item in value]
    return value


def _stdlib(doc: DocumentModel) -> str:
    """The format as first written: header, top-level fields in model order, nested defaults
    left out, whole-number floats as integers, json.dumps with a 2-space indent."""
    data = {"format": FORMAT, "schema_version": SCHEMA_VERSION}
    for name in DocumentModel.model_fields:
        data.setdefault(name, _tidy(_field(getattr(doc, name))))
    return json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def test_the_example_and_a_large_map_are_written_byte_for_byte(example_file):
    for doc in (loads(example_file.read_bytes()),
                DocumentModel.model_validate(synthetic_data(1_000, seed=5))):
        assert dumps(doc) == _stdlib(doc)


def test_an_empty_document_is_written_byte_for_byte():
    assert dumps(DocumentModel()) == _stdlib(DocumentModel())


@pytest.mark.parametrize("value", [1e-05, 3.5e-7, 123456.789, -0.5, 0.0, -0.0, 7.0, 1e12, 0.1])
def test_every_float_reads_back_exactly(value):
    data = synthetic_data(100)
    data["streams"][0]["slas"][0]["target"] = value
    doc = DocumentModel.model_validate(data)
    text = dumps(doc)
    assert json.loads(text) == json.loads(_stdlib(doc))  # 1e-5, not 1e-05: the same number
    assert loads(text).streams[0].slas[0].target == value


def test_names_ending_in_point_zero_keep_their_text():
    data = synthetic_data(100)
    data["title"] = "Release 2.0"
    data["streams"][0]["name"] = 'Version "3.0"'
    data["streams"][0]["stages"][0]["practices"] = ["ISO 9001.0", "v1.0"]
    doc = DocumentModel.model_validate(data)
    assert dumps(doc) == _stdlib(doc)
    assert loads(dumps(doc)).streams[0].stages[0].practices == ["ISO 9001.0", "v1.0"]


def test_text_with_emoji_quotes_and_escapes_round_trips(example_file):
    doc = loads(example_file.read_bytes())
    doc.title = 'Ops "night" \\ shift — 😀 ünïcode'
    assert dumps(doc) == _stdlib(doc)
    assert loads(dumps(doc)).title == doc.title


def test_assignment_is_validated_so_the_model_cannot_turn_invalid(example_file):
    doc = loads(example_file.read_bytes())
    stage = doc.streams[0].stages[0]
    with pytest.raises(ValidationError):
        stage.name = "two\nlines"
    with pytest.raises(ValidationError):
        doc.streams[0].slas[0].target = float("nan")
    with pytest.raises(ValidationError):
        doc.title = "   "
    assert loads(dumps(doc)) == doc


def test_text_that_is_not_unicode_is_refused_and_nothing_is_written(example_file, tmp_path):
    doc = loads(example_file.read_bytes())
    doc.streams[0].stages[0].practices.append("half \ud800 a character")  # no assignment
    target = tmp_path / "it.vsc.json"
    with pytest.raises(SaveError, match="not valid Unicode"):
        save(doc, target)
    assert list(tmp_path.iterdir()) == []
