"""Saving writes exactly the text the standard library would, only faster."""

import json

import pytest

from bench.synthetic import synthetic_data
from vscdesk.model import DocumentModel
from vscdesk.storage import LoadError, dumps, loads
from vscdesk.storage.codec import check_dumped, to_json_data


def _stdlib(doc: DocumentModel) -> str:
    return json.dumps(to_json_data(doc), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def test_the_example_and_a_large_map_are_written_byte_for_byte(example_file):
    for doc in (loads(example_file.read_bytes()),
                DocumentModel.model_validate(synthetic_data(1_000, seed=5))):
        assert dumps(doc) == _stdlib(doc)


@pytest.mark.parametrize("value", [1e-05, 3.5e-7, 2.5e16, 1e300, 0.0001, 123456.789, -0.5])
def test_floats_in_exponent_notation_are_written_as_before(value):
    data = synthetic_data(100)
    data["streams"][0]["slas"][0]["target"] = value
    doc = DocumentModel.model_validate(data)
    text = dumps(doc)
    assert text == _stdlib(doc)
    assert loads(text).streams[0].slas[0].target == value


def test_text_with_emoji_quotes_and_escapes_round_trips(example_file):
    doc = loads(example_file.read_bytes())
    doc.title = 'Ops "night" \\ shift — 😀 ünïcode'
    assert dumps(doc) == _stdlib(doc)
    assert loads(dumps(doc)).title == doc.title


def test_the_check_after_dumping_refuses_what_loading_would(example_file):
    doc = loads(example_file.read_bytes())
    check_dumped(dumps(doc))
    bad = dumps(doc).replace('"lane": "engage"', '"lane": "nowhere"', 1)
    with pytest.raises(LoadError) as caught:
        check_dumped(bad)
    assert "nowhere" in str(caught.value)
    with pytest.raises(LoadError):
        loads(bad)
