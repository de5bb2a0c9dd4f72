"""Streams from business processes, for ArchiMate files without value streams (most real ones).

Only what the model itself says is a sequence becomes a stream: a process composed of (or
aggregating) sub-processes, named after it, or processes joined by Triggering or Flow
(also through junctions), named "<first stage> to <last stage>" as IT4IT names its streams.
Processes that relate to no other process stay out and are reported: a diagram that merely
shows processes side by side is not taken as a sequence.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vscdesk.interop.archimate_fields import clean_name, some
from vscdesk.interop.archimate_order import flow_groups, ordered
from vscdesk.interop.archimate_read import Concept

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

PARTS = {"Composition", "Aggregation"}
PROCESS = "BusinessProcess"


def process_streams(b: ImportBuilder) -> None:
    """Add one stream per composed process and per chain of processes; report the choice."""
    processes = [cid for cid, e in b.m.elements.items() if e.type == PROCESS]
    made: list[str] = []
    taken = _composed(b, processes, made)
    rest = [p for p in processes if p not in taken]
    for members in _chains(b, rest):
        order = ordered(b, members, "", dry=True)
        first, last = (clean_name(b.m.elements[order[i]].name, "Unnamed stage") for i in (0, -1))
        b.add_stream(Concept(id="", type="ValueStream", name=_short(f"{first} to {last}")), members)
        made.append(f"'{b.streams[-1]['name']}'")
    b.from_processes = [s["id"] for s in b.streams if s["stages"]]
    if made:
        b.notes.append(
            f"The file has no value streams with stages, so {len(made)} stream"
            f"{'s were' if len(made) > 1 else ' was'} made from business processes that the "
            f"model puts in sequence (composition, triggering or flow): {some(made)}. "
            "Check the names and kinds in the stream panel.")


def settle_kinds(b: ImportBuilder, people: list[dict[str, Any]]) -> None:
    """A stream made from processes serves customers only if an external stakeholder takes
    part; otherwise it is a supporting stream (the model says nothing more)."""
    external = {p["id"] for p in people if p["external"]}
    for stream in b.streams:
        if stream["id"] in b.from_processes:
            takes_part = any(ref["stakeholder"] in external
                             for stage in stream["stages"] for ref in stage["stakeholders"])
            stream["kind"] = "customer" if takes_part else "supporting"


def _composed(b: ImportBuilder, processes: list[str], made: list[str]) -> set[str]:
    """Streams from processes composed of processes; the elements they took."""
    is_process = set(processes)
    children: dict[str, list[str]] = {}
    parent: dict[str, str] = {}
    relation: dict[tuple[str, str], int] = {}
    for i, rel in b.rels(PARTS):
        if (rel.source in is_process and rel.target in is_process
                and rel.source != rel.target and rel.target not in parent):
            parent[rel.target] = rel.source
            children.setdefault(rel.source, []).append(rel.target)
            relation[rel.source, rel.target] = i
    taken: set[str] = set()
    for top in [p for p in processes if p in children and p not in parent]:
        members = children[top]
        for member in members:
            b.used_rel.add(relation[top, member])
            for step in children.get(member, []):
                b.used_rel.add(relation[member, step])
                b.used_el.add(step)
                taken.add(step)
                b.report.append(f"{b.label(step)} is a step inside stage {b.label(member)}; "
                                "steps inside stages are not imported")
        b.add_stream(b.m.elements[top], members)
        taken.update([top, *members])
        made.append(f"'{b.streams[-1]['name']}'")
    return taken


def _chains(b: ImportBuilder, rest: list[str]) -> list[list[str]]:
    """Processes joined by Triggering or Flow, two or more, in file order of their first."""
    groups = flow_groups(rest, b.order_edges, b.file_order)
    return [members for members in groups.values() if len(members) > 1]


def _short(name: str, limit: int = 120) -> str:
    return name if len(name) <= limit else name[:limit - 1].rstrip() + "…"
