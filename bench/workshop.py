"""``python -m bench.workshop``: workshop mode measured over loopback.

A ``vscdesk serve`` host process on a synthetic map and peers in this process measure:
the size of the messages (joining, a rename, a move, presence), the latency of one edit
from one peer's window-side write to another peer's valid model, and the benchmark case:
N peers each making M edits at once on a map of S stages, the time until all converge, that
the host's saved file equals every peer's map, and the host's peak memory. The figures are
merged into ``bench/results.json`` under "workshop".
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.report import machine
from bench.synthetic import write_synthetic
from vscdesk.model import DocumentModel
from vscdesk.storage import dumps, load
from vscdesk.workshop.access import JoinLink
from vscdesk.workshop.peer import connect
from vscdesk.workshop.replica import LOCAL, Replica

RESULTS = Path(__file__).with_name("results.json")


def start_host(file: Path) -> tuple[subprocess.Popen[str], JoinLink]:
    process = subprocess.Popen([sys.executable, "-m", "vscdesk", "serve", str(file), "--port", "0"],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert process.stdout is not None
    line = process.stdout.readline()
    return process, JoinLink.parse(line.split("join with", 1)[1])


def stop_host(process: subprocess.Popen[str]) -> float:
    """Stop the host (it saves on the way out); its peak memory in MB."""
    process.send_signal(signal.SIGINT)
    process.wait(120)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return round(peak_kb / 1024, 1)


async def until(condition: Any, seconds: float = 600.0) -> None:
    end = time.perf_counter() + seconds
    while not condition():
        if time.perf_counter() > end:
            raise RuntimeError("peers did not converge")
        await asyncio.sleep(0.005)


def renamed(model: DocumentModel, stage_index: int, name: str) -> DocumentModel:
    data = model.model_dump()
    stages = [s for stream in data["streams"] for s in stream["stages"]]
    stages[stage_index]["name"] = name
    return DocumentModel.model_validate(data)


async def sizes_and_latency(link: JoinLink, repeats: int) -> dict[str, Any]:
    a, b = Replica(), Replica()
    sent: list[int] = []
    a.doc.observe(lambda event: sent.append(len(event.update)))
    async with connect(link, a), connect(link, b):
        joined = len(a.doc.get_update())
        model = a.read()
        b.read()
        rename = move = 0
        write_ms, arrive_ms, project_ms = [], [], []
        for n in range(repeats):
            arrived = asyncio.Event()
            sub = b.doc.observe(lambda _event, arrived=arrived: arrived.set())
            start = time.perf_counter()
            model = renamed(model, n % 50, f"Renamed {n}")
            sent.clear()
            a.write(model)
            wrote = time.perf_counter()
            await asyncio.wait_for(arrived.wait(), 30)
            came = time.perf_counter()
            seen = b.read()
            done = time.perf_counter()
            b.doc.unobserve(sub)
            stages = [s for stream in seen.streams for s in stream.stages]
            assert stages[n % 50].name == f"Renamed {n}"
            rename = sent[-1]
            write_ms.append((wrote - start) * 1000)
            arrive_ms.append((came - wrote) * 1000)
            project_ms.append((done - came) * 1000)
        data = model.model_dump()
        data["streams"][0]["stages"].append(data["streams"][0]["stages"].pop(0))
        sent.clear()
        a.write(DocumentModel.model_validate(data))
        move = sum(sent)
        presence = json.dumps({"name": "Ann", "color": "#e4572e", "selection": ["s1", "s2"]})
    return {
        "join_bytes": joined, "rename_update_bytes": rename, "move_update_bytes": move,
        "presence_state_bytes": len(presence) + 12,  # + client id, clock, lengths, type
        "latency_ms": {
            "median_total": round(statistics.median(
                [w + r + p for w, r, p in zip(write_ms, arrive_ms, project_ms)]), 1),
            "median_local_write": round(statistics.median(write_ms), 1),
            "median_network": round(statistics.median(arrive_ms), 1),
            "median_projection": round(statistics.median(project_ms), 1),
            "max_total": round(max(w + r + p for w, r, p in zip(write_ms, arrive_ms,
                                                                project_ms)), 1),
            "repeats": repeats,
        },
    }


async def many_peers(link: JoinLink, peers: int, edits: int, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    replicas = [Replica() for _ in range(peers)]
    async with asyncio.TaskGroup() as group:
        contexts = [connect(link, r) for r in replicas]
        for context in contexts:
            await context.__aenter__()
        try:
            for replica in replicas:
                replica.read()
            keys = sorted(replicas[0].roots["stages"].keys())
            start = time.perf_counter()
            for n in range(edits):
                for index, replica in enumerate(replicas):
                    key = rng.choice(keys)
                    with replica.doc.transaction(origin=LOCAL):
                        entry = replica.roots["stages"][key]
                        if n % 4 == 3:  # one edit in four moves a stage within its stream
                            entry["pos"] = rng.uniform(-1.0, float(len(keys)))
                        else:
                            entry["name"] = f"Peer {index} edit {n}"
                if n % 10 == 9:
                    await asyncio.sleep(0)  # let the connections breathe, as people do
            issued = time.perf_counter()
            await until(lambda: len({r.doc.get_state() for r in replicas}) == 1)
            converged = time.perf_counter()
            texts = {dumps(r.read()) for r in replicas}
        finally:
            for context in reversed(contexts):
                await context.__aexit__(None, None, None)
        group.create_task(asyncio.sleep(0))
    return {"peers": peers, "edits_per_peer": edits,
            "seconds_to_issue": round(issued - start, 2),
            "seconds_to_converge": round(converged - start, 2),
            "seconds_after_last_edit": round(converged - issued, 2),
            "peers_identical": len(texts) == 1, "text": texts.pop()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.workshop")
    parser.add_argument("--peers", type=int, default=10)
    parser.add_argument("--edits", type=int, default=1000)
    parser.add_argument("--stages", type=int, default=1000)
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        file = Path(write_synthetic(args.stages, Path(folder)))
        process, link = start_host(file)
        try:
            small = asyncio.run(sizes_and_latency(link, args.repeats))
            big = asyncio.run(many_peers(link, args.peers, args.edits, seed=1))
        finally:
            peak = stop_host(process)
        saved = dumps(load(file))
    text = big.pop("text")
    result = {"stages": args.stages, **small, **big, "host_peak_rss_mb": peak,
              "host_file_equals_peers": saved == text}
    data = json.loads(args.out.read_text(encoding="utf-8")) if args.out.exists() else {
        "machine": machine(), "results": []}
    data["workshop"] = result
    args.out.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))
    return 0 if result["peers_identical"] and result["host_file_equals_peers"] else 1


if __name__ == "__main__":
    sys.exit(main())
