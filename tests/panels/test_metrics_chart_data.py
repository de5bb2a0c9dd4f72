"""The numbers behind the metrics charts, checked by hand (no Qt needed)."""

from __future__ import annotations

import pytest

from vscdesk.analysis import SlaCheck, sla_status
from vscdesk.panels.chart_data import sla_value_text, target_used, time_unit


def check(comparator: str, target: float, actual: float | None, unit: str = "d") -> SlaCheck:
    class Sla:
        pass

    sla = Sla()
    sla.comparator, sla.target, sla.unit, sla.actual = comparator, target, unit, actual
    return SlaCheck("stage", "s", "x", "SLA", "lead_time", comparator, target, unit, actual,
                    sla_status(sla))


@pytest.mark.parametrize("sla, used", [
    (check("<=", 10, 14), 1.4),  # breached: 40 % over
    (check("<=", 4, 3.8, "h"), 0.95),  # at risk
    (check(">=", 99.9, 99.95, "%"), 0.5),  # half the 0.1 % error budget spent
    (check(">=", 20, 25, "per week"), 0.8),  # throughput: target / actual
    (check("<=", 10, None), None),
])
def test_share_of_target_used(sla, used):
    assert target_used(sla) == (None if used is None else pytest.approx(used))


def test_more_than_the_whole_target_used_is_exactly_a_breach():
    for sla in (check("<=", 5, 6), check(">=", 99.9, 99.8, "%"), check("<=", 5, 4)):
        assert (target_used(sla) > 1) == (sla.status == "breached")


def test_value_text_and_time_units():
    assert sla_value_text(check("<=", 5, 6)) == "6 d of ≤ 5 d"
    assert sla_value_text(check(">=", 99.9, None, "%")) == "no data of ≥ 99.9%"
    assert [time_unit(m)[0] for m in (119, 120, 2879, 2880)] == ["min", "h", "h", "d"]
