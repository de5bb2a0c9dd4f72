"""Order in the shared document: each entry carries a number ``pos`` and siblings sort by
(pos, entry key). A move writes a new ``pos`` for the moved entries only, so concurrent moves
of different objects both survive and concurrent moves of one object end in one place."""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence


def sort_key(pos: object, key: str) -> tuple[float, str]:
    """How siblings sort; a position that is not a finite number counts as 0."""
    if isinstance(pos, bool) or not isinstance(pos, (int, float)) or not math.isfinite(pos):
        return (0.0, key)
    return (float(pos), key)


def _kept(current: Sequence[tuple[float, str] | None]) -> set[int]:
    """Indexes of the longest run of entries already in increasing order (they stay put)."""
    tails: list[tuple[float, str]] = []
    tail_index: list[int] = []
    parent: dict[int, int] = {}
    for i, value in enumerate(current):
        if value is None:
            continue
        at = bisect.bisect_left(tails, value)
        if at == len(tails):
            tails.append(value)
            tail_index.append(i)
        else:
            tails[at] = value
            tail_index[at] = i
        if at > 0:
            parent[i] = tail_index[at - 1]
    kept: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        kept.add(i)
        i = parent.get(i, -1)
    return kept


def new_positions(current: Sequence[tuple[float, str] | None]) -> dict[int, float]:
    """Positions to write so that the entries sort in the given order.

    ``current`` lists, in the wanted order, each entry's sort key (None for a new entry).
    Returns {index: new pos} for the entries that must move; the others keep theirs. When the
    numbers between two neighbours run out, every entry is numbered afresh."""
    kept = _kept(current)
    result: dict[int, float] = {}

    def at(index: int) -> float | None:
        """The position entry ``index`` will have (None before the first, after the last)."""
        if index < 0 or index >= len(current):
            return None
        if index in result:
            return result[index]
        value = current[index]
        return None if value is None else value[0]

    i, size = 0, len(current)
    while i < size:
        if i in kept:
            i += 1
            continue
        j = i
        while j < size and j not in kept:
            j += 1
        count = j - i
        low, high = at(i - 1), at(j)
        if low is None:
            low = 0.0 if high is None else high - (count + 1)
        if high is None:
            high = low + count + 1
        step = (high - low) / (count + 1)
        values = [low + step * (n + 1) for n in range(count)]
        if not all(low < v < high for v in values) or len(set(values)) < count:
            return {n: float(n) for n in range(size)}
        result.update(zip(range(i, j), values, strict=True))
        i = j
    return result
