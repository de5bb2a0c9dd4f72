"""The status of one SLA from its actual; tiny and networkx-free so canvas badges stay cheap."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal, Protocol

SlaStatus = Literal["met", "at_risk", "breached", "no_data"]

MET: SlaStatus = "met"
AT_RISK: SlaStatus = "at_risk"
BREACHED: SlaStatus = "breached"
NO_DATA: SlaStatus = "no_data"

#: A met SLA is at risk when its headroom is less than this share of the SLA's scale.
AT_RISK_SHARE = 0.10

_UPPER = ("<=", "<")
_LOWER = (">=", ">")


class _SlaLike(Protocol):
    # Read-only: a model Sla narrows the comparator to its Literal, which a settable
    # ``str`` attribute would refuse.
    @property
    def comparator(self) -> str: ...
    @property
    def target(self) -> float: ...
    @property
    def unit(self) -> str: ...
    @property
    def actual(self) -> float | None: ...


def _holds(actual: float, comparator: str, target: float) -> bool:
    if comparator == "<=":
        return actual <= target
    if comparator == "<":
        return actual < target
    if comparator == ">=":
        return actual >= target
    if comparator == ">":
        return actual > target
    # "=": equal up to float noise
    return abs(actual - target) <= 1e-9 * max(1.0, abs(target))


def _scale(comparator: str, target: float, unit: str) -> float:
    """How far 10 % reaches: the target itself, or the error budget for percentages at least X."""
    if comparator in _LOWER and unit.strip() == "%" and 0 <= target < 100:
        return 100.0 - target  # 99.9 % availability: the budget is the 0.1 % that may fail
    return abs(target)


def sla_status(sla: _SlaLike) -> SlaStatus:
    """"met", "at_risk", "breached" or "no_data" for one SLA, respecting its comparator."""
    actual = sla.actual
    if actual is None:
        return NO_DATA
    if not _holds(actual, sla.comparator, sla.target):
        return BREACHED
    if sla.comparator not in _UPPER + _LOWER:
        return MET
    headroom = sla.target - actual if sla.comparator in _UPPER else actual - sla.target
    if headroom < AT_RISK_SHARE * _scale(sla.comparator, sla.target, sla.unit):
        return AT_RISK
    return MET


_RANK = {BREACHED: 3, AT_RISK: 2, MET: 1, NO_DATA: 0}


def worst_status(statuses: Iterable[SlaStatus]) -> SlaStatus:
    """The status a badge shows for several SLAs: breached, then at risk, then met, else no data."""
    return max(statuses, key=_RANK.__getitem__, default=NO_DATA)
