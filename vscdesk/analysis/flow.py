"""Flow Framework metrics (Kersten, *Project to Product*) of work items, per stream and period."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from vscdesk.model import FlowItem

Period = Literal["week", "month"]
FLOW_TYPES = ("feature", "defect", "risk", "debt")
#: The most recent periods kept per stream; older ones would only stretch the chart.
MAX_PERIODS = 1000
_DAY_MINUTES = 1440.0


@dataclass(frozen=True)
class FlowPeriod:
    """The five flow metrics of one stream (or all streams, ``stream_id`` None) in one period."""

    stream_id: str | None
    period: str  # "2024-W07" (ISO week) or "2024-03" (month)
    start: dt.date
    end: dt.date  # last day of the period, inclusive
    velocity: int  # items finished in the period
    flow_time_days: float | None  # mean calendar days, start to finish inclusive, of those items
    load: int  # items started and not yet finished at the end of the period
    efficiency: float | None  # active time / flow time of finished items that record active time
    distribution: Mapping[str, int]  # finished items per type, every type present


def period_index(day: dt.date, period: Period) -> int:
    """A running number for the week (ISO, from Monday) or month containing ``day``."""
    if period == "week":
        return (day.toordinal() - 1) // 7  # date(1, 1, 1) is a Monday
    return day.year * 12 + day.month - 1


def period_bounds(index: int, period: Period) -> tuple[str, dt.date, dt.date]:
    """Label, first and last day of a period number from ``period_index``."""
    if period == "week":
        start = dt.date.fromordinal(index * 7 + 1)
        year, week, _ = start.isocalendar()
        stop = dt.date.fromordinal(min(index * 7 + 7, dt.date.max.toordinal()))
        return f"{year:04d}-W{week:02d}", start, stop
    year, month = divmod(index, 12)
    start = dt.date(year, month + 1, 1)
    if (year, month) == (dt.MAXYEAR, 11):
        return f"{year:04d}-12", start, dt.date.max
    following = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    return f"{year:04d}-{month + 1:02d}", start, following - dt.timedelta(days=1)


def flow_days(item: FlowItem) -> int | None:
    """Calendar days from start to finish, counting both: started and finished the same day is 1."""
    if item.finished is None:
        return None
    return (item.finished - item.started).days + 1


def flow_metrics(
    items: Iterable[FlowItem], period: Period = "week", by_stream: bool = True
) -> list[FlowPeriod]:
    """Every period from a stream's first start to its last date, empty periods included.

    Items that finish before they start are left out: their dates cannot both be right.
    """
    groups: dict[str | None, list[FlowItem]] = {}
    for item in items:
        if item.finished is not None and item.finished < item.started:
            continue
        groups.setdefault(item.stream if by_stream else None, []).append(item)
    result: list[FlowPeriod] = []
    for stream_id, group in groups.items():
        result.extend(_stream_periods(stream_id, group, period))
    return result


def _stream_periods(
    stream_id: str | None, items: Sequence[FlowItem], period: Period
) -> list[FlowPeriod]:
    last = max(period_index(i.finished or i.started, period) for i in items)
    first = max(min(period_index(i.started, period) for i in items), last - MAX_PERIODS + 1)
    size = last - first + 1
    load_delta = [0] * (size + 1)
    finished: list[list[FlowItem]] = [[] for _ in range(size)]
    for item in items:
        begin = max(period_index(item.started, period) - first, 0)
        end = size if item.finished is None else period_index(item.finished, period) - first
        if end > begin:  # in progress at the end of periods begin .. end-1
            load_delta[begin] += 1
            load_delta[end] -= 1
        if item.finished is not None and end >= 0:
            finished[end].append(item)
    result = []
    load = 0
    for offset in range(size):
        load += load_delta[offset]
        label, start, stop = period_bounds(first + offset, period)
        result.append(_figures(stream_id, label, start, stop, load, finished[offset]))
    return result


def _figures(stream_id: str | None, label: str, start: dt.date, stop: dt.date, load: int,
             done: Sequence[FlowItem]) -> FlowPeriod:
    days = [flow_days(item) or 0 for item in done]
    timed = [(item.active_time.minutes(), d) for item, d in zip(done, days) if item.active_time]
    spent = sum(d for _, d in timed) * _DAY_MINUTES
    distribution = dict.fromkeys(FLOW_TYPES, 0)
    for item in done:
        distribution[item.type] += 1
    return FlowPeriod(
        stream_id=stream_id,
        period=label,
        start=start,
        end=stop,
        velocity=len(done),
        flow_time_days=sum(days) / len(days) if days else None,
        load=load,
        efficiency=sum(a for a, _ in timed) / spent if spent else None,
        distribution=distribution,
    )


def shares(distribution: Mapping[str, int]) -> dict[str, float]:
    """Flow distribution as fractions of the items counted (all 0 when none were)."""
    total = sum(distribution.values())
    return {kind: (count / total if total else 0.0) for kind, count in distribution.items()}
