"""Problems found in a document: what is wrong, how badly, where, under a code that stays."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

Severity = Literal["error", "warning", "info"]
ObjectKind = Literal["document", "stream", "stage", "lane", "link"]

#: Most severe first; ``vscdesk check`` fails on "error" only.
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")

#: Every problem code with its severity and what it means. Codes are stable: scripts filter on them.
CODES: dict[str, tuple[Severity, str]] = {
    "stream-no-stages": ("warning", "a stream has no stages"),
    "stream-no-trigger": ("warning", "a stream does not say what triggers it"),
    "stream-no-value": ("warning", "a stream does not say what value it delivers"),
    "stage-no-lane": ("error", "a stage is in no lane of the value chain"),
    "customer-no-external": ("warning", "a customer stream involves no external stakeholder"),
    "exit-criteria-missing": (
        "warning", "a stage has no exit criteria but the next stage has entrance criteria"),
    "duplicate-stage-name": ("warning", "two stages of one stream share a name"),
    "lane-empty": ("info", "no stage uses a lane"),
    "stage-unreachable": ("warning", "no path from the stream's first stage reaches a stage"),
    "sla-unit-mismatch": ("error", "an SLA's unit does not fit its metric"),
    "sla-breached": ("warning", "an SLA's actual value breaks its target"),
    "sla-at-risk": ("info", "an SLA is met with less than 10 % headroom"),
    "sla-rollup-exceeds": (
        "warning", "the stages' lead-time targets add up to more than the stream's target"),
    "lead-time-over-target": (
        "warning", "the mapped lead time (process + wait) is longer than the lead-time target"),
    "link-sla-looser": (
        "warning", "an integration link promises less than the stage that depends on it"),
    "circular-dependency": ("warning", "streams feed each other in a circle"),
    "supporting-feeds-nothing": (
        "info", "a supporting stream feeds no other stream through an integration link"),
}


@dataclass(frozen=True)
class Problem:
    """One finding: severity, stable code, a sentence for people, and the object it concerns."""

    severity: Severity
    code: str
    message: str
    object_id: str | None  # stage, stream, lane or link id; None for the whole document
    object_kind: ObjectKind

    def to_dict(self) -> dict[str, str | None]:
        return asdict(self)


def problem(code: str, message: str, object_id: str | None, kind: ObjectKind) -> Problem:
    """A problem with the severity its code carries."""
    return Problem(CODES[code][0], code, message, object_id, kind)


def by_severity(problems: list[Problem]) -> list[Problem]:
    """Most severe first, keeping document order within a severity."""
    return sorted(problems, key=lambda p: SEVERITIES.index(p.severity))
