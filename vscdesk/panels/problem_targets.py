"""What a problem points at, in words and as a selection (a problem may outlive its object by
the debounce interval, so every lookup tolerates ids that are gone)."""

from __future__ import annotations

from vscdesk.document import Document

KIND_LABELS = {"stage": "Stage", "stream": "Stream", "lane": "Lane", "link": "Link",
               "document": "Document"}


def object_label(document: Document, kind: str, ident: str | None) -> str:
    """"Stage · Procure device": the object's kind and current name."""
    label = KIND_LABELS.get(kind, kind.title())
    if ident is None or kind == "document":
        return f"{label} · {document.model.title}"
    if document.kind_of(ident) != kind:
        return f"{label} · {ident}"
    obj = getattr(document, kind)(ident)
    name = getattr(obj, "name", None) or getattr(obj, "label", None)
    if kind == "link" and not name:
        name = f"{_stage_name(document, obj.source)} → {_stage_name(document, obj.target)}"
    return f"{label} · {name or ident}"


def _stage_name(document: Document, ident: str) -> str:
    return document.stage(ident).name if document.kind_of(ident) == "stage" else ident


def stages_to_select(document: Document, kind: str,
                     ident: str | None) -> tuple[list[str], str | None] | None:
    """(stage ids, stream id) that show the object on the canvas; None when nothing can."""
    if ident is None or document.kind_of(ident) != kind:
        return None
    if kind == "stage":
        return [ident], document.stream_of(ident).id
    if kind == "stream":
        return [s.id for s in document.stream(ident).stages], ident
    if kind == "lane":
        stages = [s.id for s in document.stages() if s.lane == ident]
        return stages, document.stream_of(stages[0]).id if stages else None
    if kind == "link":
        link = document.link(ident)
        ends = [s for s in (link.source, link.target) if document.kind_of(s) == "stage"]
        return ends, document.stream_of(ends[-1]).id if ends else None
    return None
