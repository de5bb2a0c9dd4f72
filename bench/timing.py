"""Medians of interleaved runs: a case and its floor take turns, so both see the same noise."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

Step = Callable[[], object]


@dataclass(frozen=True)
class Timed:
    """What a worker reports for one case at one size."""

    median_ms: float
    floor_ms: float | None
    runs_ms: tuple[float, ...]
    floor_runs_ms: tuple[float, ...] = ()
    peak_rss_mb: float | None = None  # of the case alone, before any floor ran
    p95_ms: float | None = None  # frame cases: the 95th percentile of their frames
    floor_p95_ms: float | None = None


def once(step: Step, prepare: Step | None = None) -> float:
    """Milliseconds one call of ``step`` takes (``prepare`` runs first, untimed)."""
    if prepare is not None:
        prepare()
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1000.0


def measure(step: Step, floor: Step | None = None, repeat: int = 5,
            prepare: Step | None = None, prepare_floor: Step | None = None) -> Timed:
    """Median of ``repeat`` runs of ``step``, each followed by a run of ``floor``.

    One untimed run of ``step`` comes first: it warms caches and gives the case's own peak
    memory before the floor (often a heavier plain scene) adds its own."""
    once(step, prepare)
    peak = peak_rss_mb()
    runs, floor_runs = [], []
    for _ in range(repeat):
        runs.append(once(step, prepare))
        if floor is not None:
            floor_runs.append(once(floor, prepare_floor))
    return Timed(statistics.median(runs), statistics.median(floor_runs) if floor_runs else None,
                 tuple(runs), tuple(floor_runs), peak)


def peak_rss_mb() -> float:
    """The highest resident memory of this process's own address space so far, in MB.

    Linux's ``ru_maxrss`` is no use here: it survives ``exec``, so a worker started by a
    parent that had grown to 448 MB reported 448 MB whatever it did. ``VmHWM`` in
    ``/proc/self/status`` belongs to the address space, which ``exec`` replaces."""
    hwm = vm_hwm_mb()
    if hwm is not None:
        return hwm
    import resource  # elsewhere (macOS) ru_maxrss is the process's own, in bytes

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def vm_hwm_mb(status: str = "/proc/self/status") -> float | None:
    """``VmHWM`` (the resident high-water mark) from a Linux status file, in MB."""
    try:
        with open(status, encoding="ascii") as lines:
            for line in lines:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024  # kB
    except (OSError, ValueError, IndexError):
        pass
    return None
