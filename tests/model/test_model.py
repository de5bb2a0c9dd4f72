"""Model validation: good documents pass, each kind of bad field is refused with its place."""

import copy

import pytest
from pydantic import ValidationError

from vscdesk.model import DocumentModel, Stage, new_id, slug
from vscdesk.model.queries import initials


def test_example_is_a_valid_document(example_data):
    doc = DocumentModel.model_validate(example_data)
    assert [lane.name for lane in doc.chain.lanes][:3] == ["Plan", "Improve", "Engage"]
    assert sum(len(s.stages) for s in doc.streams) == 15


def _invalid(data: dict) -> str:
    with pytest.raises(ValidationError) as info:
        DocumentModel.model_validate(data)
    return str(info.value)


@pytest.mark.parametrize(
    "edit, expected",
    [
        (lambda d: d["streams"][0]["stages"][0].update(lane="nowhere"), "lane 'nowhere'"),
        (lambda d: d["streams"][1]["stages"][0].update(id="report-problem"), "duplicate id"),
        (lambda d: d["streams"][0]["stages"][0]["slas"][0].update(target=float("nan")), "finite"),
        (lambda d: d["streams"][0]["stages"][0]["slas"][0].update(target=float("inf")), "finite"),
        (lambda d: d["streams"][0]["stages"][0]["process_time"].update(value=float("nan")),
         "finite"),
        (lambda d: d["streams"][0]["stages"][0].update(percent_complete_accurate=float("nan")),
         "finite"),
        (lambda d: d["streams"][0].update(name="a\x07b"), "control"),
        (lambda d: d["streams"][0].update(name="x" * 201), "200"),
        (lambda d: d["streams"][0].update(name="   "), "blank"),
        (lambda d: d["streams"][0]["stages"][0].update(id="has space"), "id"),
        (lambda d: d["streams"][0]["stages"][0]["process_time"].update(unit="fortnight"), "unit"),
        (lambda d: d["streams"][0]["stages"][0].update(percent_complete_accurate=101), "100"),
        (lambda d: d["links"][0].update(target="ghost"), "stage 'ghost'"),
        (lambda d: d["streams"][0]["stages"][0]["stakeholders"][0].update(stakeholder="x"),
         "stakeholder 'x'"),
        (lambda d: d["streams"][0].update(colour="#fff000"), "colour"),
        (lambda d: d.update(schema_version=3), "schema_version"),
    ],
)
def test_bad_documents_are_refused_with_reason(example_data, edit, expected):
    data = copy.deepcopy(example_data)
    edit(data)
    assert expected in _invalid(data)


def test_dangling_reference_names_its_path(example_data):
    data = copy.deepcopy(example_data)
    data["streams"][2]["stages"][1]["lane"] = "gone"
    assert "streams[2].stages[1].lane" in _invalid(data)


def test_durations_carry_units_and_convert(example_data):
    doc = DocumentModel.model_validate(example_data)
    stage = doc.streams[0].stages[1]
    assert stage.process_time.unit == "min" and stage.process_time.minutes() == 90
    assert doc.streams[0].stages[2].wait_time.minutes() == 360


def test_stage_name_keeps_markup_characters():
    stage = Stage(id="s1", name="<b>x</b> & 'y'")
    assert stage.name == "<b>x</b> & 'y'"


def test_new_ids_are_readable_and_unique():
    assert slug("Design & transition") == "design-transition"
    assert new_id("Plan", {"plan", "plan-2"}) == "plan-3"
    assert new_id("!!!", set(), "stage") == "stage"


def test_initials(example_data):
    doc = DocumentModel.model_validate(example_data)
    assert [initials(p) for p in doc.stakeholders[:3]] == ["U", "SD", "ST"]
