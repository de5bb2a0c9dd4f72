"""The order of a stream's stages in an ArchiMate import: Flow and Triggering relations first
(also through junctions), then where the stages sit left to right in a diagram, then the file."""

from __future__ import annotations

import heapq
from collections import deque
from typing import TYPE_CHECKING

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_fields import some
from vscdesk.interop.archimate_flow import FlowGraph, components

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

ORDER = {"Flow", "Triggering"}
JUNCTIONS = {"Junction", "AndJunction", "OrJunction"}
#: Diagram x positions closer than this count as one column (Archi's grid is 12 px), so two
#: stages drawn one above the other read top to bottom, not by a pixel's difference.
COLUMN = 24
#: Stages named in a line of the report about a junction.
NAMES_SHOWN = 8


def order_edges(b: ImportBuilder) -> FlowGraph:
    """Flow and Triggering relations, junctions kept as nodes (archimate_flow)."""
    graph = FlowGraph(junctions={cid for cid, e in b.m.elements.items() if e.type in JUNCTIONS})
    for i, rel in b.rels(ORDER):
        if rel.source != rel.target and N.P_LINK_KIND not in rel.props:
            graph.add(rel.source, rel.target, i)
    return graph


Position = tuple[float, float, int]  # column (left to right), y, then place in the file


def diagram_keys(b: ImportBuilder, members: list[str]) -> tuple[str, dict[str, Position]]:
    """The view showing most members, and each member's reading position in it: column
    (left to right), then top to bottom, then file order; members not in it come last."""
    best = max(b.m.views, key=lambda v: sum(m in v.at for m in members), default=None)
    at = best.at if best is not None else {}
    keys: dict[str, Position] = {}
    for m in members:
        x, y = at.get(m, (float("inf"), float("inf")))
        column = round(x / COLUMN) if x != float("inf") else x
        keys[m] = (column, y, b.file_order[m])
    shown = best is not None and any(m in at for m in members)
    return (best.name if best is not None and shown else ""), keys


def ordered(b: ImportBuilder, members: list[str], stream_name: str, dry: bool = False) -> list[str]:
    """Stages in flow order (Kahn's algorithm); ties and cycles broken by diagram position.
    ``dry``: only the order, nothing reported or marked as used."""
    flow = _StreamFlow(b.order_edges, members)
    view, key = diagram_keys(b, members)
    ready = [(key[m], m) for m in members if not flow.waiting[m]]
    heapq.heapify(ready)
    order: list[str] = []
    placed: set[str] = set()
    while len(order) < len(members):
        if not ready:  # a cycle (usually a rework flow): break it where it reads best
            rest = _cycle_entry(b, members, placed, flow, key)
            if not dry:
                b.report.append(f"the flow between the stages of '{stream_name}' is a "
                                f"cycle; it is read as starting at {b.label(rest)}")
            flow.waiting[rest] = 0
            ready.append((key[rest], rest))
        _, cid = heapq.heappop(ready)
        if cid in placed:
            continue
        order.append(cid)
        placed.add(cid)
        for target in flow.release(cid):
            if target not in placed:
                heapq.heappush(ready, (key[target], target))
    if dry:
        return order
    _mark_used(b, flow, order)
    if len(members) > 1 and not flow.joined:
        b.unjoined.append((stream_name, view))
    return order


