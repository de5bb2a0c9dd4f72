"""``python -m bench`` writes results.json in its schema (bench/report.py) and prints its table."""

import json
import os
import subprocess
import sys
from pathlib import Path

from bench.startup import measure_startup
from bench.targets import check_targets

ROOT = Path(__file__).resolve().parents[2]


def test_a_run_writes_the_json_schema_the_table_and_the_docs_page(tmp_path):
    out, page = tmp_path / "results.json", tmp_path / "performance.md"
    done = subprocess.run(
        [sys.executable, "-m", "bench", "--cases", "open,save,analysis", "--sizes", "100",
         "--repeat", "1", "--out", str(out), "--docs", str(page)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert done.returncode == 0, done.stderr[-2000:]
    data = json.loads(out.read_text())
    assert set(data) == {"machine", "results"}
    assert data["machine"]["cores"] >= 1
    rows = {r["case"]: r for r in data["results"]}
    assert set(rows) == {"open", "save", "analysis"}
    for row in rows.values():
        assert set(row) == {"case", "stages", "median_ms", "floor_ms", "ratio", "peak_rss_mb"}
        assert row["stages"] == 100 and row["median_ms"] > 0 and row["peak_rss_mb"] > 0
    assert rows["open"]["floor_ms"] > 0
    ratio = rows["open"]["median_ms"] / rows["open"]["floor_ms"]
    assert abs(rows["open"]["ratio"] - ratio) < 0.05 * ratio  # from the unrounded medians
    assert rows["analysis"]["floor_ms"] is None and rows["analysis"]["ratio"] is None
    assert "| `open` | 100 |" in done.stdout
    assert "| `open` | 100 |" in page.read_text()


def test_unknown_cases_are_refused():
    done = subprocess.run([sys.executable, "-m", "bench", "--cases", "opne"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "unknown case opne" in done.stderr


def test_the_app_reports_its_first_paint_beside_a_bare_window():
    timed = measure_startup(1)
    assert timed.median_ms > 0 and timed.floor_ms > 0
    assert len(timed.runs_ms) == len(timed.floor_runs_ms) == 1


def test_targets_are_judged_from_the_rows():
    rows = [{"case": "edit", "stages": 100, "median_ms": 2.0, "floor_ms": 1.0, "ratio": 2.0,
             "peak_rss_mb": 100},
            {"case": "edit", "stages": 10_000, "median_ms": 6.0, "floor_ms": 1.0, "ratio": 6.0,
             "peak_rss_mb": 320}]
    checks = {c.target: c.met for c in check_targets(rows)}
    assert checks == {"edit at 10k ≤ 5 ms": False, "edit at 10k ≤ 2× edit at 100": False,
                      "peak memory at 10k ≤ 300 MB": False}


def test_the_readme_table_is_replaced_between_its_markers_only(tmp_path):
    from bench.__main__ import END, START, update_readme

    readme = tmp_path / "README.md"
    readme.write_text(f"# App\n\n## Performance\n\n{START}\nold table\n{END}\nafter\n")
    assert update_readme(readme, "new table\n")
    assert readme.read_text() == f"# App\n\n## Performance\n\n{START}\nnew table\n{END}\nafter\n"
    plain = tmp_path / "PLAIN.md"
    plain.write_text("no markers\n")
    assert not update_readme(plain, "x") and plain.read_text() == "no markers\n"
