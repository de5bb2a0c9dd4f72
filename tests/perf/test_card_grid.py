"""The box grid that keeps link routing and label placement fast answers exactly like checking
every box."""

import random

from vscdesk.layout.geometry import Box
from vscdesk.layout.box_grid import BoxGrid


def test_grid_overlap_matches_checking_every_card():
    rng = random.Random(7)
    cards = [Box(rng.uniform(-50, 3000), rng.uniform(-50, 3000), rng.uniform(1, 400),
                 rng.uniform(1, 300)) for _ in range(300)]
    grid = BoxGrid(cards)
    for _ in range(2000):
        box = Box(rng.uniform(-100, 3100), rng.uniform(-100, 3100), rng.uniform(1, 200), 16)
        assert grid.hits(box) == any(box.overlaps(c) for c in cards)
        skip = tuple(rng.sample(cards, 3))
        assert grid.hits(box, skip) == any(box.overlaps(c) for c in cards if c not in skip)


def test_boxes_added_later_are_found_too():
    grid = BoxGrid([Box(0, 0, 10, 10)])
    assert not grid.hits(Box(600, 600, 20, 20))
    grid.add(Box(590, 590, 30, 30))
    assert grid.hits(Box(600, 600, 20, 20))


def test_boxes_touching_a_cell_edge_are_found():
    card = Box(255.5, 0, 1, 1)  # spans the cell border at 256
    grid = BoxGrid([card])
    assert grid.hits(Box(256.2, 0.2, 0.5, 0.5))
    assert not grid.hits(Box(300, 0, 5, 5))
