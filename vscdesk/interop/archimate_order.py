"""The order of a stream's stages in an ArchiMate import: Flow and Triggering relations first
(also through junctions), then where the stages sit left to right in a diagram, then the file."""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_fields import some

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

ORDER = {"Flow", "Triggering"}
JUNCTIONS = {"Junction", "AndJunction", "OrJunction"}
#: Diagram x positions closer than this count as one column (Archi's grid is 12 px), so two
#: stages drawn one above the other read top to bottom, not by a pixel's difference.
COLUMN = 24


@dataclass
class Edge:
    """One step of order between two elements: a relation, or a path through junctions."""

    source: str
    target: str
    relations: list[int] = field(default_factory=list)
    junction: str = ""  # the first junction passed, if any


def order_edges(b: ImportBuilder) -> list[Edge]:
    """Flow and Triggering between non-junctions, with paths through junctions joined up."""
    is_junction = {cid for cid, e in b.m.elements.items() if e.type in JUNCTIONS}
    out: dict[str, list[int]] = {}
    edges: list[Edge] = []
    for i, rel in b.rels(ORDER):
        if rel.source == rel.target or N.P_LINK_KIND in rel.props:
            continue
        if rel.source in is_junction:
            out.setdefault(rel.source, []).append(i)
        elif rel.target not in is_junction:
            edges.append(Edge(rel.source, rel.target, [i]))
    for i, rel in b.rels(ORDER):
        if rel.source not in is_junction and rel.target in is_junction and rel.source != rel.target:
            for target, path in _beyond(b, rel.target, out, {rel.target}):
                edges.append(Edge(rel.source, target, [i, *path], rel.target))
    return edges


def _beyond(b: ImportBuilder, junction: str, out: dict[str, list[int]],
            seen: set[str]) -> list[tuple[str, list[int]]]:
    """Every non-junction reached from ``junction``, with the relations on the way."""
    reached: list[tuple[str, list[int]]] = []
    for i in out.get(junction, []):
        target = b.m.relations[i].target
        concept = b.el(target)
        if target in out or (concept is not None and concept.type in JUNCTIONS):
            if target not in seen:
                seen.add(target)
                reached += [(t, [i, *p]) for t, p in _beyond(b, target, out, seen)]
        else:
            reached.append((target, [i]))
    return reached


def diagram_keys(b: ImportBuilder, members: list[str]) -> tuple[str, dict[str, tuple]]:
    """The view showing most members, and each member's reading position in it: column
    (left to right), then top to bottom, then file order; members not in it come last."""
    best = max(b.m.views, key=lambda v: sum(m in v.at for m in members), default=None)
    at = best.at if best is not None else {}
    keys = {}
    for m in members:
        x, y = at.get(m, (float("inf"), float("inf")))
        column = round(x / COLUMN) if x != float("inf") else x
        keys[m] = (column, y, b.file_order[m])
    shown = best is not None and any(m in at for m in members)
    return (best.name if shown else ""), keys  # type: ignore[union-attr]


def ordered(b: ImportBuilder, members: list[str], stream_name: str, dry: bool = False) -> list[str]:
    """Stages in flow order (Kahn's algorithm); ties and cycles broken by diagram position.
    ``dry``: only the order, nothing reported or marked as used."""
    inside = set(members)
    edges = [e for e in b.order_edges if e.source in inside and e.target in inside
             and e.source != e.target]
    view, key = diagram_keys(b, members)
    incoming = {m: 0 for m in members}
    after: dict[str, list[str]] = {}
    for e in edges:
        incoming[e.target] += 1
        after.setdefault(e.source, []).append(e.target)
    ready = [(key[m], m) for m in members if not incoming[m]]
    heapq.heapify(ready)
    order: list[str] = []
    placed: set[str] = set()
    while len(order) < len(members):
        if not ready:  # a cycle (usually a rework flow): break it where it reads best
            rest = _cycle_entry(b, members, placed, edges, key)
            if not dry:
                b.report.append(f"the flow between the stages of '{stream_name}' is a "
                                f"cycle; it is read as starting at {b.label(rest)}")
            incoming[rest] = 0
            ready.append((key[rest], rest))
        _, cid = heapq.heappop(ready)
        if cid in placed:
            continue
        order.append(cid)
        placed.add(cid)
        for target in after.get(cid, []):
            if target not in placed:
                incoming[target] -= 1
                if incoming[target] == 0:
                    heapq.heappush(ready, (key[target], target))
    if dry:
        return order
    _mark_used(b, edges, order)
    if len(members) > 1 and not edges:
        b.unjoined.append((stream_name, view))
    return order


def unjoined_lines(unjoined: list[tuple[str, str]]) -> list[str]:
    """Streams whose stages no flow joins: one line, however many."""
    if len(unjoined) == 1:
        name, view = unjoined[0]
        where = f"their left-to-right order in view '{view}'" if view else "the order of the file"
        return [f"the stages of '{name}' are not joined by flow or triggering; they follow {where}"]
    if not unjoined:
        return []
    views = sorted({f"'{v}'" for _, v in unjoined if v})
    where = (f"left to right in view{'s' if len(views) > 1 else ''} {', '.join(views)}"
             if views else "")
    where += (" or " if where and any(not v for _, v in unjoined) else "")
    where += "the order of the file" if any(not v for _, v in unjoined) else ""
    names = some([f"'{name}'" for name, _ in unjoined])
    return [f"the stages of {len(unjoined)} streams are not joined by flow or triggering; they "
            f"follow {where}: {names}"]


def _mark_used(b: ImportBuilder, edges: list[Edge], order: list[str]) -> None:
    """Relations between neighbours are the stream order; paths through junctions too."""
    at = {cid: i for i, cid in enumerate(order)}
    for e in edges:
        if e.junction:
            b.used_rel.update(e.relations)
            b.used_el.update(b.m.relations[i].source for i in e.relations[1:])  # the junctions
        elif at[e.target] == at[e.source] + 1:
            b.used_rel.update(e.relations)
    for junction in sorted({e.junction for e in edges if e.junction}, key=b.file_order.get):
        after = sorted({e.target for e in edges if e.junction == junction}, key=at.get)
        if len(after) > 1:
            kind = b.m.elements[junction].type
            b.report.append(f"{kind} {b.label(junction)} splits into "
                            f"{', '.join(b.label(t) for t in after)}; "
                            "those stages are placed one after the other")


def _cycle_entry(b: ImportBuilder, members: list[str], placed: set[str], edges: list[Edge],
                 key: dict[str, tuple]) -> str:
    """Continue from a placed stage; else start where something outside the stream
    triggers or flows in; else at the earliest stage."""
    rest = [m for m in members if m not in placed]
    inside = set(members)
    fed = {e.target for e in edges if e.source in placed}
    if not placed:
        fed = {e.target for e in b.order_edges if e.source not in inside}
    return min(rest, key=lambda m: (m not in fed, key[m]))


def flow_groups(members: list[str], edges: list[Edge], rank: dict[str, int]) -> dict[str, list[str]]:
    """Members joined (directly or not) by order edges, keyed by each group's earliest member."""
    root = {m: m for m in members}

    def find(m: str) -> str:
        while root[m] != m:
            root[m] = root[root[m]]
            m = root[m]
        return m

    for edge in edges:
        if edge.source in root and edge.target in root:
            first, second = sorted((find(edge.source), find(edge.target)),
                                   key=lambda m: rank.get(m, len(rank)))
            root[second] = first
    groups: dict[str, list[str]] = {}
    for m in members:
        groups.setdefault(find(m), []).append(m)
    return groups
