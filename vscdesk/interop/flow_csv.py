"""Flow items (Flow Framework work items) from a CSV that a tracker or spreadsheet exports.

Columns: ``id``, ``type`` (feature, defect, risk or debt), ``stream`` (its id or name),
``started`` and ``finished`` (YYYY-MM-DD; finished may be blank), ``active_time`` (such as
"3 d" or "90 min"; may be blank). The header row names them in any order. Rows are counted
as a spreadsheet shows them: the header is row 1. Every bad row is reported, not just the first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from pydantic import ValidationError

from vscdesk.interop.csv_file import CsvSyntaxError, csv_rows, read_csv_text
from vscdesk.interop.errors import InteropError, reading
from vscdesk.interop.notation import parse_duration
from vscdesk.model import FlowItem, Stream, is_valid_id
from vscdesk.model.types import FlowItemType

COLUMNS = ("id", "type", "stream", "started", "finished", "active_time")
REQUIRED = ("id", "type", "stream", "started")
TYPES: tuple[FlowItemType, ...] = ("feature", "defect", "risk", "debt")
MAX_CSV_BYTES = 50 * 1024 * 1024
MAX_REPORTED = 20
#: Rows one flow CSV may hold: the most flow items a document keeps.
MAX_ROWS = 1_000_000
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class FlowCsvError(InteropError):
    """A flow CSV with bad rows: ``errors`` lists each one, the message the first few."""

    def __init__(self, errors: list[str], source: str = "CSV") -> None:
        self.errors = errors
        shown = "; ".join(errors[:MAX_REPORTED])
        more = f" (and {len(errors) - MAX_REPORTED} more)" if len(errors) > MAX_REPORTED else ""
        super().__init__(f"{source}: {shown}{more}")


class _BadCell(ValueError):
    """A cell that cannot be read, with the column it is in."""

    def __init__(self, column: str, why: str) -> None:
        super().__init__(f"column {column}: {why}")


def _header(row: list[str]) -> list[str]:
    return [cell.strip().lower().replace(" ", "_").replace("-", "_") for cell in row]


def _date(cells: dict[str, str], column: str) -> dt.date | None:
    text = cells.get(column, "").strip()
    if not text:
        return None
    try:
        if not _DATE_RE.match(text):
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _BadCell(column, f"'{text}' is not a date (expected YYYY-MM-DD)") from None


class _StreamFinder:
    """Finds a stream by id, then by name, then by name ignoring case."""

    def __init__(self, streams: Sequence[Stream]) -> None:
        self.ids = {s.id for s in streams}
        self.names: dict[str, list[str]] = {}
        self.folded: dict[str, list[str]] = {}
        for s in streams:
            self.names.setdefault(s.name, []).append(s.id)
            self.folded.setdefault(s.name.casefold(), []).append(s.id)

    def find(self, text: str) -> str:
        if text in self.ids:
            return text
        for table, key in ((self.names, text), (self.folded, text.casefold())):
            found = table.get(key, [])
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise _BadCell("stream", f"'{text}' names {len(found)} streams; use its id")
        raise _BadCell("stream", f"no stream has the id or name '{text}'")


def _item(cells: dict[str, str], streams: _StreamFinder) -> FlowItem:
    ident = cells.get("id", "").strip()
    if not is_valid_id(ident):
        raise _BadCell("id", f"'{ident}' is not an id (letters, digits, '.', '_' or '-')")
    text = cells.get("type", "").strip().lower()
    kind = next((known for known in TYPES if known == text), None)
    if kind is None:
        raise _BadCell("type", f"'{text}' is not a flow item type ({', '.join(TYPES)})")
    stream = streams.find(cells.get("stream", "").strip())
    started = _date(cells, "started")
    if started is None:
        raise _BadCell("started", "empty (expected YYYY-MM-DD)")
    finished = _date(cells, "finished")
    if finished is not None and finished < started:
        raise _BadCell("finished", f"{finished} is before started {started}")
    try:
        active = parse_duration(cells.get("active_time", ""))
    except (ValueError, ValidationError) as exc:
        raise _BadCell("active_time", str(exc)) from None
    return FlowItem(id=ident, type=kind, stream=stream, started=started, finished=finished,
                    active_time=active)


def _check_header(header: list[str], source: str) -> None:
    unknown = [name for name in header if name not in COLUMNS]
    missing = [name for name in REQUIRED if name not in header]
    twice = sorted({name for name in header if header.count(name) > 1})
    if unknown or missing or twice or not header:
        why = [f"unknown column '{n}'" for n in unknown] + [f"no column '{n}'" for n in missing]
        why += [f"column '{n}' appears twice" for n in twice]
        raise FlowCsvError([f"row 1: {', '.join(why) or 'no header'} (columns are "
                            f"{', '.join(COLUMNS)})"], source)


def _read_items(rows: Iterator[tuple[int, int, list[str]]], header: list[str],
                finder: _StreamFinder) -> tuple[list[FlowItem], list[str]]:
    """Every item, and one line per bad row; once a row is bad, items are no longer kept
    (nothing will be imported), so memory follows the good part of the file."""
    items: list[FlowItem] = []
    errors: list[str] = []
    seen: dict[str, int] = {}
    for number, _line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        if number > MAX_ROWS + 1:
            errors.append(f"row {number}: more than {MAX_ROWS:,} flow items; vscdesk reads up "
                          f"to {MAX_ROWS:,} rows from one CSV file")
            break
        if len(row) > len(header):
            errors.append(f"row {number}: {len(row)} cells, the header has {len(header)}")
            continue
        cells = dict(zip(header, row))
        try:
            item = _item(cells, finder)
        except _BadCell as exc:
            errors.append(f"row {number}, {exc}")
            continue
        if item.id in seen:
            errors.append(f"row {number}, column id: '{item.id}' is already used in row "
                          f"{seen[item.id]}")
            continue
        seen[item.id] = number
        if not errors:
            items.append(item)
    return items, errors


def flow_items_from_csv(
    text: str, streams: Sequence[Stream], source: str = "CSV"
) -> list[FlowItem]:
    """Flow items from CSV text; raises FlowCsvError listing every bad row and column."""
    sample = text.lstrip("\ufeff")
    first_line = sample[:sample.find("\n") if "\n" in sample else len(sample)]
    delimiter = ";" if ";" in first_line and "," not in first_line else ","
    rows = csv_rows(sample, delimiter)
    try:
        header = _header(next(rows, (1, 1, []))[2])
        _check_header(header, source)
        items, errors = _read_items(rows, header, _StreamFinder(streams))
    except CsvSyntaxError as exc:
        raise FlowCsvError([f"row {exc.row}: {exc.reason} (line {exc.line})"], source) from None
    if errors:
        raise FlowCsvError(errors, source)
    return items


def read_flow_csv(path: Path, streams: Sequence[Stream],
                  max_bytes: int = MAX_CSV_BYTES) -> list[FlowItem]:
    """Flow items from a CSV file (UTF-8, with or without a byte-order mark)."""
    with reading(path.name):
        text = read_csv_text(path, max_bytes)
        return flow_items_from_csv(text, streams, source=path.name)
