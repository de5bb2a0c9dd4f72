"""Read-only lookups over a document model, shared by layout, analysis and the editing core."""

from __future__ import annotations

from vscdesk.model.types import DocumentModel, Lane, Stage, Stakeholder, Stream


def all_ids(doc: DocumentModel) -> set[str]:
    """Every id in the document's shared namespace."""
    ids = {lane.id for lane in doc.chain.lanes}
    ids.update(p.id for p in doc.stakeholders)
    ids.update(link.id for link in doc.links)
    ids.update(slide.id for slide in doc.slides)
    for stream in doc.streams:
        ids.add(stream.id)
        ids.update(stage.id for stage in stream.stages)
    return ids


def stage_index(doc: DocumentModel) -> dict[str, tuple[Stream, int, Stage]]:
    """Map stage id -> (its stream, its position, the stage)."""
    return {
        stage.id: (stream, i, stage) for stream in doc.streams for i, stage in enumerate(stream.stages)
    }


def find_stream(doc: DocumentModel, stream_id: str) -> Stream | None:
    return next((s for s in doc.streams if s.id == stream_id), None)


def find_lane(doc: DocumentModel, lane_id: str) -> Lane | None:
    return next((lane for lane in doc.chain.lanes if lane.id == lane_id), None)


def find_stakeholder(doc: DocumentModel, person_id: str) -> Stakeholder | None:
    return next((p for p in doc.stakeholders if p.id == person_id), None)


def initials(person: Stakeholder) -> str:
    """The badge letters of a stakeholder: explicit, else the initials of up to two words."""
    if person.initials.strip():
        return person.initials.strip()[:3]
    words = [w for w in person.name.replace("-", " ").split() if w[:1].isalnum()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[1][0]).upper()
