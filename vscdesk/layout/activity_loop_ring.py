"""Activity loop ring: how big the lane nodes can be and where they sit.

Up to six lanes the ring is the mockup's circle with "×n" pills beside the nodes. With more
(Porter has nine) the nodes sit on a rounded rectangle that fills the picture
(activity_loop_track), names take up to three lines, and each pill is a tag on a corner of
its node (activity_loop_labels places them).
"""

from __future__ import annotations

import math

from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.geometry import Box

PAD = 20
RING_TOP = 70  # top of the 12 o'clock node, under the title block
# Node size and name size, largest first; the first one whose nodes do not touch is used.
NODE_SIZES = ((92, 40, 11.0), (84, 38, 11.0), (76, 36, 10.5), (68, 34, 10.0), (60, 32, 10.0),
              (52, 30, 9.5), (46, 28, 9.0))
NODE_GAP = 6
BADGE_ROOM = 33  # the widest usual "×n" badge plus its gap
# More than six lanes: a rounded-rectangle track, names on up to three lines, corner tags.
LARGE_RING = 6
THREE_LINES_H = 34  # a node this tall holds three lines of 8-9 px names
CORNER_ROOM = 8  # a corner tag sticks out beside a node, partly into the panel's padding
# A crowded route: each numbered arrow wants this much ring (px², measured where sixty steps
# over four lanes keep every number in a 560 px picture); the ring grows taller to give it,
# up to this many times its width, before numbers are left off.
ROOM_PER_MOVE = 3800
MOST_STRETCH = 1.6


def _angle(i: int, n: int) -> float:
    """Clockwise from 12 o'clock, in radians."""
    return 2 * math.pi * i / n


def crowded_room(moves: int, size: float, room: float) -> float:
    """The ring's height for ``moves`` numbered arrows: ``room``, or taller for a crowded
    route (the panel scrolls), up to MOST_STRETCH times the picture's width."""
    width = size - 2 * PAD
    return max(room, min(moves * ROOM_PER_MOVE / width, MOST_STRETCH * width))


def _choose_nodes(n: int, size: float, rule_y: float, stretch: float = 1.0
                  ) -> tuple[float, float, float, float, float, float]:
    """(w, h, font, rx, ry, centre y): the largest nodes whose boxes keep a gap, on the
    mockup's circle (rings of up to six lanes), or on an ellipse up to ``stretch`` times
    as tall as wide for a crowded route."""
    top, bottom = RING_TOP, rule_y - 20
    cy = (top + bottom) / 2
    sines = [abs(math.sin(_angle(i, n))) for i in range(n)]
    sizes = NODE_SIZES
    ry = rx = 0.0
    for w, h, font in sizes:
        ry = (bottom - top - h) / 2
        rx = ry
        if max(sines) > 1e-6:
            rx = min(ry, (size / 2 - PAD - w / 2 - BADGE_ROOM) / max(sines))
            ry = min(ry, rx * stretch)
        boxes = [G.grown(_node_box(i, n, size / 2, cy, rx, ry, w, h), NODE_GAP / 2)
                 for i in range(n)]
        if all(not a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]):
            return w, h, font, rx, ry, cy
    return (*sizes[-1], rx, ry, cy)


def _node_box(i: int, n: int, cx: float, cy: float, rx: float, ry: float, w: float,
              h: float) -> Box:
    a = _angle(i, n)
    x, y = cx + rx * math.sin(a), cy - ry * math.cos(a)
    return Box(x - w / 2, y - h / 2, w, h)
