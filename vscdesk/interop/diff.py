"""A semantic diff of two documents: added, removed and changed lanes, streams, stages,
stakeholders, links and fields, matched by id, one readable line each (``vscdesk diff A B``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from vscdesk.interop.docio import read_document
from vscdesk.interop.errors import InteropError
from vscdesk.interop.tree import ID_LISTS, doc_tree, is_id_list, object_label, show
from vscdesk.model import DocumentModel


def diff_documents(old: DocumentModel, new: DocumentModel) -> list[str]:
    """The differences from ``old`` to ``new``; empty when they are the same document.

    Lines start with '+' (added), '-' (removed) or '~' (changed)."""
    out: list[str] = []
    _fields("", doc_tree(old), doc_tree(new), out)
    return out


def _keys(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return list(a) + [k for k in b if k not in a]


def _fields(owner: str, a: dict[str, Any], b: dict[str, Any], out: list[str]) -> None:
    for key in _keys(a, b):
        old, new = a.get(key), b.get(key)
        if old == new:
            continue
        if is_id_list(key, old or [], new or []):
            _objects(owner, key, old or [], new or [], out)
        elif key == "chain" and isinstance(old, dict) and isinstance(new, dict):
            _fields("chain", old, new, out)
        else:
            out.append(f"~ {owner + ' ' if owner else ''}{key}: {show(old, key)} → {show(new, key)}")


def _objects(owner: str, key: str, old: list[dict[str, Any]], new: list[dict[str, Any]],
             out: list[str]) -> None:
    kind = ID_LISTS[key]
    before = {x["id"]: x for x in old}
    after = {x["id"]: x for x in new}
    where = f" in {owner}" if owner and owner != "chain" else ""
    out.extend(f"- {object_label(kind, x)}{where}" for x in old if x["id"] not in after)
    out.extend(f"+ {object_label(kind, x)}{where}" for x in new if x["id"] not in before)
    for x in old:
        if x["id"] in after:
            _fields(f"{kind} '{x['id']}'", x, after[x["id"]], out)
    kept_old = [x["id"] for x in old if x["id"] in after]
    kept_new = [x["id"] for x in new if x["id"] in before]
    if kept_old != kept_new:
        out.append(f"~ {owner or 'document'}: {key} reordered "
                   f"({', '.join(kept_new[:6])}{', …' if len(kept_new) > 6 else ''})")


def diff_files(old: Path, new: Path) -> list[str]:
    """The differences between two document files; unreadable files raise InteropError."""
    return diff_documents(read_document(old), read_document(new))


def main(argv: list[str] | None = None) -> int:
    """``vscdesk diff A B``: print the differences; exit 0 same, 1 different, 2 trouble."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: vscdesk diff OLD NEW", file=sys.stderr)
        return 2
    try:
        lines = diff_files(Path(args[0]), Path(args[1]))
    except InteropError as exc:
        print(f"vscdesk diff: {exc}", file=sys.stderr)
        return 2
    print("\n".join(lines) if lines else "no differences")
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main())
