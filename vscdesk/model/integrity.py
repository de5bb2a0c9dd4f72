"""Document-wide rules pydantic cannot check field by field: unique ids, resolving references."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vscdesk.model.types import DocumentModel

Error = tuple[str, str]  # (path such as "streams[2].stages[0].lane", message)


def _collect_ids(doc: DocumentModel) -> tuple[dict[str, str], list[Error]]:
    """Map every id to its path; report ids used twice. Ids share one namespace."""
    seen: dict[str, str] = {}
    errors: list[Error] = []

    def add(ident: str, path: str) -> None:
        if ident in seen:
            errors.append((f"{path}.id", f"duplicate id '{ident}' (also used at {seen[ident]})"))
        else:
            seen[ident] = path

    for i, lane in enumerate(doc.chain.lanes):
        add(lane.id, f"chain.lanes[{i}]")
    for i, person in enumerate(doc.stakeholders):
        add(person.id, f"stakeholders[{i}]")
    for i, stream in enumerate(doc.streams):
        add(stream.id, f"streams[{i}]")
        for j, stage in enumerate(stream.stages):
            add(stage.id, f"streams[{i}].stages[{j}]")
    for i, link in enumerate(doc.links):
        add(link.id, f"links[{i}]")
    for i, slide in enumerate(doc.slides):
        add(slide.id, f"slides[{i}]")
    flow_seen: set[str] = set()
    for i, item in enumerate(doc.flow_items):
        if item.id in flow_seen:
            errors.append((f"flow_items[{i}].id", f"duplicate flow item id '{item.id}'"))
        flow_seen.add(item.id)
    return seen, errors


def integrity_errors(doc: DocumentModel) -> list[Error]:
    """Every duplicate id and dangling reference in ``doc``, in document order."""
    seen, errors = _collect_ids(doc)
    lanes = {lane.id for lane in doc.chain.lanes}
    people = {person.id for person in doc.stakeholders}
    streams = {stream.id for stream in doc.streams}
    stages = {stage.id for stream in doc.streams for stage in stream.stages}

    def need(ident: str | None, pool: set[str], what: str, path: str) -> None:
        if ident is not None and ident not in pool:
            errors.append((path, f"refers to {what} '{ident}', which does not exist"))

    for i, stream in enumerate(doc.streams):
        need(stream.owner, people, "stakeholder", f"streams[{i}].owner")
        need(stream.triggering_stakeholder, people, "stakeholder",
             f"streams[{i}].triggering_stakeholder")
        for j, stage in enumerate(stream.stages):
            need(stage.lane, lanes, "lane", f"streams[{i}].stages[{j}].lane")
            for k, ref in enumerate(stage.stakeholders):
                need(ref.stakeholder, people, "stakeholder",
                     f"streams[{i}].stages[{j}].stakeholders[{k}].stakeholder")
    for i, link in enumerate(doc.links):
        need(link.source, stages, "stage", f"links[{i}].source")
        need(link.target, stages, "stage", f"links[{i}].target")
    for i, slide in enumerate(doc.slides):
        need(slide.stream, streams, "stream", f"slides[{i}].stream")
        need(slide.stage, stages, "stage", f"slides[{i}].stage")
    for i, item in enumerate(doc.flow_items):
        need(item.stream, streams, "stream", f"flow_items[{i}].stream")
    return errors
