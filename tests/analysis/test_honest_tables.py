"""Unmeasured is not zero in the lane-load table, the metrics use the diagram's word and count
for loop-backs, a blank map prints and draws no empty tables or legends, and every heat-map
colour shows on white paper."""

from __future__ import annotations

import json
from pathlib import Path

from vscdesk.analysis import analyse, metrics_rows
from vscdesk.cli import main
from vscdesk.cli.metrics import figures
from vscdesk.model import DocumentModel, Duration, Lane, Stage, Stream
from vscdesk.render.heat import SCALE, apply_heat, heat_color
from vscdesk.render.primitives import Text
from vscdesk.render.stream import StreamRenderer, stream_drawing
from vscdesk.storage import load

TEMPLATES = Path(__file__).parents[2] / "resources" / "templates"


def _lanes_doc() -> DocumentModel:
    """Lane a: both stages timed; lane b: one of two; lane c: none; lane d: no stage."""
    def stage(i: int, lane: str, timed: bool) -> Stage:
        t = Duration(value=1, unit="h") if timed else None
        return Stage(id=f"s{i}", name=f"S{i}", lane=lane, process_time=t, wait_time=t)

    return DocumentModel(
        title="T", chain={"lanes": [Lane(id=k, name=k.upper()) for k in "abcd"]},
        streams=[Stream(id="x", name="X", stages=[
            stage(1, "a", True), stage(2, "a", True), stage(3, "b", True), stage(4, "b", False),
            stage(5, "c", False)])])


def _lane_table(out: str) -> dict[str, str]:
    table = out.split("Lane load", 1)[1].splitlines()[2:]
    return {line.split()[0]: line for line in table if line.strip() and not line.strip()
            .startswith("≥")}


def test_lane_load_text_says_not_measured_and_at_least_never_0_min(tmp_path, capsys):
    path = tmp_path / "lanes.vsc.json"
    path.write_text(_lanes_doc().model_dump_json(), encoding="utf-8")
    assert main(["metrics", str(path)]) == 0
    out = capsys.readouterr().out
    rows = _lane_table(out)
    assert rows["A"].split()[1:] == ["2", "1", "2", "h", "2", "h"]  # measured in both stages
    assert "≥ 1 h" in rows["B"] and "not measured" not in rows["B"]
    assert rows["C"].count("not measured") == 2
    assert rows["D"].split()[1:] == ["0", "0", "-", "-"]
    assert "0 min" not in out
    assert "≥: measured in some of the lane's stages only" in out


def test_lane_load_json_is_null_when_unmeasured_with_its_coverage():
    doc = _lanes_doc()
    lanes = {row["lane_id"]: row for row in figures(doc, analyse(doc))["lane_load"]}
    assert lanes["a"]["process_minutes"] == 120 and lanes["a"]["figures"]["lead_minutes"][
        "bound"] == "exact"
    assert lanes["b"]["figures"]["wait_minutes"] == {"value": 60.0, "measured_stages": 1,
                                                     "stages": 2, "bound": "at_least"}
    assert lanes["c"]["process_minutes"] is None and lanes["c"]["wait_minutes"] is None
    assert lanes["c"]["figures"]["lead_minutes"]["bound"] == "not_measured"


def test_itil_template_lane_load_has_no_zero_minutes(capsys):
    assert main(["metrics", str(TEMPLATES / "itil4.vsc.json")]) == 0
    out = capsys.readouterr().out
    rows = _lane_table(out)
    assert rows["Plan"].count("not measured") == 2  # the Plan stage has no timings
    assert "0 min" not in out.split("Lane load", 1)[1]


def test_metrics_say_loop_backs_with_the_diagrams_count(example_file, capsys):
    doc = load(example_file)
    painter = StreamRenderer(doc)
    rows = metrics_rows(doc, analyse(doc))
    for stream, row in zip(doc.streams, rows):
        stats = painter.stats(stream)  # "4 stages · 3 activities · 2 loop-backs"
        assert f"{row['loop-backs']} loop-backs" in stats or (
            row["loop-backs"] == "1" and "1 loop-back" in stats)
        assert "returns" not in row
    assert [r["loop-backs"] for r in rows] == ["2", "2", "2"]
    assert main(["metrics", str(example_file)]) == 0
    out = capsys.readouterr().out
    assert "loop-backs      2" in out and "returns" not in out
    assert main(["metrics", "--json", str(example_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [s["loop_backs"] for s in data["streams"]] == [2, 2, 2]
    assert "returns" not in data["streams"][0]


def test_blank_template_prints_no_empty_lane_table(capsys):
    assert main(["metrics", str(TEMPLATES / "blank.vsc.json")]) == 0
    out = capsys.readouterr().out
    assert "lane  stages" not in out
    assert out.splitlines() == ["No streams yet.", "", "Lane load: no stages yet"]


def test_stage_targets_none_set_instead_of_0_min():
    doc = _lanes_doc()
    assert metrics_rows(doc, analyse(doc))[0]["stage targets"] == "none set"


def _texts(drawing) -> str:
    return " ".join(p.text for g in drawing.groups for p in g.items if isinstance(p, Text))


def test_heat_map_of_a_blank_document_adds_no_lone_heading():
    blank = load(TEMPLATES / "blank.vsc.json")
    for measure in ("wait_time", "pca", "sla_status", "lane_visits"):
        drawing = stream_drawing(blank)
        heated = apply_heat(drawing, blank, measure)
        assert "HEAT MAP" not in _texts(heated)
        assert not any(g.key == "heat-legend" for g in heated.groups)
        assert heated.height == drawing.height


def _contrast_with_white(color: str) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(int(color[i:i + 2], 16) / 255) for i in (1, 3, 5))
    return 1.05 / (0.2126 * r + 0.7152 * g + 0.0722 * b + 0.05)


def test_every_heat_colour_shows_on_white_paper():
    assert all(_contrast_with_white(c) >= 1.15 for c in SCALE)
    assert _contrast_with_white(heat_color(0.0)) >= 1.15  # the best stage of a pca map


def test_pca_heat_map_paints_its_best_stage_visibly(example_file):
    doc = load(example_file)
    heated = apply_heat(stream_drawing(doc), doc, "pca")
    best = max((s for st in doc.streams for s in st.stages
                if s.percent_complete_accurate is not None),
               key=lambda s: s.percent_complete_accurate)
    group = next(g for g in heated.groups if g.key == f"stage:{best.id}")
    face = next(p for p in group.items if getattr(p, "fill", None) in SCALE)
    assert face.fill == SCALE[0] and _contrast_with_white(face.fill) >= 1.15
