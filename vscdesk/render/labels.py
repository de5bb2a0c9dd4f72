"""Short texts shown on the diagram: SLA labels, counts, the worst status of a stage."""

from __future__ import annotations

from collections.abc import Iterable

from vscdesk.analysis.status import sla_status
from vscdesk.layout.sla_text import number as number, sla_label as sla_label  # re-exported
from vscdesk.model import Sla, Stream

_RANK = {"breached": 0, "at_risk": 1, "met": 2, "no_data": 3}


def headline_sla(slas: Iterable[Sla]) -> tuple[Sla, str] | None:
    """The SLA a badge shows: the worst status first, the first listed among equals."""
    ranked = [(_RANK[sla_status(s)], i, s) for i, s in enumerate(slas)]
    if not ranked:
        return None
    _, _, sla = min(ranked, key=lambda r: r[:2])
    return sla, sla_status(sla)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def loop_backs(stream: Stream, lane_order: dict[str, int]) -> int:
    """Steps that return to a lane further left in chain order."""
    count = 0
    for a, b in zip(stream.stages, stream.stages[1:]):
        if a.lane in lane_order and b.lane in lane_order and lane_order[b.lane] < lane_order[a.lane]:
            count += 1
    return count
