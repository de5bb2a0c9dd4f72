"""Lean metrics of one stream, as defined in Martin and Osterling's *Value Stream Mapping*."""

from __future__ import annotations

from dataclasses import dataclass, field

from vscdesk.model import Stream


@dataclass(frozen=True)
class StageTiming:
    """One rung of the lead-time ladder: a stage's process and wait time in minutes."""

    stage_id: str
    process_minutes: float
    wait_minutes: float


@dataclass(frozen=True)
class LeanMetrics:
    """Process, wait and lead time (minutes), activity ratio and rolled %C&A of a stream."""

    stream_id: str
    process_minutes: float
    wait_minutes: float
    lead_minutes: float
    activity_ratio: float | None  # process / lead, 0..1; None when the lead time is 0
    rolled_pca: float | None  # product of stage %C&A, as a percentage 0..100; None if none given
    bottleneck_stage: str | None  # stage with the largest wait time; None when nothing waits
    ladder: tuple[StageTiming, ...]
    stages_without_timing: tuple[str, ...]  # neither process nor wait time given
    stages_without_pca: tuple[str, ...]
    # How many stages each figure rests on: unmeasured is not zero, so a figure measured in
    # some stages only is a bound ("at least 4.5 h"), and one measured in none is no figure.
    stages: int = 0
    process_measured: int = 0  # stages with a process time
    wait_measured: int = 0  # stages with a wait time
    lead_measured: int = 0  # stages with both: their lead time is known
    pca_measured: int = 0  # stages with a %C&A
    unmeasured_ladder: tuple[str, ...] = field(default=())  # stages whose rung is blank


def lean_metrics(stream: Stream) -> LeanMetrics:
    """Sum a stream's timings; stages without a timing add nothing, are listed and counted
    (``*_measured``) so that every figure can say how many stages it rests on."""
    ladder: list[StageTiming] = []
    untimed: list[str] = []
    no_pca: list[str] = []
    rolled: float | None = None
    bottleneck: str | None = None
    worst_wait = 0.0
    for stage in stream.stages:
        process = stage.process_time.minutes() if stage.process_time else 0.0
        wait = stage.wait_time.minutes() if stage.wait_time else 0.0
        ladder.append(StageTiming(stage.id, process, wait))
        if stage.process_time is None and stage.wait_time is None:
            untimed.append(stage.id)
        if wait > worst_wait:
            worst_wait, bottleneck = wait, stage.id
        if stage.percent_complete_accurate is None:
            no_pca.append(stage.id)
        else:
            rolled = (1.0 if rolled is None else rolled) * stage.percent_complete_accurate / 100
    process_total = sum(t.process_minutes for t in ladder)
    wait_total = sum(t.wait_minutes for t in ladder)
    lead = process_total + wait_total
    both = [t for t, stage in zip(ladder, stream.stages)
            if stage.process_time is not None and stage.wait_time is not None]
    known_lead = sum(t.process_minutes + t.wait_minutes for t in both)
    return LeanMetrics(
        stream_id=stream.id,
        process_minutes=process_total,
        wait_minutes=wait_total,
        lead_minutes=lead,
        # only stages whose lead time is known say how much of it is work
        activity_ratio=sum(t.process_minutes for t in both) / known_lead if known_lead > 0
        else None,
        rolled_pca=None if rolled is None else rolled * 100,
        bottleneck_stage=bottleneck,
        ladder=tuple(ladder),
        stages_without_timing=tuple(untimed),
        stages_without_pca=tuple(no_pca),
        stages=len(stream.stages),
        process_measured=sum(s.process_time is not None for s in stream.stages),
        wait_measured=sum(s.wait_time is not None for s in stream.stages),
        lead_measured=len(both),
        pca_measured=len(stream.stages) - len(no_pca),
        unmeasured_ladder=tuple(untimed),
    )
