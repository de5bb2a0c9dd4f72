"""One call that analyses a whole document: ``analyse(doc) -> Analysis``, plain data throughout."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from vscdesk.analysis.flow import FlowPeriod, Period, flow_metrics
from vscdesk.analysis.lean import LeanMetrics, lean_metrics
from vscdesk.analysis.lane_load import LaneLoad, lane_load
from vscdesk.analysis.loops import StreamLoops
from vscdesk.analysis.problems import Problem, Severity, by_severity
from vscdesk.analysis.rollup import (
    LooseLink,
    SlaCheck,
    StreamRollup,
    loose_links,
    sla_checks,
    stream_rollup,
)
from vscdesk.analysis.status import SlaStatus, worst_status
from vscdesk.model import DocumentModel
from vscdesk.bulk import paused_gc


@dataclass(frozen=True)
class StreamAnalysis:
    """Everything computed for one stream."""

    stream_id: str
    lean: LeanMetrics
    loops: StreamLoops
    rollup: StreamRollup
    feeds: tuple[str, ...]  # streams this one feeds through integration links
    depends_on: tuple[str, ...]  # streams that feed this one


@dataclass(frozen=True)
class Analysis:
    """The whole analysis of a document; every time is in minutes, flow times in days."""

    streams: Mapping[str, StreamAnalysis]  # by stream id, in document order
    slas: tuple[SlaCheck, ...]
    loose_links: tuple[LooseLink, ...]
    lane_load: tuple[LaneLoad, ...]  # in chain order
    dependencies: tuple[tuple[str, str], ...]  # (feeding stream, dependent stream)
    circular_dependencies: tuple[tuple[str, ...], ...]
    flow: tuple[FlowPeriod, ...]
    problems: tuple[Problem, ...]  # most severe first, then document order

    @property
    def has_errors(self) -> bool:
        """True when a problem has "error" severity (``vscdesk check`` then exits 1)."""
        return any(p.severity == "error" for p in self.problems)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity == severity)

    def problems_for(self, object_id: str) -> list[Problem]:
        return [p for p in self.problems if p.object_id == object_id]

    def slas_of(self, owner_id: str) -> list[SlaCheck]:
        """The SLA checks of one stage, stream or link, in their order."""
        return [c for c in self.slas if c.owner_id == owner_id]

    def sla_badge(self, owner_id: str) -> SlaStatus:
        """The worst SLA status of a stage, stream or link, for its badge or heat-map colour."""
        return worst_status(c.status for c in self.slas if c.owner_id == owner_id)

    def flow_of(self, stream_id: str) -> list[FlowPeriod]:
        """The flow metrics of one stream, period by period."""
        return [f for f in self.flow if f.stream_id == stream_id]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: dates as ISO text, derived flags (``exceeds``, ``loops``) included."""
        data = asdict(self)
        for stream_id, item in self.streams.items():
            data["streams"][stream_id]["rollup"]["exceeds"] = item.rollup.exceeds
            data["streams"][stream_id]["loops"]["loops"] = item.loops.loops
        return {key: _plain(value) for key, value in data.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def analyse(doc: DocumentModel, period: Period = "week") -> Analysis:
    """Graphs, loops, lean and flow metrics, SLA roll-up, lane load and problems of ``doc``."""
    # The analysis allocates many small objects next to a large document; the cyclic garbage
    # collector would walk the whole heap again and again (half the time on 10,000 stages).
    # Nothing here needs it mid-way, so it is paused and left to run afterwards.
    with paused_gc():
        return _analyse(doc, period)


def _analyse(doc: DocumentModel, period: Period) -> Analysis:
    # networkx (0.2 s to import) is only needed from here on, so app start-up never pays for it.
    from vscdesk.analysis.graph_rules import (
        circular_problems,
        isolated_supporting,
        unreachable_problems,
    )
    from vscdesk.analysis.graphs import dependency_graph, release, split_links, stream_graph
    from vscdesk.analysis.loops import circular_dependencies, stream_loops
    from vscdesk.analysis.sla_rules import link_problems, rollup_problems, sla_problems
    from vscdesk.analysis.structure_rules import structure_problems

    lane_order = {lane.id: i for i, lane in enumerate(doc.chain.lanes)}
    stages = {stage.id: stage for stream in doc.streams for stage in stream.stages}
    stream_of = {stage.id: stream.id for stream in doc.streams for stage in stream.stages}
    names = {s.id: s.name for s in doc.streams} | {s.id: s.name for s in stages.values()}
    names |= {link.id: link.label or link.id for link in doc.links}
    inside, across = split_links(doc)
    deps = dependency_graph(doc, across)
    circles = circular_dependencies(deps)

    problems = structure_problems(doc)
    per_stream: dict[str, StreamAnalysis] = {}
    for stream in doc.streams:
        graph = stream_graph(stream, inside.get(stream.id, ()))
        lean = lean_metrics(stream)
        rollup = stream_rollup(stream)
        per_stream[stream.id] = StreamAnalysis(
            stream_id=stream.id,
            lean=lean,
            loops=stream_loops(stream, lane_order, stage_graph=graph),
            rollup=rollup,
            feeds=tuple(deps.successors(stream.id)),
            depends_on=tuple(deps.predecessors(stream.id)),
        )
        problems.extend(unreachable_problems(stream, graph))
        release(graph)
        problems.extend(rollup_problems(stream, rollup, lean))
    checks = sla_checks(doc, stream_of)
    loose = loose_links(doc.links, stages)
    problems.extend(sla_problems(checks, names))
    problems.extend(link_problems(loose, names))
    problems.extend(circular_problems(circles, names))
    problems.extend(isolated_supporting(doc.streams, deps))
    dependencies = tuple(deps.edges)
    release(deps)
    return Analysis(
        streams=per_stream,
        slas=tuple(checks),
        loose_links=tuple(loose),
        lane_load=tuple(lane_load(doc)),
        dependencies=dependencies,
        circular_dependencies=tuple(circles),
        flow=tuple(flow_metrics(doc.flow_items, period)),
        problems=tuple(by_severity(problems)),
    )
