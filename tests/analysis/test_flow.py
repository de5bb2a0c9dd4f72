"""Flow Framework metrics per stream and ISO week or month, worked out by hand."""

import datetime as dt

import pytest

from vscdesk.analysis import analyse, flow_metrics
from vscdesk.analysis.flow import shares
from vscdesk.model import DocumentModel, FlowItem


def _item(ident, kind, started, finished=None, active=None, stream="s"):
    return FlowItem(id=ident, type=kind, stream=stream, started=dt.date.fromisoformat(started),
                    finished=finished and dt.date.fromisoformat(finished),
                    active_time=active and {"value": active[0], "unit": active[1]})


# 2024-01-01 is a Monday: ISO weeks W01 = 1-7 January, W02 = 8-14, W03 = 15-21.
ITEMS = [
    _item("f1", "feature", "2024-01-01", "2024-01-03", (1, "d")),  # 3 days
    _item("f2", "defect", "2024-01-02", "2024-01-10", (2, "d")),  # 9 days
    _item("f3", "feature", "2024-01-08"),  # never finished
    _item("f4", "debt", "2024-01-09", "2024-01-09"),  # 1 day, no active time
    _item("f5", "risk", "2024-01-15", "2024-01-21", (90, "min")),  # 7 days
]


def test_weekly_flow_metrics():
    weeks = flow_metrics(ITEMS, "week")
    assert [(w.period, w.start, w.end) for w in weeks] == [
        ("2024-W01", dt.date(2024, 1, 1), dt.date(2024, 1, 7)),
        ("2024-W02", dt.date(2024, 1, 8), dt.date(2024, 1, 14)),
        ("2024-W03", dt.date(2024, 1, 15), dt.date(2024, 1, 21))]
    assert [w.velocity for w in weeks] == [1, 2, 1]
    assert [w.flow_time_days for w in weeks] == [3, 5, 7]  # W02: (9 + 1) / 2
    assert [w.load for w in weeks] == [1, 1, 1]  # f2 open on 7 Jan, then f3
    assert weeks[0].efficiency == pytest.approx(1 / 3)
    assert weeks[1].efficiency == pytest.approx(2 / 9)  # f4 has no active time: left out
    assert weeks[2].efficiency == pytest.approx(90 / (7 * 1440))
    assert weeks[1].distribution == {"feature": 0, "defect": 1, "risk": 0, "debt": 1}
    assert {w.stream_id for w in weeks} == {"s"}


def test_monthly_flow_metrics():
    (january,) = flow_metrics(ITEMS, "month")
    assert (january.period, january.end) == ("2024-01", dt.date(2024, 1, 31))
    assert (january.velocity, january.flow_time_days, january.load) == (4, 5, 1)
    assert january.efficiency == pytest.approx((1440 + 2880 + 90) / ((3 + 9 + 7) * 1440))
    assert shares(january.distribution) == {"feature": 0.25, "defect": 0.25, "risk": 0.25,
                                            "debt": 0.25}


def test_quiet_weeks_are_listed_and_streams_kept_apart():
    items = [_item("a", "feature", "2024-01-03", "2024-01-24"), _item("b", "defect", "2024-01-01",
                                                                      stream="t")]
    weeks = flow_metrics(items, "week")
    assert [(w.stream_id, w.period, w.velocity, w.load) for w in weeks] == [
        ("s", "2024-W01", 0, 1), ("s", "2024-W02", 0, 1), ("s", "2024-W03", 0, 1),
        ("s", "2024-W04", 1, 0), ("t", "2024-W01", 0, 1)]
    assert weeks[3].flow_time_days == 22 and weeks[0].flow_time_days is None
    pooled = flow_metrics(items, "month", by_stream=False)
    assert [(p.stream_id, p.velocity, p.load) for p in pooled] == [(None, 1, 1)]


def test_items_that_finish_before_they_start_are_left_out():
    items = [_item("a", "feature", "2024-01-10", "2024-01-03"), *ITEMS[:1]]
    assert [w.velocity for w in flow_metrics(items)] == [1]


def test_iso_week_labels_at_year_ends():
    items = [_item("a", "risk", "2020-12-31", "2021-01-04")]
    assert [w.period for w in flow_metrics(items)] == ["2020-W53", "2021-W01"]


def test_analyse_reports_flow_of_the_document(clean_data):
    clean_data["flow_items"] = [i.model_dump(mode="json") for i in ITEMS]
    result = analyse(DocumentModel.model_validate(clean_data), period="month")
    assert [(f.stream_id, f.period, f.velocity) for f in result.flow] == [("s", "2024-01", 4)]
    assert result.to_dict()["flow"][0]["start"] == "2024-01-01"


def test_flow_of_one_stream(clean_data):
    clean_data["flow_items"] = [i.model_dump(mode="json") for i in ITEMS] + [
        _item("g", "risk", "2024-01-01", stream="p").model_dump(mode="json")]
    result = analyse(DocumentModel.model_validate(clean_data))
    assert [f.period for f in result.flow_of("p")] == ["2024-W01"]
    assert [f.velocity for f in result.flow_of("s")] == [1, 2, 1]
