"""Activity loop layout: the ring, one numbered arrow per step, visit counts and loops."""

import itertools
import math

import pytest

from vscdesk.layout import activity_loop as A
from vscdesk.layout.activity_loop import layout_activity_loop
from vscdesk.layout.geometry import Box
from vscdesk.model import DocumentModel, Lane, Stage, Stream


def _doc(n_lanes: int, route: list[str | None]) -> DocumentModel:
    lanes = [Lane(id=f"l{i}", name=f"Activity number {i}") for i in range(n_lanes)]
    stages = [Stage(id=f"s{i}", name=f"S{i}", lane=lane) for i, lane in enumerate(route)]
    return DocumentModel(chain={"lanes": lanes}, streams=[Stream(id="x", name="X", stages=stages)])


def _inside(box: Box, size: float) -> bool:
    return box.x >= 0 and box.y >= 0 and box.right <= size and box.bottom <= size


def test_restore_service_visits_engage_twice_and_returns_at_step_3(example_model):
    layout = layout_activity_loop(example_model, "restore-service")
    visits = {n.lane_id: n.visits for n in layout.nodes}
    assert visits == {"plan": 0, "improve": 1, "engage": 2, "design-transition": 0,
                      "obtain-build": 0, "deliver-support": 1}
    assert [(a.step, a.source, a.target, a.kind) for a in layout.arrows] == [
        (2, "engage", "deliver-support", A.FORWARD),
        (3, "deliver-support", "engage", A.RETURN),
        (4, "engage", "improve", A.RETURN),
    ]
    assert layout.loops == ((3, "Engage"),)
    # the chain view's words: steps 3 and 4 go left (loop-backs), Engage is visited twice
    assert layout.loop_backs == ((3, "Engage"), (4, "Improve"))
    assert layout.loop_text == "2 loop-backs (steps 3, 4) · Engage revisited"
    assert layout.route == "Engage → Deliver & support → Engage → Improve"
    assert layout.stats == "4 steps · 3 of 6 activities"
    assert layout.start is not None and layout.exit is not None


def test_one_numbered_arrow_per_step_with_step_1_from_start(example_model):
    doc = example_model
    for stream in doc.streams:
        layout = layout_activity_loop(doc, stream.id)
        numbered = [a.text for a in layout.arrows] + ["1"]  # the Start arrow carries 1
        assert len(numbered) == len(stream.stages)
        assert sorted(int(t) for t in numbered) == list(range(1, len(stream.stages) + 1))


@pytest.mark.parametrize("n", range(1, 13))
@pytest.mark.parametrize("size", [360, 400])
def test_nodes_sit_clockwise_from_12_oclock_apart_and_inside(n, size):
    route = [f"l{(3 * i) % n}" for i in range(8)]
    layout = layout_activity_loop(_doc(n, route), "x", size)
    cx, cy, ry = layout.ring
    rx = layout.ring_rx or ry
    angles = []
    for i, node in enumerate(layout.nodes):
        angle = math.degrees(math.atan2((node.box.cx - cx) / rx, (cy - node.box.cy) / ry)) % 360
        angles.append(angle)
        if n <= 6:  # the mockup's circle: equal angles
            assert angle == pytest.approx(360 * i / n, abs=1e-6)
        assert _inside(node.box, size) and node.box.bottom < layout.rule_y
    # more lanes sit on a rounded rectangle: still clockwise from 12 o'clock, in chain order
    assert angles[0] == pytest.approx(0, abs=1e-6) and angles == sorted(angles)
    # a visit tag on a node's corner (rings of many lanes) may touch its own node only
    boxes = [(k, n.box) for k, n in enumerate(layout.nodes)]
    boxes += [(k, n.badge) for k, n in enumerate(layout.nodes) if n.badge]
    for (i, a), (j, b) in itertools.combinations(boxes, 2):
        assert (i == j and n > 6) or not a.overlaps(b), (a, b)
    for t in (layout.start, layout.exit):
        assert _inside(t.icon, size) and t.icon.bottom < layout.rule_y


def test_arrows_start_and_end_just_outside_their_nodes(example_model):
    layout = layout_activity_loop(example_model, "new-service")
    boxes = {n.lane_id: n.box for n in layout.nodes}
    for arrow in layout.arrows:
        for point, lane in ((arrow.points[0], arrow.source), (arrow.points[3], arrow.target)):
            box = boxes[lane]
            gap = max(box.x - point[0], point[0] - box.right, box.y - point[1], point[1] - box.bottom)
            assert gap == pytest.approx(4, abs=0.01)


def test_consecutive_stages_in_one_lane_are_one_visit_and_one_self_loop():
    layout = layout_activity_loop(_doc(3, ["l0", "l1", "l1", "l1", "l2", "l1"]), "x")
    visits = {n.lane_id: n.visits for n in layout.nodes}
    assert visits == {"l0": 1, "l1": 2, "l2": 1}
    assert [(a.text, a.kind) for a in layout.arrows] == [
        ("2", A.FORWARD), ("3–4", A.STAY), ("5", A.FORWARD), ("6", A.RETURN)]
    assert layout.loops == ((6, "Activity number 1"),)


def test_stages_without_a_lane_get_a_no_activity_node():
    layout = layout_activity_loop(_doc(2, ["l0", None, "l1"]), "x")
    assert [n.name for n in layout.nodes] == ["Activity number 0", "Activity number 1", A.NO_ACTIVITY]
    assert [a.kind for a in layout.arrows] == [A.FORWARD, A.FORWARD]
    assert layout.stats == "3 steps · 2 of 2 activities"


def test_an_empty_stream_shows_the_ring_and_says_so():
    layout = layout_activity_loop(_doc(4, []), "x")
    assert layout.arrows == () and layout.start is None and layout.exit is None
    assert all(n.visits == 0 and n.badge is None for n in layout.nodes)
    assert layout.route == "no stages yet"


def test_an_unknown_stream_is_an_error_not_an_empty_picture():
    with pytest.raises(KeyError):
        layout_activity_loop(_doc(2, ["l0"]), "nope")


def test_long_lane_names_are_elided_not_cut_mid_word():
    lanes = [Lane(id=f"l{i}", name="Technology development and operations") for i in range(12)]
    doc = DocumentModel(chain={"lanes": lanes},
                        streams=[Stream(id="x", name="X", stages=[Stage(id="a", name="A", lane="l0")])])
    for node in layout_activity_loop(doc, "x", 360).nodes:
        words = {"Technology", "development", "and", "operations"}
        for line in node.lines:
            for word in line.split():
                assert word in words or word.endswith("…"), node.lines