class _StreamFlow:
    """The order relations among one stream's members: each member's count of relations still
    to come, released as members are placed; junction components pass them on."""

    def __init__(self, graph: FlowGraph, members: list[str]) -> None:
        self.graph, self.inside = graph, set(members)
        self.edges = graph.inside_edges(self.inside)
        self.among = graph.relevant(self.inside)
        self.part = components(graph, self.among)
        self.joined = bool(self.edges or self.among)
        self.waiting: dict[str, int] = dict.fromkeys(members, 0)
        self.after: dict[str, list[str]] = {}
        for e in self.edges:
            self.waiting[e.target] += 1
            self.after.setdefault(e.source, []).append(e.target)
        self.fed: set[str] = set()  # members that placed members flow into
        self._fed_junctions: set[str] = set()
        self.part_waiting: dict[int, int] = {}
        self.part_junctions: dict[int, list[str]] = {}
        for junction in self.among:
            self.part_junctions.setdefault(self.part[junction], []).append(junction)
            for target, _ in graph.out.get(junction, ()):
                if target in self.inside:
                    self.waiting[target] += 1
                elif target in self.among and self.part[target] != self.part[junction]:
                    self.part_waiting[self.part[target]] = self.part_waiting.get(self.part[target], 0) + 1
        for m in members:
            for junction, _ in graph.entries.get(m, ()):
                if junction in self.among:
                    self.part_waiting[self.part[junction]] = self.part_waiting.get(self.part[junction], 0) + 1

    def release(self, member: str) -> list[str]:
        """Members whose last awaited relation came with placing ``member``."""
        freed: list[str] = []
        self._feed(member)
        for target in self.after.get(member, ()):
            self._arrive(target, freed)
        parts = deque(self.part[j] for j, _ in self.graph.entries.get(member, ()) if j in self.among)
        while parts:
            part = parts.popleft()
            self.part_waiting[part] -= 1
            if self.part_waiting[part]:
                continue
            for junction in self.part_junctions[part]:
                for target, _ in self.graph.out.get(junction, ()):
                    if target in self.inside:
                        self._arrive(target, freed)
                    elif target in self.among and self.part[target] != part:
                        parts.append(self.part[target])
        return freed

    def _feed(self, member: str) -> None:
        """Note what ``member`` flows into; each junction is walked once per stream."""
        self.fed.update(self.after.get(member, ()))
        queue = deque(j for j, _ in self.graph.entries.get(member, ())
                      if j in self.among and j not in self._fed_junctions)
        self._fed_junctions.update(queue)
        while queue:
            for target, _ in self.graph.out.get(queue.popleft(), ()):
                if target in self.inside:
                    self.fed.add(target)
                elif target in self.among and target not in self._fed_junctions:
                    self._fed_junctions.add(target)
                    queue.append(target)

    def _arrive(self, target: str, freed: list[str]) -> None:
        self.waiting[target] -= 1
        if self.waiting[target] == 0:
            freed.append(target)


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


def _mark_used(b: ImportBuilder, flow: _StreamFlow, order: list[str]) -> None:
    """Relations between neighbours are the stream order; paths through junctions too (the
    relations into them, out of them to stages, and those that first reach each junction)."""
    at = {cid: i for i, cid in enumerate(order)}
    for e in flow.edges:
        if at[e.target] == at[e.source] + 1:
            b.used_rel.add(e.relation)
    graph, among, inside = flow.graph, flow.among, flow.inside
    entries = [(j, i) for m in order for j, i in graph.entries.get(m, ()) if j in among]
    b.used_rel.update(i for _, i in entries)
    b.used_el.update(among)
    reached = {j for j, _ in entries}
    queue = deque(reached)
    while queue:
        for target, i in graph.out.get(queue.popleft(), ()):
            if target in inside:
                b.used_rel.add(i)
            elif target in among and target not in reached:
                reached.add(target)
                b.used_rel.add(i)
                queue.append(target)
    for junction in sorted({j for j, _ in entries}, key=b.file_order.__getitem__):
        after = graph.reached(junction, inside, among, NAMES_SHOWN + 1)
        if len(after) > 1:
            shown = sorted(after[:NAMES_SHOWN], key=at.__getitem__)
            more = " and more" if len(after) > NAMES_SHOWN else ""
            b.report.append(f"{b.m.elements[junction].type} {b.label(junction)} splits into "
                            f"{', '.join(b.label(t) for t in shown)}{more}; "
                            "those stages are placed one after the other")


def _cycle_entry(b: ImportBuilder, members: list[str], placed: set[str], flow: _StreamFlow,
                 key: dict[str, Position]) -> str:
    """Continue from a placed stage; else start where something outside the stream
    triggers or flows in; else at the earliest stage."""
    rest = [m for m in members if m not in placed]
    fed = flow.fed if placed else flow.graph.fed_from_outside(flow.inside)
    return min(rest, key=lambda m: (m not in fed, key[m]))


def flow_groups(members: list[str], graph: FlowGraph, rank: dict[str, int]) -> dict[str, list[str]]:
    """Members joined (directly or not, also through junctions) by order relations, keyed by
    each group's earliest member."""
    inside = set(members)
    among = graph.relevant(inside)
    root = {m: m for m in [*members, *among]}
    # A member always names its group, never a junction.
    order = {m: (m in among, rank.get(m, len(rank))) for m in root}

    def find(m: str) -> str:
        while root[m] != m:
            root[m] = root[root[m]]
            m = root[m]
        return m

    def join(a: str, c: str) -> None:
        first, second = sorted((find(a), find(c)), key=order.__getitem__)
        root[second] = first

    for edge in graph.inside_edges(inside):
        join(edge.source, edge.target)
    for m in members:
        for junction, _ in graph.entries.get(m, ()):
            if junction in among:
                join(m, junction)
    for junction in among:
        for target, _ in graph.out.get(junction, ()):
            if target in inside or target in among:
                join(junction, target)
    groups: dict[str, list[str]] = {}
    for m in members:
        groups.setdefault(find(m), []).append(m)
    return groups
