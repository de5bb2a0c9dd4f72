"""Pause the cyclic garbage collector while a large object graph is built or dropped.

Loading, saving, laying out or exporting a 10,000-stage map allocates millions of small
objects; each burst of allocations starts collections that walk the whole heap again, which
made these steps three times slower than the work itself (issue 8). Reference counting
still frees everything at once; cycles wait for the next collection after the pause.

Pausing alone only postpones the walk: the first allocation after the pause finds a million
young objects and collects them (0.1 s right after a large map is drawn), and they are walked
again as they age. What the block built to keep (a loaded document, the canvas's groups and
items) is therefore handed to ``gc.freeze`` with ``keep=True`` when the block made more than
``FREEZE_AT`` objects: the collector ignores it from then on. These structures hold no
reference cycles (a test checks that dropping them leaves no cyclic garbage), so reference
counting still frees them when they are dropped. Small documents never freeze anything.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

#: new objects a ``keep`` block must have made before they are frozen (the example: ~1,000; 10,000 stages: ~300,000)
FREEZE_AT = 100_000


@contextmanager
def paused_gc(keep: bool = False) -> Iterator[None]:
    """Run the block without automatic cyclic collection (nests; restores the old state).
    ``keep``: what the block built is long-lived; the collector stops walking it."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if keep and gc.get_count()[0] > FREEZE_AT:
            gc.freeze()  # also resets the count of new objects: no collection right after
        if was_enabled:
            gc.enable()
