"""Painting a strip of a large group through its index paints exactly what testing every
primitive would, in the same order."""

import random

from vscdesk.paint.painter import StripIndex, _outside
from vscdesk.render.primitives import Ellipse, Path, Rect, Text


def _random_items(rng: random.Random) -> tuple:
    items = []
    for _ in range(rng.randint(0, 80)):
        kind = rng.random()
        x, y = rng.uniform(-50, 500), rng.uniform(-50, 3000)
        if kind < 0.5:
            items.append(Rect(x, y, rng.uniform(0, 300), rng.uniform(0, rng.choice([20, 400]))))
        elif kind < 0.8:
            items.append(Text(x, y, "t", rng.uniform(6, 24), "#000000"))
        elif kind < 0.9:
            items.append(Path((("M", x, y), ("L", x + 5, y + 5))))
        else:
            items.append(Ellipse(x, y, 3, 3))
    return tuple(items)


def test_the_index_picks_what_testing_every_primitive_picks():
    rng = random.Random(11)
    for _ in range(300):
        items = _random_items(rng)
        index = StripIndex(items)
        for _ in range(10):
            x0, y0 = rng.uniform(-100, 500), rng.uniform(-100, 3000)
            visible = (x0, y0, x0 + rng.uniform(0, 600), y0 + rng.uniform(0, 400))
            expected = [p for p in items if not _outside(p, *visible)]
            assert index.within(items, visible) == expected
