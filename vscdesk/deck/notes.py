"""Speaker notes for each slide: what the slide's callout shows, and what it has no room for.

Plain text, one fact a line, so the notes read aloud and paste anywhere. A stage slide gets the
whole stage (description, timings, SLAs with status, stakeholders with roles, entrance and
exit criteria, value items, practices, capabilities); a stream slide its trigger, value,
SLAs and stages; a chain slide the streams it shows.
"""

from __future__ import annotations

from vscdesk.model import DocumentModel, Stage, Stream
from vscdesk.model.queries import stage_index
from vscdesk.render.labels import plural
from vscdesk.render.slides import SlideSpec
from vscdesk.render.stage_facts import people_lines, sla_lines, timings_line


def _lane_names(doc: DocumentModel) -> dict[str, str]:
    return {lane.id: lane.name for lane in doc.chain.lanes}


def _listed(title: str, items: list[str]) -> list[str]:
    return [f"{title}:", *(f"• {item}" for item in items)] if items else []


def stage_notes(doc: DocumentModel, stage_id: str) -> list[str]:
    stream, i, stage = stage_index(doc)[stage_id]
    lane = _lane_names(doc).get(stage.lane or "", "No activity")
    lines = [f"Step {i + 1} of {len(stream.stages)} of {stream.name} · {lane}", stage.name]
    if stage.description:
        lines.append(stage.description)
    timing = timings_line(stage)
    lines.append(f"Timings: {timing}" if timing else "Timings: none recorded")
    lines += _listed("SLAs", sla_lines(stage.slas)) or ["SLAs: none yet"]
    people = [f"{name} ({role})" for name, role in people_lines(doc, stage)]
    lines += _listed("Stakeholders", people) or ["Stakeholders: none yet"]
    lines += _listed("Entrance criteria", stage.entrance_criteria) or ["Entrance criteria: none"]
    lines += _listed("Exit criteria", stage.exit_criteria) or ["Exit criteria: none"]
    lines += _listed("Value items", stage.value_items)
    lines += _listed("Practices", stage.practices)
    lines += _listed("Capabilities", stage.capabilities)
    return lines


def _stage_line(doc: DocumentModel, n: int, stage: Stage) -> str:
    lane = _lane_names(doc).get(stage.lane or "", "No activity")
    slas = sla_lines(stage.slas)
    return f"{n}. {stage.name} ({lane})" + (f": {'; '.join(slas)}" if slas else "")


def stream_notes(doc: DocumentModel, stream: Stream, stages: tuple[int, int] | None = None
                 ) -> list[str]:
    first, last = stages or (0, len(stream.stages))
    kind = "Customer" if stream.kind == "customer" else "Supporting"
    lines = [f"{stream.name} ({kind.lower()} value stream)"]
    if stream.description:
        lines.append(stream.description)
    lines.append(f"Trigger: {stream.trigger or '—'}")
    lines.append(f"Value: {stream.value or '—'}")
    people = {p.id: p.name for p in doc.stakeholders}
    if stream.owner in people:
        lines.append(f"Owner: {people[stream.owner]}")
    lines += _listed("End-to-end SLAs", sla_lines(stream.slas))
    shown = stream.stages[first:last]
    heading = (f"Stages {first + 1}-{last} of {len(stream.stages)}" if stages
               else plural(len(stream.stages), "stage").capitalize())
    lines.append(f"{heading}:")
    lines += [_stage_line(doc, first + k + 1, s) for k, s in enumerate(shown)]
    return lines


def chain_notes(doc: DocumentModel, slide: SlideSpec) -> list[str]:
    wanted = set(slide.streams)
    streams = [s for s in doc.streams if not wanted or s.id in wanted]
    lines = [f"{doc.chain.name}: " + ", ".join(lane.name for lane in doc.chain.lanes)
             if doc.chain.lanes else f"{doc.chain.name}: no activities yet"]
    if slide.stream is not None:
        focus = next((s for s in doc.streams if s.id == slide.stream), None)
        if focus is not None:
            return lines + stream_notes(doc, focus)
    lines.append(plural(len(streams), "value stream") + " on this slide:")
    for s in streams:
        lanes = {st.lane for st in s.stages if st.lane}
        lines.append(f"• {s.name}: {s.trigger or '—'} → {s.value or '—'} "
                     f"({plural(len(s.stages), 'stage')} across "
                     f"{plural(len(lanes), 'activity').replace('activitys', 'activities')})")
    return lines


def slide_notes(doc: DocumentModel, slide: SlideSpec) -> str:
    """The speaker notes of one presentation slide."""
    index = stage_index(doc)
    if slide.stage is not None and slide.stage in index:
        lines = stage_notes(doc, slide.stage)
    elif slide.view == "chain":
        lines = chain_notes(doc, slide)
    else:
        stream = next((s for s in doc.streams if s.id == slide.stream), None)
        lines = stream_notes(doc, stream, slide.stages) if stream is not None else [
            plural(len(doc.streams), "value stream") + ", each from its trigger to its value:",
            *(f"• {s.name}: {s.trigger or '—'} → {s.value or '—'}" for s in doc.streams)]
    return "\n".join(lines)


def title_notes(doc: DocumentModel, slide_count: int) -> str:
    stages = sum(len(s.stages) for s in doc.streams)
    return "\n".join([
        doc.title,
        f"{doc.chain.name}: {plural(len(doc.chain.lanes), 'activity').replace('activitys', 'activities')}, "
        f"{plural(len(doc.streams), 'value stream')}, {plural(stages, 'stage')}.",
        f"{plural(slide_count, 'slide')} follow, in the order of vscdesk's presentation (F5).",
    ])
