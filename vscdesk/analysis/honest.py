"""Lean figures that say how many stages they rest on: unmeasured is not zero.

A sum over some stages only is a lower bound ("≥ 4.5 h · measured in 1 of 5 stages"), a
rolled %C&A over some stages an upper bound (every unknown stage can only lower it), and a
figure measured in no stage is "not measured", never 0.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from vscdesk.analysis.lane_load import LaneLoad
from vscdesk.analysis.lean import LeanMetrics
from vscdesk.analysis.units import format_minutes

Bound = Literal["exact", "at_least", "at_most", "partial", "not_measured"]
NOT_MEASURED = "not measured"


@dataclass(frozen=True)
class Figure:
    """One figure of a stream, with the stages it rests on."""

    key: str
    value: float | str | None  # None when no stage is measured
    measured_stages: int
    stages: int
    bound: Bound

    def as_json(self) -> dict[str, object]:
        return {"value": self.value, "measured_stages": self.measured_stages,
                "stages": self.stages, "bound": self.bound}


def _bound(measured: int, stages: int, partial: Bound) -> Bound:
    if measured == 0:
        return "not_measured"
    return "exact" if measured == stages else partial


def lean_figures(lean: LeanMetrics) -> dict[str, Figure]:
    """Lead, process and wait time (minutes), activity ratio (0..1), rolled %C&A (0..100) and
    the bottleneck (a stage id) of one stream."""
    n = lean.stages

    def fig(key: str, value: float | str | None, measured: int, partial: Bound) -> Figure:
        bound = _bound(measured, n, partial)
        return Figure(key, None if bound == "not_measured" else value, measured, n, bound)

    return {
        "lead_minutes": fig("lead_minutes", lean.lead_minutes, lean.lead_measured, "at_least"),
        "process_minutes": fig("process_minutes", lean.process_minutes, lean.process_measured,
                               "at_least"),
        "wait_minutes": fig("wait_minutes", lean.wait_minutes, lean.wait_measured, "at_least"),
        "activity_ratio": fig("activity_ratio", lean.activity_ratio,
                              lean.lead_measured if lean.activity_ratio is not None else 0,
                              "partial"),
        "rolled_pca": fig("rolled_pca", lean.rolled_pca, lean.pca_measured, "at_most"),
        "bottleneck_stage": fig("bottleneck_stage", lean.bottleneck_stage,
                                lean.wait_measured if lean.bottleneck_stage else 0, "partial"),
    }


def lane_figures(load: LaneLoad) -> dict[str, Figure]:
    """Process, wait and lead time (minutes) of one lane across all streams."""
    n = load.stages

    def fig(key: str, value: float, measured: int) -> Figure:
        bound = _bound(measured, n, "at_least")
        return Figure(key, None if bound == "not_measured" else value, measured, n, bound)

    return {"process_minutes": fig("process_minutes", load.process_minutes, load.process_measured),
            "wait_minutes": fig("wait_minutes", load.wait_minutes, load.wait_measured),
            "lead_minutes": fig("lead_minutes", load.lead_minutes, load.lead_measured)}


def short_text(figure: Figure, show: Callable[[object], str]) -> str:
    """"4.5 h", "≥ 4.5 h" or "not measured": a figure for a table cell, without its coverage."""
    if figure.bound == "not_measured" or figure.value is None:
        return NOT_MEASURED
    return {"at_least": "≥ ", "at_most": "≤ "}.get(figure.bound, "") + show(figure.value)


def coverage(figure: Figure) -> str:
    """"measured in 1 of 5 stages" ("" when every stage is measured)."""
    if figure.bound in ("exact", "not_measured"):
        return ""
    return f"measured in {figure.measured_stages} of {figure.stages} stages"


def figure_text(figure: Figure, show: Callable[[object], str]) -> str:
    """"4.5 h", "≥ 4.5 h · measured in 1 of 5 stages", "≤ 72.0 % · …" or "not measured"."""
    if figure.bound == "not_measured" or figure.value is None:
        return NOT_MEASURED
    sign = {"at_least": "≥ ", "at_most": "≤ "}.get(figure.bound, "")
    text = sign + show(figure.value)
    more = coverage(figure)
    return f"{text} · {more}" if more else text


def _number(value: object) -> float:
    """A figure's value as a number (shown values arrive as ``object``, like ``float()``'s)."""
    if isinstance(value, int | float | str):
        return float(value)
    raise TypeError(f"not a number: {value!r}")


def percent(value: object, scale: float = 1.0) -> str:
    return f"{_number(value) * scale:.1f} %"


def minutes(value: object) -> str:
    return format_minutes(_number(value))
