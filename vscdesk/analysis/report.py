"""Analysis results as text for people, as ``vscdesk metrics`` and ``vscdesk check`` print it."""

from __future__ import annotations

from vscdesk.analysis.engine import Analysis
from vscdesk.analysis.honest import figure_text, lean_figures, minutes, percent
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
        fig = lean_figures(lean)
        rows.append({
            "stream": stream.name,
            "process": figure_text(fig["process_minutes"], minutes),
            "wait": figure_text(fig["wait_minutes"], minutes),
            "lead": figure_text(fig["lead_minutes"], minutes),
            "activity ratio": figure_text(fig["activity_ratio"], lambda v: percent(v, 100)),
            "rolled %C&A": figure_text(fig["rolled_pca"], percent),
            "bottleneck": figure_text(fig["bottleneck_stage"],
                                      lambda v: names.get(str(v), str(v))),
            # a sum of no targets is no target, not "0 min"
            "stage targets": format_minutes(rollup.stage_sum_minutes) if rollup.stage_targets
            else "none set",
            "promise": format_minutes(rollup.target_minutes),
            # the diagram's word and count ("2 loop-backs" in a stream's header)
            "loop-backs": str(len(item.loops.loop_backs)),
        })
    return rows


def problem_lines(analysis: Analysis) -> list[str]:
    """"severity code object: message", most severe first."""
    return [f"{p.severity:7} {p.code} {p.object_id or '-'}: {p.message}" for p in analysis.problems]
