"""The ``startup`` case: process start to first painted main window, beside a bare window."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.timing import Timed

HOOK = "VSCDESK_BENCH_EXIT_AFTER_PAINT"
TIMEOUT = 60


def painted_after(argv: list[str]) -> tuple[float, float | None]:
    """Milliseconds from starting ``argv`` until it prints ``painted <time>``, and the peak
    memory (MB) it reports on exit when started through ``bench.peak``."""
    env = dict(os.environ, **{HOOK: "1"}, **_fresh_user_dirs())
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    start = time.time()
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=TIMEOUT)
    lines = done.stdout.splitlines()
    peak = next((float(line.split()[1]) for line in lines if line.startswith("peak ")), None)
    for line in lines:
        if line.startswith("painted "):
            return (float(line.split()[1]) - start) * 1000.0, peak
    raise RuntimeError(f"{' '.join(argv)} never reported its first paint "
                       f"(exit {done.returncode}): {done.stderr.strip()[-300:]}")


def _fresh_user_dirs() -> dict[str, str]:
    """Settings and state of a user who has used vscdesk before but left nothing to recover."""
    home = Path(tempfile.gettempdir()) / "vscdesk-bench-home"
    return {name: str(home / name.lower()) for name in
            ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")}


def measure_startup(repeat: int) -> Timed:
    """vscdesk opening the bundled example (given as its file, so no welcome page or last
    document interferes) against a bare PySide6 window, taking turns."""
    import compileall

    import vscdesk
    from vscdesk.bundled import example_path

    # Bytecode as an installed vscdesk has it (pip and the bundle compile it): an editable
    # checkout run with PYTHONDONTWRITEBYTECODE=1 would otherwise compile 170 modules at every
    # start, 150 ms that no user pays.
    compileall.compile_dir(Path(vscdesk.__file__).parent, quiet=1)
    app = [sys.executable, "-m", "bench.peak", "vscdesk", str(example_path())]
    bare = [sys.executable, "-m", "bench.peak", "bench.bare_window"]
    painted_after(app)  # warm the file cache for both, untimed
    painted_after(bare)
    runs, floors, peaks = [], [], []
    for _ in range(repeat):
        ms, peak = painted_after(app)
        runs.append(ms)
        peaks.append(peak)
        floors.append(painted_after(bare)[0])
    known = [p for p in peaks if p is not None]
    return Timed(statistics.median(runs), statistics.median(floors), tuple(runs), tuple(floors),
                 max(known) if known else None)
