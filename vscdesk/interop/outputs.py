"""A document written in another format: its bytes, what that format leaves out, and the same
size limit that reading the file back applies (a file vscdesk would refuse is never written).

The CLI's ``convert`` and the window's Export CSV / Export ArchiMate both use ``encode``, so they
say the same things about the same document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from vscdesk.interop.errors import InteropError
from vscdesk.model import DocumentModel, Stakeholder

#: output kind -> what a person calls it
NAMES = {".csv": "a CSV stage list", ".xml": "an ArchiMate exchange file"}
_DEFAULT_LANE_COLOR = "#657284"


@dataclass(frozen=True)
class Encoded:
    """The bytes to write and, one item each, what the format could not hold."""

    data: bytes
    left_out: list[str] = field(default_factory=list)


def read_limit(kind: str) -> int:
    """The largest file of this kind vscdesk reads back."""
    if kind == ".csv":
        from vscdesk.interop.stages_csv import MAX_CSV_BYTES

        return MAX_CSV_BYTES
    from vscdesk.interop.safe_xml import MAX_XML_BYTES

    return MAX_XML_BYTES


def encode(doc: DocumentModel, kind: str) -> Encoded:
    """``doc`` as ``kind`` (".csv" or ".xml"); raises InteropError when the result would be
    larger than vscdesk reads back."""
    if kind == ".csv":
        from vscdesk.interop.stages_csv import stages_to_csv

        data = stages_to_csv(doc).encode("utf-8")
    elif kind == ".xml":
        from vscdesk.interop.archimate_export import export_archimate

        data = export_archimate(doc)
    else:
        raise ValueError(f"no encoder for {kind}")
    limit = read_limit(kind)
    if len(data) > limit:
        raise InteropError(f"it would be {len(data) / 2**20:.1f} MB, and vscdesk reads "
                           f"{NAMES[kind]} of up to {limit / 2**20:g} MB; nothing was written")
    return Encoded(data, left_out(doc, kind))


def _counted(items: Iterable[tuple[int, str, str]]) -> list[str]:
    """"3 links" for each (count, singular, plural) with a count."""
    return [f"{n} {one if n == 1 else many}" for n, one, many in items if n]


def left_out(doc: DocumentModel, kind: str) -> list[str]:
    """What of ``doc`` a file of ``kind`` has no place for, one item each ("2 slides")."""
    common = [(len(doc.slides), "slide", "slides"),
              (len(doc.flow_items), "flow item", "flow items")]
    if kind == ".xml":
        return _counted(common)
    if kind == ".csv":
        return _csv_left_out(doc) + _counted(common)
    return []


def _csv_left_out(doc: DocumentModel) -> list[str]:
    """A stage list holds each stage with its stream's name, kind, trigger and value, its
    lane's name and its stakeholders' names, roles and RACI letters; nothing else."""
    streams, lanes, people = doc.streams, doc.chain.lanes, doc.stakeholders
    used_lanes = {stage.lane for stream in streams for stage in stream.stages}
    used_people = {ref.stakeholder for stream in streams for stage in stream.stages
                   for ref in stage.stakeholders}
    items = []
    if doc.title != "Untitled":
        items.append("the document's title")
    if doc.chain.name != "Value chain":
        items.append("the value chain's name")
    items += _counted([
        (sum(not s.stages for s in streams), "stream without stages", "streams without stages"),
        (sum(bool(s.description) for s in streams), "stream description", "stream descriptions"),
        (sum(len(s.slas) for s in streams), "stream SLA", "stream SLAs"),
        (sum(s.owner is not None for s in streams), "stream owner", "stream owners"),
        (sum(s.triggering_stakeholder is not None for s in streams),
         "stream's triggering stakeholder", "streams' triggering stakeholders"),
        (sum(s.color is not None for s in streams), "stream colour", "stream colours"),
        (sum(lane.id not in used_lanes for lane in lanes), "lane without stages",
         "lanes without stages"),
        (sum(lane.color != _DEFAULT_LANE_COLOR for lane in lanes), "lane colour", "lane colours"),
        (sum(bool(lane.description) for lane in lanes), "lane description", "lane descriptions"),
        (sum(p.id not in used_people for p in people), "stakeholder no stage names",
         "stakeholders no stage names"),
        (sum(p.id in used_people and _has_details(p) for p in people),
         "stakeholder's kind, initials or description", "stakeholders' kinds, initials or "
         "descriptions"),
        (len(doc.links), "link", "links"),
    ])
    return items


def _has_details(person: Stakeholder) -> bool:
    return (person.kind != "internal_team" or person.external or bool(person.initials)
            or bool(person.description))
