"""SLA roll-up: stage targets against the stream's promise, integration links that promise less."""

import pytest

from vscdesk.analysis import analyse
from vscdesk.model import DocumentModel


def test_stage_targets_that_cannot_meet_the_promise(looping_doc):
    rollup = analyse(looping_doc).streams["loop"].rollup
    # 2 h + 8 h + 1 d + 2 d = 120 + 480 + 1440 + 2880 minutes, against 2 d = 2880
    assert rollup.stage_sum_minutes == 4920
    assert rollup.target_minutes == 2880
    assert rollup.stages_without_target == ("s3", "s6")
    assert rollup.stage_targets == {"s1": 120, "s2": 480, "s4": 1440, "s5": 2880}
    assert rollup.exceeds


def test_rollup_converts_units_and_takes_the_tightest_target(clean_data):
    stages = clean_data["streams"][0]["stages"]
    stages[0]["slas"] = [{"name": "A", "target": 90, "unit": "minutes"},
                         {"name": "B", "target": 1, "unit": "h"},  # tighter than 90 min
                         {"name": "C", "metric": "availability", "comparator": ">=",
                          "target": 99, "unit": "%"}]
    stages[2]["slas"] = [{"name": "D", "target": 0.5, "unit": "days"}]
    clean_data["streams"][0]["slas"] = [{"name": "E", "target": 21, "unit": "hours"}]
    rollup = analyse(DocumentModel.model_validate(clean_data)).streams["s"].rollup
    assert rollup.stage_sum_minutes == 60 + 8 * 60 + 12 * 60  # 1260 <= 21 h = 1260
    assert rollup.target_minutes == 1260
    assert not rollup.exceeds


@pytest.mark.parametrize(
    "link_sla, stage_sla, looser",
    [
        ({"target": 10, "unit": "h"}, {"target": 8, "unit": "h"}, (600, 480, "min")),
        ({"target": 1, "unit": "d"}, {"target": 8, "unit": "h"}, (1440, 480, "min")),
        ({"target": 1, "unit": "h"}, {"target": 8, "unit": "h"}, None),
        ({"metric": "availability", "comparator": ">=", "target": 99, "unit": "%"},
         {"metric": "availability", "comparator": ">=", "target": 99.9, "unit": "%"},
         (99, 99.9, "%")),
        ({"metric": "availability", "comparator": ">=", "target": 99.95, "unit": "%"},
         {"metric": "availability", "comparator": ">=", "target": 99.9, "unit": "%"}, None),
        ({"metric": "quality", "target": 10, "unit": "%"}, {"target": 8, "unit": "h"}, None),
    ],
)
def test_integration_link_looser_than_its_stage(clean_data, link_sla, stage_sla, looser):
    clean_data["links"][0]["slas"] = [{"name": "L", **link_sla}]
    clean_data["streams"][0]["stages"][1]["slas"] = [{"name": "S", **stage_sla}]
    result = analyse(DocumentModel.model_validate(clean_data))
    found = [(x.link_target, x.stage_target, x.unit) for x in result.loose_links]
    assert found == ([] if looser is None else [looser])
    assert [p.object_id for p in result.problems if p.code == "link-sla-looser"] == (
        [] if looser is None else ["feed"])


def test_every_sla_has_a_check_with_its_owner(looping_doc):
    checks = analyse(looping_doc).slas
    assert [(c.owner_kind, c.owner_id, c.status) for c in checks] == [
        ("stream", "loop", "at_risk"), ("stage", "s1", "no_data"), ("stage", "s2", "no_data"),
        ("stage", "s4", "no_data"), ("stage", "s5", "no_data")]
