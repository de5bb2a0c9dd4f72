"""Small hand-made documents whose every figure is worked out by hand in the tests."""

from __future__ import annotations

import copy

import pytest

from vscdesk.model import DocumentModel


def _sla(target: float, unit: str, actual: float | None = None, metric: str = "lead_time",
         comparator: str = "<=", name: str = "Lead") -> dict:
    sla = {"name": name, "metric": metric, "comparator": comparator, "target": target, "unit": unit}
    if actual is not None:
        sla["actual"] = actual
    return sla


def _t(value: float, unit: str) -> dict:
    return {"value": value, "unit": unit}


CLEAN = {
    "title": "Clean",
    "chain": {"lanes": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                        {"id": "c", "name": "C"}]},
    "stakeholders": [{"id": "cust", "name": "Customer", "kind": "customer", "external": True},
                     {"id": "team", "name": "Team"}],
    "streams": [
        {"id": "s", "name": "Serve", "kind": "customer", "trigger": "Asks", "value": "Served",
         "triggering_stakeholder": "cust", "slas": [_sla(1, "d", 10 / 24 * 1)],
         "stages": [
             {"id": "s1", "name": "Report", "lane": "a", "exit_criteria": ["Logged"],
              "process_time": _t(10, "min"), "wait_time": _t(20, "min"),
              "stakeholders": [{"stakeholder": "team"}]},
             {"id": "s2", "name": "Fix", "lane": "b", "entrance_criteria": ["Logged"],
              "process_time": _t(1, "h"), "wait_time": _t(2, "h"),
              "slas": [_sla(8, "h", 2)]},
             {"id": "s3", "name": "Close", "lane": "c", "process_time": _t(30, "min")},
         ]},
        {"id": "p", "name": "Provide", "kind": "supporting", "trigger": "Plan", "value": "Ready",
         "stages": [{"id": "p1", "name": "Build", "lane": "a"},
                    {"id": "p2", "name": "Run", "lane": "c"}]},
    ],
    "links": [{"id": "feed", "kind": "integration", "source": "p2", "target": "s2",
               "label": "Alerts", "slas": [_sla(1, "h", name="Latency")]}],
}

# A customer stream that goes A B B A C B over lanes A B C (D stays empty) with a rework link
# from its last stage back to its second.
LOOPING = {
    "title": "Looping",
    "chain": {"lanes": [{"id": "a", "name": "A"}, {"id": "b", "name": "B"},
                        {"id": "c", "name": "C"}, {"id": "d", "name": "D"}]},
    "stakeholders": [{"id": "cust", "name": "Customer", "kind": "customer", "external": True}],
    "streams": [{
        "id": "loop", "name": "Loop", "trigger": "t", "value": "v",
        "triggering_stakeholder": "cust", "slas": [_sla(2, "d", 1.9)],
        "stages": [
            {"id": "s1", "name": "One", "lane": "a", "process_time": _t(30, "min"),
             "wait_time": _t(1, "h"), "percent_complete_accurate": 90, "slas": [_sla(2, "h")]},
            {"id": "s2", "name": "Two", "lane": "b", "process_time": _t(2, "h"),
             "wait_time": _t(4, "h"), "percent_complete_accurate": 80, "slas": [_sla(8, "h")]},
            {"id": "s3", "name": "Three", "lane": "b", "process_time": _t(1, "h"),
             "wait_time": _t(0, "min"), "percent_complete_accurate": 100},
            {"id": "s4", "name": "Four", "lane": "a", "process_time": _t(15, "min"),
             "wait_time": _t(1, "d"), "percent_complete_accurate": 50, "slas": [_sla(1, "d")]},
            {"id": "s5", "name": "Five", "lane": "c", "process_time": _t(1, "h"),
             "wait_time": _t(30, "min"), "slas": [_sla(2, "d")]},
            {"id": "s6", "name": "Six", "lane": "b", "process_time": _t(45, "min")},
        ]}],
    "links": [{"id": "redo", "kind": "rework", "source": "s6", "target": "s2"}],
}


@pytest.fixture
def clean_data() -> dict:
    return copy.deepcopy(CLEAN)


@pytest.fixture
def looping_doc() -> DocumentModel:
    return DocumentModel.model_validate(copy.deepcopy(LOOPING))


@pytest.fixture
def example_doc(example_data) -> DocumentModel:
    return DocumentModel.model_validate(example_data)
