"""The performance targets, checked against a run's results: each says what, the value, met."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

BIG, HUGE, SMALL = 10_000, 50_000, 100


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
    _limit(rows, checks, "startup", None, "ratio", 4, "×", "startup ≤ 4× floor")
    for case in ("open",):
        _limit(rows, checks, case, BIG, "ratio", 4, "×", f"{case} at 10k ≤ 4× floor")
    _limit(rows, checks, "first_paint", BIG, "median_ms", 1000, "ms", "first_paint at 10k ≤ 1 s")
    _limit(rows, checks, "edit", BIG, "median_ms", 5, "ms", "edit at 10k ≤ 5 ms")
    small, big = _find(rows, "edit", SMALL), _find(rows, "edit", BIG)
    if small and big:
        ratio = big["median_ms"] / small["median_ms"]
        checks.append(Check("edit at 10k ≤ 2× edit at 100", f"{ratio:.2f}×", ratio <= 2))
    for case in ("export_svg", "export_png"):
        _limit(rows, checks, case, BIG, "ratio", 2, "×", f"{case} at 10k ≤ 2× floor")
    for case, limit in (("save", 300), ("close", 300), ("analysis", 500)):
        _limit(rows, checks, case, BIG, "median_ms", limit, "ms", f"{case} at 10k ≤ {limit} ms")
    at_big = [r["peak_rss_mb"] for r in rows if r["stages"] == BIG and r["peak_rss_mb"]]
    if at_big:
        checks.append(Check("peak memory at 10k ≤ 300 MB", f"{max(at_big):.0f} MB",
                            max(at_big) <= 300))
    for case in ("open", "edit", "export_svg", "export_png"):
        huge, big = _find(rows, case, HUGE), _find(rows, case, BIG)
        if huge and big:
            times = huge["median_ms"] / big["median_ms"]
            checks.append(Check(f"{case} at 50k ≤ 6× its 10k time", f"{times:.1f}×", times <= 6))
    return checks


def checks_table(checks: list[Check]) -> str:
    lines = ["| target | measured | met |", "|---|---:|:---:|"]
    lines += [f"| {c.target} | {c.value} | {'yes' if c.met else '**no**'} |" for c in checks]
    return "\n".join(lines)
