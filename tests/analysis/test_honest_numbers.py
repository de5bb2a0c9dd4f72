"""Unmeasured is not zero: every lean figure says how many stages it rests on, on maps with
complete, partial and no measurements, in the report text, the JSON, the heat map and the
title and legend of the drawing."""

from __future__ import annotations

from vscdesk.analysis import analyse, metrics_rows
from vscdesk.analysis.heat import stage_heat
from vscdesk.analysis.honest import lean_figures
from vscdesk.cli.metrics import figures
from vscdesk.model import DocumentModel, Duration, Lane, Sla, Stage, Stream
from vscdesk.render.chain import chain_drawing
from vscdesk.render.heat import apply_heat
from vscdesk.render.primitives import Path, Text


def _stage(i: int, process: float | None = None, wait: float | None = None,
           pca: float | None = None, **more) -> Stage:
    return Stage(id=f"s{i}", name=f"Stage {i}", lane="a",
                 process_time=Duration(value=process, unit="h") if process is not None else None,
                 wait_time=Duration(value=wait, unit="h") if wait is not None else None,
                 percent_complete_accurate=pca, **more)


def _doc(*stages: Stage) -> DocumentModel:
    return DocumentModel(title="T", chain={"lanes": [Lane(id="a", name="A")]},
                         streams=[Stream(id="x", name="X", stages=list(stages))])


PARTIAL = _doc(_stage(1, 0.5, 4, 90), *(_stage(i) for i in range(2, 6)))
COMPLETE = _doc(_stage(1, 0.5, 4, 90), _stage(2, 1, 2, 50))
NONE = _doc(*(_stage(i) for i in range(1, 4)))


def _row(doc: DocumentModel) -> dict[str, str]:
    return metrics_rows(doc, analyse(doc))[0]


def test_a_partly_measured_stream_gives_bounds_and_how_many_stages():
    row = _row(PARTIAL)
    assert row["lead"] == "≥ 4.5 h · measured in 1 of 5 stages"
    assert row["process"] == "≥ 30 min · measured in 1 of 5 stages"
    assert row["wait"] == "≥ 4 h · measured in 1 of 5 stages"
    assert row["activity ratio"] == "11.1 % · measured in 1 of 5 stages"
    assert row["rolled %C&A"] == "≤ 90.0 % · measured in 1 of 5 stages"
    assert row["bottleneck"] == "Stage 1 · measured in 1 of 5 stages"


def test_a_fully_measured_stream_gives_plain_figures():
    row = _row(COMPLETE)
    assert (row["lead"], row["process"], row["wait"]) == ("7.5 h", "1.5 h", "6 h")
    assert row["activity ratio"] == "20.0 %" and row["rolled %C&A"] == "45.0 %"
    assert row["bottleneck"] == "Stage 1"


def test_a_stream_without_timings_is_not_measured_never_zero():
    row = _row(NONE)
    for key in ("lead", "process", "wait", "activity ratio", "rolled %C&A", "bottleneck"):
        assert row[key] == "not measured", key


def test_json_carries_measured_stages_and_stages_per_figure():
    partial = figures(PARTIAL, analyse(PARTIAL))["streams"][0]
    assert partial["lead_minutes"] == 270
    assert partial["figures"]["lead_minutes"] == {"value": 270.0, "measured_stages": 1,
                                                  "stages": 5, "bound": "at_least"}
    assert partial["figures"]["rolled_pca"]["bound"] == "at_most"
    none = figures(NONE, analyse(NONE))["streams"][0]
    assert none["lead_minutes"] is None and none["activity_ratio"] is None  # not 0
    assert none["figures"]["lead_minutes"] == {"value": None, "measured_stages": 0,
                                               "stages": 3, "bound": "not_measured"}
    complete = figures(COMPLETE, analyse(COMPLETE))["streams"][0]
    assert {f["bound"] for f in complete["figures"].values()} == {"exact"}


def test_a_stage_with_only_a_process_time_makes_the_lead_time_a_bound():
    doc = _doc(_stage(1, 1, 1), _stage(2, 2, None))
    fig = lean_figures(analyse(doc).streams["x"].lean)
    assert fig["lead_minutes"].bound == "at_least" and fig["lead_minutes"].measured_stages == 1
    assert fig["activity_ratio"].value == 0.5  # from the stage whose lead time is known
    assert fig["process_minutes"].bound == "exact"


def _texts(group) -> str:
    return " ".join(p.text for p in group.items if isinstance(p, Text))


def test_heat_map_with_one_measured_stage_is_coloured_and_names_the_rest():
    heats = stage_heat(PARTIAL, analyse(PARTIAL), "wait_time")
    assert heats["s1"].heat == 0.5  # one value: the middle of the scale, not white
    drawing = apply_heat(chain_drawing(PARTIAL), PARTIAL, "wait_time")
    legend = next(g for g in drawing.groups if g.key == "heat-legend")
    text = _texts(legend)
    assert "4 h … 4 h" not in text and "the one measured stage: 4 h" in text
    assert "not measured (4): Stage 2, Stage 3, Stage 4, Stage 5" in text
    cards = {g.ref: g for g in drawing.groups if g.kind == "stage"}
    hatched = {ref for ref, g in cards.items()
               if any(isinstance(p, Path) and p.stroke is not None and p.fill is None
                      and len(p.ops) > 4 for p in g.items[:4])}
    assert hatched == {"s2", "s3", "s4", "s5"}


def test_slas_without_actuals_are_counted_not_denied():
    doc = _doc(_stage(1, slas=[Sla(name="Lead", target=1, unit="d")]),
               _stage(2, slas=[Sla(name="Lead", target=2, unit="d")]))
    title = _texts(next(g for g in chain_drawing(doc).groups if g.key == "title"))
    assert "NO STAGE SLAs YET" not in title and "2 SLAs · no actuals yet" in title
    assert "NO STAGE SLAs YET" in _texts(next(g for g in chain_drawing(NONE).groups
                                              if g.key == "title"))


def test_the_legend_lists_only_what_the_drawing_shows():
    legend = _texts(next(g for g in chain_drawing(NONE).groups if g.key == "legend"))
    for absent in ("STAKEHOLDERS", "Team", "External", "LINKS", "SLA STATUS", "SUPPORTING",
                   "Loop-back", "INITIALS"):
        assert absent not in legend, absent
    assert "Next stage" in legend and "CUSTOMER" in legend and "Stage step" in legend
