"""``vscdesk schema [-o OUT]``: the JSON Schema of ``*.vsc.json``, for editors and CI checks."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, help="write here instead of printing")


def run(args: argparse.Namespace) -> int:
    from vscdesk.cli.output import OutputError, write_atomic
    from vscdesk.interop.json_schema import document_json_schema_text

    text = document_json_schema_text()
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        write_atomic(args.output, text.encode("utf-8"))
    except OutputError as err:
        return fail(str(err))
    print(f"wrote {args.output}")
    return 0
