"""An SLA as the diagram writes it ("≤ 15 min") and how wide its pill is: text layout, so the
stream view can keep a link clear of a header's pill before anything is drawn."""

from __future__ import annotations

from vscdesk.layout.text import text_width
from vscdesk.model import Sla

_SYMBOL = {"<=": "≤", "<": "<", ">=": "≥", ">": ">", "=": "="}


def number(value: float) -> str:
    """A number without needless decimals: 15.0 -> "15", 99.90 -> "99.9"."""
    if float(value).is_integer():
        return str(int(value))
    return f"{value:.3f}".rstrip("0").rstrip(".")


def sla_label(sla: Sla) -> str:
    """"≤ 15 min", "≥ 99.9 %": the promise as a reader scans it."""
    unit = f" {sla.unit}" if sla.unit else ""
    return f"{_SYMBOL[sla.comparator]} {number(sla.target)}{unit}"


def pill_width(label: str) -> float:
    """An SLA pill: status glyph, label and padding."""
    return 6 + 11 + 5 + text_width(label, 10.5) + 8
