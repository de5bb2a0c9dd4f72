"""Analysis results as text for people, as ``vscdesk metrics`` and ``vscdesk check`` print it."""

from __future__ import annotations

from vscdesk.analysis.engine import Analysis
from vscdesk.analysis.units import format_minutes
from vscdesk.model import DocumentModel


def _percent(value: float | None, scale: float = 1.0) -> str:
    return "-" if value is None else f"{value * scale:.1f} %"


def metrics_rows(doc: DocumentModel, analysis: Analysis) -> list[dict[str, str]]:
    """One row per stream with readable figures, in document order."""
    names = {stage.id: stage.name for stream in doc.streams for stage in stream.stages}
    rows = []
    for stream in doc.streams:
        item = analysis.streams[stream.id]
        lean, rollup = item.lean, item.rollup
        rows.append({
            "stream": stream.name,
            "process": format_minutes(lean.process_minutes),
            "wait": format_minutes(lean.wait_minutes),
            "lead": format_minutes(lean.lead_minutes),
            "activity ratio": _percent(lean.activity_ratio, 100),
            "rolled %C&A": _percent(lean.rolled_pca),
            "bottleneck": names.get(lean.bottleneck_stage or "", "-"),
            "stage targets": format_minutes(rollup.stage_sum_minutes),
            "promise": format_minutes(rollup.target_minutes),
            "returns": str(len(item.loops.returns)),
        })
    return rows


def problem_lines(analysis: Analysis) -> list[str]:
    """"severity code object: message", most severe first."""
    return [f"{p.severity:7} {p.code} {p.object_id or '-'}: {p.message}" for p in analysis.problems]
