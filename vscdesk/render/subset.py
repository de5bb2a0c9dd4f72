"""Smaller documents cut from a document (one stream, the selected stages) so that exports of a
part are drawn by the same painters as the whole: same lanes, same colours, same legend."""

from __future__ import annotations

from collections.abc import Iterable

from vscdesk.model import MAX_NAME, DocumentModel, Stream


def _title(doc: DocumentModel, part: str) -> str:
    """'Document — part', cut to a valid name length."""
    text = f"{doc.title} — {part}"
    return text if len(text) <= MAX_NAME else text[: MAX_NAME - 1] + "…"


def _people_used(streams: list[Stream]) -> set[str]:
    used: set[str] = set()
    for stream in streams:
        used.update(p for p in (stream.owner, stream.triggering_stakeholder) if p)
        for stage in stream.stages:
            used.update(ref.stakeholder for ref in stage.stakeholders)
    return used


def _build(doc: DocumentModel, streams: list[Stream], title: str) -> DocumentModel:
    """A valid document holding ``streams``: every lane, the stakeholders they use, the links
    and flow items among them; no slides (they may point outside the part)."""
    people = _people_used(streams)
    stages = {stage.id for stream in streams for stage in stream.stages}
    kept_streams = {s.id for s in streams}
    return DocumentModel(
        title=title, chain=doc.chain,
        stakeholders=[p for p in doc.stakeholders if p.id in people],
        streams=streams,
        links=[x for x in doc.links if x.source in stages and x.target in stages],
        flow_items=[f for f in doc.flow_items if f.stream in kept_streams],
    )


def find_stream_ref(doc: DocumentModel, ref: str) -> Stream | None:
    """The stream whose id is ``ref``, else the one named ``ref`` (ignoring case and spaces)."""
    for stream in doc.streams:
        if stream.id == ref:
            return stream
    wanted = " ".join(ref.split()).casefold()
    return next((s for s in doc.streams if " ".join(s.name.split()).casefold() == wanted), None)


def stream_subset(doc: DocumentModel, stream_id: str) -> DocumentModel:
    """A document of one stream; KeyError when there is no such stream."""
    stream = next((s for s in doc.streams if s.id == stream_id), None)
    if stream is None:
        raise KeyError(stream_id)
    return _build(doc, [stream], _title(doc, stream.name))


def stages_subset(doc: DocumentModel, stage_ids: Iterable[str]) -> DocumentModel:
    """A document of the given stages: each stream that has one, cut to those stages in order.

    Unknown ids are ignored; no known id gives a document with the chain and no streams."""
    wanted = set(stage_ids)
    streams = []
    for stream in doc.streams:
        kept = [stage for stage in stream.stages if stage.id in wanted]
        if kept:
            streams.append(stream.model_copy(update={"stages": kept}))
    count = sum(len(s.stages) for s in streams)
    return _build(doc, streams, _title(doc, f"{count} selected stage{'s' * (count != 1)}"))
