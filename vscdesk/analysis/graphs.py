"""networkx graphs of a document: stages of a stream, streams that feed each other, lane routes.

networkx takes a fifth of a second to import, so it is imported inside each function and the
application pays for it only when an analysis first runs.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from vscdesk.compat import drop_cached_views
from vscdesk.model import DocumentModel, Link, Stream

if TYPE_CHECKING:
    import networkx as nx

#: At most this many cycles are listed per graph; a dense tangle would otherwise explode.
MAX_CYCLES = 20


def split_links(doc: DocumentModel) -> tuple[dict[str, list[Link]], list[Link]]:
    """Links within one stream (by stream id) and links that cross from one stream to another."""
    stream_of = {stage.id: stream.id for stream in doc.streams for stage in stream.stages}
    inside: dict[str, list[Link]] = {}
    across: list[Link] = []
    for link in doc.links:
        source, target = stream_of.get(link.source), stream_of.get(link.target)
        if source is not None and source == target:
            inside.setdefault(source, []).append(link)
        elif source is not None and target is not None:
            across.append(link)
    return inside, across


Relation = tuple[str, str, str, str | None]  # from, to, kind, link id (None: stage order)


def _relations(pairs: Iterable[Relation]) -> list[tuple[str, str, dict[str, list[str]]]]:
    """Edges with ``kinds`` and ``links`` lists, so parallel relations share one edge."""
    edges: dict[tuple[str, str], dict[str, list[str]]] = {}
    for a, b, kind, link in pairs:
        data = edges.get((a, b))
        if data is None:
            data = edges[a, b] = {"kinds": [], "links": []}
        data["kinds"].append(kind)
        if link is not None:
            data["links"].append(link)
    return [(a, b, data) for (a, b), data in edges.items()]


def release(*graphs: nx.DiGraph) -> None:
    """Drop what networkx caches on each graph once it is no longer needed, so no graph ends
    as cyclic garbage (``compat.drop_cached_views``)."""
    drop_cached_views(*graphs)


def stream_graph(stream: Stream, links: Iterable[Link] = ()) -> nx.DiGraph:
    """Stages as nodes; an "order" edge from each stage to the next, plus the stream's own links."""
    import networkx as nx

    graph = nx.DiGraph(stream=stream.id)
    graph.add_nodes_from(
        (stage.id, {"index": i, "lane": stage.lane, "name": stage.name})
        for i, stage in enumerate(stream.stages)
    )
    pairs: list[Relation] = [(a.id, b.id, "order", None)
                             for a, b in zip(stream.stages, stream.stages[1:])]
    pairs.extend(
        (link.source, link.target, link.kind, link.id)
        for link in links
        if link.source in graph and link.target in graph
    )
    graph.add_edges_from(_relations(pairs))
    return graph


def dependency_graph(doc: DocumentModel, across: Sequence[Link] | None = None) -> nx.DiGraph:
    """Streams as nodes; an edge from the stream that feeds to the stream that depends on it.

    Only integration links count: they are where a supporting stream feeds a customer stream.
    """
    import networkx as nx

    if across is None:
        across = split_links(doc)[1]
    stream_of = {stage.id: stream.id for stream in doc.streams for stage in stream.stages}
    graph = nx.DiGraph()
    graph.add_nodes_from((s.id, {"kind": s.kind, "name": s.name}) for s in doc.streams)
    pairs = (
        (stream_of[link.source], stream_of[link.target], link.kind, link.id)
        for link in across
        if link.kind == "integration"
    )
    graph.add_edges_from(_relations(pairs))
    return graph


def transition_graph(stream: Stream) -> nx.DiGraph:
    """Lanes as nodes; an edge per move between lanes, counting the moves and their step numbers."""
    import networkx as nx

    lanes: dict[str, None] = {}
    moves: dict[tuple[str, str], list[int]] = {}
    previous: str | None = None
    for step, stage in enumerate(stream.stages, start=1):
        lane = stage.lane
        if lane is None:
            continue
        lanes[lane] = None
        if previous is not None and previous != lane:
            moves.setdefault((previous, lane), []).append(step)
        previous = lane
    graph = nx.DiGraph(stream=stream.id)
    graph.add_nodes_from(lanes)
    graph.add_edges_from(
        (a, b, {"count": len(steps), "steps": steps}) for (a, b), steps in moves.items()
    )
    return graph


def cycles(graph: nx.DiGraph, limit: int = MAX_CYCLES) -> list[tuple[str, ...]]:
    """Up to ``limit`` simple cycles, each starting at its node that comes first in the graph."""
    import networkx as nx

    if graph.number_of_edges() == 0:
        return []
    order = {node: i for i, node in enumerate(graph.nodes)}
    found = []
    for cycle in islice(nx.simple_cycles(graph), limit):
        start = min(range(len(cycle)), key=lambda i: order[cycle[i]])
        found.append(tuple(cycle[start:] + cycle[:start]))
    found.sort(key=lambda c: (len(c), [order[n] for n in c]))
    return found


def back_link_cycles(graph: nx.DiGraph, limit: int = MAX_CYCLES) -> list[tuple[str, ...]]:
    """The loop each backward link closes: from its target along the stream order to its source;
    the first ``limit`` of them, earliest start and shortest first.

    Every cycle of a stream graph takes at least one link backwards (order only goes forward),
    so a stream cycles exactly when this list is not empty. Only the spans of the backward
    links are collected and sorted; the stages of the first ``limit`` loops are listed last, so
    memory stays linear where listing every loop of overlapping rework links was quadratic.
    """
    index = graph.nodes.data("index")
    spans = [(index[target], index[source] - index[target])
             for source, target, kinds in graph.edges.data("kinds")
             if index[target] <= index[source] and kinds != ["order"]]
    if not spans:
        return []
    nodes = list(graph.nodes)
    return [tuple(nodes[start:start + length + 1]) for start, length in heapq.nsmallest(limit, spans)]


def unreachable(graph: nx.DiGraph, entry: str) -> list[str]:
    """Nodes that no path from ``entry`` reaches, in graph order."""
    import networkx as nx

    if entry not in graph:
        return []
    seen = nx.descendants(graph, entry) | {entry}
    return [node for node in graph.nodes if node not in seen]
