"""A stage's facts in words: timings, criteria, SLAs and people, as a talk reads them.

Shared by the presentation callout and the deck's speaker notes, so what the audience sees
on the slide and what the speaker reads below it use the same words.
"""

from __future__ import annotations

from collections.abc import Iterable

from vscdesk.analysis.status import sla_status
from vscdesk.model import DocumentModel, Duration, Sla, Stage
from vscdesk.render.labels import number, sla_label

ROLE = {"triggering": "triggers", "participating": "takes part"}
RACI = {"R": "Responsible", "A": "Accountable", "C": "Consulted", "I": "Informed"}
STATUS_WORD = {"met": "met", "at_risk": "at risk", "breached": "breached", "no_data": "no actual"}
UNIT_WORD = {"s": "s", "min": "min", "h": "h", "d": "d", "wk": "wk"}


def duration_text(duration: Duration) -> str:
    """"90 min", "1.5 h": a number and its unit."""
    return f"{number(duration.value)} {UNIT_WORD[duration.unit]}"


def timings(stage: Stage) -> list[tuple[str, str]]:
    """(label, value) of each lean timing the stage has: process, wait, complete & accurate."""
    out = []
    if stage.process_time is not None:
        out.append(("Process", duration_text(stage.process_time)))
    if stage.wait_time is not None:
        out.append(("Wait", duration_text(stage.wait_time)))
    if stage.percent_complete_accurate is not None:
        out.append(("Complete & accurate", f"{number(stage.percent_complete_accurate)} %"))
    return out


def timings_line(stage: Stage) -> str:
    """"Process 5 min · Wait 4 min · Complete & accurate 90 %", or "" without timings."""
    return " · ".join(f"{label} {value}" for label, value in timings(stage))


def sla_lines(slas: Iterable[Sla]) -> list[str]:
    """"Response ≤ 15 min: actual 9 min (met)" for each SLA (of a stage or a stream)."""
    out = []
    for sla in slas:
        status = STATUS_WORD[sla_status(sla)]
        unit = f" {sla.unit}" if sla.unit else ""
        actual = f"actual {number(sla.actual)}{unit} ({status})" if sla.actual is not None \
            else status
        out.append(f"{sla.name} {sla_label(sla)}: {actual}")
    return out


def people_lines(doc: DocumentModel, stage: Stage) -> list[tuple[str, str]]:
    """(name, "triggers · Responsible") of each stakeholder of the stage, in its order."""
    people = {p.id: p for p in doc.stakeholders}
    out = []
    for ref in stage.stakeholders:
        person = people.get(ref.stakeholder)
        if person is not None:
            out.append((person.name, ROLE[ref.role] + (f" · {RACI[ref.raci]}" if ref.raci else "")))
    return out
