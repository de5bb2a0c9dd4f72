"""``vscdesk metrics FILE [--json]``: per stream lean figures, lane load and flow metrics."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from vscdesk.cli import fail

#: periods of flow metrics printed per stream as text (JSON has them all)
RECENT_PERIODS = 6


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print raw figures as JSON "
                        "(times in minutes, flow times in days, ratios 0..1)")
    parser.add_argument("--period", choices=("week", "month"), default="week",
                        help="the period of the flow metrics (default: week)")


def figures(doc, analysis) -> dict[str, Any]:
    """The JSON form: raw numbers, ids and names. A figure measured in no stage is null, not
    0; ``figures`` gives each one with the stages it rests on (``measured_stages`` of
    ``stages``) and whether it is exact or a bound."""
    from vscdesk.analysis.honest import lean_figures

    streams = []
    for stream in doc.streams:
        item = analysis.streams[stream.id]
        lean, rollup = item.lean, item.rollup
        fig = lean_figures(lean)
        streams.append({
            "id": stream.id, "name": stream.name, "stages": len(stream.stages),
            **{key: f.value for key, f in fig.items()},
            "figures": {key: f.as_json() for key, f in fig.items()},
            "stage_targets_minutes": rollup.stage_sum_minutes,
            "target_minutes": rollup.target_minutes, "stages_cannot_meet_target": rollup.exceeds,
            # the diagram's word and count: steps to a lane further left in chain order
            "loop_backs": len(item.loops.loop_backs),
            "activities_revisited": len(item.loops.revisited_lanes),
        })
    data = analysis.to_dict()
    return {"streams": streams, "lane_load": [_lane_json(row, load) for row, load in
                                              zip(data["lane_load"], analysis.lane_load)],
            "flow": data["flow"]}


def _lane_json(row: dict[str, Any], load) -> dict[str, Any]:
    """A lane's raw figures: a time measured in none of its stages is null, not 0."""
    from vscdesk.analysis.honest import lane_figures

    fig = lane_figures(load)
    return {**row, **{key: f.value for key, f in fig.items()},
            "figures": {key: f.as_json() for key, f in fig.items()}}


def _table(rows: list[list[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return ["  " + "  ".join(cell.ljust(w) if i == 0 else cell.rjust(w)
                             for i, (cell, w) in enumerate(zip(row, widths))).rstrip()
            for row in rows]


def text_lines(doc, analysis) -> list[str]:
    """Readable text: one block per stream, then lane load, then recent flow periods."""
    from vscdesk.analysis.report import metrics_rows

    lines: list[str] = []
    for row in metrics_rows(doc, analysis):
        lines.append(row.pop("stream"))
        width = max(len(key) for key in row)
        lines.extend(f"  {key.ljust(width)}  {value}" for key, value in row.items())
        lines.append("")
    if not doc.streams:
        lines += ["No streams yet.", ""]
    lines += _lane_lines(doc, analysis)
    for stream in doc.streams:
        periods = analysis.flow_of(stream.id)[-RECENT_PERIODS:]
        if periods:
            lines += ["", f"Flow: {stream.name}"]
            lines.extend(_table([["period", "velocity", "flow time", "load", "efficiency",
                                  "feature/defect/risk/debt"]] + [_flow_row(p) for p in periods]))
    return lines


def _lane_lines(doc, analysis) -> list[str]:
    """The lane-load table; a lane time measured in none of its stages is "not measured", one
    measured in some is a bound; no table at all while no lane has a stage."""
    from vscdesk.analysis.honest import lane_figures, minutes, short_text

    loads = [load for load in analysis.lane_load if load.stages]
    if not loads:
        return ["Lane load: no stages yet"]
    names = {lane.id: lane.name for lane in doc.chain.lanes}
    rows = [["lane", "stages", "streams", "process", "wait"]]
    partial = False
    for load in analysis.lane_load:
        fig = lane_figures(load)
        cells = [short_text(fig[key], minutes) if load.stages else "-"
                 for key in ("process_minutes", "wait_minutes")]
        partial |= any(fig[key].bound == "at_least" for key in ("process_minutes", "wait_minutes"))
        rows.append([names[load.lane_id], str(load.stages), str(load.streams), *cells])
    lines = ["Lane load", *_table(rows)]
    if partial:
        lines.append("  ≥: measured in some of the lane's stages only")
    return lines


def _flow_row(period) -> list[str]:
    days = "-" if period.flow_time_days is None else f"{period.flow_time_days:.1f} d"
    eff = "-" if period.efficiency is None else f"{period.efficiency * 100:.0f} %"
    mix = "/".join(str(n) for n in period.distribution.values())
    return [period.period, str(period.velocity), days, str(period.load), eff, mix]


def run(args: argparse.Namespace) -> int:
    from vscdesk.analysis.engine import analyse
    from vscdesk.storage import LoadError, load

    try:
        doc = load(args.file)
    except LoadError as err:
        return fail(str(err))
    analysis = analyse(doc, period=args.period)
    if args.json:
        from vscdesk.cli.json_out import dumps

        print(dumps(figures(doc, analysis)))
    else:
        print("\n".join(text_lines(doc, analysis)))
    return 0
