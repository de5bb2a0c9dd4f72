"""CSV cells a spreadsheet cannot run: formula injection defused, the way OWASP advises
(https://owasp.org/www-community/attacks/CSV_Injection).

A spreadsheet runs a cell that starts with ``= + - @``, a tab or a carriage return as a formula.
Checking only the start of a cell is not enough: a spreadsheet whose list separator is ``;``
splits ``a;=cmd|…`` into two cells, and one that starts a row at a bare CR makes ``=cmd|…`` the
first cell of a new row. So every *piece* of a cell, at its start and after each CR, LF, ``,``
or ``;``, that starts with one of those characters gets a ``'`` in front (which spreadsheets
show as text and our import removes again), and every cell holding a CR, LF, ``,``, ``;`` or
``"`` is quoted. A piece that starts with quotes or apostrophes before a dangerous character
counts as dangerous too (a spreadsheet drops a leading quote), and gets its ``'`` in front of
them: reading removes exactly one ``'`` from such pieces and gives back what was written.
"""

from __future__ import annotations

import re

#: characters that make a spreadsheet cell a formula
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: characters a spreadsheet may start a new cell or row at
SEPARATORS = "\r\n,;"

_PIECE_START = r"(?:^|(?<=[\r\n,;]))"
_DANGER = "['\"]*[=+\\-@\t\r]"
_TO_DEFUSE = re.compile(f"{_PIECE_START}(?={_DANGER})")
_DEFUSED = re.compile(f"{_PIECE_START}'(?={_DANGER})")
_NEEDS_QUOTES = re.compile('[\r\n,;"]')


def defuse(cell: str) -> str:
    """``cell`` with a ``'`` before every piece a spreadsheet could run as a formula."""
    return _TO_DEFUSE.sub("'", cell)


def undefuse(cell: str) -> str:
    """The inverse of ``defuse``: what a cell read back from our CSV held before writing."""
    return _DEFUSED.sub("", cell)


def quoted(cell: str) -> str:
    """``cell`` as one CSV field: in double quotes (doubled inside) when it holds a separator,
    a line break or a quote; as it is otherwise."""
    if _NEEDS_QUOTES.search(cell):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_line(cells: list[str]) -> str:
    """One CSV record of defused, quoted cells, ending with a line feed."""
    return ",".join(quoted(defuse(cell)) for cell in cells) + "\n"
