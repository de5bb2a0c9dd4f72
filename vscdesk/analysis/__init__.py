"""Analysis of a document: loops, lean and flow metrics, SLA roll-up, lane load and problems.

Importing this package stays cheap: each name below is imported from its module when first
used (the renderer needs only ``status`` to paint the first window), and networkx is
imported only when ``analyse`` first runs.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: public name -> the module of this package that defines it
_HOME = {
    "AT_RISK_SHARE": "status",
    "Analysis": "engine",
    "CODES": "problems",
    "FLOW_TYPES": "flow",
    "FlowPeriod": "flow",
    "LaneLoad": "lane_load",
    "LaneReturn": "loops",
    "LeanMetrics": "lean",
    "LoopBack": "loops",
    "LooseLink": "rollup",
    "MEASURES": "heat",
    "Problem": "problems",
    "SEVERITIES": "problems",
    "SlaCheck": "rollup",
    "StageHeat": "heat",
    "StageTiming": "lean",
    "StreamAnalysis": "engine",
    "StreamLoops": "loops",
    "StreamRollup": "rollup",
    "analyse": "engine",
    "flow_metrics": "flow",
    "format_minutes": "units",
    "lean_metrics": "lean",
    "metrics_rows": "report",
    "problem_lines": "report",
    "sla_status": "status",
    "stage_heat": "heat",
    "worst_status": "status",
}

__all__ = sorted(_HOME)

if TYPE_CHECKING:
    # ``X as X`` re-exports each name for type checkers (``__all__`` is computed).
    from vscdesk.analysis.engine import (
        Analysis as Analysis, StreamAnalysis as StreamAnalysis, analyse as analyse,
    )
    from vscdesk.analysis.flow import (
        FLOW_TYPES as FLOW_TYPES, FlowPeriod as FlowPeriod, flow_metrics as flow_metrics,
    )
    from vscdesk.analysis.heat import MEASURES as MEASURES, StageHeat as StageHeat, stage_heat as stage_heat
    from vscdesk.analysis.lane_load import LaneLoad as LaneLoad
    from vscdesk.analysis.lean import (
        LeanMetrics as LeanMetrics, StageTiming as StageTiming, lean_metrics as lean_metrics,
    )
    from vscdesk.analysis.loops import (
        LaneReturn as LaneReturn, LoopBack as LoopBack, StreamLoops as StreamLoops,
    )
    from vscdesk.analysis.problems import CODES as CODES, SEVERITIES as SEVERITIES, Problem as Problem
    from vscdesk.analysis.rollup import (
        LooseLink as LooseLink, SlaCheck as SlaCheck, StreamRollup as StreamRollup,
    )
    from vscdesk.analysis.report import metrics_rows as metrics_rows, problem_lines as problem_lines
    from vscdesk.analysis.status import (
        AT_RISK_SHARE as AT_RISK_SHARE, sla_status as sla_status, worst_status as worst_status,
    )
    from vscdesk.analysis.units import format_minutes as format_minutes


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later lookups are plain module attributes
    return value
