"""Problems only graphs reveal: streams feeding each other in a circle, stages nothing reaches."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from vscdesk.analysis.problems import Problem, problem
from vscdesk.model import Stream

if TYPE_CHECKING:
    import networkx as nx


def circular_problems(
    circles: Sequence[tuple[str, ...]], names: Mapping[str, str]
) -> Iterator[Problem]:
    """One problem per circle of streams, on the first stream of the circle."""
    for circle in circles:
        route = " → ".join(f"'{names.get(s, s)}'" for s in (*circle, circle[0]))
        yield problem("circular-dependency", f"Streams depend on each other in a circle: {route}.",
                      circle[0], "stream")


def unreachable_problems(stream: Stream, graph: nx.DiGraph) -> Iterator[Problem]:
    """Stages that no path of order and links reaches from the stream's first stage."""
    from vscdesk.analysis.graphs import unreachable

    if not stream.stages:
        return
    for stage_id in unreachable(graph, stream.stages[0].id):
        name = graph.nodes[stage_id].get("name", stage_id)
        yield problem("stage-unreachable",
                      f"Stage '{name}' of '{stream.name}' cannot be reached from its first stage.",
                      stage_id, "stage")


def isolated_supporting(streams: Sequence[Stream], dependencies: nx.DiGraph) -> Iterator[Problem]:
    """Supporting streams that feed no other stream: nothing shows what they enable."""
    for stream in streams:
        if stream.kind == "supporting" and dependencies.out_degree(stream.id) == 0:
            yield problem(
                "supporting-feeds-nothing",
                f"Supporting stream '{stream.name}' feeds no other stream (no integration link).",
                stream.id,
                "stream",
            )
