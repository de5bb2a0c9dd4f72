"""What presentation mode shows, slide by slide: saved slides, or a default walk. No Qt here.

A slide names a view, optionally a stream to focus (the others are dimmed) and a stage to
call out (its SLAs and stakeholders), and a zoom relative to the slide's natural framing.
"""

from __future__ import annotations

from dataclasses import dataclass

from vscdesk.model import DocumentModel
from vscdesk.model.queries import stage_index
from vscdesk.render.primitives import Drawing, Group

STREAM_KINDS = {"row", "trigger", "value", "placeholder", "arrow", "rule"}


@dataclass(frozen=True, slots=True)
class SlideSpec:
    """One step of a presentation."""

    view: str
    title: str
    stream: str | None = None
    stage: str | None = None
    zoom: float = 1.0


def default_slides(doc: DocumentModel) -> list[SlideSpec]:
    """The whole chain, then per stream: highlighted in the chain, end to end, stage by stage."""
    slides = [SlideSpec("chain", f"{doc.title} · {doc.chain.name}")]
    for stream in doc.streams:
        slides.append(SlideSpec("chain", f"{stream.name} · across the value chain", stream.id))
        slides.append(SlideSpec("stream", f"{stream.name} · end to end", stream.id))
        n = len(stream.stages)
        for i, stage in enumerate(stream.stages, 1):
            slides.append(SlideSpec("stream", f"{stream.name} · {i}/{n} {stage.name}", stream.id,
                                    stage.id))
    return slides


def saved_slides(doc: DocumentModel) -> list[SlideSpec]:
    """The document's own slides, in their order."""
    index = stage_index(doc)
    out = []
    for slide in doc.slides:
        stream = slide.stream
        if slide.stage is not None and stream is None and slide.stage in index:
            stream = index[slide.stage][0].id  # a stage implies its stream
        out.append(SlideSpec(slide.view, slide.name, stream, slide.stage, slide.zoom))
    return out


def slide_sequence(doc: DocumentModel) -> list[SlideSpec]:
    """Saved slides when the document has any, else the default walk."""
    return saved_slides(doc) or default_slides(doc)


def describe(view: str, doc: DocumentModel, stream: str | None, stage: str | None) -> str:
    """A readable default name for a saved view: "Stream view · Restore service · Diagnose"."""
    parts = ["Chain view" if view == "chain" else "Stream view"]
    index = stage_index(doc)
    names = {s.id: s.name for s in doc.streams}
    if stream in names:
        parts.append(names[stream])
    if stage in index:
        parts.append(index[stage][2].name)
    return " · ".join(parts)


# -- which groups belong to which stream ---------------------------------------------------


def stream_of(group: Group, stage_streams: dict[str, str]) -> str | None:
    """The stream a group draws, or None for shared things (lanes, title, legend)."""
    if group.kind == "stage":
        return stage_streams.get(group.ref or "")
    if group.kind in STREAM_KINDS:
        return group.ref or group.key.partition(":")[2] or None
    return None


def stage_streams(doc: DocumentModel) -> dict[str, str]:
    return {stage.id: stream.id for stream in doc.streams for stage in stream.stages}


def group_rect(group: Group) -> tuple[float, float, float, float]:
    """(x, y, w, h) of a group in drawing coordinates."""
    bx, by, bw, bh = group.bounds
    return group.x + bx, group.y + by, bw, bh


def union(rects: list[tuple[float, float, float, float]]) -> tuple[float, float, float, float]:
    x0 = min(r[0] for r in rects)
    y0 = min(r[1] for r in rects)
    x1 = max(r[0] + r[2] for r in rects)
    y1 = max(r[1] + r[3] for r in rects)
    return x0, y0, x1 - x0, y1 - y0


def opacities(slide: SlideSpec, drawing: Drawing, doc: DocumentModel) -> dict[str, float]:
    """How strongly each group is shown: the focus at full strength, the rest dimmed."""
    if slide.stream is None and slide.stage is None:
        return {g.key: 1.0 for g in drawing.groups}
    owners = stage_streams(doc)
    out = {}
    for g in drawing.groups:
        owner = stream_of(g, owners)
        if slide.stage is not None:  # one stage called out; its stream stays legible
            full = g.key == f"stage:{slide.stage}" or g.kind == "callout"
            out[g.key] = 1.0 if full else 0.45 if owner == slide.stream else 0.08
        elif slide.view == "stream":  # one stream end to end, with the key to its colours
            out[g.key] = 1.0 if owner == slide.stream or g.kind == "lane-key" else 0.1
        else:  # one stream across the chain: lanes and legend stay as context
            out[g.key] = 1.0 if owner in (None, slide.stream) else 0.18
    return out


def framing(slide: SlideSpec, drawing: Drawing, doc: DocumentModel
            ) -> tuple[float, float, float, float]:
    """The part of the drawing a slide is about, before its zoom."""
    groups = {g.key: g for g in drawing.groups}
    whole = (0.0, 0.0, drawing.width, drawing.height)
    if slide.stage is not None and f"stage:{slide.stage}" in groups:
        keys = [f"stage:{slide.stage}", "callout"]
        index = stage_index(doc)
        if slide.stage in index:
            stream, i, _ = index[slide.stage]
            keys += [f"stage:{s.id}" for s in stream.stages[max(i - 1, 0):i + 2]]
        return union([group_rect(groups[k]) for k in keys if k in groups])
    if slide.stream is not None and slide.view == "stream":
        owners = stage_streams(doc)
        mine = [group_rect(g) for g in drawing.groups if g.kind == "lane-key"
                or (stream_of(g, owners) == slide.stream and g.kind != "rule")]
        if mine:
            return union(mine)
    return whole
