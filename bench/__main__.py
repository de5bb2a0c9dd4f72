"""``python -m bench`` (``make bench``): every case at every size, each beside its floor.

    python -m bench                   the full run: 100, 1,000, 10,000 and 50,000 stages
                                      (100,000 for open, first paint, edit and save;
                                      frame cases at 1,000, 10,000 and 50,000)
    python -m bench --quick           up to 1,000 stages, fewer repeats
    python -m bench --cases edit,open only these cases
    python -m bench --docs PAGE.md    also write the Markdown page (a full run writes
                                      docs/performance.md, which the README links to)

Each case at each size runs in its own process (``bench.worker``) so its peak memory is its
own; results go to ``bench/results.json`` and a table is printed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.report import (load_average, load_warning, machine, machine_line, result_row, table,
                          write_results)
from bench.synthetic import generate_apart
from bench.targets import check_targets, checks_table

CASES = ("startup", "open", "first_paint", "edit", "toggle_view", "export_svg", "export_png",
         "save", "close", "analysis", "frame_pan", "frame_zoom", "frame_drag", "frame_flip")
SIZES = (100, 1_000, 10_000, 50_000, 100_000)
#: the sizes each case runs at in a full run (a narrower --sizes narrows these)
CASE_SIZES = {
    **dict.fromkeys(("open", "first_paint", "edit", "save"), SIZES),  # 100k: usable at all?
    **dict.fromkeys(("frame_pan", "frame_zoom", "frame_drag", "frame_flip"),
                    (1_000, 10_000, 50_000)),
}
QUICK_SIZES = (100, 1_000)
RESULTS = Path(__file__).with_name("results.json")
DOCS = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
README = DOCS.parent.parent / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"  # the README's generated table
CACHE = Path(tempfile.gettempdir()) / "vscdesk-bench"


def _args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="up to 1,000 stages, 3 repeats")
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--sizes", help="comma-separated stage counts (default: all)")
    parser.add_argument("--repeat", type=int, help="runs per case (default 5, quick 3)")
    parser.add_argument("--out", type=Path, default=RESULTS, help="results JSON file")
    parser.add_argument("--docs", type=Path,
                        help=f"also write this Markdown page (a full run writes {DOCS})")
    args = parser.parse_args(argv)
    if args.docs is None and not (args.quick or args.cases or args.sizes or args.repeat):
        args.docs = DOCS  # the full run of `make bench` is the one the README shows
    args.cases = args.cases.split(",") if args.cases else list(CASES)
    unknown = set(args.cases) - set(CASES)
    if unknown:
        parser.error(f"unknown case {', '.join(sorted(unknown))} (cases: {', '.join(CASES)})")
    args.exact_sizes = bool(args.sizes)  # sizes asked for run for every case asked for
    args.sizes = ([int(s) for s in args.sizes.split(",")] if args.sizes
                  else list(QUICK_SIZES if args.quick else SIZES))
    args.repeat = args.repeat or (3 if args.quick else 5)
    return args


def _example_stages() -> int:
    from vscdesk.bundled import example_path

    data = json.loads(example_path().read_text(encoding="utf-8"))
    return sum(len(s["stages"]) for s in data["streams"])


def run_worker(case: str, stages: int, path: Path, repeat: int) -> dict:
    """One case at one size in its own process; its JSON line back as a dict."""
    argv = [sys.executable, "-m", "bench.worker", case, str(stages), str(path), str(repeat)]
    done = subprocess.run(argv, capture_output=True, text=True, cwd=Path(__file__).parent.parent)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"{case} at {stages} failed (exit {done.returncode}):\n"
                           f"{done.stderr.strip()[-2000:]}")
    return json.loads(lines[-1])


def plan(args: argparse.Namespace) -> list[tuple[str, int, Path, int]]:
    """(case, stages, file, repeats) for everything asked for, files generated as needed."""
    from vscdesk.bundled import example_path

    CACHE.mkdir(exist_ok=True)
    jobs = []
    for case in args.cases:
        if case == "startup":
            jobs.append((case, _example_stages(), example_path(), args.repeat))
            continue
        for stages in args.sizes:
            if stages not in CASE_SIZES.get(case, SIZES[:-1]) and not args.exact_sizes:
                continue
            repeat = min(args.repeat, 3) if stages >= 50_000 else args.repeat
            jobs.append((case, stages, generate_apart(stages, CACHE), repeat))
    return jobs


def markdown(rows: list[dict], info: dict, quick: bool, load: dict | None = None) -> str:
    when = dt.date.today().isoformat()
    kind = "quick run" if quick else "full run"
    busy = ""
    if load and load.get("start") and load.get("end"):
        busy = (f" Load average (1 min) {load['start'][0]:.1f} at the start, "
                f"{load['end'][0]:.1f} at the end.")
    return (f"Measured {when} ({kind} of `make bench`) on {machine_line(info)}.{busy}\n\n"
            f"{table(rows)}\n\nPerformance targets:\n\n{checks_table(check_targets(rows))}\n")


def main(argv: list[str] | None = None) -> int:
    args = _args(argv)
    rows, failed = [], []
    load = {"start": load_average()}
    jobs = plan(args)  # maps generated before the clock of any case starts
    for case, stages, path, repeat in jobs:
        print(f"{case:>12} {stages:>7,} stages …", end=" ", flush=True)
        try:
            rows.append(result_row(run_worker(case, stages, path, repeat)))
        except (RuntimeError, subprocess.TimeoutExpired) as err:  # report it, run the rest
            failed.append(f"{case} at {stages:,} stages")
            print(f"FAILED\n{err}", flush=True)
            continue
        r = rows[-1]
        floor = "" if r["floor_ms"] is None else f" (floor {r['floor_ms']:.1f} ms)"
        print(f"{r['median_ms']:.1f} ms{floor}, {r['peak_rss_mb']:.0f} MB", flush=True)
    info = machine()
    load["end"] = load_average()
    write_results(args.out, rows, info, load)
    text = markdown(rows, info, args.quick, load)
    print(f"\n{text}\nwrote {args.out}")
    warning = load_warning(load, info["cores"])
    if warning:
        print(f"warning: {warning}", file=sys.stderr)
    if args.docs:
        args.docs.write_text(_page(text), encoding="utf-8")
        print(f"wrote {args.docs}")
        if args.docs == DOCS and update_readme(README, text):
            print(f"updated the Performance section of {README}")
    if failed:
        print(f"failed: {'; '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


def update_readme(readme: Path, text: str) -> bool:
    """Put ``text`` between the bench markers of the README's Performance section."""
    try:
        content = readme.read_text(encoding="utf-8")
    except OSError:
        return False
    start, end = content.find(START), content.find(END)
    if start < 0 or end < start:
        return False
    readme.write_text(content[:start + len(START)] + "\n" + text + content[end:],
                      encoding="utf-8")
    return True


def _page(text: str) -> str:
    return ("# Performance\n\n"
            "The output of `make bench` (`python -m bench`): synthetic maps of realistic streams, "
            "every case timed several times (median) beside a floor measured in the same run; "
            "see `bench/` for what each case and floor does, and "
            "[performance-design.md](performance-design.md) for why the numbers are what "
            "they are.\n\n" + text)


if __name__ == "__main__":
    sys.exit(main())
