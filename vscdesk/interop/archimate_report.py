"""The report of an ArchiMate import, short enough to read: how the file was read, one line of
counts of what has no place, then the values left out, then the names behind each count."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from vscdesk.interop.archimate_fields import some
from vscdesk.interop.archimate_order import unjoined_lines

if TYPE_CHECKING:
    from vscdesk.interop.archimate_import import ImportBuilder

_UNREAD = (": property '", "' not imported")
NAMES_SHOWN = 8

#: Details are grouped the way the ArchiMate specification groups its concepts.
_LAYERS = {
    "strategy": "Resource Capability ValueStream CourseOfAction",
    "business": "BusinessActor BusinessRole BusinessCollaboration BusinessInterface "
                "BusinessProcess BusinessFunction BusinessInteraction BusinessEvent "
                "BusinessService BusinessObject Contract Representation Product",
    "application": "ApplicationComponent ApplicationCollaboration ApplicationInterface "
                   "ApplicationFunction ApplicationInteraction ApplicationProcess "
                   "ApplicationEvent ApplicationService DataObject",
    "technology": "Node Device SystemSoftware TechnologyCollaboration TechnologyInterface Path "
                  "CommunicationNetwork TechnologyFunction TechnologyProcess "
                  "TechnologyInteraction TechnologyEvent TechnologyService Artifact",
    "physical": "Equipment Facility DistributionNetwork Material",
    "motivation": "Stakeholder Driver Assessment Goal Outcome Principle Requirement "
                  "Constraint Meaning Value",
    "implementation and migration": "WorkPackage Deliverable ImplementationEvent Plateau Gap",
    "structural": "Composition Aggregation Assignment Realization",
    "dependency": "Serving Access Influence Association",
    "dynamic": "Triggering Flow",
}
GROUP_OF = {kind: group for group, kinds in _LAYERS.items() for kind in kinds.split()}


def final_report(b: ImportBuilder) -> list[str]:
    """Notes, counts, grouped warnings, details, and the diagrams line, in that order."""
    elements: dict[str, list[str]] = {}
    for cid, concept in b.m.elements.items():
        if cid not in b.used_el:
            elements.setdefault(concept.type or "untyped", []).append(f"'{concept.name or cid}'")
    relations: dict[str, list[str]] = {}
    for i, rel in b.rels():
        if i not in b.used_rel:
            relations.setdefault(rel.type or "untyped", []).append(
                f"{b.label(rel.source)} → {b.label(rel.target)}")
    elements = dict(sorted(elements.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    relations = dict(sorted(relations.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    lines = list(b.notes)
    if b.m.duplicates:
        lines.append(_duplicates(b))
    if elements or relations:
        lines.append(_counts(elements, relations))
    lines += unjoined_lines(b.unjoined)
    lines += _grouped(b.report)
    lines += _details(elements, "elements", "element")
    lines += _details(relations, "relations", "relation")
    if b.m.diagrams:
        lines.append(f"{b.m.diagrams} diagram{'s' if b.m.diagrams > 1 else ''} "
                     "not imported: vscdesk draws its views from the model")
    return lines


def _duplicates(b: ImportBuilder) -> str:
    """Elements whose identifier an earlier element already has: only the first is read."""
    found = [f"'{c.name or c.type}' ({c.type or 'untyped'}, id '{c.id[:40]}')"
             for c in b.m.duplicates]
    return (f"{_plural(len(found), 'element')} not imported: "
            f"{'its identifier is' if len(found) == 1 else 'their identifiers are'} used earlier "
            f"in the file: {_some(found)}")


def _counts(elements: dict[str, list[str]], relations: dict[str, list[str]]) -> str:
    """"Not imported: 6 ApplicationComponent, 5 ApplicationFunction, … (47 elements); …"."""
    parts = []
    for group, word in ((elements, "element"), (relations, "relation")):
        if group:
            total = sum(len(v) for v in group.values())
            each = ", ".join(f"{len(v)} {k}" for k, v in group.items())
            parts.append(f"{each} ({_plural(total, word)})")
    return "Not imported: " + "; ".join(parts) + " — details below"


def _details(found: dict[str, list[str]], plural: str, word: str) -> list[str]:
    """One line per ArchiMate layer (or relation category): each type with its names."""
    groups: dict[str, list[str]] = {}
    for kind, names in found.items():
        group = GROUP_OF.get(kind, "other")
        groups.setdefault(group, []).append(f"{_plural(len(names), kind + ' ' + word)} "
                                            f"({_some(names)})")
    order = [*_LAYERS, "other"]
    return [f"not imported, {group} {plural}: {'; '.join(groups[group])}"
            for group in sorted(groups, key=order.index)]


def _unread(line: str) -> tuple[str, str] | None:
    """(what, key) of a "WHAT: property 'KEY' not imported" line (archimate_fields writes them);
    found from the end, as names may hold the same words."""
    middle, end = _UNREAD
    if not line.endswith(end) or "\n" in line:
        return None
    at = line.rfind(middle, 0, len(line) - len(end))
    if at < 1:
        return None
    return line[:at], line[at + len(middle):len(line) - len(end)]


def _grouped(report: list[str]) -> list[str]:
    """The same unread property on many concepts becomes one line."""
    by_key: dict[str, list[str]] = {}
    for line in report:
        found = _unread(line)
        if found:
            by_key.setdefault(found[1], []).append(found[0])
    counts = Counter(line for line in report)
    lines: list[str] = []
    done: set[str] = set()
    for line in report:
        found = _unread(line)
        if found and len(by_key[found[1]]) > 1:
            key = found[1]
            if key not in done:
                done.add(key)
                lines.append(f"property '{key}' not imported on {len(by_key[key])} elements "
                             f"({_some(by_key[key])})")
        elif line not in done:
            done.add(line)
            lines.append(line if counts[line] == 1 else f"{line} ({counts[line]} times)")
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _some(items: list[str]) -> str:
    return some(items, NAMES_SHOWN)
