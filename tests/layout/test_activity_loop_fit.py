"""Activity loops of 6 to 16 lanes in pictures 300-700 px wide: names fit their nodes, no two
labels (nodes, visit tags, the Start and Value words) overlap, step numbers are never hidden
under a node, and the picture takes the panel's shape for rings of many lanes."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.activity_loop import layout_activity_loop
from vscdesk.layout.activity_loop_track import MIN_PICTURE, picture_size
from vscdesk.layout.text import text_width
from vscdesk.model import Chain, DocumentModel, Lane, Stage, Stream

NAMES = ["Inbound logistics", "Operations", "Outbound logistics", "Marketing & sales", "Service",
         "Firm infrastructure", "Human resource management", "Technology development",
         "Procurement", "Customer care", "Regulatory compliance", "Partner management",
         "Plan", "Improve", "Engage", "Design & transition"]
# 25 stages that come back to most activities, some of them three or four times
ROUTE = [9, 3, 0, 8, 1, 7, 1, 2, 4, 9, 3, 5, 6, 7, 1, 1, 10, 5, 11, 8, 0, 1, 2, 4, 9]


def _doc(n: int, route: list[int] = ROUTE) -> DocumentModel:
    lanes = [Lane(id=f"l{i}", name=NAMES[i]) for i in range(n)]
    stages = [Stage(id=f"s{k}", name=f"Step {k}", lane=f"l{i % n}") for k, i in enumerate(route)]
    return DocumentModel(chain=Chain(name="c", lanes=lanes),
                         streams=[Stream(id="x", name="Order to cash", stages=stages)])


def _whole(node) -> bool:
    return " ".join(node.lines).split() == node.name.split()


def _labels(layout) -> list[tuple[str, object]]:
    """(owner, box) of the activity labels: the nodes with their names and their visit tags."""
    boxes = [(n.lane_id, n.box) for n in layout.nodes]
    return boxes + [(n.lane_id, n.badge) for n in layout.nodes if n.badge is not None]


def _check(layout, width: float, height: float) -> None:
    """Labels apart, names inside their nodes, everything inside the picture."""
    labels = _labels(layout)
    for (a_owner, a), (b_owner, b) in itertools.combinations(labels, 2):
        assert a_owner == b_owner or not a.overlaps(b), (a_owner, a, b_owner, b)
    for node in layout.nodes:
        box = node.box
        assert node.font >= 8
        assert box.x >= 0 and box.right <= width and box.y >= 0 and box.bottom < layout.rule_y
        bold = node.visits > 0
        assert all(text_width(line, node.font, bold) <= box.w - 4 for line in node.lines), node
        assert len(node.lines) * (node.font + 2) <= box.h, node
    for arrow in layout.arrows if width >= MIN_PICTURE else ():  # smaller: drawn at 340, scaled
        if arrow.label is None:  # left off in a crowded loop (counted in its note)
            continue
        disc = G.disc_box(arrow.label)
        assert disc.x >= 0 and disc.right <= width and disc.y >= 40


def _numbers_visible(layout) -> None:
    """No step number under a node (nodes are drawn over arrows) or on another number."""
    discs = [(a.text, G.disc_box(a.label)) for a in layout.arrows if a.label is not None]
    for text, disc in discs:
        assert not any(disc.overlaps(n.box) for n in layout.nodes), text
        assert disc.bottom <= layout.rule_y + 2, text
    for (a, d), (b, e) in itertools.combinations(discs, 2):
        assert abs(d.cx - e.cx) >= 12 or abs(d.cy - e.cy) >= 12, (a, b)


@pytest.mark.parametrize("n", [6, 9, 12, 16])
@pytest.mark.parametrize("width", range(300, 701, 50))
def test_activity_labels_never_overlap_and_stay_inside(n, width):
    for height in {width, picture_size(n, width, 398)[1]}:
        _check(layout_activity_loop(_doc(n), "x", width, height), width, height)


@settings(max_examples=60, deadline=None)
@given(n=st.integers(1, 16), width=st.integers(300, 700), height=st.integers(300, 620),
       route=st.lists(st.integers(0, 15), max_size=30))
def test_any_ring_any_route_any_panel_keeps_labels_apart(n, width, height, route):
    width, height = picture_size(n, width, height)
    _check(layout_activity_loop(_doc(n, route), "x", width, height), width, height)


@pytest.mark.parametrize("width, height", [(344, 398), (344, 440), (584, 398)])
def test_twelve_long_names_are_whole_in_a_360_and_a_600_px_dock(width, height):
    """Before: "Custo… care", "Techn… develo…", "Procurem…" in a 344 px circle of 46 px nodes,
    and numbers such as 16 and 2 on top of each other."""
    layout = layout_activity_loop(_doc(12), "x", width, height)
    assert all(_whole(node) for node in layout.nodes), [n.lines for n in layout.nodes]
    assert min(node.box.w for node in layout.nodes) >= 68
    for t in (layout.start, layout.exit):
        assert not any(b.overlaps(n.box) for b in (t.icon, t.text_box) for n in layout.nodes)
    assert not any(G.disc_box(a.label).overlaps(n.box) for a in layout.arrows if a.label
                   for n in layout.nodes)


@pytest.mark.parametrize("n", [7, 9, 12])
@pytest.mark.parametrize("width", [340, 400, 700])
def test_step_numbers_of_a_ten_step_route_stay_in_sight(n, width):
    route = [0, 1, 2, 1, 3, 4, 2, 5, 6, 0]
    _numbers_visible(layout_activity_loop(_doc(n, route), "x", width, 398))


def test_nodes_grow_with_the_room_and_shrink_with_the_lanes():
    def node_w(n, width, height):
        return layout_activity_loop(_doc(n), "x", width, height).nodes[0].box.w

    assert node_w(12, 344, 398) < node_w(12, 584, 398) <= 96
    assert node_w(16, 400, 400) < node_w(9, 400, 400)


def test_many_lanes_take_the_panels_shape_six_keep_the_mockups_square():
    assert picture_size(6, 584, 398) == (398, 398)
    assert picture_size(12, 584, 398) == (584, 398)
    assert picture_size(12, 344, 440) == (344, 440)
    assert picture_size(12, 200, 200) == (MIN_PICTURE, MIN_PICTURE)  # drawn larger, scaled down
    wide = layout_activity_loop(_doc(12), "x", 584, 398)
    assert wide.track is not None and wide.track.w > 1.5 * wide.track.h


def test_neighbours_sit_equally_far_apart_around_the_track():
    layout = layout_activity_loop(_doc(9), "x", 400, 400)
    boxes = [n.box for n in layout.nodes]
    gaps = []
    for a, b in zip(boxes, boxes[1:] + boxes[:1]):
        dx = max(0.0, abs(a.cx - b.cx) - a.w)
        dy = max(0.0, abs(a.cy - b.cy) - a.h)
        gaps.append((dx * dx + dy * dy) ** 0.5)
    assert max(gaps) - min(gaps) < 2, gaps


def test_start_and_value_at_one_activity_do_not_cover_each_other():
    layout = layout_activity_loop(_doc(12), "x", 344, 398)  # starts and ends in Customer care
    assert layout.start is not None and layout.exit is not None
    start, value = layout.start, layout.exit
    for a in (start.icon, start.text_box):
        assert not any(a.overlaps(b) for b in (value.icon, value.text_box))
