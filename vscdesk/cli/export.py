"""``vscdesk export FILE -o OUT``: render the diagram without a window.

A PDF of the whole document is a handout (one page per slide, or per stream when no slides are
saved); ``--stream NAME`` (or id) draws one stream alone in any format. A ``.pptx`` is the
presentation as an editable PowerPoint deck (``--slides``, ``--aspect``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vscdesk.cli import fail


def _scale(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"--scale must be a number, not {text!r}") from None
    if not 0.1 <= value <= 8:
        raise argparse.ArgumentTypeError(f"--scale must be between 0.1 and 8, not {text}")
    return value


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True,
                        help="OUT.png, OUT.svg, OUT.pdf, or OUT.pptx (the presentation as a "
                             "deck); - writes SVG to standard output")
    parser.add_argument("--view", choices=("chain", "stream"), default="chain")
    parser.add_argument("--stream", metavar="NAME", help="draw only this stream (its name or id)")
    parser.add_argument("--scale", type=_scale,
                        help="PNG only: pixels per diagram unit (default 1, 2 for slides)")
    parser.add_argument("--transparent", action="store_true", help="no white background")
    parser.add_argument("--paper", choices=("a4", "letter", "fit"),
                        help="PDF sheets: A4 or Letter landscape (default by locale), or 'fit' "
                             "for pages the size of each drawing")
    parser.add_argument("--heat", choices=("wait_time", "sla_status", "pca", "lane_visits"),
                        help="colour stages by this measure (a heat map)")
    parser.add_argument("--aspect", choices=("16:9", "4:3", "a4", "letter"),
                        help="frame the picture to this shape, the diagram centred (a .pptx: "
                             "the slide size, 16:9 by default)")
    parser.add_argument("--slides", choices=("saved", "default"),
                        help=".pptx: the document's saved slides, or the default walk (chain, "
                             "then each stream and its stages); by default what F5 shows")


def _unknown_stream(doc, ref: str, file: Path) -> str:
    names = ", ".join(f"'{s.name}'" for s in doc.streams[:8]) + (", …" if len(doc.streams) > 8 else "")
    return f"{file}: no stream called '{ref}'" + (f" (streams: {names})" if names else " (it has no streams)")


def run(args: argparse.Namespace) -> int:
    from vscdesk.cli.output import SaveError, check_folder, is_stdout
    from vscdesk.storage import LoadError, load

    suffix = ".svg" if is_stdout(args.output) else args.output.suffix.lower()
    if suffix not in (".png", ".svg", ".pdf", ".pptx"):
        return fail(f"{args.output}: unknown format {suffix or '(none)'}; use .png, .svg, .pdf "
                    "or .pptx")
    if suffix != ".pptx" and args.slides:
        return fail("--slides is for a .pptx deck")
    if suffix != ".png" and args.scale is not None:
        return fail(f"--scale is for a .png picture; {suffix[1:].upper()} keeps its lines sharp "
                    "at any size" + (" (a deck's pictures are sized for its slides)"
                                     if suffix == ".pptx" else ""))
    try:
        check_folder(args.output)
    except SaveError as err:
        return fail(str(err))
    try:
        doc = load(args.file)
    except LoadError as err:
        return fail(str(err))
    if suffix == ".pptx":
        return _deck(doc, args)
    stream_id = None
    if args.stream is not None:
        from vscdesk.render.subset import find_stream_ref

        found = find_stream_ref(doc, args.stream)
        if found is None:
            return fail(_unknown_stream(doc, args.stream, args.file))
        stream_id = found.id
    try:
        from vscdesk.cli.render import export_document

        pages = export_document(doc, args.output, args.view, args.scale or 1.0, args.transparent,
                                stream_id,
                                heat=args.heat, paper=args.paper, aspect=args.aspect)
    except Exception as err:  # noqa: BLE001 - the CLI reports every failure in one line
        from vscdesk.paint.export import export_failure

        return fail(export_failure(err, args.output))
    if not is_stdout(args.output):
        print(f"wrote {args.output}" + (f" ({pages} pages)" if pages > 1 else ""))
    return 0


def _deck(doc, args: argparse.Namespace) -> int:
    """The presentation as an editable PowerPoint deck."""
    if args.stream is not None or args.heat is not None:
        return fail("--stream and --heat are not for a .pptx deck: it shows the presentation")
    from vscdesk.deck.build import DeckError, export_deck

    from vscdesk.storage.errors import SaveError

    try:
        slides = export_deck(doc, args.output, args.slides or "auto", args.aspect or "16:9")
    except DeckError as err:
        return fail(f"{args.output}: {err}")
    except SaveError as err:  # the one atomic writer's own line: what and why
        return fail(str(err))
    except Exception as err:  # noqa: BLE001 - the CLI reports every failure in one line
        return fail(f"{args.output}: {err}")
    print(f"wrote {args.output} ({slides} slides)")
    return 0
