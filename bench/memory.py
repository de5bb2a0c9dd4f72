"""Where the memory of a large map goes: resident memory after each step of opening it in the
window, Python's share by source line (tracemalloc), and how many Qt items and display-list
objects the canvas holds.

    python -m bench.memory STAGES [--trace]

``--trace`` runs tracemalloc (several times slower, and its own bookkeeping adds to the
resident figures); without it only the resident steps and the counts are printed.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import tempfile
import tracemalloc
from pathlib import Path

from bench.synthetic import generate_apart


def _rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as lines:
        for line in lines:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _step(name: str, before: list[float]) -> None:
    now = _rss_mb()
    print(f"{name:<40} {now:8.1f} MB  (+{now - before[0]:.1f})", flush=True)
    before[0] = now


def _counts(window) -> None:
    scene = window.scene
    groups = scene.current_drawing().groups
    kinds: dict[str, int] = {}
    for g in groups:
        kinds[g.kind] = kinds.get(g.kind, 0) + 1
    primitives = sum(len(g.items) for g in groups)
    print(f"Qt items in the scene: {len(scene.items()):,}; groups: {len(groups):,} "
          f"({', '.join(f'{k} {n:,}' for k, n in sorted(kinds.items()))}); "
          f"primitives: {primitives:,}; python objects tracked by gc: {len(gc.get_objects()):,}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.memory")
    parser.add_argument("stages", type=int)
    parser.add_argument("--trace", action="store_true")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    path = generate_apart(args.stages, Path(tempfile.gettempdir()) / "vscdesk-bench")
    if args.trace:
        tracemalloc.start(1)
    before = [_rss_mb()]
    _step("python + bench", before)
    from PySide6.QtWidgets import QApplication

    from bench.canvas_cases import _window, painted
    from vscdesk.storage import load

    app = QApplication(["vscdesk-bench"])
    _step("imports, QApplication", before)
    window = _window()
    _step("empty window shown", before)
    snap0 = tracemalloc.take_snapshot() if args.trace else None
    model = load(path)
    _step(f"model of {args.stages:,} stages loaded", before)
    window.show_model(model, None)
    _step("canvas built (show_model)", before)
    painted(window.view, whole=True)
    _step("first paint (fitted)", before)
    window.view.set_zoom(1.0)
    painted(window.view, whole=True)
    _step("painted at 100 %", before)
    window.scene.set_view("stream")
    painted(window.view, whole=True)
    _step("stream view", before)
    window.scene.set_view("chain")
    painted(window.view, whole=True)
    _step("chain view again", before)
    _counts(window)
    if snap0 is not None:
        snap = tracemalloc.take_snapshot()
        print("\nPython allocations since the empty window, by line (top 25):")
        for stat in snap.compare_to(snap0, "lineno")[:25]:
            frame = stat.traceback[0]
            print(f"{stat.size_diff / 2**20:8.1f} MB {stat.count_diff:>10,} blocks  "
                  f"{Path(frame.filename).name}:{frame.lineno}")
        total = sum(s.size_diff for s in snap.compare_to(snap0, "filename"))
        print(f"{total / 2**20:8.1f} MB in all Python allocations since the empty window")
    print(f"peak (VmHWM): {_peak():.1f} MB")
    del app
    sys.stdout.flush()
    os._exit(0)


def _peak() -> float:
    from bench.timing import peak_rss_mb

    return peak_rss_mb()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
