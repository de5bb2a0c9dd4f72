"""Analysis of a document: loops, lean and flow metrics, SLA roll-up, lane load and problems.

Importing this package stays cheap: networkx is imported only when ``analyse`` first runs.
"""

from vscdesk.analysis.engine import Analysis, StreamAnalysis, analyse
from vscdesk.analysis.flow import FLOW_TYPES, FlowPeriod, flow_metrics
from vscdesk.analysis.heat import MEASURES, StageHeat, stage_heat
from vscdesk.analysis.lane_load import LaneLoad
from vscdesk.analysis.lean import LeanMetrics, StageTiming, lean_metrics
from vscdesk.analysis.loops import LaneReturn, LoopBack, StreamLoops
from vscdesk.analysis.problems import CODES, SEVERITIES, Problem
from vscdesk.analysis.rollup import LooseLink, SlaCheck, StreamRollup
from vscdesk.analysis.report import metrics_rows, problem_lines
from vscdesk.analysis.status import AT_RISK_SHARE, sla_status, worst_status
from vscdesk.analysis.units import format_minutes

__all__ = [
    "AT_RISK_SHARE", "CODES", "FLOW_TYPES", "MEASURES", "SEVERITIES", "Analysis", "FlowPeriod",
    "LaneLoad", "LaneReturn", "LeanMetrics", "LoopBack", "LooseLink", "Problem", "SlaCheck",
    "StageHeat", "StageTiming", "StreamAnalysis", "StreamLoops", "StreamRollup", "analyse",
    "flow_metrics", "format_minutes", "lean_metrics", "metrics_rows", "problem_lines",
    "sla_status", "stage_heat", "worst_status",
]
