"""Three-way merge of documents object by object (by id): edits to different objects or fields
merge; the same field changed both ways is a conflict (``vscdesk merge BASE OURS THEIRS``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vscdesk.interop.docio import read_document
from vscdesk.interop.tree import ID_LISTS, doc_tree, is_id_list, object_label, show
from vscdesk.model import DocumentModel

_GONE = object()  # a key or object absent on one side
Tree = dict[str, Any]  # a document or object as JSON data (doc_tree)


@dataclass
class MergeResult:
    """The merged document, or None when there are conflicts (each one readable line)."""

    document: DocumentModel | None
    conflicts: list[str] = field(default_factory=list)


class _Merger:
    def __init__(self) -> None:
        self.conflicts: list[str] = []

    def value(self, where: str, key: str, base: Any, ours: Any, theirs: Any) -> Any:
        if ours == theirs:
            return ours
        if ours == base:
            return theirs
        if theirs == base:
            return ours
        if all(isinstance(v, dict) for v in (base, ours, theirs)):
            return self.fields(where, base, ours, theirs)
        self.conflicts.append(f"{where}: changed on both sides (ours {show(ours, key)}, "
                              f"theirs {show(theirs, key)})")
        return ours

    def fields(self, owner: str, base: Tree, ours: Tree, theirs: Tree) -> Tree:
        merged: Tree = {}
        for key in list(ours) + [k for k in theirs if k not in ours]:
            b, o, t = base.get(key, _GONE), ours.get(key, _GONE), theirs.get(key, _GONE)
            where = f"{owner} {key}".strip()
            if is_id_list(key, *(v for v in (b, o, t) if v is not _GONE)):
                merged[key] = self.objects(owner, key, [] if b is _GONE else b,
                                           [] if o is _GONE else o, [] if t is _GONE else t)
            else:
                value = self.value(where, key, b, o, t)
                if value is not _GONE:
                    merged[key] = value
        return merged

    def objects(self, owner: str, key: str, base: list[Tree], ours: list[Tree],
                theirs: list[Tree]) -> list[Tree]:
        kind = ID_LISTS[key]
        b, o, t = ({x["id"]: x for x in side} for side in (base, ours, theirs))
        kept: dict[str, Tree] = {}
        every = list(o) + [i for i in t if i not in o] + [i for i in b if i not in o and i not in t]
        for ident in every:
            label = object_label(kind, o.get(ident) or t.get(ident) or b[ident])
            in_o, in_t, was = ident in o, ident in t, b.get(ident)
            if in_o and in_t:
                kept[ident] = self.fields(f"{kind} '{ident}'", was or {}, o[ident], t[ident])
            elif was is None:  # added on one side
                kept[ident] = o.get(ident) or t[ident]
            elif in_o or in_t:  # removed on one side: fine unless the other side changed it
                survivor = o.get(ident) or t[ident]
                if survivor != was:
                    side = "theirs" if in_o else "ours"
                    self.conflicts.append(f"{label}: removed in {side} but changed in the other")
                    kept[ident] = survivor
        return [kept[i] for i in self.order(owner, key, list(b), list(o), list(t), kept)]

    def order(self, owner: str, key: str, b: list[str], o: list[str], t: list[str],
              kept: dict[str, Tree]) -> list[str]:
        shared = set(b) & set(o) & set(t)
        rb, ro, rt = ([i for i in side if i in shared] for side in (b, o, t))
        if ro != rb and rt != rb and ro != rt:
            self.conflicts.append(f"{owner or 'document'}: {key} reordered differently on both sides")
        primary, secondary = (t, o) if ro == rb else (o, t)
        result = [i for i in primary if i in kept]
        for at, ident in enumerate(secondary):
            if ident in kept and ident not in result:
                before = next((x for x in reversed(secondary[:at]) if x in result), None)
                result.insert(result.index(before) + 1 if before else 0, ident)
        result += [i for i in kept if i not in result]
        return result


def merge_documents(base: DocumentModel, ours: DocumentModel, theirs: DocumentModel) -> MergeResult:
    """Merge ``ours`` and ``theirs``, both descended from ``base``."""
    merger = _Merger()
    tree = merger.fields("", doc_tree(base), doc_tree(ours), doc_tree(theirs))
    if merger.conflicts:
        return MergeResult(None, merger.conflicts)
    try:
        return MergeResult(DocumentModel.model_validate(tree))
    except ValidationError as exc:
        first = exc.errors()[0]
        reason = str(first["msg"]).removeprefix("Value error, ")
        return MergeResult(None, [f"the combined edits do not fit together: {reason}"])


def read_base(path: Path) -> DocumentModel:
    """The common ancestor; git passes an empty file when both sides added the document."""
    if path.exists() and path.stat().st_size == 0:
        return DocumentModel()
    return read_document(path)


def merge_files(base: Path, ours: Path, theirs: Path) -> MergeResult:
    """Merge three document files; unreadable files raise InteropError."""
    return merge_documents(read_base(base), read_document(ours), read_document(theirs))
