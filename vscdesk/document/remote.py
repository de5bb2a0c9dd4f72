"""Edits that arrive from other people in a workshop, applied through the Document.

The shared map reaches this peer as a whole valid model (the workshop's projection). The
Document compares it with its own by id and emits the same precise signals a local command
would (``stage_changed`` for a renamed stage, ``structure_changed`` when the order or
membership of streams, stages or lanes changed...), so the canvas and panels follow with
the same in-place updates as for local edits. Remote edits are not steps of this peer's undo
history: in a workshop, undo is personal and lives in the shared document.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from vscdesk.model import DocumentModel

if TYPE_CHECKING:
    from vscdesk.document.document import Document


def _by_id(items: Iterable[Any]) -> dict[str, Any]:
    return {item.id: item for item in items}


def _compare(doc: Document, kind: str, old: list[Any], new: list[Any],
             exclude: frozenset[str] = frozenset()) -> bool:
    """Note what was added, removed or changed; True if the order or membership changed."""
    before, after = _by_id(old), _by_id(new)
    for ident in before.keys() - after.keys():
        doc._note(f"{kind}_removed", ident)
    for ident, obj in after.items():
        previous = before.get(ident)
        if previous is None:
            doc._note(f"{kind}_added", ident)
        elif (previous.model_dump(exclude=set(exclude)) != obj.model_dump(exclude=set(exclude))):
            doc._note(f"{kind}_changed", ident)
    return list(before) != list(after)


def apply_model(doc: Document, model: DocumentModel) -> None:
    """Make ``model`` the document's, announcing each difference as its signal."""
    old = doc.model
    with doc._edit():
        stage_homes = {s.id: st.id for st in old.streams for s in st.stages}
        new_homes = {s.id: st.id for st in model.streams for s in st.stages}
        old_stages = [s for st in old.streams for s in st.stages]
        new_stages = [s for st in model.streams for s in st.stages]
        structure = _compare(doc, "stage", old_stages, new_stages)
        for ident, home in new_homes.items():
            if stage_homes.get(ident, home) != home:
                doc._note("stage_changed", ident)  # moved to another stream
        structure |= _compare(doc, "stream", old.streams, model.streams, frozenset({"stages"}))
        structure |= _compare(doc, "lane", old.chain.lanes, model.chain.lanes)
        _compare(doc, "stakeholder", old.stakeholders, model.stakeholders)
        _compare(doc, "link", old.links, model.links)
        if old.slides != model.slides:
            doc._note("slide_changed", None)
        if structure:
            doc._note_structure()
        doc.model = model
        doc._reindex()
