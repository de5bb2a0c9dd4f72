"""Import ArchiMate models (exchange XML from Archi, Visual Paradigm, Sparx...; Archi's own
.archimate files) as documents, reporting everything that has no place in one.

Value streams composed of value streams become streams with stages, ordered by the Flow (or
Triggering) relations between them; business functions related to stages become lanes (in the
order of the function that composes them, when there is one); actors, roles and stakeholders
related to stages become stakeholders; capabilities serving stages are recorded on them.
"""

from __future__ import annotations

import heapq
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_fields import MAX_NAME, PropertyReader, clean_name, clean_text, our_id
from vscdesk.interop.archimate_people import import_lanes, import_people
from vscdesk.interop.archimate_read import ArchiModel, Concept, read_model
from vscdesk.interop.errors import InteropError
from vscdesk.interop.safe_xml import MAX_XML_BYTES, parse_xml, read_limited
from vscdesk.model import DocumentModel

PARTS = {"Composition", "Aggregation"}
ORDER = {"Flow", "Triggering"}
LINK_KINDS = {"integration", "handoff", "rework"}


def import_archimate(path: Path, max_bytes: int = MAX_XML_BYTES) -> tuple[DocumentModel, list[str]]:
    """Read an exchange (.xml) or Archi (.archimate) file: the document and what was left out."""
    data = read_limited(path, max_bytes)
    return import_archimate_bytes(data, path.name, max_bytes, default_title=path.stem)


def import_archimate_bytes(data: bytes, source: str = "ArchiMate file",
                           max_bytes: int = MAX_XML_BYTES,
                           default_title: str = "Imported model") -> tuple[DocumentModel, list[str]]:
    model = read_model(parse_xml(data, source, max_bytes), source)
    return ImportBuilder(model, source, default_title).build()


