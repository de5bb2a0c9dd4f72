"""``vscdesk schema [-o OUT]``: the JSON Schema of ``*.vsc.json``, for editors and CI checks."""

from __future__ import annotations

import argparse
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path,
                        help="write here instead of printing (- prints too)")


def run(args: argparse.Namespace) -> int:
    from vscdesk.cli.output import SaveError, is_stdout, write_atomic
    from vscdesk.interop.json_schema import document_json_schema_text

    text = document_json_schema_text()
    target = args.output if args.output is not None else Path("-")
    try:
        write_atomic(target, text.encode("utf-8"))
    except SaveError as err:
        return fail(str(err))
    if not is_stdout(target):
        print(f"wrote {args.output}")
    return 0
