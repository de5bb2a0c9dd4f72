"""Export a document as an ArchiMate 3.1 Open Exchange file that Archi and other tools import.

Mapping (every relation is allowed by the ArchiMate 3.1 relationship table):
- the chain is a BusinessFunction composed of one BusinessFunction per lane;
- each stream is a ValueStream composed of its stages (ValueStreams), joined by Flow in order;
- a lane Realizes the stages it performs; a Capability Serves the stages it enables;
- stakeholders are BusinessActors Associated with stages and streams (role and RACI as properties);
- links are Flows between stages; SLAs, lean timings and criteria are properties;
- one diagram ("Chain view") places lanes, streams and stages like the chain view.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from vscdesk.interop import archimate_names as N
from vscdesk.interop.archimate_groups import P_MARGIN, write_groups
from vscdesk.interop.archimate_view import view_geometry
from vscdesk.interop.notation import format_duration, format_number, format_sla, join_list
from vscdesk.model import DocumentModel, Sla, Stage, Stream, slug

Props = list[tuple[str, str]]
# Characters XML 1.0 cannot carry even though the model allows them (U+FFFE, U+FFFF).
_NOT_XML = str.maketrans({0xFFFE: "\ufffd", 0xFFFF: "\ufffd"})


def _q(tag: str) -> str:
    return f"{{{N.NS}}}{tag}"


def _sla_text(slas: list[Sla]) -> str:
    return join_list([format_sla(s) for s in slas])


class _Writer:
    """Collects elements and relations in document order, then writes them as one tree."""

    def __init__(self) -> None:
        self.elements: list[ET.Element] = []
        self.relations: list[ET.Element] = []
        self.property_ids: dict[str, str] = {}
        self.flows: list[tuple[str, str, str]] = []  # relation id, source id, target id

    def _concept(self, tag: str, ident: str, xsi_type: str, name: str, doc: str,
                 props: Props) -> ET.Element:
        node = ET.Element(_q(tag), {"identifier": ident, f"{{{N.XSI}}}type": xsi_type})
        if name:
            ET.SubElement(node, _q("name")).text = name.translate(_NOT_XML)
        if doc:
            ET.SubElement(node, _q("documentation")).text = doc.translate(_NOT_XML)
        props = [(k, v) for k, v in props if v != ""]
        if props:
            holder = ET.SubElement(node, _q("properties"))
            for key, value in props:
                ref = self.property_ids.setdefault(key, f"pd-{slug(key)}")
                prop = ET.SubElement(holder, _q("property"), {"propertyDefinitionRef": ref})
                ET.SubElement(prop, _q("value")).text = value.translate(_NOT_XML)
        return node

    def element(self, ident: str, xsi_type: str, name: str, doc: str = "",
                props: Props | None = None) -> None:
        self.elements.append(self._concept("element", ident, xsi_type, name, doc, props or []))

    def relation(self, xsi_type: str, source: str, target: str, name: str = "",
                 props: Props | None = None, ident: str | None = None) -> str:
        ident = ident or f"rel-{len(self.relations) + 1}"
        node = self._concept("relationship", ident, xsi_type, name, "", props or [])
        node.set("source", source)
        node.set("target", target)
        self.relations.append(node)
        if xsi_type == "Flow":
            self.flows.append((ident, source, target))
        return ident


def _ref(ident: str) -> str:
    return N.ID_PREFIX + ident


def _stage_props(stage: Stage) -> Props:
    ca = stage.percent_complete_accurate
    return [
        (N.P_PROCESS, format_duration(stage.process_time)),
        (N.P_WAIT, format_duration(stage.wait_time)),
        (N.P_CA, "" if ca is None else format_number(ca)),
        (N.P_SLAS, _sla_text(stage.slas)),
        (N.P_ENTRANCE, join_list(stage.entrance_criteria)),
        (N.P_EXIT, join_list(stage.exit_criteria)),
        (N.P_VALUE_ITEMS, join_list(stage.value_items)),
        (N.P_PRACTICES, join_list(stage.practices)),
    ]


def _stream_props(stream: Stream) -> Props:
    return [
        (N.P_STREAM_KIND, stream.kind), (N.P_TRIGGER, stream.trigger),
        (N.P_VALUE, stream.value), (N.P_SLAS, _sla_text(stream.slas)),
        (N.P_COLOR, stream.color or ""),
    ]


def _write_chain(w: _Writer, doc: DocumentModel) -> None:
    w.element(N.CHAIN_ID, "BusinessFunction", doc.chain.name, "", [(P_MARGIN, doc.chain.margin)])
    for lane in doc.chain.lanes:
        w.element(_ref(lane.id), "BusinessFunction", lane.name, lane.description,
                  [(N.P_COLOR, lane.color)])
        w.relation("Composition", N.CHAIN_ID, _ref(lane.id))
    write_groups(w, doc, _ref)


def _write_people(w: _Writer, doc: DocumentModel) -> None:
    for person in doc.stakeholders:
        w.element(_ref(person.id), "BusinessActor", person.name, person.description, [
            (N.P_KIND, person.kind), (N.P_EXTERNAL, "true" if person.external else "false"),
            (N.P_INITIALS, person.initials),
        ])


def _capability_ids(w: _Writer, doc: DocumentModel) -> dict[str, str]:
    ids: dict[str, str] = {}
    for stream in doc.streams:
        for stage in stream.stages:
            for name in stage.capabilities:
                if name not in ids:
                    ids[name] = f"cap-{len(ids) + 1}"
                    w.element(ids[name], "Capability", name)
    return ids


def _write_stream(w: _Writer, stream: Stream, caps: dict[str, str]) -> None:
    w.element(_ref(stream.id), "ValueStream", stream.name, stream.description,
              _stream_props(stream))
    for role, person in (("triggering", stream.triggering_stakeholder), ("owner", stream.owner)):
        if person:
            w.relation("Association", _ref(person), _ref(stream.id), props=[(N.P_ROLE, role)])
    for stage in stream.stages:
        w.element(_ref(stage.id), "ValueStream", stage.name, stage.description,
                  _stage_props(stage))
    for i, stage in enumerate(stream.stages):
        w.relation("Composition", _ref(stream.id), _ref(stage.id))
        if i:
            w.relation("Flow", _ref(stream.stages[i - 1].id), _ref(stage.id))
        if stage.lane:
            w.relation("Realization", _ref(stage.lane), _ref(stage.id))
        for name in stage.capabilities:
            w.relation("Serving", caps[name], _ref(stage.id))
        for ref in stage.stakeholders:
            w.relation("Association", _ref(ref.stakeholder), _ref(stage.id),
                       props=[(N.P_ROLE, ref.role), (N.P_RACI, ref.raci or "")])


def _write_view(w: _Writer, doc: DocumentModel) -> ET.Element:
    views = ET.Element(_q("views"))
    diagrams = ET.SubElement(views, _q("diagrams"))
    view = ET.SubElement(diagrams, _q("view"), {"identifier": "view-chain",
                                                  f"{{{N.XSI}}}type": "Diagram"})
    ET.SubElement(view, _q("name")).text = "Chain view"
    nodes: dict[str, str] = {}
    for ident, (x, y, width, height) in view_geometry(doc).items():
        nodes[_ref(ident)] = f"node-{len(nodes) + 1}"
        ET.SubElement(view, _q("node"), {
            "identifier": nodes[_ref(ident)], "elementRef": _ref(ident),
            f"{{{N.XSI}}}type": "Element",
            "x": str(x), "y": str(y), "w": str(width), "h": str(height),
        })
    for i, (rel, source, target) in enumerate(w.flows, start=1):
        if source in nodes and target in nodes:
            ET.SubElement(view, _q("connection"), {
                "identifier": f"conn-{i}", "relationshipRef": rel,
                f"{{{N.XSI}}}type": "Relationship",
                "source": nodes[source], "target": nodes[target],
            })
    return views


def export_archimate(doc: DocumentModel) -> bytes:
    """The document as ArchiMate exchange XML (UTF-8); the same document gives the same bytes."""
    w = _Writer()
    _write_chain(w, doc)
    _write_people(w, doc)
    caps = _capability_ids(w, doc)
    for stream in doc.streams:
        _write_stream(w, stream, caps)
    for link in doc.links:
        w.relation("Flow", _ref(link.source), _ref(link.target), link.label,
                   [(N.P_LINK_KIND, link.kind), (N.P_SLAS, _sla_text(link.slas))],
                   ident=_ref(link.id))

    ET.register_namespace("", N.NS)
    ET.register_namespace("xsi", N.XSI)
    root = ET.Element(_q("model"), {"identifier": "model",
                                    f"{{{N.XSI}}}schemaLocation": N.SCHEMA_LOCATION})
    ET.SubElement(root, _q("name")).text = doc.title.translate(_NOT_XML)
    ET.SubElement(root, _q("elements")).extend(w.elements)
    if w.relations:
        ET.SubElement(root, _q("relationships")).extend(w.relations)
    view = _write_view(w, doc)
    if w.property_ids:
        defs = ET.SubElement(root, _q("propertyDefinitions"))
        for key, ident in w.property_ids.items():
            node = ET.SubElement(defs, _q("propertyDefinition"), {
                "identifier": ident, "type": N.PROPERTY_TYPES.get(key, "string")})
            ET.SubElement(node, _q("name")).text = key
    root.append(view)
    ET.indent(root, space="  ")
    text: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)  # typed Any for bytes
    return text + b"\n"
