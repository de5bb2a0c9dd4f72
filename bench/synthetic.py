"""Realistic synthetic documents of any size, so every case measures the same kind of map.

Lanes and stakeholders come from a bundled template; streams of 5–60 stages walk the chain
mostly forward with the occasional loop-back, and carry SLAs, stakeholders, lean timings and
links the way the bundled example does. The output is plain JSON data (no pydantic), so the
benchmark can write it to a file and time the real load.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

from vscdesk.bundled import resource

MIN_STAGES, MAX_STAGES = 5, 60
VERBS = ("Capture", "Assess", "Approve", "Plan", "Build", "Test", "Deploy", "Verify", "Review",
         "Fulfil", "Notify", "Close", "Triage", "Escalate", "Design", "Measure")
NOUNS = ("request", "change", "order", "incident", "release", "contract", "budget", "design",
         "feedback", "invoice", "risk", "service", "access", "account", "demand")
UNITS = ("min", "h", "d")


def template_data(name: str = "itil4") -> dict[str, Any]:
    """The JSON of a bundled template: its lanes and stakeholders seed the synthetic map."""
    return json.loads(resource("templates", f"{name}.vsc.json").read_text(encoding="utf-8"))


def stream_sizes(total: int, rng: random.Random) -> list[int]:
    """Stage counts of 5–60 per stream that add up to exactly ``total``."""
    sizes: list[int] = []
    left = total
    while left > 0:
        size = rng.randint(MIN_STAGES, MAX_STAGES)
        if left - size < MIN_STAGES:
            size = left if left <= MAX_STAGES else left - MIN_STAGES
        sizes.append(size)
        left -= size
    return sizes


def _sla(rng: random.Random, name: str) -> dict[str, Any]:
    target = rng.choice((5, 15, 30, 60, 90, 120, 240))
    sla = {"name": name, "metric": "lead_time", "comparator": "<=", "target": target,
           "unit": rng.choice(UNITS)}
    if rng.random() < 0.7:
        sla["actual"] = round(target * rng.uniform(0.5, 1.3), 1)
    return sla


def _lane_walk(count: int, lanes: list[str], rng: random.Random) -> list[str]:
    """Lanes of a stream's stages: mostly forward along the chain, sometimes back (a loop)."""
    at = rng.randrange(len(lanes))
    out = []
    for _ in range(count):
        out.append(lanes[at])
        roll = rng.random()
        if roll < 0.12:
            at = rng.randrange(len(lanes))  # a loop-back or a jump
        elif roll < 0.6:
            at = min(at + 1, len(lanes) - 1) if at + 1 < len(lanes) else 0
    return out


def _stage(ident: str, lane: str, people: list[str], rng: random.Random) -> dict[str, Any]:
    stage: dict[str, Any] = {
        "id": ident, "name": f"{rng.choice(VERBS)} the {rng.choice(NOUNS)} {ident[1:]}",
        "lane": lane, "practices": [f"Practice {rng.randint(1, 12)}"],
        "process_time": {"value": rng.randint(5, 240), "unit": "min"},
        "wait_time": {"value": rng.randint(0, 48), "unit": "h"},
        "percent_complete_accurate": rng.randint(50, 100),
    }
    if rng.random() < 0.8:
        stage["slas"] = [_sla(rng, "Response")]
    chosen = rng.sample(people, k=min(len(people), rng.randint(1, 4)))
    stage["stakeholders"] = [
        {"stakeholder": p, "role": "triggering" if i == 0 else "participating",
         "raci": rng.choice("RACI")} for i, p in enumerate(chosen)]
    return stage


def synthetic_data(stages: int, seed: int = 0, template: str = "itil4") -> dict[str, Any]:
    """A valid document (as JSON data) with exactly ``stages`` stages."""
    rng = random.Random(seed)
    base = template_data(template)
    lanes = [lane["id"] for lane in base["chain"]["lanes"]]
    people = [p["id"] for p in base["stakeholders"]] or []
    if not people:
        base["stakeholders"] = [{"id": "team", "name": "Team", "initials": "TM"}]
        people = ["team"]
    streams, links, n = [], [], 0
    for index, size in enumerate(stream_sizes(stages, rng)):
        ids = [f"s{n + i}" for i in range(size)]
        n += size
        walk = _lane_walk(size, lanes, rng)
        stream = {
            "id": f"vs{index}", "name": f"Value stream {index}: {rng.choice(NOUNS)} to value",
            "kind": "customer" if rng.random() < 0.6 else "supporting",
            "trigger": f"A {rng.choice(NOUNS)} arrives", "value": "The customer gets value",
            "triggering_stakeholder": people[0], "owner": rng.choice(people),
            "slas": [_sla(rng, "End to end")],
            "stages": [_stage(ident, lane, people, rng) for ident, lane in zip(ids, walk)],
        }
        streams.append(stream)
        if index and rng.random() < 0.5:  # a supporting stream feeds the one before
            source = rng.choice(streams[index - 1]["stages"])["id"]
            links.append({"id": f"link{len(links)}", "kind": "integration", "source": source,
                          "target": rng.choice(ids), "label": "Feeds",
                          "slas": [_sla(rng, "Hand-over")]})
        if size > 8 and rng.random() < 0.3:
            links.append({"id": f"link{len(links)}", "kind": "rework", "source": ids[-2],
                          "target": ids[1], "label": "Rework"})
    base.update(title=f"Synthetic map of {stages:,} stages", streams=streams, links=links,
                slides=[], flow_items=[])
    return base


def write_synthetic(stages: int, folder: Path, seed: int = 0) -> Path:
    """The synthetic document saved as a file (cached by size and seed)."""
    path = Path(folder) / f"synthetic-{stages}-{seed}.vsc.json"
    if not path.exists():
        text = json.dumps(synthetic_data(stages, seed), indent=2, ensure_ascii=False) + "\n"
        tmp = path.with_suffix(".tmp")
        tmp.write_text(text, encoding="utf-8")
        tmp.replace(path)
    return path


def generate_apart(stages: int, folder: Path, seed: int = 0) -> Path:
    """``write_synthetic`` in a child process: generating a 50,000-stage map grows a process
    by hundreds of MB, which the bench's own process would then carry for the whole run."""
    path = Path(folder) / f"synthetic-{stages}-{seed}.vsc.json"
    if not path.exists():
        subprocess.run([sys.executable, "-m", "bench.synthetic", str(stages), str(folder),
                        str(seed)], check=True, cwd=Path(__file__).resolve().parent.parent)
    return path


if __name__ == "__main__":
    write_synthetic(int(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))
