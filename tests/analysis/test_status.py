"""SLA status from the actual: comparator direction, the 10 % at-risk band, the error budget."""

import pytest

from vscdesk.analysis import sla_status
from vscdesk.model import Sla


@pytest.mark.parametrize(
    "comparator, target, unit, actual, expected",
    [
        ("<=", 4, "h", 3.8, "at_risk"),  # headroom 0.2 h < 10 % of 4 h
        ("<=", 4, "h", 3.5, "met"),  # headroom 0.5 h >= 0.4 h
        ("<=", 10, "d", 9, "met"),  # exactly 10 % headroom is not at risk
        ("<=", 10, "d", 10, "at_risk"),  # met with no headroom at all
        ("<=", 10, "d", 11, "breached"),
        ("<", 10, "", 10, "breached"),  # strictly below: equal breaks it
        ("<", 10, "", 5, "met"),
        (">=", 99.9, "%", 99.95, "met"),  # uses half of the 0.1 % error budget
        (">=", 99.9, "%", 99.905, "at_risk"),  # 0.005 left of a 0.1 budget: under 10 %
        (">=", 99.9, "%", 99.8, "breached"),
        (">=", 80, "%", 85, "met"),  # budget 20 %, headroom 5 >= 2
        (">=", 80, "%", 81, "at_risk"),
        (">=", 100, "items/d", 105, "at_risk"),  # not a percentage: 10 % of the target
        (">=", 100, "items/d", 120, "met"),
        (">", 100, "items/d", 100, "breached"),
        ("=", 5, "", 5, "met"),
        ("=", 5, "", 5.1, "breached"),
        ("<=", 0, "min", 0, "met"),
    ],
)
def test_status_follows_comparator_and_headroom(comparator, target, unit, actual, expected):
    sla = Sla(name="x", comparator=comparator, target=target, unit=unit, actual=actual)
    assert sla_status(sla) == expected


def test_no_actual_is_no_data():
    assert sla_status(Sla(name="x", target=4, unit="h")) == "no_data"


def test_worst_status_for_a_badge():
    from vscdesk.analysis import worst_status

    assert worst_status(["met", "at_risk", "no_data"]) == "at_risk"
    assert worst_status(["met", "breached", "at_risk"]) == "breached"
    assert worst_status([]) == "no_data"
