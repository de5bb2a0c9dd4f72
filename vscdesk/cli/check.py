"""``vscdesk check FILE``: is this a document vscdesk can open?"""

from __future__ import annotations

import argparse
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)


def run(args: argparse.Namespace) -> int:
    from vscdesk.storage import LoadError, load

    try:
        doc = load(args.file)
    except LoadError as err:
        return fail(str(err))
    stages = sum(len(s.stages) for s in doc.streams)
    print(f"{args.file}: valid ({len(doc.streams)} streams, {stages} stages)")
    return 0
