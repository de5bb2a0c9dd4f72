"""The bundled example: meaningful figures and real findings, computed by hand from its data."""

import pytest

from vscdesk.analysis import analyse, format_minutes


@pytest.fixture
def result(example_doc):
    return analyse(example_doc)


def test_restore_service_figures(result):
    restore = result.streams["restore-service"]
    lean = restore.lean
    assert lean.process_minutes == 5 + 90 + 10 + 360
    assert lean.wait_minutes == 4 + 150 + 360 + 9 * 1440
    assert format_minutes(lean.lead_minutes) == "9.68 d"  # 13939 min
    assert lean.activity_ratio == pytest.approx(465 / 13939)
    assert lean.rolled_pca == pytest.approx(90 * 0.75 * 0.95 * 0.8)  # 51.3 %
    assert lean.bottleneck_stage == "review-root-cause"
    assert restore.loops.route == ("engage", "deliver-support", "engage", "improve")
    assert [(r.step, r.lane_id) for r in restore.loops.returns] == [(3, "engage")]
    assert restore.loops.stage_cycles == (("diagnose-fix", "confirm-user"),)  # "Not fixed"
    assert restore.depends_on == ("new-service",)


def test_new_service_figures(result):
    lean = result.streams["new-service"].lean
    assert (lean.process_minutes, lean.wait_minutes) == (30 * 1440, 44 * 1440)
    assert lean.activity_ratio == pytest.approx(30 / 74)
    assert lean.bottleneck_stage == "review-outcomes"
    loops = result.streams["new-service"].loops
    assert [(b.from_lane, b.to_lane) for b in loops.loop_backs] == [
        ("obtain-build", "design-transition"), ("deliver-support", "improve")]


def test_real_findings(result):
    found = {(p.code, p.object_id) for p in result.problems}
    # 15 min + 4 h + 1 d + 10 d of stage targets against a promise of 8 h
    assert ("sla-rollup-exceeds", "restore-service") in found
    # mapped 1 h + 5 d against a 5 d target; actual 6 d
    assert ("lead-time-over-target", "procure-device") in found
    assert ("sla-breached", "procure-device") in found
    assert ("sla-breached", "fulfil-request") in found  # 11 d against 10 d
    assert ("sla-at-risk", "diagnose-fix") in found  # 3.8 h against 4 h
    assert not result.has_errors  # `vscdesk check` passes on the example
    statuses = {(c.owner_id, c.name): c.status for c in result.slas}
    assert statuses["operate", "Availability"] == "met"  # 99.95 % >= 99.9 %
    assert statuses["ops-feeds-fix", "Alert latency"] == "met"


def test_lane_load(result):
    engage = next(load for load in result.lane_load if load.lane_id == "engage")
    assert (engage.stages, engage.streams) == (4, 2)
    assert (engage.process_minutes, engage.wait_minutes) == (5 + 10 + 10 + 5, 4 + 360 + 1 + 240)
    assert [load.lane_id for load in result.lane_load][:2] == ["plan", "improve"]


def test_to_dict_is_json_ready(result):
    import json

    data = json.loads(json.dumps(result.to_dict()))
    assert data["streams"]["restore-service"]["rollup"]["exceeds"] is True
    assert data["problems"][0]["code"] in {p.code for p in result.problems}


def test_badges_show_the_worst_sla(result):
    assert result.sla_badge("procure-device") == "breached"
    assert result.sla_badge("diagnose-fix") == "at_risk"
    assert result.sla_badge("report-problem") == "met"
    assert result.sla_badge("fix-rework") == "no_data"  # a link without SLAs
