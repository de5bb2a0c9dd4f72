"""Compact text notations for durations, SLAs, stakeholder roles and lists, shared by CSV and
ArchiMate properties so a value written by one reads back the same everywhere."""

from __future__ import annotations

import re

from vscdesk.model import Duration, Sla, StakeholderRef

_DURATION_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|min|h|d|wk)\s*$", re.IGNORECASE)
_NUMBER = r"[-+]?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?"
_SLA_RE = re.compile(
    rf"^\s*(?:(?P<name>.+?)\s*:\s*)??(?P<metric>[a-z_]+)\s*(?P<cmp><=|>=|<|>|=)\s*"
    rf"(?P<target>{_NUMBER})\s*(?P<unit>[^\s()][^()]*?)?\s*"
    rf"(?:\(\s*actual\s+(?P<actual>{_NUMBER})\s*\))?\s*$"
)
_REF_RE = re.compile(r"^\s*(?P<name>.*?)\s*(?:\((?P<details>[^()]*)\))?\s*$")
_SPLIT_RE = re.compile(r"(?<!\\);")
_TIME_UNITS = ("s", "min", "h", "d", "wk")
METRICS = ("lead_time", "process_time", "wait_time", "availability", "quality",
           "throughput", "custom")


def format_number(value: float) -> str:
    """A number without a useless '.0': 4 not 4.0, 99.5 stays."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def format_duration(duration: Duration | None) -> str:
    return "" if duration is None else f"{format_number(duration.value)}{duration.unit}"


def parse_duration(text: str) -> Duration | None:
    """'90min', '1.5 h', '2d', '1wk' -> Duration; blank -> None; anything else ValueError."""
    if not text.strip():
        return None
    match = _DURATION_RE.match(text)
    if not match:
        raise ValueError(f"'{text}' is not a duration (a number with min, h, d or wk, e.g. 90min)")
    return Duration(value=float(match.group(1)), unit=match.group(2).lower())


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
    match = _SLA_RE.match(text)
    if not match:
        raise ValueError(
            f"'{text.strip()}' is not an SLA (write metric, comparator, target and unit, "
            "e.g. lead_time<=4h or Response: availability>=99.5%)"
        )
    metric = match.group("metric")
    if metric not in METRICS:
        raise ValueError(f"'{metric}' is not an SLA metric (one of {', '.join(METRICS)})")
    actual = match.group("actual")
    return Sla(
        name=(match.group("name") or default_sla_name(metric)).strip(),
        metric=metric,
        comparator=match.group("cmp"),
        target=float(match.group("target")),
        unit=(match.group("unit") or "").strip(),
        actual=None if actual is None else float(actual),
    )


def format_ref(name: str, ref: StakeholderRef) -> str:
    """'Service desk (participating, R)'."""
    details = ref.role if ref.raci is None else f"{ref.role}, {ref.raci}"
    return f"{name} ({details})"


def parse_ref(text: str) -> tuple[str, str, str | None]:
    """'Service desk (participating, R)' -> (name, role, raci); role defaults to participating."""
    match = _REF_RE.match(text)
    name = match.group("name").strip() if match else ""
    if not name:
        raise ValueError(f"'{text.strip()}' names no stakeholder")
    role, raci = "participating", None
    for part in (p.strip() for p in (match.group("details") or "").split(",") if p.strip()):
        if part.lower() in ("triggering", "participating"):
            role = part.lower()
        elif part.upper() in ("R", "A", "C", "I"):
            raci = part.upper()
        else:
            raise ValueError(
                f"'{part}' in '{text.strip()}' is neither a role (triggering, participating) "
                "nor a RACI letter (R, A, C, I)"
            )
    return name, role, raci


def join_list(items: list[str]) -> str:
    """Items separated by '; ', with a literal ';' inside an item written as '\\;'."""
    return "; ".join(item.replace(";", "\\;") for item in items)


def split_list(text: str) -> list[str]:
    """The inverse of join_list; blank items are skipped."""
    parts = (p.strip().replace("\\;", ";") for p in _SPLIT_RE.split(text))
    return [p for p in parts if p]
