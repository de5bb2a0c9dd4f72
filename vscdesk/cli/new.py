"""``vscdesk new [--template NAME] -o OUT``: start a document from a bundled template."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    from vscdesk.interop.templates import TEMPLATES

    parser.add_argument("--template", choices=list(TEMPLATES), default="blank",
                        help="which template (default: blank; see --list)")
    parser.add_argument("-o", "--output", type=Path, help="the new OUT.vsc.json")
    parser.add_argument("--list", action="store_true", help="list the templates and stop")
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")


def run(args: argparse.Namespace) -> int:
    from vscdesk.cli.output import SaveError, check_folder, is_stdout, save_document
    from vscdesk.interop.errors import InteropError
    from vscdesk.interop.templates import TEMPLATES, load_template

    if args.list:
        width = max(map(len, TEMPLATES))
        for name, about in TEMPLATES.items():
            print(f"{name:<{width}}  {about}")
        return 0
    if args.output is None:
        return fail("new: the following arguments are required: -o/--output")
    printing = is_stdout(args.output)
    if not printing and not args.output.name.lower().endswith(".json"):
        return fail(f"{args.output}: a document's name ends in .vsc.json")
    try:
        check_folder(args.output)
        if not printing and os.path.lexists(args.output) and not args.force:
            return fail(f"{args.output}: already exists (use --force to replace it)")
        save_document(load_template(args.template), args.output)
    except (InteropError, SaveError) as err:
        return fail(str(err))
    if not printing:
        print(f"wrote {args.output} from the '{args.template}' template")
    return 0
