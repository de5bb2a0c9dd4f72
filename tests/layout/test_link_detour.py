"""Links do not cut through cards: a curve that would cross one takes a corridor instead."""

import pytest

from tests.render.big_doc import big_document
from vscdesk.layout.chain import layout_chain
from vscdesk.layout.geometry import Box
from vscdesk.layout.box_grid import BoxGrid
from vscdesk.layout.link_detour import curve_hits, route_free
from vscdesk.layout.links import layout_links
from vscdesk.model import Link


def _crossings(doc) -> int:
    lay = layout_chain(doc)
    boxes = {k: c.box for k, c in lay.cards.items()}
    grid = BoxGrid(boxes.values())
    bad = 0
    for geom in layout_links(doc, boxes):
        ends = (boxes[geom.source], boxes[geom.target])
        bad += (curve_hits(geom.points, grid, ends) if geom.curved
                else not route_free(geom.points, grid, ends))
    return bad


@pytest.mark.parametrize("seed", [3, 5, 7, 11])
def test_no_link_of_a_300_stage_map_crosses_a_card(seed):
    doc = big_document(streams=30, stages=10, links=40, seed=seed)
    assert _crossings(doc) == 0


def test_a_blocked_curve_detours_and_an_open_one_stays_a_curve():
    doc = big_document(streams=3, stages=3, links=0)
    doc = doc.model_copy(update={"links": [Link(id="l", source="s0-0", target="s2-2")]})
    a, b = Box(0, 0, 140, 108), Box(700, 500, 140, 108)
    blocker = Box(380, 220, 140, 108)
    (open_geom,) = layout_links(doc, {"s0-0": a, "s2-2": b})
    assert open_geom.curved
    (detour,) = layout_links(doc, {"s0-0": a, "s2-2": b, "s1-1": blocker})
    assert not detour.curved
    assert route_free(detour.points, BoxGrid([a, b, blocker]), (a, b))
    assert detour.points[0][0] == a.right and detour.points[-1][0] == b.x
