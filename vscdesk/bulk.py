"""Pause the cyclic garbage collector while a large object graph is built or dropped.

Loading, saving, laying out or exporting a 10,000-stage map allocates millions of small
objects; each burst of allocations starts collections that walk the whole heap again, which
made these steps three times slower than the work itself. Reference counting
still frees everything at once; cycles wait for the next collection after the pause.

Pausing alone only postpones the walk: the first allocation after the pause finds a million
young objects and collects them (0.1 s right after a large map is drawn), and they are walked
again as they age. What the block built to keep (a loaded document, the canvas's groups and
items) is therefore handed to ``gc.freeze`` with ``keep=True`` when the block made more than
``FREEZE_AT`` objects: the collector ignores it from then on. These structures hold no
reference cycles (a test checks that dropping them leaves no cyclic garbage), so reference
counting still frees them when they are dropped. Small documents never freeze anything.
Dropping the document a block kept (``keep_until_dropped``) lets the collector walk
everything again (``vscdesk/compat.py``); what is still large is frozen again when the
next document's canvas is built.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TypeVar

from vscdesk.compat import freeze

T = TypeVar("T")

#: new objects a ``keep`` block must have made before they are frozen (the example makes
#: about 1,000; a 10,000-stage map about 300,000)
FREEZE_AT = 100_000


class Block:
    """What a ``paused_gc`` block hands out: the object whose drop ends the freeze."""

    owner: object | None = None

    def keep_until_dropped(self, owner: T) -> T:
        """Freeze (if at all) only until ``owner`` is dropped (a loaded document)."""
        self.owner = owner
        return owner


@contextmanager
def paused_gc(keep: bool = False) -> Iterator[Block]:
    """Run the block without automatic cyclic collection (nests; restores the old state).
    ``keep``: what the block built is long-lived; the collector stops walking it."""
    was_enabled = gc.isenabled()
    gc.disable()
    block = Block()
    try:
        yield block
    finally:
        if keep and gc.get_count()[0] > FREEZE_AT:
            freeze(block.owner)  # also resets the count of new objects: no collection right after
        block.owner = None
        if was_enabled:
            gc.enable()
