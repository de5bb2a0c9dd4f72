"""Read the stage CSV row by row; every problem names its row and column."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from vscdesk.interop.archimate_fields import LANE_INKS
from vscdesk.interop.csv_file import CsvSyntaxError, csv_rows
from vscdesk.interop.csv_safety import undefuse
from vscdesk.interop.errors import InteropError
from vscdesk.interop.notation import parse_duration, parse_ref, parse_sla, split_list
from vscdesk.interop.scan import shown
from vscdesk.model import Chain, DocumentModel, Lane, LaneGroup, Stakeholder, is_valid_id, new_id

REQUIRED = ("stream", "stage", "lane")
#: Stage rows one CSV file may hold (about 30 MB as a document, well inside what vscdesk opens).
MAX_ROWS = 100_000
COLUMNS = ["stream", "stream_id", "stream_kind", "trigger", "value", "order", "stage", "stage_id",
           "lane", "description", "process_time", "wait_time", "complete_accurate", "slas",
           "stakeholders", "practices", "value_items", "entrance", "exit", "capabilities",
           "lane_group"]
STREAM_COLUMNS = ("stream_id", "stream_kind", "trigger", "value")
#: Model field -> CSV column, to place validation errors.
FIELD_COLUMNS = {"name": "stage", "value_items": "value_items", "entrance_criteria": "entrance",
                 "exit_criteria": "exit", "practices": "practices", "capabilities": "capabilities",
                 "description": "description", "id": "stage_id"}


class RowError(Exception):
    def __init__(self, column: str, message: str) -> None:
        super().__init__(message)
        self.column = column


class CsvReader:
    """One CSV import: the lanes, stakeholders and streams collected so far."""

    def __init__(self, chain: Chain, people: list[Stakeholder], source: str) -> None:
        self.source = source
        self.lanes = [lane.model_copy() for lane in chain.lanes]
        self.groups = [group.model_copy() for group in chain.groups]
        self.chain_name, self.margin = chain.name, chain.margin
        self.people = [p.model_copy() for p in people]
        self.taken = ({lane.id for lane in self.lanes} | {g.id for g in self.groups}
                      | {p.id for p in self.people})
        self.group_row: dict[str, int] = {}  # lane id -> row whose lane_group placed it
        self.streams: dict[str, dict[str, Any]] = {}  # stream key -> stream data
        self.first_row: dict[str, int] = {}  # stream key / stage id -> row that set it

    def fail(self, row: int, column: str | None, message: str) -> InteropError:
        where = f"row {row}" + (f", column {column}" if column else "")
        return InteropError(f"{self.source}: {where}: {message}")

    def read(self, text: str, title: str) -> DocumentModel:
        rows = csv_rows(text)
        try:
            first = next(rows, None)
            if first is None:
                raise InteropError(f"{self.source}: the file is empty (expected a header row "
                                   f"with {', '.join(REQUIRED)})")
            header = [h.strip().lower() for h in first[2]]
            self._check_header(header)
            self._check_row_count(text)
            for row, _line, cells in rows:
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) > len(header):
                    raise self.fail(row, None, f"{len(cells)} values but only {len(header)} columns")
                record = dict(zip(header, (_undefused(c).strip() for c in cells)))
                try:
                    self._add_row(row, record)
                except RowError as exc:
                    raise self.fail(row, exc.column, str(exc)) from None
        except CsvSyntaxError as exc:
            raise self.fail(exc.row, None, f"{exc.reason} (line {exc.line})") from None
        return self._document(title)

    def _check_row_count(self, text: str) -> None:
        """Refuse a file over the row limit before building anything: counting records is
        cheap next to making stages of them."""
        for row, _line, _cells in csv_rows(text):
            if row > MAX_ROWS + 1:
                raise self.fail(row, None, f"more than {MAX_ROWS:,} stages; vscdesk reads up "
                                f"to {MAX_ROWS:,} stage rows from one CSV file")

    def _check_header(self, header: list[str]) -> None:
        for i, name in enumerate(header):
            if name not in COLUMNS:
                raise self.fail(1, name or f"#{i + 1}", f"unknown column '{name}' (known columns: "
                                f"{', '.join(COLUMNS)})")
            if header.index(name) != i:
                raise self.fail(1, name, "the column appears twice")
        missing = [name for name in REQUIRED if name not in header]
        if missing:
            raise self.fail(1, None, f"missing required column{'s' if len(missing) > 1 else ''} "
                            f"{', '.join(missing)}")

    # -- one row ------------------------------------------------------------------------------

    def _add_row(self, line: int, r: dict[str, str]) -> None:
        for column in ("stream", "stage"):
            if not r.get(column):
                raise RowError(column, f"the {column} name is blank")
        stream = self._stream(line, r)
        stage: dict[str, Any] = {
            "id": self._stage_id(line, r), "name": r["stage"],
            "lane": self._grouped(line, self._lane(r.get("lane", "")), r.get("lane_group", "")),
            "description": r.get("description", ""),
            "process_time": _cell(r, "process_time", parse_duration),
            "wait_time": _cell(r, "wait_time", parse_duration),
            "percent_complete_accurate": _cell(r, "complete_accurate", _percent),
            "slas": _cell(r, "slas", lambda t: [parse_sla(x) for x in split_list(t)]) or [],
            "stakeholders": _cell(r, "stakeholders", self._refs) or [],
            "practices": split_list(r.get("practices", "")),
            "value_items": split_list(r.get("value_items", "")),
            "entrance_criteria": split_list(r.get("entrance", "")),
            "exit_criteria": split_list(r.get("exit", "")),
            "capabilities": split_list(r.get("capabilities", "")),
        }
        order = _cell(r, "order", _order)
        if order is not None and order in stream["orders"]:
            raise RowError("order", f"order {order} is used twice in stream '{r['stream']}'")
        stream["orders"].append(order)
        stream["stages"].append(_validated(stage))

    def _stream(self, line: int, r: dict[str, str]) -> dict[str, Any]:
        key = r.get("stream_id") or r["stream"]
        if key not in self.streams:
            ident = r.get("stream_id") or new_id(r["stream"], self.taken, "stream")
            self._claim(line, "stream_id", ident)
            kind = r.get("stream_kind", "").lower() or "customer"
            if kind not in ("customer", "supporting"):
                raise RowError("stream_kind", f"'{r['stream_kind']}' is not customer or supporting")
            self.streams[key] = {"id": ident, "name": r["stream"], "kind": kind,
                                 "trigger": r.get("trigger", ""), "value": r.get("value", ""),
                                 "stages": [], "orders": [], "row": line, "cells": dict(r)}
            return self.streams[key]
        stream = self.streams[key]
        for column in ("stream",) + STREAM_COLUMNS:
            if r.get(column) and r[column] != stream["cells"].get(column, "") and \
                    not (column == "stream_kind" and r[column].lower() == stream["kind"]):
                raise RowError(column, f"'{r[column]}' differs from row {stream['row']} "
                               f"('{stream['cells'].get(column, '')}') for the same stream")
        return stream

    def _claim(self, line: int, column: str, ident: str) -> None:
        if not is_valid_id(ident):
            raise RowError(column, f"'{ident}' is not a valid id (letters, digits, '.', '_', '-')")
        if ident in self.taken:
            also = self.first_row.get(ident)
            raise RowError(column, f"id '{ident}' is used twice"
                           + (f" (also in row {also})" if also else ""))
        self.taken.add(ident)
        self.first_row[ident] = line

    def _stage_id(self, line: int, r: dict[str, str]) -> str:
        if r.get("stage_id"):
            self._claim(line, "stage_id", r["stage_id"])
            return r["stage_id"]
        ident = new_id(r["stage"], self.taken, "stage")
        self.taken.add(ident)
        return ident

    def _lane(self, name: str) -> str | None:
        if not name:
            return None
        for lane in self.lanes:
            if lane.name.casefold() == name.casefold():
                return lane.id
        try:
            lane = Lane(id=new_id(name, self.taken, "lane"), name=name,
                        color=LANE_INKS[len(self.lanes) % len(LANE_INKS)])
        except ValidationError as exc:
            raise RowError("lane", _reason(exc)) from None
        self.taken.add(lane.id)
        self.lanes.append(lane)
        return lane.id

    def _grouped(self, line: int, lane_id: str | None, name: str) -> str | None:
        """Put the lane in the group ``name`` (found by name ignoring case, else added: a
        group whose name says "support" holds support activities); one group per lane."""
        name = " ".join(name.split())
        if lane_id is None or not name:
            return lane_id
        group = next((g for g in self.groups if g.name.casefold() == name.casefold()), None)
        if group is None:
            try:
                group = LaneGroup(id=new_id(name, self.taken, "group"), name=name,
                                  support="support" in name.casefold())
            except ValidationError as exc:
                raise RowError("lane_group", _reason(exc)) from None
            self.taken.add(group.id)
            self.groups.append(group)
        index = next(i for i, lane in enumerate(self.lanes) if lane.id == lane_id)
        lane = self.lanes[index]
        if lane.group is not None and lane.group != group.id and lane_id in self.group_row:
            other = next(g.name for g in self.groups if g.id == lane.group)
            raise RowError("lane_group", f"lane '{lane.name}' is in group '{other}' in row "
                           f"{self.group_row[lane_id]}; a lane belongs to one group")
        self.lanes[index] = lane.model_copy(update={"group": group.id})
        self.group_row.setdefault(lane_id, line)
        return lane_id

    def _refs(self, text: str) -> list[dict[str, Any]]:
        refs = []
        for item in split_list(text):
            name, role, raci = parse_ref(item)
            person = next((p for p in self.people if p.name.casefold() == name.casefold()), None)
            if person is None:
                person = Stakeholder(id=new_id(name, self.taken, "stakeholder"), name=name)
                self.taken.add(person.id)
                self.people.append(person)
            refs.append({"stakeholder": person.id, "role": role, "raci": raci})
        return refs

    def _document(self, title: str) -> DocumentModel:
        streams = []
        for data in self.streams.values():
            orders = data.pop("orders")
            ranked = sorted(range(len(orders)), key=lambda i: (orders[i] is None, orders[i] or 0, i))
            data["stages"] = [data["stages"][i] for i in ranked]
            del data["row"], data["cells"]
            streams.append(data)
        try:
            return DocumentModel.model_validate({
                "title": title or "Imported stages",
                "chain": {"name": self.chain_name, "margin": self.margin, "lanes": self.lanes,
                          "groups": self.groups},
                "stakeholders": self.people, "streams": streams,
            })
        except ValidationError as exc:
            raise InteropError(f"{self.source}: {_reason(exc)}") from None


def _undefused(cell: str) -> str:
    return undefuse(cell)  # what export put in front of formula-like pieces (csv_safety)


def _cell(r: dict[str, str], column: str, parse: Callable[[str], Any]) -> Any:
    text = r.get(column, "")
    if not text:
        return None
    try:
        return parse(text)
    except (ValueError, ValidationError) as exc:
        message = _reason(exc) if isinstance(exc, ValidationError) else str(exc)
        raise RowError(column, message) from None


def _percent(text: str) -> float:
    try:
        value = float(text.rstrip("%").strip())
    except ValueError:
        raise ValueError(f"{shown(text)} is not a percentage") from None
    if not 0 <= value <= 100:
        raise ValueError(f"{shown(text)} is not between 0 and 100")
    return value


def _order(text: str) -> int:
    # isdigit() alone takes '²' and other digits int() refuses; nine digits keep int() far
    # from its limit on digits, whose message speaks of sys.set_int_max_str_digits().
    significant = text.lstrip("0")
    if not (text.isascii() and text.isdigit()) or not significant:
        raise ValueError(f"{shown(text)} is not a whole number from 1 up")
    if len(significant) > 9:
        raise ValueError(f"{shown(text)} is too large for an order (at most 9 digits)")
    return int(significant)


def _validated(stage: dict[str, Any]) -> Any:
    """The row's Stage, validated once: the document takes the instance as it is."""
    from vscdesk.model import Stage

    try:
        return Stage.model_validate(stage)
    except ValidationError as exc:
        first = exc.errors()[0]
        raise RowError(FIELD_COLUMNS.get(str(first["loc"][0]), str(first["loc"][0])),
                       _reason(exc)) from None


def _reason(exc: ValidationError) -> str:
    from vscdesk.storage.messages import clean

    return clean(str(exc.errors(include_url=False, include_input=False)[0]["msg"]))
