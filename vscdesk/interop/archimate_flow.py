"""Flow and Triggering relations of an ArchiMate model as a graph in which junctions stay nodes.

Joining every element that flows into a junction with every element it flows on to would make
k × k edges for k elements on each side (a 500 KB file took 12 s and 695 MB); kept as nodes,
they are 2k. Junctions chained thousands deep are walked with queues, never recursion.
A junction counts for a set of stages only when it is *relevant*: a stage flows into it and it
flows on to a stage (through other junctions or not). Junctions flowing round in a circle are
taken together as one component, so ordering them never waits on itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass
class Edge:
    """One relation between two elements that are not junctions."""

    source: str
    target: str
    relation: int


@dataclass
class FlowGraph:
    """Direct edges, and the relations into, out of and between junctions."""

    edges: list[Edge] = field(default_factory=list)
    by_source: dict[str, list[Edge]] = field(default_factory=dict)
    by_target: dict[str, list[Edge]] = field(default_factory=dict)
    entries: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # element -> junctions
    entered: dict[str, list[str]] = field(default_factory=dict)  # junction -> elements
    out: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # junction -> targets
    back: dict[str, list[tuple[str, int]]] = field(default_factory=dict)  # target -> junctions
    junctions: set[str] = field(default_factory=set)

    def add(self, source: str, target: str, relation: int) -> None:
        if source in self.junctions:
            self.out.setdefault(source, []).append((target, relation))
            self.back.setdefault(target, []).append((source, relation))
        elif target in self.junctions:
            self.entries.setdefault(source, []).append((target, relation))
            self.entered.setdefault(target, []).append(source)
        else:
            edge = Edge(source, target, relation)
            self.edges.append(edge)
            self.by_source.setdefault(source, []).append(edge)
            self.by_target.setdefault(target, []).append(edge)

    def inside_edges(self, inside: set[str]) -> list[Edge]:
        """Direct edges between members of ``inside``, in file order."""
        found = [e for m in inside for e in self.by_source.get(m, ()) if e.target in inside]
        found.sort(key=lambda e: e.relation)
        return found

    def relevant(self, inside: set[str]) -> set[str]:
        """Junctions that a member of ``inside`` flows into and that flow on to one."""
        fed = self._walk((j for m in inside for j, _ in self.entries.get(m, ())), self.out)
        if not fed:
            return set()
        feeding = self._walk((j for m in inside for j, _ in self.back.get(m, ())), self.back)
        return fed & feeding

    def _walk(self, start: Iterable[str], links: dict[str, list[tuple[str, int]]]) -> set[str]:
        """Junctions reached from ``start`` (junctions) along ``links``, each visited once."""
        seen = {j for j in start if j in self.junctions}
        queue = deque(seen)
        while queue:
            for other, _ in links.get(queue.popleft(), ()):
                if other in self.junctions and other not in seen:
                    seen.add(other)
                    queue.append(other)
        return seen

    def reached(self, junction: str, inside: set[str], among: set[str], limit: int) -> list[str]:
        """Up to ``limit`` members of ``inside`` that ``junction`` flows on to, through the
        junctions ``among``, nearest first."""
        found: dict[str, None] = {}
        seen = {junction}
        queue = deque([junction])
        while queue and len(found) < limit:
            for target, _ in self.out.get(queue.popleft(), ()):
                if target in inside:
                    found[target] = None
                elif target in among and target not in seen:
                    seen.add(target)
                    queue.append(target)
        return list(found)[:limit]

    def fed_from_outside(self, inside: set[str]) -> set[str]:
        """Members of ``inside`` that something outside it flows into, directly or through
        junctions."""
        fed = {m for m in inside for e in self.by_target.get(m, ()) if e.source not in inside}
        feeding = self._walk((j for m in inside for j, _ in self.back.get(m, ())), self.back)
        entered = {j for j in feeding if any(s not in inside for s in self.entered.get(j, ()))}
        for junction in self._within(entered, feeding):
            fed.update(t for t, _ in self.out.get(junction, ()) if t in inside)
        return fed

    def _within(self, start: set[str], among: set[str]) -> set[str]:
        """Junctions of ``among`` reached from ``start`` along the flow."""
        seen = set(start)
        queue = deque(seen)
        while queue:
            for other, _ in self.out.get(queue.popleft(), ()):
                if other in among and other not in seen:
                    seen.add(other)
                    queue.append(other)
        return seen


def components(graph: FlowGraph, among: set[str]) -> dict[str, int]:
    """Junction -> its strongly connected component among ``among`` (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    part: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    counter = 0
    for root in sorted(among):
        if root in index:
            continue
        work = [(root, iter(graph.out.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for target, _ in successors:
                if target not in among:
                    continue
                if target not in index:
                    index[target] = low[target] = counter
                    counter += 1
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(graph.out.get(target, ()))))
                    advanced = True
                    break
                if target in on_stack:
                    low[node] = min(low[node], index[target])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    part[member] = index[node]
                    if member == node:
                        break
    return part
