"""Compact text notations for durations, SLAs, stakeholder roles and lists, shared by CSV and
ArchiMate properties so a value written by one reads back the same everywhere.

The parsers read user text, so they scan it once from left to right (``scan``) instead of
using regular expressions that could backtrack; every error is a plain ValueError whose
message quotes the value, shortened."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from vscdesk.interop.scan import (
    back_over_spaces,
    finite,
    number_end,
    run_of,
    shown,
    skip_spaces,
)
from vscdesk.model import Duration, Sla, StakeholderRef

M = TypeVar("M", bound=BaseModel)

_TIME_UNITS = ("s", "min", "h", "d", "wk")
_METRIC_CHARS = "abcdefghijklmnopqrstuvwxyz_"
_COMPARATORS = ("<=", ">=", "<", ">", "=")
METRICS = ("lead_time", "process_time", "wait_time", "availability", "quality",
           "throughput", "custom")

def format_number(value: float) -> str:
    """A number without a useless '.0': 4 not 4.0, 99.5 stays."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def format_duration(duration: Duration | None) -> str:
    return "" if duration is None else f"{format_number(duration.value)}{duration.unit}"


def parse_duration(text: str) -> Duration | None:
    """'90min', '1.5 h', '2d', '1wk' -> Duration; blank -> None; anything else ValueError."""
    start = skip_spaces(text, 0)
    if start == len(text):
        return None
    end = back_over_spaces(text, len(text), start)
    number = number_end(text, start, signed=False, exponent=False)
    unit = text[skip_spaces(text, number, end):end].lower() if number != -1 else ""
    if unit not in _TIME_UNITS:
        raise ValueError(f"{shown(text)} is not a duration (a number with min, h, d or wk, "
                         "e.g. 90min)")
    value = finite(text[start:number], "the duration")
    return _built(Duration, text, value=value, unit=unit)


def _built(kind: type[M], text: str, **fields: Any) -> M:
    """``kind(**fields)``, with a validation error told in one line about ``text``."""
    from vscdesk.storage.messages import clean

    try:
        return kind(**fields)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ValueError(f"{shown(text)}: the {where} {clean(first['msg'])}") from None


def default_sla_name(metric: str) -> str:
    return metric.replace("_", " ").capitalize()


def format_sla(sla: Sla) -> str:
    """'Response: lead_time<=15min (actual 9)'; the name is left out when it is the default."""
    gap = " " if sla.unit[:1].isalpha() and sla.unit not in _TIME_UNITS else ""
    text = f"{sla.metric}{sla.comparator}{format_number(sla.target)}{gap}{sla.unit}"
    if sla.name != default_sla_name(sla.metric):
        text = f"{sla.name}: {text}"
    if sla.actual is not None:
        text += f" (actual {format_number(sla.actual)})"
    return text


def parse_sla(text: str) -> Sla:
    """The inverse of format_sla; ValueError that says what is wrong."""
    parts = _sla_parts(text)
    if parts is None:
        raise ValueError(
            f"{shown(text)} is not an SLA (write metric, comparator, target and unit, "
            "e.g. lead_time<=4h or Response: availability>=99.5%)"
        )
    name, metric, comparator, target, unit, actual = parts
    if metric not in METRICS:
        raise ValueError(f"{shown(metric)} is not an SLA metric (one of {', '.join(METRICS)})")
    return _built(
        Sla, text, name=name or default_sla_name(metric), metric=metric, comparator=comparator,
        target=finite(target, "the target"), unit=unit,
        actual=None if actual is None else finite(actual, "the actual value"),
    )


