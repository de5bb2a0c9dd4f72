"""A git merge driver for ``*.vsc.json``: merges by id, or leaves the user's file untouched and
exits non-zero so git reports a conflict.

    # .gitattributes
    *.vsc.json merge=vscdesk
    # once per clone
    git config merge.vscdesk.driver "vscdesk merge-driver %O %A %B %P"
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from vscdesk.storage import SaveError, write_output
from vscdesk.storage.writer import checked_bytes as encoded_document
from vscdesk.interop.errors import InteropError
from vscdesk.interop.merge import merge_files


def merge_driver(base: str, ours: str, theirs: str, shown_name: str | None = None,
                 err: TextIO | None = None) -> int:
    """git's %O %A %B (and optional %P): 0 merged into %A, 1 conflicts, 2 unreadable input."""
    err = err or sys.stderr
    name = shown_name or Path(ours).name
    try:
        result = merge_files(Path(base), Path(ours), Path(theirs))
    except InteropError as exc:
        print(f"vscdesk merge: {name}: cannot merge automatically: {exc}", file=err)
        return 2
    if result.document is None:
        count = len(result.conflicts)
        print(f"vscdesk merge: {name}: {count} conflict{'s' if count > 1 else ''}; your version "
              "is left unchanged, resolve them by hand:", file=err)
        for line in result.conflicts:
            print(f"  {line}", file=err)
        return 1
    # %A is git's own temporary copy: replaced atomically (a full disk must not leave half a
    # document behind), without the native save's NAME.bak (no backup files in the work tree).
    try:
        write_output(ours, encoded_document(result.document))
    except SaveError as exc:
        print(f"vscdesk merge: {name}: {exc.reason}; your version is left unchanged", file=err)
        return 2
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) not in (3, 4):
        print("usage: python -m vscdesk.interop.merge_driver BASE OURS THEIRS [PATH]", file=sys.stderr)
        return 2
    return merge_driver(args[0], args[1], args[2], args[3] if len(args) == 4 else None)


if __name__ == "__main__":
    sys.exit(main())
