"""Heat-map values per stage: a figure for the legend and a 0..1 heat (1 = worst) to colour."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from vscdesk.analysis.engine import Analysis
from vscdesk.analysis.units import format_minutes
from vscdesk.model import DocumentModel

Measure = Literal["wait_time", "sla_status", "pca", "lane_visits"]
MEASURES: dict[Measure, str] = {
    "wait_time": "Wait time",
    "sla_status": "SLA status",
    "pca": "% complete and accurate",
    "lane_visits": "Visits to the lane",
}
_SLA_HEAT = {"met": 0.0, "at_risk": 0.5, "breached": 1.0}


def measure_named(name: str) -> Measure:
    """The measure called ``name`` ("wait_time", ...); KeyError for a name that is none."""
    for measure in MEASURES:
        if measure == name:
            return measure
    raise KeyError(name)


@dataclass(frozen=True)
class StageHeat:
    """One stage's figure under a measure: ``heat`` None means no data (draw it neutral)."""

    stage_id: str
    value: float | str | None  # minutes, status, percent or visit number
    label: str  # the value as the legend and tooltip show it
    heat: float | None  # 0 = best in the document, 1 = worst


def stage_heat(doc: DocumentModel, analysis: Analysis, measure: Measure) -> dict[str, StageHeat]:
    """Every stage's heat under ``measure``; numbers are scaled between the document's extremes."""
    raw: dict[str, float | str | None] = {}
    for stream in doc.streams:
        loops = analysis.streams[stream.id].loops
        for stage, timing in zip(stream.stages, analysis.streams[stream.id].lean.ladder):
            if measure == "wait_time":
                raw[stage.id] = timing.wait_minutes if stage.wait_time else None
            elif measure == "sla_status":
                raw[stage.id] = analysis.sla_badge(stage.id)
            elif measure == "pca":
                raw[stage.id] = stage.percent_complete_accurate
            else:
                raw[stage.id] = loops.stage_visit.get(stage.id)
    if measure == "sla_status":
        return {k: StageHeat(k, v, str(v).replace("_", " "), _SLA_HEAT.get(str(v)))
                for k, v in raw.items()}
    return _scaled(raw, measure)


def _scaled(raw: dict[str, float | str | None], measure: Measure) -> dict[str, StageHeat]:
    numbers = [v for v in raw.values() if isinstance(v, int | float)]
    low, high = (min(numbers), max(numbers)) if numbers else (0.0, 0.0)
    span = high - low
    result = {}
    for stage_id, value in raw.items():
        if not isinstance(value, int | float):
            result[stage_id] = StageHeat(stage_id, None, "-", None)
            continue
        if span:
            share = (value - low) / span
            heat = 1.0 - share if measure == "pca" else share  # low %C&A is the bad end
        else:  # one value only: no better or worse end, so the middle of the scale, not white
            heat = 0.5
        result[stage_id] = StageHeat(stage_id, value, _label(value, measure), heat)
    return result


def _label(value: float, measure: Measure) -> str:
    if measure == "wait_time":
        return format_minutes(value)
    if measure == "pca":
        return f"{value:g} %"
    return f"visit {value:g}"
