"""Edits shared by every kind of object: set fields, add to a list, move within a list.

Consecutive field edits of the same fields of the same object merge into one undo step (typing in
a name field, turning a spin box), and an edit that changes nothing is never recorded."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, ClassVar

from pydantic import BaseModel
from PySide6.QtGui import QUndoCommand

from vscdesk.document.base import (
    EditCommand,
    check_fields,
    check_index,
    check_new_id,
    quoted,
    require,
    validated,
)
from vscdesk.model import Lane, Link, Slide, Stakeholder, Stream

if TYPE_CHECKING:
    from vscdesk.document.document import Document

# The objects kept in a flat list of their own, each with an id.
Listed = Lane | Stream | Stakeholder | Link | Slide

LABELS = {
    "slas": "SLAs",
    "percent_complete_accurate": "%C&A",
    "triggering_stakeholder": "triggering stakeholder",
    "value": "value outcome",
}


def label(field: str) -> str:
    """A field as users name it: 'value_items' -> 'value items'."""
    return LABELS.get(field, field.replace("_", " "))


def describe(kind: str, fields: dict[str, Any] | list[str]) -> str:
    names = list(fields)
    if names == ["name"]:
        return f"Rename {kind}"
    if len(names) == 1:
        return f"Set {kind} {label(names[0])}"
    return f"Edit {kind}"


class SetFields(EditCommand):
    """Set some fields of one object; the merged object is validated as a whole first."""

    kind: ClassVar[str]
    model: ClassVar[type[BaseModel]]
    fixed: ClassVar[frozenset[str]] = frozenset({"id"})
    merge_id: ClassVar[int]

    def __init__(self, doc: Document, ident: str, *, merge: bool = True, **fields: Any) -> None:
        """``merge=False``: a step of its own, e.g. one committed table cell, not typing."""
        obj = require(doc, self.kind, ident)
        check_fields(self.model, fields, self.fixed, self.kind)
        skip = set(self.fixed) - {"id"}  # large nested lists: validated where they are edited
        new = validated(self.model, {**obj.model_dump(exclude=skip), **fields}, self.kind)
        self.check_refs(doc, new, fields)
        super().__init__(doc, describe(self.kind, fields))
        self._id = ident
        self._old = {name: copy.deepcopy(getattr(obj, name)) for name in fields}
        self._new = {name: getattr(new, name) for name in fields}
        self._merge = merge
        self.setObsolete(self._old == self._new)

    def check_refs(self, doc: Document, new: Any, fields: dict[str, Any]) -> None:
        """Raise ValueError when a changed reference does not resolve."""

    @property
    def target_id(self) -> str:
        return self._id

    def _apply(self) -> None:
        self._doc._store(self.kind).update(self._id, self._new)

    def _revert(self) -> None:
        self._doc._store(self.kind).update(self._id, self._old)

    def id(self) -> int:
        return self.merge_id if self._merge else -1  # -1: QUndoStack never merges it

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            type(other) is not type(self)
            or not isinstance(other, SetFields)
            or other._id != self._id
            or other._new.keys() != self._new.keys()
        ):
            return False
        self._new = other._new
        self.setObsolete(self._new == self._old)
        return True


class AddItem(EditCommand):
    """Add one object to a flat list (lane, stream, stakeholder, link, slide) at a position."""

    kind: ClassVar[str]
    model: ClassVar[type[Listed]]

    def __init__(self, doc: Document, item: Any, index: int | None = None) -> None:
        obj = validated(self.model, item, self.kind)
        check_new_id(doc, obj.id)
        self.check_refs(doc, obj)
        index = check_index(index, len(doc._store(self.kind)), self.kind)
        super().__init__(doc, self.text_for(obj))
        self._item = obj
        self._index = index

    def check_refs(self, doc: Document, obj: Any) -> None:
        """Raise ValueError when a reference of the new object does not resolve."""

    def text_for(self, obj: Any) -> str:
        return f"Add {self.kind} {quoted(obj.name)}"

    @property
    def item_id(self) -> str:
        """The id of the added object, e.g. to select it."""
        return self._item.id

    def _apply(self) -> None:
        self._doc._store(self.kind).insert(self._index, self._item)

    def _revert(self) -> None:
        self._doc._store(self.kind).remove(self._item.id)


class MoveItem(EditCommand):
    """Reorder one object of a flat list: it ends at ``index`` (counted without it)."""

    kind: ClassVar[str]

    def __init__(self, doc: Document, ident: str, index: int) -> None:
        require(doc, self.kind, ident)
        store = doc._store(self.kind)
        index = check_index(index, len(store) - 1, self.kind)
        super().__init__(doc, f"Move {self.kind}")
        self._id = ident
        self._old = store.position(ident)
        self._new = index
        self.setObsolete(self._old == self._new)

    def _apply(self) -> None:
        self._doc._store(self.kind).move(self._id, self._new)

    def _revert(self) -> None:
        self._doc._store(self.kind).move(self._id, self._old)
