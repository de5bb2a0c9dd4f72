"""Lane load: how much of the document's work each value chain activity carries."""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.model import DocumentModel


@dataclass(frozen=True)
class LaneLoad:
    """Stages, streams, process and wait time (minutes) in one lane across all streams."""

    lane_id: str
    stages: int
    streams: int  # distinct streams with at least one stage in the lane
    process_minutes: float  # over the stages that give a process time (see process_measured)
    wait_minutes: float
    # Unmeasured is not zero: how many of the lane's stages give each time, so a lane whose
    # stages give none says "not measured" and a partly measured one "at least".
    process_measured: int = 0
    wait_measured: int = 0
    lead_measured: int = 0  # stages giving both: their lead time is known

    @property
    def lead_minutes(self) -> float:
        return self.process_minutes + self.wait_minutes


def lane_load(doc: DocumentModel) -> list[LaneLoad]:
    """One entry per lane in chain order; stages without a lane (or a lost lane) are left out."""
    stages = {lane.id: 0 for lane in doc.chain.lanes}
    streams: dict[str, set[str]] = {lane.id: set() for lane in doc.chain.lanes}
    process = dict.fromkeys(stages, 0.0)
    wait = dict.fromkeys(stages, 0.0)
    timed = {lane: [0, 0, 0] for lane in stages}  # stages giving a process, a wait time, both
    for stream in doc.streams:
        for stage in stream.stages:
            lane = stage.lane
            if lane not in stages:
                continue
            stages[lane] += 1
            streams[lane].add(stream.id)
            if stage.process_time is not None:
                process[lane] += stage.process_time.minutes()
                timed[lane][0] += 1
            if stage.wait_time is not None:
                wait[lane] += stage.wait_time.minutes()
                timed[lane][1] += 1
            timed[lane][2] += stage.process_time is not None and stage.wait_time is not None
    return [
        LaneLoad(lane, stages[lane], len(streams[lane]), process[lane], wait[lane],
                 *timed[lane])
        for lane in stages
    ]
