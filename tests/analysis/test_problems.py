"""Each problem rule, fired by one edit of a document that otherwise has no problems at all."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from vscdesk.analysis import CODES, analyse
from vscdesk.model import DocumentModel


def _found(data: dict) -> list[tuple[str, str, str | None]]:
    return [(p.code, p.severity, p.object_id) for p in analyse(DocumentModel.model_validate(data))
            .problems]


def test_clean_document_has_no_problems(clean_data):
    assert _found(clean_data) == []


def _stage(d: dict, i: int) -> dict:
    return d["streams"][0]["stages"][i]


EDITS: list[tuple[str, Callable[[dict], object], list[tuple[str, str, str]]]] = [
    ("empty stream", lambda d: d["streams"].append(
        {"id": "e", "name": "E", "kind": "supporting", "trigger": "t", "value": "v"}),
     [("stream-no-stages", "warning", "e"), ("supporting-feeds-nothing", "info", "e")]),
    ("no trigger", lambda d: d["streams"][0].update(trigger=""),
     [("stream-no-trigger", "warning", "s")]),
    ("no value", lambda d: d["streams"][0].update(value="  "),
     [("stream-no-value", "warning", "s")]),
    ("no lane", lambda d: _stage(d, 2).pop("lane"), [("stage-no-lane", "error", "s3")]),
    ("no external", lambda d: d["streams"][0].update(triggering_stakeholder="team"),
     [("customer-no-external", "warning", "s")]),
    ("external in a stage", lambda d: (
        d["streams"][0].update(triggering_stakeholder="team"),
        _stage(d, 2).update(stakeholders=[{"stakeholder": "cust"}])), []),
    ("exit criteria", lambda d: _stage(d, 0).update(exit_criteria=[]),
     [("exit-criteria-missing", "warning", "s1")]),
    ("duplicate name", lambda d: _stage(d, 2).update(name="REPORT "),
     [("duplicate-stage-name", "warning", "s3")]),
    ("empty lane", lambda d: d["chain"]["lanes"].append({"id": "d", "name": "D"}),
     [("lane-empty", "info", "d")]),
    ("percent lead time", lambda d: _stage(d, 1)["slas"][0].update(unit="%"),
     [("sla-unit-mismatch", "error", "s2")]),
    ("availability in hours", lambda d: d["streams"][0]["slas"].append(
        {"name": "Up", "metric": "availability", "comparator": ">=", "target": 99, "unit": "h"}),
     [("sla-unit-mismatch", "error", "s")]),
    ("throughput in %", lambda d: d["links"][0]["slas"].append(
        {"name": "Rate", "metric": "throughput", "comparator": ">=", "target": 5, "unit": "%"}),
     [("sla-unit-mismatch", "error", "feed")]),
    ("breached", lambda d: _stage(d, 1)["slas"][0].update(actual=9),
     [("sla-breached", "warning", "s2")]),
    ("at risk", lambda d: _stage(d, 1)["slas"][0].update(actual=7.5),
     [("sla-at-risk", "info", "s2")]),
    # 8 h + 20 h of stage targets = 1680 min against the stream's 1 d = 1440 min
    ("roll-up", lambda d: _stage(d, 2).update(slas=[{"name": "C", "target": 20, "unit": "h"}]),
     [("sla-rollup-exceeds", "warning", "s")]),
    # 30 min + 3 h + 30 min + 1 d of mapped time against the stream's 1 d
    ("stream lead time", lambda d: _stage(d, 2).update(wait_time={"value": 1, "unit": "d"}),
     [("lead-time-over-target", "warning", "s")]),
    # 1 h + 7.5 h waiting against the stage's own 8 h
    ("stage lead time", lambda d: _stage(d, 1).update(wait_time={"value": 7.5, "unit": "h"}),
     [("lead-time-over-target", "warning", "s2")]),
    ("loose link", lambda d: d["links"][0]["slas"][0].update(target=10),
     [("link-sla-looser", "warning", "feed")]),
    ("circle", lambda d: d["links"].append(
        {"id": "back", "kind": "integration", "source": "s3", "target": "p1"}),
     [("circular-dependency", "warning", "s")]),
    ("feeds nothing", lambda d: d.update(links=[]), [("supporting-feeds-nothing", "info", "p")]),
]


@pytest.mark.parametrize("edit, expected", [e[1:] for e in EDITS], ids=[e[0] for e in EDITS])
def test_one_edit_one_finding(clean_data, edit, expected):
    edit(clean_data)
    assert _found(clean_data) == expected


def test_every_code_is_exercised_or_known_unreachable():
    """A rule without a test is a rule nobody checked; stage-unreachable is tested on graphs."""
    tested = {code for _, _, found in EDITS for code, _, _ in found}
    assert set(CODES) - tested == {"stage-unreachable"}
    assert all(CODES[code][0] == severity for _, _, found in EDITS for code, severity, _ in found)


def test_problems_come_most_severe_first(clean_data):
    clean_data["chain"]["lanes"].append({"id": "d", "name": "D"})  # info
    _stage(clean_data, 0).update(exit_criteria=[])  # warning
    _stage(clean_data, 2).pop("lane")  # error
    result = analyse(DocumentModel.model_validate(clean_data))
    assert [p.severity for p in result.problems] == ["error", "warning", "info"]
    assert result.has_errors and result.count("warning") == 1
    assert result.problems_for("s3")[0].message == "Stage 'Close' of 'Serve' is in no lane."


def test_messages_name_objects_and_readable_figures(looping_doc):
    messages = {p.code: p.message for p in analyse(looping_doc).problems}
    assert messages["sla-rollup-exceeds"] == (
        "The stages cannot meet the promise of 'Loop': their lead-time targets add up to "
        "3.42 d, the stream promises 2 d.")
    assert messages["sla-at-risk"] == (
        "SLA 'Lead' of stream 'Loop' is at risk: actual 1.9 d, target <= 2 d.")


@pytest.mark.parametrize(
    "metric, unit, target, why",
    [
        ("lead_time", "", 4, "lead time needs a time unit (s, min, h, d or wk), but has no unit"),
        ("wait_time", "%", 4, "wait time needs a time unit (s, min, h, d or wk), not '%'"),
        ("lead_time", "Hours", 4, None),
        ("availability", "%", 99.9, None),
        ("availability", "%", 150, "a percentage target must lie between 0 and 100, not 150"),
        ("quality", "d", 3, "quality is a share, not a time: 'd' does not fit"),
        ("throughput", "items/d", 30, None),
        ("throughput", "wk", 30, "throughput counts items per time (such as 'items/d'), not 'wk'"),
        ("custom", "h", 1, None),
    ],
)
def test_unit_mismatch_rules(metric, unit, target, why):
    from vscdesk.analysis.sla_rules import unit_mismatch

    assert unit_mismatch(metric, unit, target) == why
