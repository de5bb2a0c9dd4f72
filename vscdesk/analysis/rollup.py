"""SLA roll-up: each SLA's status, stage targets against the stream's promise, loose links."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Literal

from vscdesk.analysis.status import SlaStatus, sla_status
from vscdesk.analysis.units import comparable, to_minutes
from vscdesk.model import DocumentModel, Link, Sla, Stage, Stream

OwnerKind = Literal["stage", "stream", "link"]

_UPPER = ("<=", "<")
_LOWER = (">=", ">")


@dataclass(frozen=True)
class SlaCheck:
    """One SLA of a stage, stream or link with its status."""

    owner_kind: OwnerKind
    owner_id: str
    stream_id: str | None  # the stream of the stage or stream; for a link, the dependent stream
    name: str
    metric: str
    comparator: str
    target: float
    unit: str
    actual: float | None
    status: SlaStatus


@dataclass(frozen=True)
class StreamRollup:
    """The sum of the stages' lead-time targets against the stream's end-to-end target (minutes)."""

    stream_id: str
    target_minutes: float | None  # tightest end-to-end lead-time target; None if none
    stage_sum_minutes: float  # sum over stages of each stage's tightest lead-time target
    stages_without_target: tuple[str, ...]
    stage_targets: Mapping[str, float]  # stage id -> its tightest lead-time target (minutes)

    @property
    def exceeds(self) -> bool:
        """The stages cannot meet the promise: their targets add up to more than the stream's."""
        return self.target_minutes is not None and self.stage_sum_minutes > self.target_minutes


@dataclass(frozen=True)
class LooseLink:
    """An integration link promising less than the stage that depends on it needs."""

    link_id: str
    link_sla: str
    stage_id: str
    stage_sla: str
    metric: str
    link_target: float  # both targets in ``unit`` (minutes for times)
    stage_target: float
    unit: str


def _check(kind: OwnerKind, owner: str, stream: str | None, sla: Sla) -> SlaCheck:
    return SlaCheck(kind, owner, stream, sla.name, sla.metric, sla.comparator, sla.target,
                    sla.unit, sla.actual, sla_status(sla))


def sla_checks(doc: DocumentModel, stream_of: dict[str, str]) -> list[SlaCheck]:
    """Every SLA in the document with its status: streams and their stages, then links."""
    checks: list[SlaCheck] = []
    for stream in doc.streams:
        checks.extend(_check("stream", stream.id, stream.id, sla) for sla in stream.slas)
        for stage in stream.stages:
            checks.extend(_check("stage", stage.id, stream.id, sla) for sla in stage.slas)
    for link in doc.links:
        checks.extend(_check("link", link.id, stream_of.get(link.target), sla) for sla in link.slas)
    return checks


def lead_time_target(slas: Iterable[Sla]) -> float | None:
    """The tightest upper-bound lead-time target in minutes, ignoring SLAs without a time unit."""
    targets = [
        to_minutes(sla.target, sla.unit)
        for sla in slas
        if sla.metric == "lead_time" and sla.comparator in _UPPER
    ]
    known = [t for t in targets if t is not None]
    return min(known) if known else None


def stream_rollup(stream: Stream) -> StreamRollup:
    """Add up the stages' lead-time targets and set them against the stream's own."""
    targets: dict[str, float] = {}
    missing: list[str] = []
    for stage in stream.stages:
        target = lead_time_target(stage.slas)
        if target is None:
            missing.append(stage.id)
        else:
            targets[stage.id] = target
    return StreamRollup(stream.id, lead_time_target(stream.slas), sum(targets.values()),
                        tuple(missing), targets)


def _looser(link_sla: Sla, stage_sla: Sla) -> tuple[float, float, str] | None:
    """Both targets in a shared unit when the link's is looser than the stage's, else None."""
    if link_sla.metric != stage_sla.metric:
        return None
    link_value, link_unit = comparable(link_sla.target, link_sla.unit)
    stage_value, stage_unit = comparable(stage_sla.target, stage_sla.unit)
    if link_unit != stage_unit:
        return None
    upper = link_sla.comparator in _UPPER and stage_sla.comparator in _UPPER
    lower = link_sla.comparator in _LOWER and stage_sla.comparator in _LOWER
    if (upper and link_value > stage_value) or (lower and link_value < stage_value):
        return link_value, stage_value, link_unit
    return None


def loose_links(links: Iterable[Link], stages: dict[str, Stage]) -> list[LooseLink]:
    """Integration links whose SLA is looser than an SLA of the same metric on the target stage."""
    found: list[LooseLink] = []
    for link in links:
        stage = stages.get(link.target)
        if link.kind != "integration" or stage is None:
            continue
        for link_sla in link.slas:
            for stage_sla in stage.slas:
                pair = _looser(link_sla, stage_sla)
                if pair is not None:
                    found.append(LooseLink(link.id, link_sla.name, stage.id, stage_sla.name,
                                           link_sla.metric, pair[0], pair[1], pair[2]))
    return found
