"""Links in the stream view: arcs under the rows, legs between blocks, labels clear of
chevrons, markers and headers."""

import pytest

from vscdesk.layout import stream as L
from vscdesk.layout.geometry import Box
from vscdesk.layout.stream import layout_stream
from vscdesk.model import Link
from vscdesk.render.primitives import Rect
from vscdesk.render.stream import stream_drawing
from vscdesk.storage import load

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "render"))
from big_doc import big_document  # noqa: E402


def _text_zone(box: Box) -> Box:
    """Where a chevron's caption, name, pill and badges are drawn."""
    return Box(box.x + L.CONTENT_LEFT, box.y, box.w - L.CONTENT_LEFT - L.CONTENT_RIGHT, box.h)


def test_a_link_in_one_stream_is_an_arc_under_its_row(doc):
    extra = Link(id="arc", kind="handoff", source="report-problem", target="review-root-cause")
    lay = layout_stream(doc.model_copy(update={"links": [*doc.links, extra]}))
    geom = next(g for g in lay.links if g.link_id == "arc")
    a, b = lay.chevrons["report-problem"].box, lay.chevrons["review-root-cause"].box
    assert geom.points[0][1] == a.bottom and geom.points[-1][1] == b.bottom
    assert all(y >= a.bottom for _, y in geom.points)
    assert a.x < geom.points[0][0] < a.right - L.CHEVRON_POINT
    assert b.x < geom.points[-1][0] < b.right - L.CHEVRON_POINT
    assert geom.direction == (0.0, -1.0)  # the arrow points up into the target


def test_rows_with_links_open_a_channel_and_the_next_block_moves_down(doc):
    bare = layout_stream(doc.model_copy(update={"links": []}))
    linked = layout_stream(doc)
    assert linked.blocks[1].header.y > bare.blocks[1].header.y
    geom = next(g for g in linked.links if g.link_id == "ops-feeds-fix")
    horizontal = [a[1] for a, b in zip(geom.points, geom.points[1:]) if a[1] == b[1]]
    assert len(horizontal) == 2  # under block 1, then under block 2 (the one above the target)
    for y in horizontal:  # every horizontal leg runs between blocks, clear of rows and headers
        assert not any(b.header.y - 8 <= y <= b.row.bottom + 8 for b in linked.blocks), y


def test_a_leg_across_a_block_passes_between_chevrons_not_through_their_text(doc):
    lay = layout_stream(doc)
    geom = next(g for g in lay.links if g.link_id == "ops-feeds-fix")  # block 3 -> block 1
    middle = lay.blocks[1]
    verticals = [a[0] for a, b in zip(geom.points, geom.points[1:])
                 if a[0] == b[0] and min(a[1], b[1]) < middle.row.y and
                 max(a[1], b[1]) > middle.row.bottom]
    assert verticals
    for sid in middle.stages:
        zone = _text_zone(lay.chevrons[sid].box)
        assert not any(zone.x <= x <= zone.right for x in verticals), sid


@pytest.mark.parametrize("which", ["example", "big"])
def test_labels_and_routes_stay_in_the_drawing_clear_of_what_has_text(which, example_file):
    model = load(example_file) if which == "example" else big_document()
    drawing = stream_drawing(model)
    lay = layout_stream(model)
    blocked = [c.box for c in lay.chevrons.values()]
    blocked += [b for block in lay.blocks for b in (block.header, block.trigger, block.value)]
    pills = []
    for g in drawing.groups:
        if g.kind != "link":
            continue
        r = next(p for p in g.items if isinstance(p, Rect))
        pill = Box(g.x + r.x, g.y + r.y, r.w, r.h)
        assert pill.x >= 32 and pill.right <= drawing.width - 32
        assert not any(pill.overlaps(b) for b in blocked), g.ref
        assert not any(pill.overlaps(p) for p in pills), g.ref
        pills.append(pill)
    assert len(pills) == len(lay.links) > 0
    for geom in lay.links:
        for x, y in geom.points:
            assert 32 <= x <= drawing.width - 32 and 0 <= y <= lay.legend_y
