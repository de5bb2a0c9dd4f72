"""``vscdesk merge BASE OURS THEIRS -o OUT`` and the git merge driver ``vscdesk merge-driver``.

Both merge object by object (by id). ``merge`` writes OUT atomically, or lists the conflicts
and exits 1 writing nothing. ``merge-driver %O %A %B %P`` is what git runs when configured:

    # .gitattributes
    *.vsc.json merge=vscdesk
    git config merge.vscdesk.driver "vscdesk merge-driver %O %A %B %P"
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    if parser.prog.endswith("merge-driver"):
        parser.add_argument("base", help="%%O: the common ancestor")
        parser.add_argument("ours", help="%%A: our version; replaced by the merge")
        parser.add_argument("theirs", help="%%B: their version")
        parser.add_argument("path", nargs="?", help="%%P: the file's name, for messages")
        return
    parser.add_argument("base", type=Path, help="the common ancestor")
    parser.add_argument("ours", type=Path, help="our version")
    parser.add_argument("theirs", type=Path, help="their version")
    parser.add_argument("-o", "--output", type=Path, required=True, help="where to write the merge")


def run(args: argparse.Namespace) -> int:
    if args.command == "merge-driver":
        from vscdesk.interop.merge_driver import merge_driver

        return merge_driver(args.base, args.ours, args.theirs, args.path)
    from vscdesk.cli.output import SaveError, check_folder, is_stdout, save_document
    from vscdesk.interop.errors import InteropError
    from vscdesk.interop.merge import merge_files

    try:
        check_folder(args.output)
        result = merge_files(args.base, args.ours, args.theirs)
        if result.document is None:
            count = len(result.conflicts)
            print(f"vscdesk: {count} conflict{'s' * (count != 1)}; nothing was written:",
                  file=sys.stderr)
            for line in result.conflicts:
                print(f"  {line}", file=sys.stderr)
            return 1
        save_document(result.document, args.output)
    except (InteropError, SaveError) as err:
        return fail(str(err))
    if not is_stdout(args.output):
        print(f"wrote {args.output}")
    return 0
