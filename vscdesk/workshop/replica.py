"""One peer's copy of the shared map: a pycrdt ``Doc`` plus what this peer last read from it.

``apply(base, new)`` turns the difference between two snapshots of the map (what an edit
started from and what it made) into the fewest Y changes: fields that changed, entries added
or removed, new positions for sibling lists whose order changed, in one transaction. Only the
edit's own difference is written, so changes others made meanwhile are never reverted.
``read()`` projects the shared state back to a valid model with the repair rules. Both run
on the thread that owns the ``Doc``; ``snapshot`` runs anywhere (the window takes them).
"""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from typing import Any

from pycrdt import Doc, Map

from vscdesk.model import DocumentModel
from vscdesk.workshop.layout import KINDS, META, POS, ROOTS, STAGES, STREAM, flat_lists, meta_of
from vscdesk.workshop.order import new_positions, sort_key
from vscdesk.workshop.projection import project

#: the origin of this peer's own edits (its personal undo tracks only these)
LOCAL = "local"


@dataclass(frozen=True)
class Snapshot:
    """A map as the shared document stores it: per root {id: fields}, the sibling orders
    (stages per stream id, other kinds under ""), and the document-wide texts."""

    fields: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    orders: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)


def snapshot(model: DocumentModel) -> Snapshot:
    lists = flat_lists(model)
    fields = {kind.root: {obj.id: kind.fields(obj) for obj in lists[kind.root]}
              for kind in KINDS}
    orders = {kind.root: {"": [obj.id for obj in lists[kind.root]]} for kind in KINDS}
    orders[STAGES.root] = {}
    for stream in model.streams:
        orders[STAGES.root][stream.id] = [stage.id for stage in stream.stages]
        for stage in stream.stages:
            fields[STAGES.root][stage.id][STREAM] = stream.id
    return Snapshot(fields, orders, meta_of(model))


class Replica:
    """A Y document holding one map, and this peer's view of which entry is which object."""

    def __init__(self, doc: Doc[Any] | None = None) -> None:
        self.doc: Doc[Any] = doc if doc is not None else Doc()
        self.roots: dict[str, Map[Any]] = {name: self.doc.get(name, type=Map) for name in ROOTS}
        self._keys: dict[str, dict[str, str]] = {kind.root: {} for kind in KINDS}
        self.model = DocumentModel()
        self.seen = snapshot(self.model)
        self._plain_keys = False

    def plain(self) -> dict[str, Any]:
        """The whole shared state as plain values (what ``project`` reads).

        Yrs writes each root as JSON natively, ten times faster than walking the entries
        from Python; ``to_py`` stays the fallback for what JSON cannot say."""
        roots = {}
        for name, root in self.roots.items():
            try:
                roots[name] = json.loads(str(root))
            except ValueError:
                roots[name] = root.to_py()
        return roots

    def read(self) -> DocumentModel:
        """The valid document the shared state stands for; remembered for the next write."""
        projection = project(self.plain())
        self.model = projection.model
        self._keys = projection.keys
        self.seen = snapshot(projection.model)
        return projection.model

    def write(self, model: DocumentModel, origin: Any = LOCAL) -> bool:
        """Record how ``model`` differs from the last read or write; True if anything did."""
        new = snapshot(model)
        changed = self.apply(self.seen, new, origin)
        self.model, self.seen = model, new
        return changed

    def apply(self, base: Snapshot, new: Snapshot, origin: Any = LOCAL) -> bool:
        """Write what changed from ``base`` to ``new``, in one transaction.

        A new object's entry key is its id plus a random part: two peers adding an object
        with the same id at once make two entries (the repair renames one), not one entry
        that the last writer would win whole."""
        changed = False
        with self.doc.transaction(origin=origin):
            for name, value in new.meta.items():
                if base.meta.get(name) != value:
                    self.roots[META][name] = value
                    changed = True
            for kind in KINDS:  # streams before stages: a new stage names its stream's key
                changed |= self._write_kind(kind.root, base, new)
        return changed

    def _entry_key(self, root: Map[Any], ident: str) -> str:
        if self._plain_keys and ident not in root:
            return ident
        return f"{ident}~{secrets.token_hex(4)}"

    def _write_kind(self, root_name: str, base: Snapshot, new: Snapshot) -> bool:
        root, keys = self.roots[root_name], self._keys.setdefault(root_name, {})
        old, now = base.fields.get(root_name, {}), new.fields[root_name]
        changed = False
        for ident in old.keys() - now.keys():
            key = keys.pop(ident, None)
            if key is not None and key in root:
                del root[key]
                changed = True
        for ident, fields in now.items():
            previous = old.get(ident)
            if previous is None:
                keys[ident] = self._entry_key(root, ident)
                root[keys[ident]] = Map(self._stored(root_name, fields))
                changed = True
            elif previous != fields and ident in keys and keys[ident] in root:
                entry = root[keys[ident]]  # (an object deleted meanwhile stays deleted)
                stored = self._stored(root_name, fields)
                for name, value in stored.items():
                    if previous.get(name) != fields.get(name):
                        entry[name] = value
                for name in previous.keys() - fields.keys():
                    del entry[name]
                changed = True
        old_orders = base.orders.get(root_name, {})
        for group, siblings in new.orders[root_name].items():
            if old_orders.get(group) != siblings:
                changed |= _place(root, [keys[i] for i in siblings if i in keys])
        return changed

    def _stored(self, root_name: str, fields: dict[str, Any]) -> dict[str, Any]:
        """Fields as stored: a stage names its stream by the stream's entry key."""
        if root_name != STAGES.root:
            return fields
        stream = fields[STREAM]
        return {**fields, STREAM: self._keys.get("streams", {}).get(stream, stream)}

    def fill(self, model: DocumentModel) -> None:
        """Start an empty shared document from a whole map (the host, once): entry keys are
        the ids themselves, readable to any Yjs client."""
        self._plain_keys = True
        try:
            self.write(model, origin="load")
        finally:
            self._plain_keys = False


def _place(root: Map[Any], order: list[str]) -> bool:
    """Write positions so that the entries ``order`` names sort in that order."""
    current = []
    for key in order:
        pos = root[key].get(POS) if key in root else None
        current.append(None if pos is None else sort_key(pos, key))
    moves = new_positions(current)
    for index, pos in moves.items():
        if order[index] in root:
            root[order[index]][POS] = pos
    return bool(moves)
