"""SLA units: which are times, how many minutes they hold, and durations written for people."""

from __future__ import annotations

from vscdesk.model import MINUTES

# SLA units are free text; these spellings are understood as the model's time units.
_TIME_ALIASES = {
    "s": "s", "sec": "s", "secs": "s", "second": "s", "seconds": "s",
    "min": "min", "mins": "min", "minute": "min", "minutes": "min",
    "h": "h", "hr": "h", "hrs": "h", "hour": "h", "hours": "h",
    "d": "d", "day": "d", "days": "d",
    "wk": "wk", "w": "wk", "week": "wk", "weeks": "wk",
}
TIME_METRICS = frozenset({"lead_time", "process_time", "wait_time"})
PERCENT = "%"


def time_unit(unit: str) -> str | None:
    """The model time unit ("s", "min", "h", "d", "wk") an SLA unit names, or None."""
    return _TIME_ALIASES.get(unit.strip().lower())


def to_minutes(value: float, unit: str) -> float | None:
    """``value`` in minutes when ``unit`` is a time unit, else None."""
    known = time_unit(unit)
    return None if known is None else value * MINUTES[known]


def comparable(value: float, unit: str) -> tuple[float, str]:
    """A value and unit key comparable across SLAs: times in minutes, others as written."""
    minutes = to_minutes(value, unit)
    if minutes is not None:
        return minutes, "min"
    return value, unit.strip().lower()


def format_minutes(minutes: float | None) -> str:
    """A duration in a unit people read at a glance: 90 -> "1.5 h", 13939 -> "9.68 d"."""
    if minutes is None:
        return "-"
    size = abs(minutes)
    if size == 0:
        return "0 min"
    for unit, below in (("s", 1.0), ("min", 60.0), ("h", 1440.0), ("d", 100 * 1440.0)):
        if size < below:
            return f"{_number(minutes / MINUTES[unit])} {unit}"
    return f"{_number(minutes / MINUTES['wk'])} wk"


def _number(value: float) -> str:
    """Three significant figures without trailing zeros: 9.6798 -> "9.68", 2.0 -> "2"."""
    return f"{value:.3g}" if abs(value) < 999.5 else f"{value:.0f}"
