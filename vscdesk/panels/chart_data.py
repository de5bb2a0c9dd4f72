"""Numbers the metrics charts plot, prepared without Qt so they can be checked by hand."""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.analysis.rollup import SlaCheck
from vscdesk.analysis.units import format_minutes

#: (unit label, minutes per unit), from the smallest
TIME_UNITS = (("min", 1.0), ("h", 60.0), ("d", 1440.0))
UNIT_WORDS = {"min": "minutes", "h": "hours", "d": "days"}


def time_unit(largest_minutes: float) -> tuple[str, float]:
    """The unit a time axis reads best in: minutes under 2 h, hours under 2 days, else days."""
    if largest_minutes < 120:
        return TIME_UNITS[0]
    if largest_minutes < 2 * 1440:
        return TIME_UNITS[1]
    return TIME_UNITS[2]


def target_used(check: SlaCheck) -> float | None:
    """How much of its target an SLA's actual uses: 1.0 is the limit, above 1 is a breach.

    Upper bounds (<=, <): actual / target. Lower bounds on a percentage below 100: the share of
    the error budget spent, (100 - actual) / (100 - target). Other lower bounds: target / actual.
    """
    actual, target = check.actual, check.target
    if actual is None:
        return None
    if check.comparator in (">=", ">"):
        if check.unit.strip() == "%" and 0 <= target < 100:
            return (100 - actual) / (100 - target)
        return target / actual if actual > 0 else None
    return actual / target if target > 0 else None


def sla_value_text(check: SlaCheck) -> str:
    """"6 d of ≤ 5 d": the actual against the target, as written."""
    def num(value: float) -> str:
        return f"{value:g}"

    unit = f" {check.unit}" if check.unit and check.unit != "%" else check.unit
    actual = "no data" if check.actual is None else f"{num(check.actual)}{unit}"
    comparator = {"<=": "≤", ">=": "≥"}.get(check.comparator, check.comparator)
    return f"{actual} of {comparator} {num(check.target)}{unit}"


@dataclass(frozen=True)
class Bar:
    """One horizontal bar of a stacked chart: a label and its segments (minutes)."""

    label: str
    process: float
    wait: float
    note: str = ""

    @property
    def total(self) -> float:
        return self.process + self.wait

    def total_text(self) -> str:
        return format_minutes(self.total)


def clipped(text: str, limit: int = 26) -> str:
    """A label short enough for an axis; the full text goes into tooltips and exports' titles."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
