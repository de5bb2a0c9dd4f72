"""Count the work a call does, without a clock: Python lines run plus C functions called.

A regular expression runs inside one C call however much it backtracks, so a count alone
cannot see it; every pattern run while counting must therefore be one of ``LINEAR``: patterns
that are a character class (repeated) or a fixed-length shape, which Python's engine matches
in time proportional to the text. Anything else fails the test that counts.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any


def _linear_patterns() -> set[str]:
    from vscdesk.interop import archimate_fields, csv_safety
    from vscdesk.model import fields, ids
    from vscdesk.storage import errors, messages

    # messages: run on pydantic's own wording (asked without the input), never on user text.
    return {pattern.pattern for pattern, _ in messages._REWRITES} | {
        fields._ID_RE.pattern,  # anchored, one class then a bounded repeat {0,63}
        fields._CONTROL_RE.pattern,  # one character class
        fields._CONTROL_IN_TEXT_RE.pattern,
        fields._COLOR_RE.pattern,  # fixed length
        ids._NON_ID.pattern,  # one class repeated
        archimate_fields._CONTROL.pattern,
        archimate_fields._COLOR.pattern,
        errors._UNPRINTABLE.pattern,
        r"#[0-9a-fA-F]{6}",  # fixed length
        r"[a-z]+",  # one class repeated (findall)
        r"^\d{4}-\d{2}-\d{2}$",  # fixed length
        # Tried only at a cell's start or after a separator, each try scanning the run of
        # quotes that follows: runs after different separators never overlap.
        csv_safety._DEFUSED.pattern,
        csv_safety._TO_DEFUSE.pattern,
    }


class Work:
    """The count of one call, and the patterns it ran that are not known to be linear."""

    def __init__(self) -> None:
        self.steps = 0
        self.unvetted: set[str] = set()


def work(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Work:
    """Run ``fn``; its result or exception is ignored, the work it did is returned."""
    linear = _linear_patterns()
    done = Work()

    def trace(frame, event, arg):
        done.steps += 1
        return trace

    def profile(frame, event, arg):
        if event == "c_call":
            done.steps += 1
            owner = getattr(arg, "__self__", None)
            if isinstance(owner, re.Pattern) and owner.pattern not in linear:
                done.unvetted.add(owner.pattern)

    old_trace, old_profile = sys.gettrace(), sys.getprofile()
    sys.settrace(trace)
    sys.setprofile(profile)
    try:
        fn(*args, **kwargs)
    except Exception:  # noqa: BLE001 - refusing hostile input is fine; the work is what counts
        pass
    finally:
        sys.settrace(old_trace)
        sys.setprofile(old_profile)
    return done


def assert_linear(make: Callable[[int], Any], fn: Callable[[Any], Any], n: int = 200,
                  slack: int = 2000) -> None:
    """``fn`` on an input 4 times longer does at most about 4 times the work (plus ``slack``
    for what does not depend on the length) and runs no backtracking pattern."""
    work(fn, make(1))  # imports done on first use are not the input's work
    small, large = work(fn, make(n)), work(fn, make(4 * n))
    assert not small.unvetted | large.unvetted, (
        f"ran a regular expression that may backtrack: {sorted(map(repr, small.unvetted | large.unvetted))}")
    assert large.steps <= 4 * small.steps + slack, (
        f"work grew from {small.steps} to {large.steps} steps for 4x the input")