def _sla_parts(text: str) -> tuple[str, str, str, str, str, str | None] | None:
    """``[name:] metric comparator target [unit] [(actual N)]`` in parts, or None.

    The name is optional and may itself hold colons, so each colon is tried in turn as its end
    (the first that leaves a valid rest wins). Each try looks only at the characters up to the
    target, and those never hold a colon, so every character is looked at a bounded number of
    times."""
    start = skip_spaces(text, 0)
    end = back_over_spaces(text, len(text), start)
    suffix = _actual_suffix(text, start, end)
    if suffix is None:
        return None
    body_end, actual = suffix
    # The unit may not hold parentheses: a target must end after the last one.
    last_paren = max(text.rfind("(", start, body_end), text.rfind(")", start, body_end))
    first_newline = text.find("\n", start, body_end)
    colon = start - 1  # first without a name
    while True:
        name_end = back_over_spaces(text, colon, start) if colon >= start else start
        if start <= first_newline < name_end:  # a name is one line
            return None
        tail = _sla_tail(text, colon + 1, body_end) if colon < start or name_end > start else None
        if tail is not None and tail[2] > last_paren:
            metric, comparator, target_end, target_at = tail
            unit = text[skip_spaces(text, target_end, body_end):body_end]
            name = text[start:name_end].strip()
            return name, metric, comparator, text[target_at:target_end], unit, actual
        colon = text.find(":", colon + 1, body_end)
        if colon == -1:
            return None


def _actual_suffix(text: str, start: int, end: int) -> tuple[int, str | None] | None:
    """Where the part before ``(actual N)`` ends, and N; None when the text ends in another
    parenthesis (a unit holds none)."""
    if end == start or text[end - 1] != ")":
        return end, None
    opening = text.rfind("(", start, end - 1)
    if opening == -1:
        return None
    at = skip_spaces(text, opening + 1, end - 1)
    word = at + len("actual")
    if not text.startswith("actual", at) or word >= end - 1 or not text[word].isspace():
        return None
    number_at = skip_spaces(text, word, end - 1)
    number = number_end(text, number_at)
    if number == -1 or skip_spaces(text, number, end - 1) != end - 1:
        return None
    return back_over_spaces(text, opening, start), text[number_at:number]


def _sla_tail(text: str, at: int, end: int) -> tuple[str, str, int, int] | None:
    """``metric comparator target`` from ``at``: (metric, comparator, target end, target
    start), or None."""
    at = skip_spaces(text, at, end)
    metric_end = run_of(text, at, _METRIC_CHARS)
    if metric_end == at or metric_end > end:
        return None
    where = skip_spaces(text, metric_end, end)
    comparator = next((c for c in _COMPARATORS if text.startswith(c, where, end)), None)
    if comparator is None:
        return None
    target_at = skip_spaces(text, where + len(comparator), end)
    target_end = number_end(text, target_at)
    if target_end == -1 or target_end > end:
        return None
    return text[at:metric_end], comparator, target_end, target_at


def format_ref(name: str, ref: StakeholderRef) -> str:
    """'Service desk (participating, R)'."""
    details = ref.role if ref.raci is None else f"{ref.role}, {ref.raci}"
    return f"{name} ({details})"


def parse_ref(text: str) -> tuple[str, str, str | None]:
    """'Service desk (participating, R)' -> (name, role, raci); role defaults to participating."""
    start = skip_spaces(text, 0)
    end = back_over_spaces(text, len(text), start)
    name_end, details = end, ""
    if end > start and text[end - 1] == ")":
        opening = text.rfind("(", start, end - 1)
        if opening != -1 and text.find(")", opening, end - 1) == -1:
            name_end, details = back_over_spaces(text, opening, start), text[opening + 1:end - 1]
    name = text[start:name_end]
    if not name or "\n" in name:
        raise ValueError(f"{shown(text)} names no stakeholder")
    role, raci = "participating", None
    for part in (p.strip() for p in details.split(",") if p.strip()):
        if part.lower() in ("triggering", "participating"):
            role = part.lower()
        elif part.upper() in ("R", "A", "C", "I"):
            raci = part.upper()
        else:
            raise ValueError(
                f"{shown(part)} in {shown(text)} is neither a role (triggering, participating) "
                "nor a RACI letter (R, A, C, I)"
            )
    return name, role, raci


def join_list(items: list[str]) -> str:
    """Items separated by '; ', with a literal ';' inside an item written as '\\;'."""
    return "; ".join(item.replace(";", "\\;") for item in items)


def split_list(text: str) -> list[str]:
    """The inverse of join_list; blank items are skipped."""
    parts: list[str] = []
    begin, at = 0, text.find(";")
    while at != -1:
        if at == 0 or text[at - 1] != "\\":
            parts.append(text[begin:at])
            begin = at + 1
        at = text.find(";", at + 1)
    parts.append(text[begin:])
    cleaned = (part.strip().replace("\\;", ";") for part in parts)
    return [part for part in cleaned if part]
