"""Pause the cyclic garbage collector while a large object graph is built or dropped.

Loading, saving, laying out or exporting a 10,000-stage map allocates millions of small
objects; each burst of allocations starts collections that walk the whole heap again, which
made these steps three times slower than the work itself (issue 8). Reference counting
still frees everything at once; cycles wait for the next collection after the pause.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Run the block without automatic cyclic collection (nests; restores the old state)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
