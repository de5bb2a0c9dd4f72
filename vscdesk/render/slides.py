"""What presentation mode shows, slide by slide: saved slides, or a default walk. No Qt here.

A slide names a view, optionally a stream to focus (the others are dimmed) and a stage to
call out (its SLAs and stakeholders), and a zoom relative to the slide's natural framing.

Large maps are split so that no slide is too small to read (docs/presentation.md): the chain
view shows at most a few streams' rows at a time (``streams``), and a long stream is shown end
to end a few stages at a time (``stages``). The deck export uses these same slides.
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
    streams: tuple[str, ...] = ()  # a chain slide of a large map: only these streams' rows
    stages: tuple[int, int] | None = None  # a long stream end to end: stages [first, last)


#: a chain slide shows rows of streams up to this height (three rows of two stacked cards)
PART_HEIGHT = 620.0
#: a stream end to end shows at most this many stages on one slide (a 1600 px row)
PART_STAGES = 8


def chain_parts(doc: DocumentModel) -> list[tuple[str, ...]]:
    """The streams of each chain slide: consecutive rows while they fit ``PART_HEIGHT``;
    one part (every stream) when the whole chain fits."""
    if len(doc.streams) <= 1:
        return [tuple(s.id for s in doc.streams)]
    from vscdesk.layout.chain import layout_chain

    parts: list[list[str]] = [[]]
    height = 0.0
    for row in layout_chain(doc).rows:
        if parts[-1] and height + row.band.h > PART_HEIGHT:
            parts.append([])
            height = 0.0
        parts[-1].append(row.stream_id)
        height += row.band.h
    return [tuple(p) for p in parts]


def stage_parts(count: int) -> list[tuple[int, int]]:
    """Ranges of at most ``PART_STAGES`` stages, as even as possible: 20 -> 7, 7, 6."""
    n = -(-count // PART_STAGES)
    if n <= 1:
        return [(0, count)]
    bounds = [round(i * count / n) for i in range(n + 1)]
    return list(zip(bounds, bounds[1:]))


def _numbered(title: str, k: int, n: int) -> str:
    return title if n == 1 else f"{title} ({k}/{n})"


def default_slides(doc: DocumentModel) -> list[SlideSpec]:
    """The whole chain, then per stream: highlighted in the chain, end to end, stage by stage."""
    parts = chain_parts(doc)
    split = len(parts) > 1
    slides = [SlideSpec("chain", _numbered(f"{doc.title} · {doc.chain.name}", k, len(parts)),
                        streams=part if split else ())
              for k, part in enumerate(parts, 1)]
    part_of = {sid: part for part in parts for sid in part} if split else {}
    for stream in doc.streams:
        slides.append(SlideSpec("chain", f"{stream.name} · across the value chain", stream.id,
                                streams=part_of.get(stream.id, ())))
        ranges = stage_parts(len(stream.stages))
        for k, (first, last) in enumerate(ranges, 1):
            slides.append(SlideSpec("stream", _numbered(f"{stream.name} · end to end", k,
                                                        len(ranges)), stream.id,
                                    stages=(first, last) if len(ranges) > 1 else None))
        n = len(stream.stages)
        for i, stage in enumerate(stream.stages, 1):
            slides.append(SlideSpec("stream", f"{stream.name} · {i}/{n} {stage.name}", stream.id,
                                    stage.id))
    return slides


def saved_slides(doc: DocumentModel) -> list[SlideSpec]:
    """The document's own slides, in their order; in a large map, a chain slide about one
    stream shows the part of the chain with that stream's row, as the default walk does."""
    index = stage_index(doc)
    parts: list[tuple[str, ...]] | None = None
    out = []
    for slide in doc.slides:
        stream = slide.stream
        if slide.stage is not None and stream is None and slide.stage in index:
            stream = index[slide.stage][0].id  # a stage implies its stream
        rows: tuple[str, ...] = ()
        if slide.view == "chain" and stream is not None:
            parts = chain_parts(doc) if parts is None else parts
            if len(parts) > 1:
                rows = next((p for p in parts if stream in p), ())
        out.append(SlideSpec(slide.view, slide.name, stream, slide.stage, slide.zoom, rows))
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
    # A link belongs to the slide's stream when either end is one of its stages: the stream's
    # own rework and hand-offs stay legible, other streams' links fade with their cards.
    ends = {link.id: (owners.get(link.source), owners.get(link.target)) for link in doc.links}
    out = {}
    for g in drawing.groups:
        owner = stream_of(g, owners)
        if g.kind == "link" and g.ref in ends:
            owner = slide.stream if slide.stream in ends[g.ref] else ends[g.ref][0]
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
        if slide.stages is not None:
            return _stages_frame(slide, drawing, doc) or whole
        owners = stage_streams(doc)
        mine = [group_rect(g) for g in drawing.groups if g.kind == "lane-key"
                or (stream_of(g, owners) == slide.stream and g.kind != "rule")]
        if mine:
            return union(mine)
    return whole


def _stages_frame(slide: SlideSpec, drawing: Drawing, doc: DocumentModel
                  ) -> tuple[float, float, float, float] | None:
    """One part of a long stream: its stages, with the trigger before the first part and the
    value after the last."""
    stream = next((s for s in doc.streams if s.id == slide.stream), None)
    if stream is None or slide.stages is None:
        return None
    first, last = slide.stages
    keys = {f"stage:{s.id}" for s in stream.stages[first:last]}
    if first == 0:
        keys.add(f"trigger:{stream.id}")
    if last >= len(stream.stages):
        keys.add(f"value:{stream.id}")
    rects = [group_rect(g) for g in drawing.groups if g.key in keys]
    return union(rects) if rects else None
