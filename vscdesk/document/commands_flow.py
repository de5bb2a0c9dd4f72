"""Flow items (Flow Framework work items): replaced as a whole when a tracker export is imported."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from vscdesk.document.base import EditCommand, check_ref, count, validated
from vscdesk.model import FlowItem

if TYPE_CHECKING:
    from vscdesk.document.document import Document


class SetFlowItems(EditCommand):
    """Replace the document's flow items (a fresh export holds them all); undo restores the old.

    Flow items have their own id namespace; each must name an existing stream and ids must be
    unique among them. Listeners hear ``changed()`` only: no diagram object changes.
    """

    def __init__(self, doc: Document, items: Iterable[FlowItem | dict[str, Any]], text: str = "") -> None:
        new = [validated(FlowItem, item, "flow item") for item in items]
        seen: set[str] = set()
        for item in new:
            if item.id in seen:
                raise ValueError(f"the flow item id '{item.id}' is used twice")
            seen.add(item.id)
            check_ref(doc, "stream", item.stream, f"flow item '{item.id}'")
        super().__init__(doc, text or f"Import {count(len(new), 'flow item')}")
        self._new = new
        self._old: list[FlowItem] = []
        self.setObsolete(new == list(doc.model.flow_items))

    def _replace(self, items: list[FlowItem]) -> list[FlowItem]:
        store = self._doc._flow_items
        removed = [item for _pos, item in store.remove_many([f.id for f in store])]
        store.insert_many(list(enumerate(items)))
        return removed

    def _apply(self) -> None:
        self._old = self._replace(self._new)

    def _revert(self) -> None:
        self._replace(self._old)
