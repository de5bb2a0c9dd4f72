"""``vscdesk import-flow FILE ITEMS.csv -o OUT``: a document with a tracker export's flow items.

The CSV's items replace the document's (an export holds them all); every bad row is reported
and nothing is written. OUT may be FILE itself (saved atomically, the old one kept as .bak).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="the *.vsc.json document")
    parser.add_argument("items", type=Path, help="CSV: id, type, stream, started, finished, "
                        "active_time")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="the document to write (may be FILE)")


def run(args: argparse.Namespace) -> int:
    from vscdesk.cli.output import SaveError, is_stdout, save_document
    from vscdesk.interop.errors import InteropError
    from vscdesk.interop.flow_csv import read_flow_csv
    from vscdesk.storage import LoadError, load

    try:
        doc = load(args.file)
        items = read_flow_csv(args.items, doc.streams)
        replaced = len(doc.flow_items)
        doc.flow_items = items
        save_document(doc, args.output)
    except (LoadError, InteropError, SaveError) as err:
        return fail(str(err))
    if is_stdout(args.output):
        return 0
    streams = len({item.stream for item in items})
    note = f", replacing {replaced}" if replaced else ""
    print(f"{args.output}: {len(items)} flow items in {streams} streams from "
          f"{args.items.name}{note}")
    return 0
