"""The published JSON Schema accepts real documents and rejects what the app would refuse."""

import copy
import json

import jsonschema
import pytest

from vscdesk.interop.json_schema import SCHEMA_ID, document_json_schema, document_json_schema_text
from vscdesk.interop.templates import template_names, template_path


@pytest.fixture(scope="module")
def validator():
    schema = document_json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_schema_has_identity_and_is_stable_json():
    text = document_json_schema_text()
    schema = json.loads(text)
    assert schema["$id"] == SCHEMA_ID and schema["title"] == "vscdesk document"
    assert schema["$schema"].endswith("2020-12/schema")
    assert text == document_json_schema_text()


def test_example_and_templates_validate(validator, example_data):
    assert list(validator.iter_errors(example_data)) == []
    for name in template_names():
        data = json.loads(template_path(name).read_text(encoding="utf-8"))
        assert list(validator.iter_errors(data)) == [], name


@pytest.mark.parametrize("edit", [
    lambda d: d.update(format="other"),
    lambda d: d.update(schema_version=3),
    lambda d: d["streams"][0].update(colour="#ffffff"),
    lambda d: d["streams"][0]["stages"][0].update(id="has space"),
    lambda d: d["streams"][0]["stages"][0].update(lane="bad lane"),
    lambda d: d["streams"][0]["stages"][0]["slas"][0].update(metric="speed"),
    lambda d: d["streams"][0]["stages"][0].update(percent_complete_accurate=120),
])
def test_invalid_documents_fail_the_schema(validator, example_data, edit):
    data = copy.deepcopy(example_data)
    edit(data)
    assert list(validator.iter_errors(data))
