"""Problems in the shape of a document: streams, stages, lanes and criteria."""

from __future__ import annotations

from collections.abc import Iterator

from vscdesk.analysis.problems import Problem, problem
from vscdesk.model import DocumentModel, Stream


def structure_problems(doc: DocumentModel) -> list[Problem]:
    """Every structural problem, stream by stream in document order, then empty lanes."""
    external = {p.id for p in doc.stakeholders if p.external}
    lanes = {lane.id for lane in doc.chain.lanes}
    found: list[Problem] = []
    for stream in doc.streams:
        found.extend(_stream_problems(stream, external))
        found.extend(_stage_problems(stream, lanes))
    used = {stage.lane for stream in doc.streams for stage in stream.stages}
    found.extend(
        problem("lane-empty", f"No stage is in lane '{lane.name}'.", lane.id, "lane")
        for lane in doc.chain.lanes
        if lane.id not in used
    )
    return found


def _stream_problems(stream: Stream, external: set[str]) -> Iterator[Problem]:
    name = stream.name
    if not stream.stages:
        yield problem("stream-no-stages", f"Stream '{name}' has no stages.", stream.id, "stream")
    if not stream.trigger.strip():
        yield problem("stream-no-trigger", f"Stream '{name}' has no trigger.", stream.id, "stream")
    if not stream.value.strip():
        yield problem("stream-no-value", f"Stream '{name}' has no value.", stream.id, "stream")
    if stream.kind == "customer" and not _involves(stream, external):
        yield problem(
            "customer-no-external",
            f"Customer stream '{name}' involves no external stakeholder.",
            stream.id,
            "stream",
        )


def _involves(stream: Stream, people: set[str]) -> bool:
    """True when the stream's trigger or any stage involves one of ``people``."""
    if stream.triggering_stakeholder in people:
        return True
    return any(ref.stakeholder in people for stage in stream.stages for ref in stage.stakeholders)


def _stage_problems(stream: Stream, lanes: set[str]) -> Iterator[Problem]:
    seen: dict[str, str] = {}
    stages = stream.stages
    for index, stage in enumerate(stages):
        if stage.lane is None or stage.lane not in lanes:
            yield problem(
                "stage-no-lane",
                f"Stage '{stage.name}' of '{stream.name}' is in no lane.",
                stage.id,
                "stage",
            )
        key = stage.name.strip().casefold()
        if key in seen:
            yield problem(
                "duplicate-stage-name",
                f"Stream '{stream.name}' has two stages named '{stage.name}'.",
                stage.id,
                "stage",
            )
        else:
            seen[key] = stage.id
        after = stages[index + 1] if index + 1 < len(stages) else None
        if after is not None and after.entrance_criteria and not stage.exit_criteria:
            yield problem(
                "exit-criteria-missing",
                f"Stage '{stage.name}' has no exit criteria, but the next stage "
                f"'{after.name}' has entrance criteria.",
                stage.id,
                "stage",
            )