class ImportBuilder:
    """One import: marks each element and relation it uses; the rest goes into the report."""

    def __init__(self, model: ArchiModel, source: str, default_title: str) -> None:
        self.m, self.source, self.default_title = model, source, default_title
        self.report: list[str] = []
        self.taken: set[str] = set()
        self.used_el: set[str] = set()
        self.used_rel: set[int] = set()
        self.file_order = {cid: i for i, cid in enumerate(model.elements)}
        self.streams: list[dict[str, Any]] = []
        self.stream_el: dict[str, dict[str, Any]] = {}  # element id -> stream
        self.stage_el: dict[str, dict[str, Any]] = {}  # element id -> stage
        self.position: dict[str, tuple[int, int]] = {}  # stage element id -> (stream, index)

    def el(self, cid: str) -> Concept | None:
        return self.m.elements.get(cid)

    def label(self, cid: str) -> str:
        concept = self.el(cid)
        return f"'{concept.name or cid}'" if concept else f"'{cid}'"

    def rels(self, types: set[str] | None = None):
        for i, rel in enumerate(self.m.relations):
            if types is None or rel.type in types:
                yield i, rel

    def name(self, concept: Concept, fallback: str) -> str:
        if len(concept.name) > MAX_NAME:
            self.report.append(f"name of {concept.type} '{concept.name[:40]}…' shortened to "
                               f"{MAX_NAME} characters")
        return clean_name(concept.name, fallback)

    def build(self) -> tuple[DocumentModel, list[str]]:
        self._streams()
        lanes, chain_name = import_lanes(self)
        people = import_people(self)
        self._capabilities()
        links = self._links()
        self._report_unused()
        data = {
            "title": clean_name(self.m.name, self.default_title),
            "chain": {"name": chain_name, "lanes": lanes},
            "stakeholders": people, "streams": self.streams, "links": links,
        }
        try:
            return DocumentModel.model_validate(data), self.report
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InteropError(f"{self.source}: the imported model is not a valid document "
                               f"({where}: {first['msg']})") from exc

    # -- streams and stages ------------------------------------------------------------------

    def _streams(self) -> None:
        values = [cid for cid, e in self.m.elements.items() if e.type == "ValueStream"]
        is_vs = set(values)
        parent: dict[str, str] = {}
        children: dict[str, list[str]] = {}
        for i, rel in self.rels(PARTS):
            if rel.source in is_vs and rel.target in is_vs and rel.source != rel.target:
                self.used_rel.add(i)
                if rel.target in parent:
                    self.report.append(f"stage {self.label(rel.target)} is part of both "
                                       f"{self.label(parent[rel.target])} and "
                                       f"{self.label(rel.source)}; kept in the first")
                    continue
                parent[rel.target] = rel.source
                children.setdefault(rel.source, []).append(rel.target)
        tops = [v for v in values if v not in parent]
        loose = [v for v in tops if v not in children]
        groups = self._loose_groups(loose)
        for top in tops:
            if top in children:
                members = sorted(children[top], key=self.file_order.__getitem__)
                self._add_stream(self.m.elements[top], members)
            elif top in groups:
                self._add_loose(groups[top])
        for child, above in parent.items():
            if above in parent:
                self.used_el.add(child)
                self.report.append(f"{self.label(child)} is a step inside stage "
                                   f"{self.label(above)}; steps inside stages are not imported")

    def _loose_groups(self, loose: list[str]) -> dict[str, list[str]]:
        """Value streams that are no one's part, joined by flow: first member -> group."""
        root = {v: v for v in loose}

        def find(v: str) -> str:
            while root[v] != v:
                v = root[v]
            return v

        for _, rel in self.rels(ORDER):
            if rel.source in root and rel.target in root:
                a, b = sorted((find(rel.source), find(rel.target)), key=self.file_order.get)
                root[b] = a
        groups: dict[str, list[str]] = {}
        for v in loose:
            groups.setdefault(find(v), []).append(v)
        return groups

    def _add_loose(self, members: list[str]) -> None:
        if len(members) == 1:
            concept = self.m.elements[members[0]]
            self.report.append(f"value stream {self.label(concept.id)} has no stages")
            self._add_stream(concept, [])
            return
        name = clean_name(self.m.name, self.default_title)
        self.report.append(
            f"value streams {', '.join(self.label(m) for m in members)} are joined by flow but "
            f"not composed into a value stream; imported as the stages of stream '{name}'")
        self._add_stream(Concept(id="", type="ValueStream", name=name), members)

    def _add_stream(self, concept: Concept, members: list[str]) -> None:
        self.used_el.add(concept.id)
        what = f"stream '{concept.name}'"
        props = PropertyReader(concept, what, self.report)
        stream: dict[str, Any] = {
            "id": our_id(concept, self.taken, "stream"),
            "name": self.name(concept, "Unnamed stream"),
            "kind": props.choice(N.P_STREAM_KIND, {"customer", "supporting"}, "customer"),
            "trigger": props.text(N.P_TRIGGER), "value": props.text(N.P_VALUE),
            "description": clean_text(concept.documentation), "slas": props.slas(),
            "color": props.get(N.P_COLOR, _color), "stages": [],
        }
        props.finish()
        index = len(self.streams)
        self.streams.append(stream)
        if concept.id:
            self.stream_el[concept.id] = stream
        for position, cid in enumerate(self._ordered(members, concept.name)):
            stream["stages"].append(self._stage(self.m.elements[cid]))
            self.position[cid] = (index, position)

    def _ordered(self, members: list[str], stream_name: str) -> list[str]:
        """Stages in flow order (Kahn's algorithm, ties and cycles broken by file order)."""
        inside = set(members)
        edges = [(i, rel) for i, rel in self.rels(ORDER)
                 if rel.source in inside and rel.target in inside and rel.source != rel.target
                 and N.P_LINK_KIND not in rel.props]
        incoming = {m: 0 for m in members}
        for _, rel in edges:
            incoming[rel.target] += 1
        ready = [(self.file_order[m], m) for m in members if not incoming[m]]
        heapq.heapify(ready)
        order: list[str] = []
        while len(order) < len(members):
            if not ready:  # a cycle (usually a rework flow): break it where it reads best
                rest = self._cycle_entry(members, order, edges)
                self.report.append(f"the flow between the stages of '{stream_name}' is a "
                                   f"cycle; it is read as starting at {self.label(rest)}")
                incoming[rest] = 0
                ready.append((self.file_order[rest], rest))
            _, cid = heapq.heappop(ready)
            if cid in order:
                continue
            order.append(cid)
            for _, rel in edges:
                if rel.source == cid and rel.target not in order:
                    incoming[rel.target] -= 1
                    if incoming[rel.target] == 0:
                        heapq.heappush(ready, (self.file_order[rel.target], rel.target))
        at = {cid: i for i, cid in enumerate(order)}
        for i, rel in edges:
            if at[rel.target] == at[rel.source] + 1:
                self.used_rel.add(i)
        if len(members) > 1 and not edges:
            self.report.append(f"the stages of '{stream_name}' are not joined by flow; "
                               "their order follows the file")
        return order

    def _cycle_entry(self, members: list[str], placed: list[str], edges: list) -> str:
        """Continue from a placed stage; else start where something outside the stream
        triggers or flows in; else at the earliest stage in the file."""
        rest = [m for m in members if m not in placed]
        inside = set(members)
        fed = {rel.target for _, rel in edges if rel.source in placed}
        if not placed:
            fed = {rel.target for _, rel in self.rels(ORDER) if rel.source not in inside}
        return min(rest, key=lambda m: (m not in fed, self.file_order[m]))

    def _stage(self, concept: Concept) -> dict[str, Any]:
        self.used_el.add(concept.id)
        props = PropertyReader(concept, f"stage '{concept.name}'", self.report)
        stage = {
            "id": our_id(concept, self.taken, "stage"),
            "name": self.name(concept, "Unnamed stage"), "lane": None,
            "description": clean_text(concept.documentation),
            "process_time": props.duration(N.P_PROCESS), "wait_time": props.duration(N.P_WAIT),
            "percent_complete_accurate": props.percent(N.P_CA), "slas": props.slas(),
            "entrance_criteria": props.names(N.P_ENTRANCE), "exit_criteria": props.names(N.P_EXIT),
            "value_items": props.names(N.P_VALUE_ITEMS), "practices": props.names(N.P_PRACTICES),
            "capabilities": [], "stakeholders": [],
        }
        props.finish()
        self.stage_el[concept.id] = stage
        return stage

    # -- capabilities, links, report ---------------------------------------------------------

    def _capabilities(self) -> None:
        for i, rel in self.rels({"Serving"}):
            source = self.el(rel.source)
            if source is None or source.type != "Capability" or rel.target not in self.stage_el:
                continue
            names = self.stage_el[rel.target]["capabilities"]
            name = clean_name(source.name, "Unnamed capability")
            if name not in names:
                names.append(name)
            self.used_rel.add(i)
            self.used_el.add(source.id)

    def _links(self) -> list[dict[str, Any]]:
        links = []
        for i, rel in self.rels(ORDER):
            if i in self.used_rel or rel.source not in self.stage_el or rel.target not in self.stage_el:
                continue
            self.used_rel.add(i)
            (s_stream, s_at), (t_stream, t_at) = self.position[rel.source], self.position[rel.target]
            guess = "integration" if s_stream != t_stream else "rework" if t_at <= s_at else "handoff"
            props = PropertyReader(rel, f"{rel.type} {self.label(rel.source)} → "
                                        f"{self.label(rel.target)}", self.report)
            links.append({
                "id": our_id(rel, self.taken, "link"),
                "kind": props.choice(N.P_LINK_KIND, LINK_KINDS, guess),
                "source": self.stage_el[rel.source]["id"], "target": self.stage_el[rel.target]["id"],
                "label": clean_name(rel.name, ""), "slas": props.slas(),
            })
            props.finish()
        return links

    def _report_unused(self) -> None:
        elements: dict[str, list[str]] = {}
        for cid, concept in self.m.elements.items():
            if cid not in self.used_el:
                elements.setdefault(concept.type or "untyped", []).append(f"'{concept.name or cid}'")
        for kind, names in elements.items():
            self.report.append(f"not imported: {len(names)} {kind} element"
                               f"{'s' if len(names) > 1 else ''} ({_some(names)})")
        relations: dict[str, list[str]] = {}
        for i, rel in self.rels():
            if i not in self.used_rel:
                relations.setdefault(rel.type or "untyped", []).append(
                    f"{self.label(rel.source)} → {self.label(rel.target)}")
        for kind, pairs in relations.items():
            self.report.append(f"not imported: {len(pairs)} {kind} relation"
                               f"{'s' if len(pairs) > 1 else ''} ({_some(pairs)})")
        if self.m.diagrams:
            self.report.append(f"{self.m.diagrams} diagram{'s' if self.m.diagrams > 1 else ''} "
                               "not imported: vscdesk draws its views from the model")


def _some(items: list[str], limit: int = 3) -> str:
    return ", ".join(items[:limit]) + (f" and {len(items) - limit} more" if len(items) > limit else "")


def _color(raw: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", raw):
        raise ValueError("a colour is written #rrggbb")
    return raw
