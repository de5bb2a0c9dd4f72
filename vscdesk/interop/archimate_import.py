"""Import ArchiMate models (exchange XML from Archi, Visual Paradigm, Sparx...; Archi's own
.archimate files) as documents, reporting everything that has no place in one.

Value streams composed of value streams become streams with stages, ordered by the Flow (or
Triggering) relations between them, else left to right in a diagram (archimate_order); a file
without value streams gets streams from composed or chained business processes
(archimate_processes); lanes come from business functions (archimate_lanes); every actor, role
and stakeholder becomes a stakeholder (archimate_people); capabilities serving stages are
recorded on them; a business event triggering a stream's first stage is its trigger.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_fields import PropertyReader, clean_name, clean_text, our_id
from vscdesk.interop.archimate_lanes import import_lanes
from vscdesk.interop.archimate_order import ORDER, flow_groups, order_edges, ordered
from vscdesk.interop.archimate_people import import_people
from vscdesk.interop.archimate_processes import process_streams, settle_kinds
from vscdesk.interop.archimate_read import ArchiModel, Concept, read_model
from vscdesk.interop.archimate_report import final_report
from vscdesk.interop.errors import InteropError, reading
from vscdesk.interop.safe_xml import MAX_XML_BYTES, parse_xml, read_limited
from vscdesk.model import MAX_NAME, DocumentModel

PARTS = {"Composition", "Aggregation"}
VALUE_RELATIONS = {"Association", "Realization", "Influence"}
LINK_KINDS = {"integration", "handoff", "rework"}


def import_archimate(path: Path, max_bytes: int = MAX_XML_BYTES) -> tuple[DocumentModel, list[str]]:
    """Read an exchange (.xml) or Archi (.archimate) file: the document and what was left out."""
    with reading(path.name):
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
        self.report: list[str] = []  # values left out or changed
        self.notes: list[str] = []  # how the file was read, shown first
        self.from_processes: list[str] = []  # ids of streams made from business processes
        self.unjoined: list[tuple[str, str]] = []  # streams ordered by diagram or file: view
        self.taken: set[str] = set()
        self.used_el: set[str] = set()
        self.used_rel: set[int] = set()
        self.file_order = {cid: i for i, cid in enumerate(model.elements)}
        self.streams: list[dict[str, Any]] = []
        self.stream_el: dict[str, dict[str, Any]] = {}  # element id -> stream
        self.stage_el: dict[str, dict[str, Any]] = {}  # element id -> stage
        self.position: dict[str, tuple[int, int]] = {}  # stage element id -> (stream, index)
        self.relation_of = {r.id: r for r in model.relations if r.id}
        self.order_edges = order_edges(self)

    def el(self, cid: str) -> Concept | None:
        return self.m.elements.get(cid)

    def label(self, cid: str, deep: bool = True) -> str:
        concept = self.el(cid)
        if concept is None and deep and cid in self.relation_of:  # relations to relations
            rel = self.relation_of[cid]
            return (f"the {rel.type} {self.label(rel.source, False)} → "
                    f"{self.label(rel.target, False)}")
        return f"'{concept.name or cid}'" if concept else f"'{cid}'"

    def rels(self, types: set[str] | None = None) -> Iterator[tuple[int, Concept]]:
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
        if not self.stage_el:
            process_streams(self)
        lanes, chain_name, groups, margin = import_lanes(self)
        people = import_people(self)
        settle_kinds(self, people)
        self._capabilities()
        self._triggers()
        self._values()
        links = self._links()
        report = final_report(self)
        data = {
            "title": clean_name(self.m.name, self.default_title),
            "chain": {"name": chain_name, "lanes": lanes, "groups": groups, "margin": margin},
            "stakeholders": people, "streams": self.streams, "links": links,
        }
        try:
            return DocumentModel.model_validate(data), report
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
                self.add_stream(self.m.elements[top], members)
            elif top in groups:
                self._add_loose(groups[top])
        for child, above in parent.items():
            if above in parent:
                self.used_el.add(child)
                self.report.append(f"{self.label(child)} is a step inside stage "
                                   f"{self.label(above)}; steps inside stages are not imported")

    def _loose_groups(self, loose: list[str]) -> dict[str, list[str]]:
        """Value streams that are no one's part, joined by flow: first member -> group."""
        return flow_groups(loose, self.order_edges, self.file_order)

    def _add_loose(self, members: list[str]) -> None:
        if len(members) == 1:
            concept = self.m.elements[members[0]]
            self.report.append(f"value stream {self.label(concept.id)} has no stages")
            self.add_stream(concept, [])
            return
        name = clean_name(self.m.name, self.default_title)
        self.report.append(
            f"value streams {', '.join(self.label(m) for m in members)} are joined by flow but "
            f"not composed into a value stream; imported as the stages of stream '{name}'")
        self.add_stream(Concept(id="", type="ValueStream", name=name), members)

    def add_stream(self, concept: Concept, members: list[str]) -> None:
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
        for position, cid in enumerate(ordered(self, members, stream["name"])):
            stream["stages"].append(self._stage(self.m.elements[cid]))
            self.position[cid] = (index, position)

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

    # -- capabilities, triggers, links ---------------------------------------------------------

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

    def _triggers(self) -> None:
        """A business event triggering a stream's first stage is the stream's trigger."""
        for i, rel in self.rels({"Triggering"}):
            event = self.el(rel.source)
            if event is None or event.type != "BusinessEvent" or rel.target not in self.position:
                continue
            stream, at = self.position[rel.target]
            if at == 0 and not self.streams[stream]["trigger"]:
                self.streams[stream]["trigger"] = clean_name(event.name, "")[:MAX_NAME]
                self.used_rel.add(i)
                self.used_el.add(event.id)

    def _values(self) -> None:
        """A Value or Outcome related to a stream (or its last stage) is the value it delivers."""
        last = {stream["stages"][-1]["id"]: stream for stream in self.streams if stream["stages"]}
        ends = {cid: last[stage["id"]] for cid, stage in self.stage_el.items() if stage["id"] in last}
        ends.update(self.stream_el)
        for i, rel in self.rels(VALUE_RELATIONS):
            for value, other in ((rel.source, rel.target), (rel.target, rel.source)):
                concept = self.el(value)
                if concept is None or concept.type not in ("Value", "Outcome") or other not in ends:
                    continue
                if not ends[other]["value"]:
                    ends[other]["value"] = clean_name(concept.name, "")
                    self.used_rel.add(i)
                    self.used_el.add(value)
                break

    def _links(self) -> list[dict[str, Any]]:
        links = []
        for i, rel in self.rels(ORDER):
            if (i in self.used_rel or rel.source == rel.target or rel.source not in self.stage_el
                    or rel.target not in self.stage_el):
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

def _color(raw: str) -> str:
    if not re.fullmatch(r"#[0-9a-fA-F]{6}", raw):
        raise ValueError("a colour is written #rrggbb")
    return raw
