"""``vscdesk check FILE [--json] [--strict]``: can vscdesk open it, and what does the analysis find?

Exit status: 0 the document is valid and has no problem of severity "error"; 1 it has errors
(with ``--strict``, warnings count too); 2 it cannot be read or is invalid.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from vscdesk.cli import fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true",
                        help="print the result and every problem as JSON")
    parser.add_argument("--strict", action="store_true",
                        help="exit 1 on warnings too, not only on errors")


def _summary(counts: dict[str, int]) -> str:
    words = {"error": ("error", "errors"), "warning": ("warning", "warnings"),
             "info": ("info", "info")}
    return ", ".join(f"{n} {words[s][n != 1]}" for s, n in counts.items())


def run(args: argparse.Namespace) -> int:
    from vscdesk.analysis.engine import analyse
    from vscdesk.analysis.problems import SEVERITIES
    from vscdesk.analysis.report import problem_lines
    from vscdesk.storage import LoadError, load

    try:
        doc = load(args.file)
    except LoadError as err:
        return fail(str(err))
    analysis = analyse(doc)
    counts: dict[str, int] = {severity: analysis.count(severity) for severity in SEVERITIES}
    failing = counts["error"] > 0 or (args.strict and counts["warning"] > 0)
    stages = sum(len(s.stages) for s in doc.streams)
    if args.json:
        from vscdesk.cli.json_out import dumps

        print(dumps({
            "file": str(args.file), "valid": True, "streams": len(doc.streams),
            "stages": stages, "counts": counts, "passed": not failing,
            "problems": [p.to_dict() for p in analysis.problems],
        }))
        return 1 if failing else 0
    print(f"{args.file}: valid ({len(doc.streams)} streams, {stages} stages); "
          f"{_summary(counts)}")
    for line in problem_lines(analysis):
        print(f"  {line}")
    return 1 if failing else 0
