"""Activity loops of seven to twelve lanes (Porter has nine): whole names, clear icons and
visit tags."""

import itertools
from pathlib import Path

import pytest

from vscdesk.layout.activity_loop import layout_activity_loop
from vscdesk.layout import activity_loop_paths as G
from vscdesk.layout.activity_loop_labels import name_boxes
from vscdesk.model import Chain, DocumentModel, Lane, Stage, Stream
from vscdesk.storage import load

NAMES = ["Inbound logistics", "Operations", "Outbound logistics", "Marketing & sales", "Service",
         "Firm infrastructure", "Human resource management", "Technology development",
         "Procurement", "Customer care", "Compliance", "Partner management"]
PORTER = Path(__file__).resolve().parents[2] / "resources" / "templates" / "porter.vsc.json"


def _doc(n: int) -> DocumentModel:
    """A ten-step stream with returns, over ``n`` lanes."""
    lanes = [Lane(id=f"l{i}", name=name) for i, name in enumerate(NAMES[:n])]
    route = [0, 1, 2, 1, 3, 4, 2, 5, 6, 0]
    stages = [Stage(id=f"s{k}", name=f"Step {k}", lane=f"l{i % n}") for k, i in enumerate(route)]
    return DocumentModel(chain=Chain(name="c", lanes=lanes),
                         streams=[Stream(id="x", name="Ten steps", stages=stages)])


def _whole(node) -> bool:
    return " ".join(node.lines).split() == node.name.split()


@pytest.mark.parametrize("size, cut", [(400, 0), (360, 1)])
def test_porter_nine_lanes_show_their_names_whole(size, cut):
    """Every name was cut ("Procu…", "Inbou… logist…"); now all fit at 400 px, and at 360 px
    only "Firm infrastructure" loses the end of its longest word."""
    doc = load(PORTER)
    for stream in doc.streams:
        layout = layout_activity_loop(doc, stream.id, size)
        assert len(layout.nodes) == 9
        assert sum(not _whole(node) for node in layout.nodes) <= cut, [
            n.lines for n in layout.nodes]


@pytest.mark.parametrize("n", range(7, 13))
@pytest.mark.parametrize("size", [360, 400])
def test_many_lanes_keep_names_tags_and_icons_clear(n, size):
    layout = layout_activity_loop(_doc(n), "x", size)
    elided = sum(not _whole(node) for node in layout.nodes)
    if n <= 10:
        assert elided <= (0 if size == 400 or n <= 8 else 1), [x.lines for x in layout.nodes]
    assert all(node.font >= 8 for node in layout.nodes)
    tags = [(k, node.badge) for k, node in enumerate(layout.nodes) if node.badge]
    for k, tag in tags:  # a tag touches its own node only, never another node or tag
        assert not any(tag.overlaps(o.box) for j, o in enumerate(layout.nodes) if j != k)
    for (_, a), (_, b) in itertools.combinations(tags, 2):
        assert not a.overlaps(b)
    icons = [t.icon for t in (layout.start, layout.exit) if t is not None]
    for icon in icons:
        assert not any(icon.overlaps(node.box) for node in layout.nodes)
    for k, tag in tags:  # a tag never covers a name, its own node's included
        node = layout.nodes[k]
        assert not any(tag.overlaps(b) for b in name_boxes(node.box, node.lines, node.font, True))
    arrow_points = [p for a in layout.arrows for p in G.samples(a.points)]
    on_arrows = [tag for _, tag in tags if any(tag.x <= x <= tag.right and tag.y <= y <= tag.bottom
                                               for x, y in arrow_points)]
    # the tags sit on corners the arrows leave free; where the only such corner covers the
    # node's name ("Marketing & sales" of eleven lanes at 360 px), one tag of the ring may
    # sit on an arrow instead: an arrow under a tag reads on, a name under it does not
    assert len(on_arrows) <= 1, on_arrows
    if n <= 11:  # the step numbers keep clear of the tags
        discs = [G.disc_box(a.label) for a in layout.arrows if a.label is not None]
        for _, tag in tags:
            assert not any(tag.overlaps(d) for d in discs)


def test_a_ring_of_many_lanes_is_wider_than_tall():
    layout = layout_activity_loop(_doc(9), "x", 400)
    assert layout.ring_rx > layout.ring[2]
    small = layout_activity_loop(_doc(6), "x", 400)
    assert small.ring_rx == 0.0  # six lanes or fewer: the circle of the mockup

