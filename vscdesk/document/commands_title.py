"""Edits of the document as a whole: its title and the name of its value chain."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from vscdesk.document.base import EditCommand, validated
from vscdesk.model import Chain, DocumentModel

if TYPE_CHECKING:
    from vscdesk.document.document import Document


class SetDocumentFields(EditCommand):
    """Set the document ``title`` and/or the value chain's name (``chain_name``).

    Only ``changed()`` is emitted: nothing with an id changed."""

    def __init__(self, doc: Document, *, title: str | None = None,
                 chain_name: str | None = None) -> None:
        if title is None and chain_name is None:
            raise ValueError("no document field to change")
        self._old = {"title": doc.model.title, "chain_name": doc.model.chain.name}
        self._new = dict(self._old)
        if title is not None:
            self._new["title"] = validated(DocumentModel, {"title": title}, "document").title
        if chain_name is not None:
            self._new["chain_name"] = validated(Chain, {"name": chain_name}, "value chain").name
        text = "Rename value chain" if title is None else "Rename document"
        super().__init__(doc, text)
        self.setObsolete(self._old == self._new)

    def _apply(self) -> None:
        self._doc._set_document_fields(self._new)

    def _revert(self) -> None:
        self._doc._set_document_fields(self._old)

    def id(self) -> int:
        return 1008

    def mergeWith(self, other: Any) -> bool:
        if not isinstance(other, SetDocumentFields):
            return False
        changed = {k for k in self._new if self._new[k] != self._old[k]}
        other_changed = {k for k in other._new if other._new[k] != other._old[k]}
        if changed and other_changed and changed != other_changed:
            return False
        self._new = other._new
        self.setObsolete(self._old == self._new)
        return True
