"""Turn pydantic and json errors into the short, placed messages a user reads."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from pydantic import ValidationError

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# The document-level validator puts the path first: "streams[2].stages[0].lane: refers to ...".
_PLACED = re.compile(r"^((?:[A-Za-z_]\w*|\[\d+\])(?:\.[A-Za-z_]\w*|\[\d+\])*): (.+)$", re.S)

_REWRITES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(Value|Assertion) error, "), ""),
    (re.compile(r"^Field required$"), "is missing"),
    (re.compile(r"^Extra inputs are not permitted$"), "is not a known field (a typo?)"),
    (re.compile(r"a valid dictionary or instance of \w+"), "an object"),
    (re.compile(r"a valid dictionary"), "an object"),
    (re.compile(r"a valid list"), "a list"),
    (re.compile(r"^Input should be a valid string, unable to parse raw data as a unicode string$"),
     "holds text that is not valid Unicode (a lone surrogate)"),
    (re.compile(r", unable to parse .*$"), ""),
    (re.compile(r"^(Input|String|List|Value|Dictionary|Tuple|Object|Date) should "), "should "),
]


def dotted(loc: Sequence[int | str]) -> str:
    """A pydantic location as a path a user can follow: ``streams[2].stages[0].slas[1].target``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += f".{part}" if out else part
        else:  # an unknown key with odd characters: quote it, briefly
            out += f"[{json.dumps(part[:40], ensure_ascii=False)}]"
    return out


def clean(message: str) -> str:
    """Pydantic's message in plain words: "Input should be a valid string" -> "should be ..."."""
    for pattern, replacement in _REWRITES:
        message = pattern.sub(replacement, message)
    return message


def first_problem(err: ValidationError) -> tuple[str, str, int]:
    """(where, what, how many problems in all) for the first error pydantic found."""
    problems = err.errors(include_url=False, include_input=False, include_context=False)
    if not problems:
        return "", "is not a valid document", 0
    first = problems[0]
    where = dotted(first["loc"])
    what = clean(first["msg"])
    placed = _PLACED.match(what)
    if not where and placed:  # a document-wide rule that names its own place
        where, what = placed.group(1), placed.group(2)
    return where, what, len(problems)


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")
