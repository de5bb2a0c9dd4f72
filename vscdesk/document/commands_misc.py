"""Links between stages and presentation slides."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from vscdesk.document.base import EditCommand, check_ref, count, quoted, require
from vscdesk.document.commands_generic import AddItem, MoveItem, SetFields
from vscdesk.model import Link, Slide

if TYPE_CHECKING:
    from vscdesk.document.document import Document

_LINK_KINDS = {"integration": "integration point", "handoff": "hand-off", "rework": "rework"}


def _check_link(doc: Document, link: Link, fields: Any = None) -> None:
    check_ref(doc, "stage", link.source, "the link's source")
    check_ref(doc, "stage", link.target, "the link's target")
    ends_changed = fields is None or {"source", "target"} & set(fields)
    if ends_changed and link.source == link.target:
        raise ValueError("a link joins two different stages")


class AddLink(AddItem):
    """Draw a link (integration point, hand-off or rework) from one stage to another."""

    kind = "link"
    model = Link

    def check_refs(self, doc: Document, obj: Any) -> None:
        _check_link(doc, obj)

    def text_for(self, obj: Any) -> str:
        return f"Add {_LINK_KINDS[obj.kind]}"


class RemoveLinks(EditCommand):
    """Delete links; undo puts them back at the same places."""

    def __init__(self, doc: Document, ids: Iterable[str]) -> None:
        self._ids = list(dict.fromkeys(ids))
        if not self._ids:
            raise ValueError("no links given")
        for ident in self._ids:
            require(doc, "link", ident)
        super().__init__(doc, f"Delete {count(len(self._ids), 'link')}")
        self._removed: list[tuple[int, Link]] = []

    def _apply(self) -> None:
        self._removed = self._doc._links.remove_many(self._ids)

    def _revert(self) -> None:
        self._doc._links.insert_many(self._removed)


class SetLinkFields(SetFields):
    """Change a link's kind, label, SLAs, or the stages it joins."""

    kind = "link"
    model = Link
    merge_id = 1005

    def check_refs(self, doc: Document, new: Any, fields: dict[str, Any]) -> None:
        _check_link(doc, new, fields)


def _check_slide(doc: Document, slide: Slide) -> None:
    check_ref(doc, "stream", slide.stream, "the slide's stream")
    check_ref(doc, "stage", slide.stage, "the slide's stage")


class AddSlide(AddItem):
    """Save a view as a named presentation slide at ``index`` (None appends)."""

    kind = "slide"
    model = Slide

    def check_refs(self, doc: Document, obj: Any) -> None:
        _check_slide(doc, obj)


class RemoveSlide(EditCommand):
    """Delete a saved slide."""

    def __init__(self, doc: Document, slide_id: str) -> None:
        slide = require(doc, "slide", slide_id)
        super().__init__(doc, f"Delete slide {quoted(slide.name)}")
        self._id = slide_id
        self._removed: tuple[int, Slide] | None = None

    def _apply(self) -> None:
        self._removed = self._doc._slides.remove(self._id)

    def _revert(self) -> None:
        if self._removed is not None:
            self._doc._slides.insert(*self._removed)


class MoveSlide(MoveItem):
    """Reorder the presentation: the slide ends at ``index``."""

    kind = "slide"


class SetSlideFields(SetFields):
    """Rename a slide or change what it shows."""

    kind = "slide"
    model = Slide
    merge_id = 1006

    def check_refs(self, doc: Document, new: Any, fields: dict[str, Any]) -> None:
        _check_slide(doc, new)
