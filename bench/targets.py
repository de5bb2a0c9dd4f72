"""The performance targets, checked against a run's results: each says what, the value, met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BIG, HUGE, SMALL, HUNDRED_K = 10_000, 50_000, 100, 100_000
SMOOTH = ("frame_pan", "frame_zoom", "frame_drag")


@dataclass(frozen=True)
class Check:
    target: str
    value: str
    met: bool


def _find(rows: list[dict[str, Any]], case: str, stages: int | None = None) -> dict | None:
    for r in rows:
        if r["case"] == case and (stages is None or r["stages"] == stages):
            return r
    return None


def _limit(rows, checks, case, stages, key, limit, unit, label) -> None:
    r = _find(rows, case, stages)
    if r is not None and r[key] is not None:
        shown = f"{r[key]:.2f}×" if unit == "×" else f"{r[key]:,.1f} {unit}"
        checks.append(Check(label, shown, r[key] <= limit))


def check_targets(rows: list[dict[str, Any]]) -> list[Check]:
    """Every target whose cases are in ``rows`` (a quick run checks fewer)."""
    checks: list[Check] = []
    _limit(rows, checks, "startup", None, "median_ms", 600, "ms", "startup ≤ 600 ms")
    _limit(rows, checks, "startup", None, "ratio", 2.5, "×", "startup ≤ 2.5× floor")
    _limit(rows, checks, "open", BIG, "ratio", 3, "×", "open at 10k ≤ 3× floor")
    _limit(rows, checks, "first_paint", BIG, "median_ms", 1000, "ms", "first_paint at 10k ≤ 1 s")
    _limit(rows, checks, "edit", BIG, "median_ms", 5, "ms", "edit at 10k ≤ 5 ms")
    small, big = _find(rows, "edit", SMALL), _find(rows, "edit", BIG)
    if small and big:
        ratio = big["median_ms"] / small["median_ms"]
        checks.append(Check("edit at 10k ≤ 2× edit at 100", f"{ratio:.2f}×", ratio <= 2))
    for case in ("export_svg", "export_png"):
        _limit(rows, checks, case, BIG, "ratio", 2, "×", f"{case} at 10k ≤ 2× floor")
    for case, limit in (("save", 300), ("close", 300), ("analysis", 200)):
        _limit(rows, checks, case, BIG, "median_ms", limit, "ms", f"{case} at 10k ≤ {limit} ms")
    _limit(rows, checks, "close", HUGE, "median_ms", 400, "ms", "close at 50k ≤ 400 ms")
    _limit(rows, checks, "toggle_view", BIG, "median_ms", 300, "ms", "toggle_view at 10k ≤ 300 ms")
    _limit(rows, checks, "toggle_view", HUGE, "median_ms", 1500, "ms",
           "toggle_view at 50k ≤ 1.5 s")
    _smoothness(rows, checks)
    for stages, limit, label in ((BIG, 200, "10k"), (HUGE, 500, "50k"), (HUNDRED_K, 1024, "100k")):
        _peak(rows, checks, stages, limit, label)
    _hundred_k(rows, checks)
    for case in ("open", "edit", "export_svg", "export_png"):
        huge, big = _find(rows, case, HUGE), _find(rows, case, BIG)
        if huge and big:
            times = huge["median_ms"] / big["median_ms"]
            checks.append(Check(f"{case} at 50k ≤ 6× its 10k time", f"{times:.1f}×", times <= 6))
    return checks


def _peak(rows, checks, stages: int, limit: float, label: str) -> None:
    """The highest peak of any case at one size, naming the case."""
    at = [r for r in rows if r["stages"] == stages and r["peak_rss_mb"]]
    if at:
        top = max(at, key=lambda r: r["peak_rss_mb"])
        shown = f"{top['peak_rss_mb']:.0f} MB ({top['case']})"
        unit = "1 GB" if limit == 1024 else f"{limit:.0f} MB"
        checks.append(Check(f"peak memory at {label}, every case ≤ {unit}", shown,
                            top["peak_rss_mb"] <= limit))


def _smoothness(rows, checks) -> None:
    """Frames of panning, zooming and dragging: absolute p95 and beside the plain floor."""
    for case in SMOOTH:
        for stages, limit, label in ((BIG, 16, "10k"), (HUGE, 33, "50k")):
            _limit(rows, checks, case, stages, "p95_ms", limit, "ms",
                   f"{case} p95 at {label} ≤ {limit} ms")
            r = _find(rows, case, stages)
            if r is not None and r.get("p95_ms") and r.get("floor_p95_ms"):
                ratio = r["p95_ms"] / r["floor_p95_ms"]
                checks.append(Check(f"{case} p95 at {label} ≤ 1.5× floor", f"{ratio:.2f}×",
                                    ratio <= 1.5))
    _limit(rows, checks, "frame_flip", BIG, "p95_ms", 33, "ms", "frame_flip p95 at 10k ≤ 33 ms")


def _hundred_k(rows, checks) -> None:
    """The 100,000-stage map is usable: opened and painted, edited, saved."""
    opened, shown = _find(rows, "open", HUNDRED_K), _find(rows, "first_paint", HUNDRED_K)
    if opened and shown:
        total = opened["median_ms"] + shown["median_ms"]
        checks.append(Check("open + first_paint at 100k ≤ 10 s", f"{total:,.0f} ms",
                            total <= 10_000))
    _limit(rows, checks, "edit", HUNDRED_K, "median_ms", 10, "ms", "edit at 100k ≤ 10 ms")
    _limit(rows, checks, "save", HUNDRED_K, "median_ms", 2000, "ms", "save at 100k ≤ 2 s")


def checks_table(checks: list[Check]) -> str:
    lines = ["| target | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {c.target} | {c.value} | {'yes' if c.met else '**no**'} |" for c in checks]
    return "\n".join(lines)
