"""The command line: open the GUI, or export and check documents headlessly.

    vscdesk [FILE]
    vscdesk export FILE -o OUT.svg|OUT.png|OUT.pdf [--view chain|stream] [--scale N] [--transparent]
    vscdesk check FILE
    vscdesk --version

Errors are one readable line on stderr and exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vscdesk import __version__

SUBCOMMANDS = ("export", "check")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, not usage + message
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def _fail(message: str) -> int:
    print(f"vscdesk: {message}", file=sys.stderr)
    return 2


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--scale must be a number, not {text!r}") from None
    if not 0.1 <= value <= 8:
        raise argparse.ArgumentTypeError(f"--scale must be between 0.1 and 8, not {text}")
    return value


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vscdesk", description="Value streams across the value chain.")
    parser.add_argument("--version", action="version", version=f"vscdesk {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    export = sub.add_parser("export", help="render a document to PNG, SVG or PDF")
    export.add_argument("file", type=Path)
    export.add_argument("-o", "--output", type=Path, required=True, help="OUT.png, OUT.svg or OUT.pdf")
    export.add_argument("--view", choices=("chain", "stream"), default="chain")
    export.add_argument("--scale", type=_scale, default=1.0, help="PNG scale factor (default 1)")
    export.add_argument("--transparent", action="store_true", help="no white background")
    check = sub.add_parser("check", help="validate a document (exit 0 valid, 2 invalid)")
    check.add_argument("file", type=Path)
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="vscdesk", description="Open the vscdesk window.",
                     epilog="Commands: vscdesk export …, vscdesk check … (vscdesk export --help)")
    parser.add_argument("--version", action="version", version=f"vscdesk {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help="a *.vsc.json document (default: the example)")
    return parser


def has_display() -> bool:
    """Whether Qt can open a window here (an explicit QT_QPA_PLATFORM is trusted)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else list(argv)
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            args = _parser().parse_args(args_list)
            if args.command == "export":
                return _export(args)
            return _check(args.file)
        args = _gui_parser().parse_args(args_list)
        if not has_display():
            return _fail("no display available; set DISPLAY, or use 'vscdesk export' headlessly")
        if args.file is not None and not args.file.exists():
            return _fail(f"{args.file}: no such file")
        from vscdesk.app.application import run_gui

        return run_gui(args.file)
    except KeyboardInterrupt:
        return 130


def _check(path: Path) -> int:
    from vscdesk.storage import LoadError, load

    try:
        doc = load(path)
    except LoadError as err:
        return _fail(str(err))
    stages = sum(len(s.stages) for s in doc.streams)
    print(f"{path}: valid ({len(doc.streams)} streams, {stages} stages)")
    return 0


def _export(args: argparse.Namespace) -> int:
    from vscdesk.storage import LoadError, load

    suffix = args.output.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf"):
        return _fail(f"{args.output}: unknown format {suffix or '(none)'}; use .png, .svg or .pdf")
    if not args.output.parent.exists() and str(args.output.parent) not in ("", "."):
        return _fail(f"{args.output.parent}: no such directory")
    try:
        doc = load(args.file)
    except LoadError as err:
        return _fail(str(err))
    try:
        from vscdesk.cli_export import export_document

        export_document(doc, args.output, args.view, args.scale, args.transparent)
    except Exception as err:  # noqa: BLE001 - the CLI reports every failure in one line
        return _fail(f"{args.output}: {err}")
    print(f"wrote {args.output}")
    return 0
