"""The command line: open the GUI, or work on documents headlessly.

    vscdesk [FILE]                 open the window (the bundled example without FILE)
    vscdesk export FILE -o OUT     render PNG, SVG, PDF, or the presentation as a .pptx deck
    vscdesk check FILE             validate and analyse (exit 0 fine, 1 errors, 2 unreadable)
    vscdesk metrics FILE           lean figures per stream, lane load, flow metrics
    vscdesk import-flow F CSV -o O flow items (work items of a tracker) into a document
    vscdesk convert IN -o OUT      between .vsc.json, .csv, .xml (ArchiMate), .archimate (input)
    vscdesk import IN -o OUT       an ArchiMate or CSV file to a .vsc.json, with a report
    vscdesk diff A B               what changed (exit 0 same, 1 different)
    vscdesk merge B O T -o OUT     three-way merge by id; merge-driver is git's version
    vscdesk schema [-o OUT]        the JSON Schema of the document format
    vscdesk new -o OUT             a document from a template (--template, --list)
    vscdesk serve FILE             host a workshop on FILE (--host, --port, --cert/--key)
    vscdesk --version

Each subcommand is a module in this package with ``configure(parser)`` and ``run(args)``,
imported only when used so start-up stays light. Errors are one readable line on stderr
with exit status 2; never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from pathlib import Path
from typing import NoReturn

from vscdesk import __version__

#: subcommand -> (module in vscdesk.cli, one-line help)
SUBCOMMANDS: dict[str, tuple[str, str]] = {
    "export": ("export", "render a document to PNG, SVG, PDF or a PowerPoint deck"),
    "check": ("check", "validate a document and list the problems the analysis finds "
                       "(exit 0 no errors, 1 errors, 2 unreadable)"),
    "metrics": ("metrics", "print lean figures per stream, lane load and flow metrics"),
    "import-flow": ("import_flow", "put the flow items of a CSV into a document"),
    "convert": ("convert", "convert between .vsc.json, .csv, .xml and .archimate (by extension)"),
    "import": ("convert", "import an ArchiMate or CSV file as a .vsc.json document"),
    "diff": ("diff", "list the differences between two documents (exit 1 when they differ)"),
    "merge": ("merge", "merge two versions of a document with their common ancestor"),
    "merge-driver": ("merge", "git merge driver: vscdesk merge-driver %O %A %B %P"),
    "schema": ("schema", "print or write the JSON Schema of the document format"),
    "new": ("new", "create a document from a template"),
    "serve": ("serve", "host a workshop: others edit the document live over the network"),
}


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not usage + message
        self.exit(2, f"{self.prog}: {message} (see --help)\n")


def fail(message: str) -> int:
    """Report a problem the way every subcommand does: one line, exit status 2."""
    print(f"vscdesk: {message}", file=sys.stderr)
    return 2


def _module(name: str):
    return importlib.import_module(f"vscdesk.cli.{SUBCOMMANDS[name][0]}")


def _parser(command: str) -> argparse.ArgumentParser:
    parser = Parser(prog="vscdesk", description="Value streams across the value chain.")
    parser.add_argument("--version", action="version", version=f"vscdesk {__version__}")
    sub = parser.add_subparsers(dest="command", parser_class=Parser)
    _module(command).configure(sub.add_parser(command, help=SUBCOMMANDS[command][1]))
    return parser


def _gui_parser() -> argparse.ArgumentParser:
    commands = ", ".join(SUBCOMMANDS)
    parser = Parser(prog="vscdesk", description="Open the vscdesk window.",
                    epilog=f"Headless commands: {commands} (e.g. vscdesk export --help)")
    parser.add_argument("--version", action="version", version=f"vscdesk {__version__}")
    parser.add_argument("file", nargs="?", type=Path, help="a *.vsc.json document (default: the example)")
    return parser


def has_display() -> bool:
    """Whether Qt can open a window here (an explicit QT_QPA_PLATFORM is trusted)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def missing_display_library() -> str | None:
    """The system library Qt's X11 plugin needs but cannot find (Qt would abort without it)."""
    if sys.platform != "linux" or os.environ.get("QT_QPA_PLATFORM") or not os.environ.get("DISPLAY"):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    from ctypes.util import find_library

    return None if find_library("xcb-cursor") else "libxcb-cursor0"


def surely_missing(path: Path) -> bool:
    """True when ``path`` does not exist; a name the system cannot even look up (too long, say)
    is left to the reader, which says why in one line."""
    try:
        return not path.exists()
    except OSError:
        return False


def _looks_like_path(path: Path) -> bool:
    """A missing 'report.vsc.json' is worth a dialog in the window; a mistyped command is not."""
    return path.suffix.lower() == ".json" or len(path.parts) > 1


def main(argv: list[str] | None = None) -> int:
    args_list = sys.argv[1:] if argv is None else list(argv)
    try:
        if args_list and args_list[0] in SUBCOMMANDS:
            args = _parser(args_list[0]).parse_args(args_list)
            return _module(args.command).run(args)
        args = _gui_parser().parse_args(args_list)
        if not has_display():
            return fail("no display available; set DISPLAY, or use 'vscdesk export' headlessly")
        library = missing_display_library()
        if library:
            return fail(f"Qt needs the system library {library} to open a window here "
                        f"(e.g. apt-get install {library})")
        if args.file is not None and surely_missing(args.file) and not _looks_like_path(args.file):
            commands = ", ".join(SUBCOMMANDS)
            return fail(f"{args.file}: no such file or command (commands: {commands})")
        from vscdesk.app.application import run_gui

        return run_gui(args.file)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into `head`: stop quietly, as other tools do
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
