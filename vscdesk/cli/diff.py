"""``vscdesk diff A B``: what changed between two documents, one readable line per change.

Exit status 0 when they are the same document, 1 when they differ, 2 when one is unreadable.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("old", type=Path, help="the earlier version")
    parser.add_argument("new", type=Path, help="the later version")


def run(args: argparse.Namespace) -> int:
    from vscdesk.interop.diff import diff_files
    from vscdesk.interop.errors import InteropError

    try:
        lines = diff_files(args.old, args.new)
    except InteropError as err:
        return fail(str(err))
    print("\n".join(lines) if lines else "no differences")
    return 1 if lines else 0
