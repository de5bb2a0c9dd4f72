"""Small left-to-right scanners for the text notations people type into cells and properties.

Regular expressions with optional, lazy and overlapping parts backtrack: a 3 KB cell of spaces
took Python's engine minutes. These scanners look at each character a bounded number of times,
so reading a cell costs time proportional to its length, whatever it holds.
"""

from __future__ import annotations

import math

#: A quoted value in a message is cut to this many characters: one readable line.
SHOWN = 60


def skip_spaces(text: str, at: int, end: int | None = None) -> int:
    """The first position from ``at`` that is not white space (or ``end``)."""
    end = len(text) if end is None else end
    while at < end and text[at].isspace():
        at += 1
    return at


def back_over_spaces(text: str, end: int, start: int = 0) -> int:
    """The position just after the last character before ``end`` that is not white space."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def run_of(text: str, at: int, allowed: str) -> int:
    """The end of the run of characters from ``allowed`` that starts at ``at``."""
    end = len(text)
    while at < end and text[at] in allowed:
        at += 1
    return at


def digits(text: str, at: int) -> int:
    """The end of the run of decimal digits (any script, as float() reads them) at ``at``."""
    end = len(text)
    while at < end and text[at].isdecimal():
        at += 1
    return at


def number_end(text: str, at: int, signed: bool = True, exponent: bool = True) -> int:
    """The end of a number such as ``-4``, ``99.5`` or ``1e3`` starting at ``at``, or -1.

    A point or an exponent not followed by digits is not part of the number (``4.h`` is 4 and
    the unit ``.h``)."""
    end = len(text)
    i = at + 1 if signed and at < end and text[at] in "+-" else at
    j = digits(text, i)
    if j == i:
        return -1
    if j < end and text[j] == ".":
        k = digits(text, j + 1)
        j = k if k > j + 1 else j
    if exponent and j < end and text[j] in "eE":
        m = j + 2 if j + 1 < end and text[j + 1] in "+-" else j + 1
        k = digits(text, m)
        j = k if k > m else j
    return j


def finite(text: str, what: str) -> float:
    """A number already checked by ``number_end``, refused when it does not fit a float."""
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{what} {shown(text)} is too large")
    return value


def shown(text: str, limit: int = SHOWN) -> str:
    """``text`` in quotes, cut to ``limit`` characters, for a one-line message."""
    text = text.strip()
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"'{text}'"
