"""Text measurement and wrapping without Qt, from the bundled DejaVu Sans advance widths.

The renderer disables kerning, so the sum of advances is exactly what Qt draws; layout can
therefore decide line breaks and box sizes as a pure function.
"""

from __future__ import annotations

from functools import lru_cache

from vscdesk.layout._dejavu_widths import BOLD, BOOK

ELLIPSIS = "…"
_FALLBACK = 620  # a typical advance for characters outside the table (1/1000 em)
_WIDE = 1000  # CJK and other wide characters take a full em


def _advance(ch: str, table: dict[int, int]) -> int:
    code = ord(ch)
    width = table.get(code)
    if width is not None:
        return width
    if 0x2E80 <= code <= 0xFFEF:
        return _WIDE
    return _FALLBACK


@lru_cache(maxsize=65536)
def _units(text: str, bold: bool) -> int:
    table = BOLD if bold else BOOK
    return sum(_advance(ch, table) for ch in text)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in pixels of ``text`` set in DejaVu Sans at ``size`` px."""
    return _units(text, bold) * size / 1000.0


def elide(text: str, size: float, bold: bool, width: float) -> str:
    """``text`` shortened with a trailing ellipsis so that it fits ``width``."""
    if text_width(text, size, bold) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # longest prefix that fits together with the ellipsis
        mid = (lo + hi + 1) // 2
        if text_width(text[:mid].rstrip() + ELLIPSIS, size, bold) <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo].rstrip() + ELLIPSIS if lo else ELLIPSIS


def _break_long_word(word: str, size: float, bold: bool, width: float) -> tuple[str, str]:
    """Split a word that cannot fit on one line at the last character that fits."""
    cut = len(word)
    while cut > 1 and text_width(word[:cut], size, bold) > width:
        cut -= 1
    return word[:cut], word[cut:]


def wrap(text: str, size: float, bold: bool, width: float, max_lines: int = 2) -> list[str]:
    """Up to ``max_lines`` lines that fit ``width``, balanced when there are two.

    Two lines split at the word break that makes the longer line shortest ("Restore
    service / for a user"); text that still does not fit ends in an ellipsis.
    """
    return list(_wrap(text, size, bold, width, max_lines))


@lru_cache(maxsize=65536)  # a rebuild after a structural edit wraps the same 10,000 names again
def _wrap(text: str, size: float, bold: bool, width: float, max_lines: int) -> tuple[str, ...]:
    return tuple(_wrap_lines(text, size, bold, width, max_lines))


def _wrap_lines(text: str, size: float, bold: bool, width: float, max_lines: int) -> list[str]:
    text = " ".join(text.split())
    if not text:
        return []
    if text_width(text, size, bold) <= width or max_lines <= 1:
        return [elide(text, size, bold, width)]
    words = text.split(" ")
    if max_lines == 2:
        best = _balanced_split(words, size, bold, width)
        if best is not None:
            return best
    first, rest = _greedy_line(words, size, bold, width)
    tail = wrap(rest, size, bold, width, max_lines - 1) if rest else []
    if max_lines - 1 == 1 and tail and text_width(rest, size, bold) > width:
        tail = [elide(rest, size, bold, width)]
    return [first, *tail]


def _balanced_split(words: list[str], size: float, bold: bool, width: float) -> list[str] | None:
    best: tuple[float, list[str]] | None = None
    for i in range(1, len(words)):
        one, two = " ".join(words[:i]), " ".join(words[i:])
        w1, w2 = text_width(one, size, bold), text_width(two, size, bold)
        if w1 <= width and w2 <= width and (best is None or max(w1, w2) < best[0]):
            best = (max(w1, w2), [one, two])
    return best[1] if best else None


def _greedy_line(words: list[str], size: float, bold: bool, width: float) -> tuple[str, str]:
    """The first line (as many words as fit) and the remaining text."""
    line = ""
    for i, word in enumerate(words):
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold) <= width:
            line = candidate
            continue
        if not line:  # a single word wider than the line
            head, tail = _break_long_word(word, size, bold, width)
            return head, " ".join([tail, *words[i + 1:]]).strip()
        return line, " ".join(words[i:])
    return line, ""


NAME_LINES = 6  # a name wraps to this many lines before its font steps down
SMALLEST = 0.84  # ... and steps down no further than this share of its size (legible)


def wrap_whole(text: str, size: float, bold: bool, width: float) -> list[str]:
    """Every word of ``text`` on as many lines as it needs (never an ellipsis): two balanced
    lines when two suffice, else filled greedily; a word wider than the line is broken."""
    return list(_wrap_whole(text, size, bold, width))


@lru_cache(maxsize=65536)
def _wrap_whole(text: str, size: float, bold: bool, width: float) -> tuple[str, ...]:
    text = " ".join(text.split())
    if not text:
        return ()
    if text_width(text, size, bold) <= width:
        return (text,)
    words = text.split(" ")
    best = _balanced_split(words, size, bold, width)
    if best is not None:
        return tuple(best)
    lines: list[str] = []
    rest = text
    while rest:
        line, rest = _greedy_line(rest.split(" "), size, bold, width)
        lines.append(line)
    return tuple(lines)


def fit_name(text: str, size: float, bold: bool, width: float,
             max_lines: int = NAME_LINES) -> tuple[float, tuple[str, ...]]:
    """(font size, lines) showing ``text`` whole in ``width``: at ``size`` when it takes at
    most ``max_lines`` lines, else at the largest size down to 84 % that does; a name too
    long even then keeps the smallest size and takes the lines it needs."""
    return _fit_name(text, size, bold, width, max_lines)


@lru_cache(maxsize=65536)
def _fit_name(text: str, size: float, bold: bool, width: float,
              max_lines: int) -> tuple[float, tuple[str, ...]]:
    current = size
    lines = _wrap_whole(text, current, bold, width)
    while len(lines) > max_lines and current - 0.5 >= size * SMALLEST:
        current -= 0.5
        lines = _wrap_whole(text, current, bold, width)
    return current, lines
