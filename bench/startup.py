"""The ``startup`` case: process start to first painted main window, beside a bare window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time

from bench.timing import Timed

HOOK = "VSCDESK_BENCH_EXIT_AFTER_PAINT"
TIMEOUT = 60


def painted_after(argv: list[str]) -> float:
    """Milliseconds from starting ``argv`` until it prints ``painted <time>``."""
    env = dict(os.environ, **{HOOK: "1"})
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.time()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    for line in done.stdout.splitlines():
        if line.startswith("painted "):
            return (float(line.split()[1]) - start) * 1000.0
    raise RuntimeError(f"{' '.join(argv)} never reported its first paint "
                       f"(exit {done.returncode}): {done.stderr.strip()[-300:]}")


def measure_startup(repeat: int) -> Timed:
    """vscdesk with the bundled example against a bare PySide6 window, taking turns."""
    app = [sys.executable, "-m", "vscdesk"]
    bare = [sys.executable, "-m", "bench.bare_window"]
    painted_after(app)  # warm the file cache for both, untimed
    painted_after(bare)
    runs, floors = [], []
    for _ in range(repeat):
        runs.append(painted_after(app))
        floors.append(painted_after(bare))
    return Timed(statistics.median(runs), statistics.median(floors), tuple(runs), tuple(floors))
