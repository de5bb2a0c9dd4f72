"""One row per stage, in order: the CSV that spreadsheets exchange with vscdesk.

Columns ``stream``, ``stage`` and ``lane`` are required; the rest are optional. Durations are a
number with min, h, d or wk; lists are separated by ';'; SLAs read ``lead_time<=4h``;
stakeholders read ``Service desk (participating, R)``. Export writes every column, so a round
trip keeps everything CSV can hold (not stream descriptions, stream SLAs, owners or links).
"""

from __future__ import annotations

from pathlib import Path

from vscdesk.interop.csv_file import read_csv_text
from vscdesk.interop.errors import reading
from vscdesk.interop.notation import format_duration, format_number, format_ref, format_sla, join_list
from vscdesk.interop.csv_safety import csv_line
from vscdesk.interop.stages_csv_read import COLUMNS, CsvReader
from vscdesk.model import Chain, DocumentModel, Stage, Stakeholder, Stream

MAX_CSV_BYTES = 20 * 1024 * 1024

__all__ = ["COLUMNS", "MAX_CSV_BYTES", "read_stages_csv", "stages_from_csv", "stages_to_csv"]


def _row(doc: DocumentModel, stream: Stream, order: int, stage: Stage) -> dict[str, str]:
    names = {p.id: p.name for p in doc.stakeholders}
    lanes = {lane.id: lane for lane in doc.chain.lanes}
    groups = {group.id: group.name for group in doc.chain.groups}
    lane = lanes.get(stage.lane or "")
    ca = stage.percent_complete_accurate
    return {
        "stream": stream.name, "stream_id": stream.id, "stream_kind": stream.kind,
        "trigger": stream.trigger, "value": stream.value, "order": str(order),
        "stage": stage.name, "stage_id": stage.id, "lane": lane.name if lane else "",
        "description": stage.description,
        "process_time": format_duration(stage.process_time),
        "wait_time": format_duration(stage.wait_time),
        "complete_accurate": "" if ca is None else format_number(ca),
        "slas": join_list([format_sla(s) for s in stage.slas]),
        "stakeholders": join_list([format_ref(names[r.stakeholder], r) for r in stage.stakeholders]),
        "practices": join_list(stage.practices), "value_items": join_list(stage.value_items),
        "entrance": join_list(stage.entrance_criteria), "exit": join_list(stage.exit_criteria),
        "capabilities": join_list(stage.capabilities),
        "lane_group": groups.get(lane.group or "", "") if lane else "",
    }


def stages_to_csv(doc: DocumentModel) -> str:
    """Every stage of every stream as CSV text, with a header row, in stream order; no cell
    can run as a spreadsheet formula, whatever list separator the spreadsheet uses
    (``csv_safety``)."""
    lines = [csv_line(COLUMNS)]
    for stream in doc.streams:
        for order, stage in enumerate(stream.stages, start=1):
            row = _row(doc, stream, order, stage)
            lines.append(csv_line([row[column] for column in COLUMNS]))
    return "".join(lines)


def stages_from_csv(text: str, chain: Chain | None = None,
                    stakeholders: list[Stakeholder] | None = None,
                    title: str = "Imported stages", source: str = "CSV") -> DocumentModel:
    """A document from CSV text; lanes match ``chain`` by name ignoring case, else are added in
    order of first appearance; stakeholders match ``stakeholders`` by name, else are added."""
    return CsvReader(chain or Chain(), list(stakeholders or []), source).read(text, title)


def read_stages_csv(path: Path, chain: Chain | None = None,
                    stakeholders: list[Stakeholder] | None = None,
                    max_bytes: int = MAX_CSV_BYTES) -> DocumentModel:
    """A document from a CSV file (UTF-8, with or without a byte-order mark)."""
    with reading(path.name):
        text = read_csv_text(path, max_bytes)
        return stages_from_csv(text, chain, stakeholders, title=path.stem, source=path.name)
