"""One case at one size in a fresh process, so its peak memory is its own; prints JSON.

Peak memory is the process's ``VmHWM`` (bench/timing.py), taken after one untimed run of the
case and before its floor adds its own.

    python -m bench.worker CASE STAGES FILE REPEAT
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bench.timing import Timed, peak_rss_mb

GUI_CASES = {"first_paint", "edit", "toggle_view", "close"}
FRAME_CASES = {"frame_pan", "frame_zoom", "frame_drag", "frame_flip"}


def _model(path: Path):
    from vscdesk.storage import load

    return load(path)


def _app() -> None:
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        _app.instance = QApplication(["vscdesk-bench"])  # kept for the life of the process


def run_case(case: str, path: Path, repeat: int) -> Timed:
    """Dispatch one case by name."""
    from bench import file_cases

    if case == "startup":
        from bench.startup import measure_startup

        return measure_startup(repeat)
    if case == "open":
        return file_cases.open_file(path, repeat)
    if case == "save":
        return file_cases.save(_model(path), path, repeat)
    if case == "analysis":
        return file_cases.analysis(_model(path), repeat)
    if case in ("export_svg", "export_png"):
        _app()  # the floor's plain scene needs QApplication, not only the CLI's QGuiApplication
        return file_cases.export(_model(path), case.removeprefix("export_"), repeat)
    if case in FRAME_CASES:
        _app()
        from bench import frame_cases

        return getattr(frame_cases, case)(_model(path), repeat)
    if case in GUI_CASES:
        _app()
        from bench import canvas_cases

        model = _model(path)
        return getattr(canvas_cases, case)(model, repeat)
    raise SystemExit(f"unknown case {case!r}")


def main(argv: list[str]) -> int:
    case, stages, path, repeat = argv[0], int(argv[1]), Path(argv[2]), int(argv[3])
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    timed = run_case(case, path, repeat)
    peak = timed.peak_rss_mb or peak_rss_mb()
    if case == "startup" and timed.peak_rss_mb is None:  # the app's own, where no VmHWM
        import resource

        child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak = child / (1024 * 1024) if sys.platform == "darwin" else child / 1024
    print(json.dumps({"case": case, "stages": stages, "median_ms": timed.median_ms,
                      "floor_ms": timed.floor_ms, "peak_rss_mb": round(peak, 1),
                      "p95_ms": timed.p95_ms, "floor_p95_ms": timed.floor_p95_ms,
                      "runs_ms": timed.runs_ms, "floor_runs_ms": timed.floor_runs_ms}),
          flush=True)
    sys.stderr.flush()
    os._exit(0)  # skip tearing down windows and scenes: not part of any case


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
