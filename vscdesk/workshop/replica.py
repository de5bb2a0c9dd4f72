"""One peer's copy of the shared map: a pycrdt ``Doc`` plus what this peer last read from it.

``write(model)`` turns the difference between the model and what was last read into the
fewest Y changes (fields that changed, entries added or removed, new positions for what
moved), in one transaction; ``read()`` projects the shared state back to a valid model with
the repair rules. Both run on the thread that owns the ``Doc``.
"""

from __future__ import annotations

import secrets
from typing import Any

from pycrdt import Doc, Map

from vscdesk.model import DocumentModel
from vscdesk.workshop.layout import KINDS, META, POS, ROOTS, STAGES, STREAM, flat_lists, meta_of
from vscdesk.workshop.order import new_positions, sort_key
from vscdesk.workshop.projection import Projection, project

#: root -> {model id: fields as JSON values}, with stages' stream entry key under "stream"
Encoded = dict[str, dict[str, dict[str, Any]]]


class Replica:
    """A Y document holding one map, and this peer's view of which entry is which object."""

    def __init__(self, doc: Doc[Any] | None = None) -> None:
        self.doc: Doc[Any] = doc if doc is not None else Doc()
        self.roots: dict[str, Map[Any]] = {name: self.doc.get(name, type=Map) for name in ROOTS}
        self._keys: dict[str, dict[str, str]] = {kind.root: {} for kind in KINDS}
        self._seen: Encoded = {kind.root: {} for kind in KINDS}
        self._seen_meta: dict[str, str] = {}
        self.model = DocumentModel()
        self._plain_keys = False

    def plain(self) -> dict[str, Any]:
        """The whole shared state as plain values (what ``project`` reads)."""
        return {name: root.to_py() for name, root in self.roots.items()}

    def read(self) -> DocumentModel:
        """The valid document the shared state stands for; remembered for the next write."""
        projection = project(self.plain())
        self._remember(projection)
        return projection.model

    def _remember(self, projection: Projection) -> None:
        self.model = projection.model
        self._keys = projection.keys
        self._seen = _encode(projection.model, self._keys)
        self._seen_meta = meta_of(projection.model)

    def write(self, model: DocumentModel, origin: Any = None) -> bool:
        """Record how ``model`` differs from the last read or write; True if anything did.

        A new object's entry key is its id plus a random part: two peers adding an object
        with the same id at once make two entries (the repair renames one), not one entry
        that the last writer would win whole."""
        encoded = _encode(model, self._keys)
        changed = False
        with self.doc.transaction(origin=origin):
            meta = meta_of(model)
            for name, value in meta.items():
                if self._seen_meta.get(name) != value:
                    self.roots[META][name] = value
                    changed = True
            for kind in KINDS:  # streams before stages: a new stage names its stream's key
                changed |= self._write_kind(kind.root, model, encoded)
                if kind.root == "streams":
                    encoded = _encode(model, self._keys)
        self.model = model
        self._seen = encoded
        self._seen_meta = meta
        return changed

    def _write_kind(self, root_name: str, model: DocumentModel, encoded: Encoded) -> bool:
        root, keys = self.roots[root_name], self._keys[root_name]
        old, new = self._seen[root_name], encoded[root_name]
        changed = False
        for ident in old.keys() - new.keys():
            key = keys.pop(ident)
            if key in root:
                del root[key]
            changed = True
        for ident, fields in new.items():
            previous = old.get(ident)
            if previous is None:
                key = ident if self._plain_keys and ident not in root else (
                    f"{ident}~{secrets.token_hex(4)}")
                keys[ident] = key
                root[key] = Map(fields)
                changed = True
            elif previous != fields and keys[ident] in root:
                entry = root[keys[ident]]
                for name, value in fields.items():
                    if previous.get(name) != value:
                        entry[name] = value
                for name in previous.keys() - fields.keys():
                    del entry[name]
                changed = True
        for siblings in _orders(root_name, model, keys):
            changed |= _place(root, [keys[ident] for ident in siblings])
        return changed

    def fill(self, model: DocumentModel) -> None:
        """Start an empty shared document from a whole map (the host, once): entry keys are
        the ids themselves, readable to any Yjs client."""
        self._plain_keys = True
        try:
            self.write(model, origin="load")
        finally:
            self._plain_keys = False


def _encode(model: DocumentModel, keys: dict[str, dict[str, str]]) -> Encoded:
    lists = flat_lists(model)
    encoded: Encoded = {}
    for kind in KINDS:
        encoded[kind.root] = {obj.id: kind.fields(obj) for obj in lists[kind.root]}
    stream_keys = keys.get("streams", {})
    for stream in model.streams:
        for stage in stream.stages:
            encoded[STAGES.root][stage.id][STREAM] = stream_keys.get(stream.id, stream.id)
    return encoded


def _orders(root_name: str, model: DocumentModel, keys: dict[str, str]) -> list[list[str]]:
    """The sibling lists whose order the shared document keeps (stages: per stream)."""
    if root_name == STAGES.root:
        return [[stage.id for stage in stream.stages] for stream in model.streams]
    return [[obj.id for obj in flat_lists(model)[root_name]]]


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
