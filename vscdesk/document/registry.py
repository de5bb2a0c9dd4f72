"""An id index over one flat list of the model (lanes, streams, stakeholders, links, slides),
with the few primitive edits that keep it right. Used only by Document and its commands."""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from vscdesk.document.document import Document


class _HasId(Protocol):
    id: str


T = TypeVar("T", bound=_HasId)


class Registry(Generic[T]):
    """Positions by id, rebuilt lazily after insert/remove/move only (field edits keep them)."""

    def __init__(
        self,
        doc: Document,
        items: Callable[[], list[T]],
        kind: str,
        *,
        structural: bool = False,
        on_insert: Callable[[T], None] | None = None,
        on_remove: Callable[[T], None] | None = None,
    ) -> None:
        self._doc = doc
        self._items = items
        self.kind = kind
        self._structural = structural
        self._on_insert = on_insert
        self._on_remove = on_remove
        self._pos: dict[str, int] | None = None
        self.rebuilds = 0  # how often the index was rebuilt; tests use it to prove laziness

    # -- reading ---------------------------------------------------------------------------

    def _index(self) -> dict[str, int]:
        if self._pos is None:
            self._pos = {item.id: i for i, item in enumerate(self._items())}
            self.rebuilds += 1
        return self._pos

    def invalidate(self) -> None:
        """Forget positions: the list was replaced or reordered."""
        self._pos = None

    def get(self, ident: str) -> T | None:
        pos = self._index().get(ident)
        return None if pos is None else self._items()[pos]

    def position(self, ident: str) -> int | None:
        return self._index().get(ident)

    def __contains__(self, ident: object) -> bool:
        return ident in self._index()

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[T]:
        return iter(self._items())

    def ids(self) -> Iterable[str]:
        return self._index().keys()

    # -- primitive edits (commands only) ---------------------------------------------------

    def _changed_order(self) -> None:
        self._pos = None
        if self._structural:
            self._doc._note_structure()

    def insert(self, index: int, item: T) -> None:
        self._items().insert(index, item)
        self._changed_order()
        self._doc._note(f"{self.kind}_added", item.id)
        if self._on_insert is not None:
            self._on_insert(item)

    def insert_many(self, entries: list[tuple[int, T]]) -> None:
        """Put back what remove_many returned: ascending positions restore the old order."""
        for index, item in sorted(entries, key=lambda e: e[0]):
            self.insert(index, item)

    def remove(self, ident: str) -> tuple[int, T]:
        return self.remove_many([ident])[0]

    def remove_many(self, ids: Iterable[str]) -> list[tuple[int, T]]:
        """Remove items by id; returns (position, item) in ascending order for undo."""
        index = self._index()
        positions = sorted({index[i] for i in ids})
        items = self._items()
        removed = [(pos, items[pos]) for pos in positions]
        for pos in reversed(positions):
            del items[pos]
        self._changed_order()
        for _pos, item in removed:
            if self._on_remove is not None:
                self._on_remove(item)
            self._doc._note(f"{self.kind}_removed", item.id)
        return removed

    def move(self, ident: str, index: int) -> None:
        """Move an item so that it ends at ``index`` (a position in the list without it)."""
        items = self._items()
        item = items.pop(self._index()[ident])
        items.insert(index, item)
        self._changed_order()
        self._doc._note(f"{self.kind}_changed", ident)

    def update(self, ident: str, values: dict[str, Any]) -> None:
        """Set fields in place; values are copied so the caller's copy is never shared."""
        set_fields(self._items()[self._index()[ident]], values)
        self._doc._note(f"{self.kind}_changed", ident)


def set_fields(obj: Any, values: dict[str, Any]) -> None:
    """Assign already-validated values to a model object, copying mutable ones."""
    for name, value in values.items():
        setattr(obj, name, copy.deepcopy(value))
