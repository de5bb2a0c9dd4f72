"""The shared Y document read back as a valid ``DocumentModel``: the repair rules.

Concurrent edits merge into states the model forbids; every peer turns the same shared
state into the same document by the same rules, so all peers converge byte for byte:

- entries sort by (pos, entry key) and are read as plain values; an entry that is not a map,
  or whose fields fail validation, loses the failing fields (their defaults) or, failing a
  required one, is left out;
- ids shared by several objects (two people added the same stakeholder): the first in the
  order lanes, groups, stakeholders, streams, stages (stream by stream), links, slides keeps
  it; the others get ``id-2``, ``id-3``... (flow items have their own namespace);
- a stage whose stream is gone is gone with it, and so are links to a missing stage and flow
  items of a missing stream;
- a stage whose lane is gone is in no activity; references to deleted stakeholders are
  dropped (stage involvements, stream owner and trigger); a lane whose group is gone is in
  none; a slide's stream or stage that is gone is none;
- lists longer than the model allows keep their first entries.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from vscdesk.model import Chain, DocumentModel
from vscdesk.model.fields import MAX_LIST
from vscdesk.workshop.layout import (
    FLOW_ITEMS,
    GROUPS,
    KINDS,
    LANES,
    META,
    POS,
    STAGES,
    STAKEHOLDERS,
    STREAM,
    STREAMS,
    Kind,
)
from vscdesk.workshop.order import sort_key

#: the most objects of each kind the model takes (DocumentModel's max_length)
LIMITS = {"lanes": MAX_LIST, "groups": MAX_LIST, "stakeholders": 10_000, "streams": 10_000,
          "stages": 100_000, "links": 100_000, "slides": MAX_LIST, "flow_items": 1_000_000}
_MAX_ID = 64


@dataclass
class Projection:
    """The document, and which entry holds each object (root -> {model id: entry key})."""

    model: DocumentModel
    keys: dict[str, dict[str, str]] = field(default_factory=dict)


Entries = list[tuple[str, dict[str, Any]]]


def sorted_entries(raw: object) -> Entries:
    """A root map's entries as (key, fields) in their shared order; non-maps left out."""
    if not isinstance(raw, dict):
        return []
    entries = [(str(key), value) for key, value in raw.items() if isinstance(value, dict)]
    entries.sort(key=lambda entry: sort_key(entry[1].get(POS), entry[0]))
    return entries


def _validated(kind: Kind, fields: dict[str, Any]) -> BaseModel | None:
    """The object, with failing optional fields set back to their defaults; None if a
    required field fails (the entry is left out)."""
    data = {name: value for name, value in fields.items() if name in kind.model.model_fields
            and name not in kind.skip}
    for _attempt in range(len(data) + 1):
        try:
            return kind.model.model_validate(data)
        except ValidationError as error:
            bad = {str(problem["loc"][0]) for problem in error.errors() if problem["loc"]}
            model_fields = kind.model.model_fields
            if not bad or any(model_fields[name].is_required() for name in bad
                              if name in model_fields) or not bad & data.keys():
                return None
            for name in bad:
                data.pop(name, None)
    return None


def _free(ident: str, taken: set[str]) -> str:
    """``ident-2``, ``ident-3``... the first not taken, kept within the id length."""
    n = 2
    while True:
        suffix = f"-{n}"
        candidate = ident[: _MAX_ID - len(suffix)] + suffix
        if candidate not in taken:
            return candidate
        n += 1


class _Ids:
    """Claims ids in one namespace; remembers, per kind, where each original id went."""

    def __init__(self, original: Iterable[str]) -> None:
        self.taken: set[str] = set(original)
        self.claimed: set[str] = set()
        self.renamed: dict[str, dict[str, str]] = {}

    def claim(self, kind: str, ident: str) -> str:
        final = ident if ident not in self.claimed else _free(ident, self.taken)
        self.taken.add(final)
        self.claimed.add(final)
        self.renamed.setdefault(kind, {}).setdefault(ident, final)
        return final

    def resolve(self, kind: str, ident: object) -> str | None:
        """The id an existing object of ``kind`` first called ``ident`` has now, or None."""
        if not isinstance(ident, str):
            return None
        return self.renamed.get(kind, {}).get(ident)


