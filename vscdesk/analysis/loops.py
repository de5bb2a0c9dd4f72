"""A stream's activity loop: its route over the lanes, returns, loop-backs and cycles."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from vscdesk.model import Link, Stream

if TYPE_CHECKING:
    import networkx as nx


@dataclass(frozen=True)
class LoopBack:
    """A step from a lane to one further left in the chain (a lower lane index)."""

    step: int  # 1-based position of the stage arrived at
    from_stage: str
    to_stage: str
    from_lane: str
    to_lane: str


@dataclass(frozen=True)
class LaneReturn:
    """A stage that starts a new visit to a lane the stream has already been through."""

    step: int  # 1-based position of the returning stage
    stage_id: str
    lane_id: str
    first_step: int  # step at which the lane was first visited
    visit: int  # 2 for the first return, 3 for the next, ...


@dataclass(frozen=True)
class StreamLoops:
    """Everything about how a stream moves around the value chain."""

    stream_id: str
    route: tuple[str, ...]  # lane of each stage in order; stages without a lane are skipped
    visits: Mapping[str, int]  # lane id -> separate visits (a run of stages in one lane is one)
    revisited_lanes: tuple[str, ...]  # lanes visited more than once, in order of first visit
    loop_backs: tuple[LoopBack, ...]
    returns: tuple[LaneReturn, ...]
    stage_visit: Mapping[str, int]  # stage id -> which visit to its lane it belongs to
    lane_cycles: tuple[tuple[str, ...], ...] = ()  # cycles of the lane transition graph
    stage_cycles: tuple[tuple[str, ...], ...] = ()  # the loop each backward link closes

    @property
    def loops(self) -> bool:
        """True when the stream comes back to a lane or cycles through a link."""
        return bool(self.returns or self.stage_cycles)


def stream_loops(
    stream: Stream,
    lane_order: Mapping[str, int],
    links: Iterable[Link] = (),
    stage_graph: nx.DiGraph | None = None,
    with_cycles: bool = True,
) -> StreamLoops:
    """Route, visits, loop-backs and returns of ``stream``, plus the cycles of its graphs.

    ``stage_graph`` is the stream's graph when the caller has built it already, else it is
    built from the stream and its own ``links``. ``with_cycles=False`` leaves the cycles empty
    and skips the graphs (and importing networkx) for callers that only show the route.
    """
    if with_cycles:
        from vscdesk.analysis.graphs import stream_graph

        if stage_graph is None:
            stage_graph = stream_graph(stream, links)

    route: list[str] = []
    visits: dict[str, int] = {}
    first_step: dict[str, int] = {}
    stage_visit: dict[str, int] = {}
    loop_backs: list[LoopBack] = []
    returns: list[LaneReturn] = []
    previous = None  # (stage, lane) of the last stage that had a lane
    for step, stage in enumerate(stream.stages, start=1):
        lane = stage.lane
        if lane is None:
            continue
        route.append(lane)
        if previous is None or previous[1] != lane:
            visits[lane] = visits.get(lane, 0) + 1
            if visits[lane] == 1:
                first_step[lane] = step
            else:
                returns.append(LaneReturn(step, stage.id, lane, first_step[lane], visits[lane]))
            if previous is not None and _left_of(lane, previous[1], lane_order):
                loop_backs.append(LoopBack(step, previous[0], stage.id, previous[1], lane))
        stage_visit[stage.id] = visits[lane]
        previous = (stage.id, lane)
    return StreamLoops(
        stream_id=stream.id,
        route=tuple(route),
        visits=visits,
        revisited_lanes=tuple(lane for lane, count in visits.items() if count > 1),
        loop_backs=tuple(loop_backs),
        returns=tuple(returns),
        stage_visit=stage_visit,
        **(_cycles(stream, stage_graph, bool(returns)) if with_cycles else {}),
    )


def _cycles(stream: Stream, stage_graph: nx.DiGraph,
            returns: bool) -> dict[str, tuple[tuple[str, ...], ...]]:
    from vscdesk.analysis.graphs import back_link_cycles, cycles, release, transition_graph

    # A cycle over the lanes needs a return to a lane; most streams have none, so skip the search.
    lane_cycles = []
    if returns:
        transitions = transition_graph(stream)
        lane_cycles = cycles(transitions)
        release(transitions)
    return {"lane_cycles": tuple(lane_cycles), "stage_cycles": tuple(back_link_cycles(stage_graph))}


def _left_of(lane: str, other: str, lane_order: Mapping[str, int]) -> bool:
    return lane in lane_order and other in lane_order and lane_order[lane] < lane_order[other]


def circular_dependencies(dependency_graph: nx.DiGraph) -> list[tuple[str, ...]]:
    """Cycles of streams that feed each other through integration links."""
    from vscdesk.analysis.graphs import cycles

    return cycles(dependency_graph)
