"""``vscdesk convert IN -o OUT`` and ``vscdesk import IN -o OUT.vsc.json``: between formats.

The formats are chosen by extension. Inputs: ``.vsc.json`` (or ``.json``), ``.csv`` (one row
per stage), ``.xml`` (ArchiMate exchange) and ``.archimate`` (Archi's model file). Outputs:
``.vsc.json``, ``.csv`` and ``.xml``. ``import`` is ``convert`` to a native document; both print
what an import left out, and ``convert`` what the output format has no place for (slides and
flow items in ArchiMate; links, stream SLAs and more in CSV); ``--strict`` makes any loss an
error that writes nothing. Outputs are written atomically; ``-o -`` with ``--to`` prints.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from vscdesk.cli import fail, surely_missing

INPUTS = (".vsc.json", ".json", ".csv", ".xml", ".archimate")
OUTPUTS = (".vsc.json", ".json", ".csv", ".xml")
CHAINS = ("itil4", "porter", "it4it", "business-units")


def kind_of(path: Path, allowed: tuple[str, ...]) -> str | None:
    """The format of ``path`` by its (case-insensitive) extension, if it is one of ``allowed``."""
    name = path.name.lower()
    return next((ext for ext in allowed if name.endswith(ext)), None)


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", type=Path, help="IN.vsc.json, IN.csv, IN.xml or IN.archimate")
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="OUT.vsc.json, OUT.csv or OUT.xml (ArchiMate exchange); - prints "
                             "it (with --to)")
    parser.add_argument("--to", choices=[ext.lstrip(".") for ext in OUTPUTS],
                        help="the format written to standard output (-o -)")
    parser.add_argument("--strict", action="store_true",
                        help="fail (exit 2, nothing written) if anything would be left out")
    parser.add_argument("--chain", choices=CHAINS,
                        help="CSV input: match lanes to this template's value chain, in its order")


def read_any(path: Path, chain: str | None = None):
    """(document, report lines) from any input format; raises InteropError."""
    from vscdesk.interop.docio import read_document

    kind = kind_of(path, INPUTS)
    if kind in (".xml", ".archimate"):
        from vscdesk.interop.archimate_import import import_archimate

        return import_archimate(path)
    if kind == ".csv":
        from vscdesk.interop.stages_csv import read_stages_csv
        from vscdesk.interop.templates import preset_chain

        return read_stages_csv(path, preset_chain(chain) if chain else None), []
    return read_document(path), []


def write_any(doc, path: Path, kind: str | None = None, strict: bool = False) -> list[str]:
    """Write ``doc`` in the format ``kind`` (by default that of ``path``'s extension) and
    return what that format left out; with ``strict``, anything left out is an InteropError
    and nothing is written. Raises SaveError (OutputError for other formats)."""
    from vscdesk.cli.output import save_document, write_atomic

    kind = kind or kind_of(path, OUTPUTS)
    if kind not in (".csv", ".xml"):
        save_document(doc, path)
        return []
    from vscdesk.interop.outputs import NAMES, encode
    from vscdesk.interop.errors import InteropError

    name = "standard output" if str(path) == "-" else path.name
    try:
        encoded = encode(doc, kind)
    except InteropError as err:
        raise InteropError(f"{name}: {err}") from None
    if strict and encoded.left_out:
        raise InteropError(f"{name}: {NAMES[kind]} would leave out "
                           f"{', '.join(encoded.left_out)}; nothing was written (--strict)")
    write_atomic(path, encoded.data)
    return encoded.left_out


def _archimate_hint(path: Path, native_only: bool) -> str:
    """Archi's own .archimate format is read, not written: say what Archi can open instead."""
    if not path.name.lower().endswith(".archimate"):
        return ""
    if native_only:
        return " (.archimate is an input; `vscdesk convert` writes .xml for Archi)"
    return (" (.archimate files are read, not written: write .xml, the ArchiMate exchange "
            "format, and open it in Archi with File > Import > Open Exchange XML Model)")


def summary(doc) -> str:
    stages = sum(len(s.stages) for s in doc.streams)
    return (f"{len(doc.streams)} streams, {stages} stages, {len(doc.chain.lanes)} lanes, "
            f"{len(doc.stakeholders)} stakeholders")


def run(args: argparse.Namespace) -> int:
    from vscdesk.cli.output import SaveError, check_folder, is_stdout
    from vscdesk.interop.errors import InteropError

    native_only = args.command == "import"
    outputs = (".vsc.json", ".json") if native_only else OUTPUTS
    printing = is_stdout(args.output)
    out_kind = f".{args.to}" if args.to else ".vsc.json" if printing and native_only else None
    if kind_of(args.input, INPUTS) is None:
        return fail(f"{args.input}: unknown input format; use {', '.join(INPUTS)}")
    if printing and out_kind is None:
        return fail("-o - prints the output: say which format with --to "
                    + ", ".join(ext.lstrip(".") for ext in outputs))
    if out_kind is not None and out_kind not in outputs:
        return fail(f"--to {args.to}: unknown output format; use {', '.join(outputs)}")
    if not printing and args.to and kind_of(args.output, outputs) != out_kind:
        return fail(f"--to {args.to} does not match {args.output.name}; --to is for -o -")
    if not printing and kind_of(args.output, outputs) is None:
        return fail(f"{args.output}: unknown output format; use {', '.join(outputs)}"
                    + _archimate_hint(args.output, native_only))
    if args.chain and kind_of(args.input, INPUTS) != ".csv":
        return fail("--chain applies to CSV input only")
    if surely_missing(args.input):
        return fail(f"{args.input}: no such file")
    try:
        check_folder(args.output)
        doc, report = read_any(args.input, args.chain)
        if args.strict and report:
            return fail(f"{args.input.name}: the import would leave out {len(report)} "
                        f"item{'s' * (len(report) != 1)} ({report[0]}"
                        f"{', …' if len(report) > 1 else ''}); nothing was written (--strict)")
        left_out = write_any(doc, args.output, out_kind, args.strict)
    except (InteropError, SaveError) as err:
        return fail(str(err))
    shown = sys.stderr if printing else sys.stdout  # the printed output stays clean
    if not printing:
        print(f"wrote {args.output}: {summary(doc)}")
    for line in report:
        print(f"  {line}", file=shown)
    if left_out:
        from vscdesk.interop.outputs import NAMES

        kind = out_kind or kind_of(args.output, OUTPUTS)
        assert kind is not None  # an unknown output format was refused above
        print(f"  left out ({NAMES[kind]} has no place for them):", file=shown)
        for item in left_out:
            print(f"    {item}", file=shown)
    return 0
