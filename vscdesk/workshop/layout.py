"""The shape of the shared Y document: which root maps hold which objects, and their fields.

Every kind of object lives in one root ``Map`` keyed by an opaque *entry key*; each entry is
a ``Map`` of the object's fields (plain JSON values) plus ``pos`` (its order among its
siblings). Stages carry ``stream``, the entry key of their stream, so moving a stage to
another stream is a field change, never a delete and insert that concurrent edits could
duplicate. docs/collaboration.md describes the same for other Yjs clients.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from vscdesk.model import FlowItem, Lane, LaneGroup, Link, Slide, Stage, Stakeholder, Stream
from vscdesk.model.types import DocumentModel

#: the root map of document-wide fields (title, chain name, margin)
META = "meta"
#: fields of an entry that are not fields of the model object
POS = "pos"
STREAM = "stream"
#: meta keys and where they live in the model
META_FIELDS = ("title", "chain_name", "margin")


@dataclass(frozen=True)
class Kind:
    """One kind of object: its root map, its model class and the fields kept elsewhere."""

    name: str
    root: str
    model: type[BaseModel]
    skip: frozenset[str] = frozenset()

    def fields(self, obj: BaseModel) -> dict[str, Any]:
        """The object's own fields as JSON values (what an entry holds besides pos)."""
        return obj.model_dump(mode="json", exclude=set(self.skip))


LANES = Kind("lane", "lanes", Lane)
GROUPS = Kind("group", "groups", LaneGroup)
STAKEHOLDERS = Kind("stakeholder", "stakeholders", Stakeholder)
STREAMS = Kind("stream", "streams", Stream, frozenset({"stages"}))
STAGES = Kind("stage", "stages", Stage)
LINKS = Kind("link", "links", Link)
SLIDES = Kind("slide", "slides", Slide)
FLOW_ITEMS = Kind("flow_item", "flow_items", FlowItem)

#: in the order ids are claimed when two objects share one (the first keeps it)
KINDS = (LANES, GROUPS, STAKEHOLDERS, STREAMS, STAGES, LINKS, SLIDES, FLOW_ITEMS)
ROOTS = (META, *(kind.root for kind in KINDS))


def flat_lists(model: DocumentModel) -> dict[str, list[Any]]:
    """Every kind's objects in document order, stages as one list (their stream aside)."""
    return {
        "lanes": model.chain.lanes,
        "groups": model.chain.groups,
        "stakeholders": model.stakeholders,
        "streams": model.streams,
        "stages": [stage for stream in model.streams for stage in stream.stages],
        "links": model.links,
        "slides": model.slides,
        "flow_items": model.flow_items,
    }


def meta_of(model: DocumentModel) -> dict[str, str]:
    return {"title": model.title, "chain_name": model.chain.name, "margin": model.chain.margin}
