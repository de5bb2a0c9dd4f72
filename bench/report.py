"""The machine, the results file and the table printed after a run (also the README's)."""

from __future__ import annotations

import json
import os
import platform
from importlib import metadata
from pathlib import Path
from typing import Any


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float | None:
    try:
        return round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError, AttributeError):
        return None


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "?"


def machine() -> dict[str, Any]:
    """Enough about this machine to compare runs: CPU, cores, memory, OS and versions."""
    return {"cpu": _cpu(), "cores": os.cpu_count(), "memory_gb": _memory_gb(),
            "os": platform.platform(terse=True), "python": platform.python_version(),
            "pyside6": _version("PySide6_Essentials"), "pydantic": _version("pydantic")}


def result_row(raw: dict[str, Any]) -> dict[str, Any]:
    """One entry of ``results``: the results schema, rounded for reading."""
    floor = raw.get("floor_ms")
    median = raw["median_ms"]
    p95, floor_p95 = raw.get("p95_ms"), raw.get("floor_p95_ms")
    return {"case": raw["case"], "stages": raw["stages"], "median_ms": round(median, 2),
            "floor_ms": None if floor is None else round(floor, 2),
            "ratio": round(median / floor, 2) if floor else None,
            "p95_ms": None if p95 is None else round(p95, 2),
            "floor_p95_ms": None if floor_p95 is None else round(floor_p95, 2),
            "peak_rss_mb": raw.get("peak_rss_mb")}


def load_average() -> list[float] | None:
    """The 1, 5 and 15 minute load averages, where the system has them."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (OSError, AttributeError):
        return None


def load_warning(load: dict[str, Any], cores: int | None) -> str | None:
    """A line saying the machine was busier than its cores, at the start or end of the run."""
    busy = [f"{when} {avg[0]:.1f}" for when, avg in load.items()
            if avg and cores and avg[0] > cores]
    if not busy:
        return None
    return (f"the load average exceeded the {cores} cores ({', '.join(busy)}): "
            f"other work shared the machine, compare ratios rather than times")


def write_results(path: Path, rows: list[dict[str, Any]], info: dict[str, Any],
                  load: dict[str, Any] | None = None) -> None:
    data = {"machine": info, "load": load or {}, "results": rows}
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")


def _ms(value: float | None) -> str:
    if value is None:
        return "—"
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def table(rows: list[dict[str, Any]]) -> str:
    """A Markdown table: one line per case and size."""
    lines = ["| case | stages | median ms | floor ms | ratio | p95 ms | floor p95 ms "
             "| peak RSS MB |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        ratio = "—" if r["ratio"] is None else f"{r['ratio']:.2f}×"
        lines.append(f"| `{r['case']}` | {r['stages']:,} | {_ms(r['median_ms'])} | "
                     f"{_ms(r['floor_ms'])} | {ratio} | {_ms(r.get('p95_ms'))} | "
                     f"{_ms(r.get('floor_p95_ms'))} | {r['peak_rss_mb']:.0f} |")
    return "\n".join(lines)


def machine_line(info: dict[str, Any]) -> str:
    return (f"{info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB; {info['os']}; "
            f"Python {info['python']}, PySide6 {info['pyside6']}, pydantic {info['pydantic']}")