def project(roots: dict[str, Any]) -> Projection:
    """The valid document the shared state ``roots`` (root name -> plain value) stands for."""
    objects: dict[str, list[tuple[str, Any]]] = {}
    stream_of: dict[str, str] = {}
    for kind in KINDS:
        found = []
        for key, fields in sorted_entries(roots.get(kind.root)):
            obj = _validated(kind, fields)
            if obj is not None:
                found.append((key, obj))
                if kind is STAGES:
                    stream_of[key] = str(fields.get(STREAM))
        objects[kind.root] = found

    # stages belong to a present stream; the rest of the order follows the streams'
    stream_keys = [key for key, _ in objects["streams"]][: LIMITS["streams"]]
    objects["streams"] = objects["streams"][: LIMITS["streams"]]
    by_stream: dict[str, list[tuple[str, Any]]] = {key: [] for key in stream_keys}
    for key, stage in objects["stages"]:
        if stream_of[key] in by_stream and len(by_stream[stream_of[key]]) < LIMITS["stages"]:
            by_stream[stream_of[key]].append((key, stage))
    objects["stages"] = [entry for key in stream_keys for entry in by_stream[key]]
    for root, limit in LIMITS.items():
        objects[root] = objects[root][:limit]

    ids = _Ids(obj.id for kind in KINDS if kind is not FLOW_ITEMS
               for _key, obj in objects[kind.root])
    flow_ids = _Ids(obj.id for _key, obj in objects["flow_items"])
    keys: dict[str, dict[str, str]] = {}
    for kind in KINDS:
        pool = flow_ids if kind is FLOW_ITEMS else ids
        table = keys.setdefault(kind.root, {})
        for key, obj in objects[kind.root]:
            obj.id = pool.claim(kind.name, obj.id)
            table[obj.id] = key
    _resolve_references(objects, ids)
    return Projection(_assemble(roots.get(META), objects, by_stream), keys)


def _resolve_references(objects: dict[str, list[tuple[str, Any]]], ids: _Ids) -> None:
    for _key, lane in objects["lanes"]:
        lane.group = ids.resolve(GROUPS.name, lane.group)
    for _key, stream in objects["streams"]:
        stream.owner = ids.resolve(STAKEHOLDERS.name, stream.owner)
        stream.triggering_stakeholder = ids.resolve(STAKEHOLDERS.name,
                                                    stream.triggering_stakeholder)
    for _key, stage in objects["stages"]:
        stage.lane = ids.resolve(LANES.name, stage.lane)
        refs = []
        for ref in stage.stakeholders:
            person = ids.resolve(STAKEHOLDERS.name, ref.stakeholder)
            if person is not None:
                ref.stakeholder = person
                refs.append(ref)
        stage.stakeholders = refs
    links = []
    for key, link in objects["links"]:
        source, target = ids.resolve(STAGES.name, link.source), ids.resolve(STAGES.name,
                                                                            link.target)
        if source is not None and target is not None:
            link.source, link.target = source, target
            links.append((key, link))
    objects["links"] = links
    for _key, slide in objects["slides"]:
        slide.stream = ids.resolve(STREAMS.name, slide.stream)
        slide.stage = ids.resolve(STAGES.name, slide.stage)
    items = []
    for key, item in objects["flow_items"]:
        stream = ids.resolve(STREAMS.name, item.stream)
        if stream is not None:
            item.stream = stream
            items.append((key, item))
    objects["flow_items"] = items


def _meta(meta: object, cls: type[BaseModel], name: str, key: str, default: str) -> str:
    """A document-wide text, or its default when missing or not valid for the model."""
    value = meta.get(key) if isinstance(meta, dict) else None
    try:
        cls.model_validate({name: value})
    except ValidationError:
        return default
    return value if isinstance(value, str) else default


def _assemble(meta: object, objects: dict[str, list[tuple[str, Any]]],
              by_stream: dict[str, list[tuple[str, Any]]]) -> DocumentModel:
    streams = []
    for key, stream in objects["streams"]:
        stream.stages = [stage for _key, stage in by_stream[key]]
        streams.append(stream)
    return DocumentModel(
        title=_meta(meta, DocumentModel, "title", "title", "Untitled"),
        chain=Chain(name=_meta(meta, Chain, "name", "chain_name", "Value chain"),
                    margin=_meta(meta, Chain, "margin", "margin", ""),
                    lanes=[lane for _k, lane in objects["lanes"]],
                    groups=[group for _k, group in objects["groups"]]),
        stakeholders=[person for _k, person in objects["stakeholders"]],
        streams=streams,
        links=[link for _k, link in objects["links"]],
        slides=[slide for _k, slide in objects["slides"]],
        flow_items=[item for _k, item in objects["flow_items"]],
    )
