"""What removing stages (or a whole stream) takes with it: the links that touch them, the
slide references to them and a stream's flow items — taken away and put back exactly."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vscdesk.model import FlowItem, Link

if TYPE_CHECKING:
    from vscdesk.document.document import Document


class Cascade:
    """Run apply() before removing the stages and revert() after putting them back."""

    def __init__(self, doc: Document, stage_ids: set[str], stream_id: str | None = None) -> None:
        self._doc = doc
        self._stages = stage_ids
        self._stream = stream_id
        self._links: list[tuple[int, Link]] = []
        self._slides: list[tuple[str, dict[str, Any]]] = []
        self._flow: list[tuple[int, FlowItem]] = []

    def apply(self) -> None:
        doc, stages = self._doc, self._stages
        touching = [link.id for link in doc.model.links
                    if link.source in stages or link.target in stages]
        self._links = doc._links.remove_many(touching) if touching else []
        self._slides = []
        for slide in doc.model.slides:
            old: dict[str, Any] = {}
            if slide.stage is not None and slide.stage in stages:
                old["stage"] = slide.stage
            if self._stream is not None and slide.stream == self._stream:
                old["stream"] = slide.stream
            if old:
                self._slides.append((slide.id, old))
                doc._slides.update(slide.id, dict.fromkeys(old))
        self._flow = []
        if self._stream is not None:
            flows = [f.id for f in doc.model.flow_items if f.stream == self._stream]
            self._flow = doc._flow_items.remove_many(flows) if flows else []

    def revert(self) -> None:
        doc = self._doc
        if self._flow:
            doc._flow_items.insert_many(self._flow)
        for slide_id, old in reversed(self._slides):
            doc._slides.update(slide_id, old)
        if self._links:
            doc._links.insert_many(self._links)

    @property
    def link_count(self) -> int:
        return len(self._links)
