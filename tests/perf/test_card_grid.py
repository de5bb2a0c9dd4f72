"""The card grid that keeps link-label placement fast answers exactly like checking every card."""

import random

from vscdesk.layout.geometry import Box
from vscdesk.render.links import CardGrid


def test_grid_overlap_matches_checking_every_card():
    rng = random.Random(7)
    cards = [Box(rng.uniform(-50, 3000), rng.uniform(-50, 3000), rng.uniform(1, 400),
                 rng.uniform(1, 300)) for _ in range(300)]
    grid = CardGrid(cards)
    for _ in range(2000):
        box = Box(rng.uniform(-100, 3100), rng.uniform(-100, 3100), rng.uniform(1, 200), 16)
        assert grid.overlaps(box) == any(box.overlaps(c) for c in cards)


def test_boxes_touching_a_cell_edge_are_found():
    card = Box(255.5, 0, 1, 1)  # spans the cell border at 256
    grid = CardGrid([card])
    assert grid.overlaps(Box(256.2, 0.2, 0.5, 0.5))
    assert not grid.overlaps(Box(300, 0, 5, 5))
