"""Links never cut through cards they do not connect, never slip through the 6 px gaps
between cards or chevrons, and never leave the diagram (in the chain view: never outside the
lane area): checked on the geometry of the bundled example and every template, both views."""

from __future__ import annotations

from pathlib import Path

import pytest

from vscdesk.interop.docio import read_document
from vscdesk.layout.chain import layout_chain
from vscdesk.layout.geometry import Box, Point
from vscdesk.layout.links import LinkGeom, layout_links
from vscdesk.layout.stream import layout_stream
from vscdesk.model import DocumentModel

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "resources" / "examples" / "it-services.vsc.json",
           *sorted((ROOT / "resources" / "templates").glob("*.vsc.json"))]
SAMPLES = 48  # points along a curved link


def _segments(link: LinkGeom) -> list[tuple[Point, Point]]:
    if not link.curved:
        return list(zip(link.points, link.points[1:]))
    points = [link.point_at(k / SAMPLES) for k in range(SAMPLES + 1)]
    return list(zip(points, points[1:]))


def _crosses(a: Point, b: Point, box: Box, inset: float = 1.0) -> bool:
    """Whether segment a-b passes through the inside of ``box`` (its edge, where a link
    attaches, does not count)."""
    x0, y0, x1, y1 = box.x + inset, box.y + inset, box.right - inset, box.bottom - inset
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - x0), (dx, x1 - a[0]), (-dy, a[1] - y0), (dy, y1 - a[1])):
        if p == 0:
            if q < 0:
                return False
        else:
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
            if t0 > t1:
                return False
    return True


def _chain(doc: DocumentModel) -> tuple[dict[str, Box], tuple[LinkGeom, ...], Box]:
    layout = layout_chain(doc)
    boxes = {sid: card.box for sid, card in layout.cards.items()}
    lanes = layout.lanes
    area = Box(lanes[0].column.x, lanes[0].column.y, lanes[-1].column.right - lanes[0].column.x,
               lanes[0].column.h) if lanes else Box(0, 0, layout.width, layout.height)
    return boxes, layout_links(doc, boxes), area


def _stream(doc: DocumentModel) -> tuple[dict[str, Box], tuple[LinkGeom, ...], Box]:
    layout = layout_stream(doc)
    boxes = {sid: chevron.box for sid, chevron in layout.chevrons.items()}
    return boxes, layout.links, Box(0, 0, layout.width, layout.height)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
@pytest.mark.parametrize("view", ["chain", "stream"])
def test_no_link_crosses_a_card_it_does_not_connect_or_leaves_the_diagram(source, view):
    doc = read_document(source)
    boxes, links, area = (_chain if view == "chain" else _stream)(doc)
    assert len(links) == sum(1 for link in doc.links if link.source in boxes
                             and link.target in boxes)
    for link in links:
        others = [(sid, box) for sid, box in boxes.items() if sid not in (link.source,
                                                                          link.target)]
        for a, b in _segments(link):
            for point in (a, b):
                assert area.x <= point[0] <= area.right and area.y <= point[1] <= area.bottom, \
                    (link.link_id, point, area)
            hit = [sid for sid, box in others if _crosses(a, b, box)]
            assert not hit, (link.link_id, a, b, hit)


EDGE_CLEAR = 10.0
CARD_CLEAR = 8.0  # a straight leg passing a card keeps this far from it: no squeezing
#                   through the 10 px gap between two cards of a cell


def _squeezed(link: LinkGeom, others: list[Box]) -> list[tuple[float, Box]]:
    """(distance, card) for each straight leg running alongside a card closer than
    CARD_CLEAR (a leg that starts or ends on a card's edge there is attached, not passing)."""
    near = []
    for (x0, y0), (x1, y1) in ([] if link.curved else zip(link.points, link.points[1:])):
        for box in others:
            if abs(x0 - x1) < 0.5 and box.y < max(y0, y1) and min(y0, y1) < box.bottom:
                d = min(abs(x0 - box.x), abs(x0 - box.right))
            elif abs(y0 - y1) < 0.5 and box.x < max(x0, x1) and min(x0, x1) < box.right:
                d = min(abs(y0 - box.y), abs(y0 - box.bottom))
            else:
                continue
            if d < CARD_CLEAR:
                near.append((d, box))
    return near


@pytest.mark.parametrize("seed", range(6))
def test_chain_view_links_never_squeeze_between_cards(seed):
    """Links (the shipped ones, and a fixed random sample between any stages) pass other
    cards with room to spare."""
    import random

    from vscdesk.model import Link

    rng = random.Random(seed)
    for source in SOURCES:
        doc = read_document(source)
        ids = [stage.id for stream in doc.streams for stage in stream.stages]
        if seed and len(ids) > 1:
            doc.links = [Link(id=f"random-{i}", source=a, target=b, kind="integration")
                         for i, (a, b) in enumerate(rng.sample(ids, 2) for _ in range(6))]
        boxes, links, _ = _chain(doc)
        for link in links:
            others = [box for sid, box in boxes.items() if sid not in (link.source,
                                                                        link.target)]
            assert not _squeezed(link, others), (source.name, link)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_chain_view_links_run_down_inside_a_lane_never_along_its_edge(source):
    """A vertical leg (a bracket beside a column of cards, a corridor) keeps clear of the
    lane's edges: along an edge it would read as running in the gutter, outside the lanes."""
    doc = read_document(source)
    layout = layout_chain(doc)
    boxes = {sid: card.box for sid, card in layout.cards.items()}
    edges = [x for lane in layout.lanes for x in (lane.column.x, lane.column.right)]
    for link in layout_links(doc, boxes):
        if link.curved:
            continue
        for (x0, y0), (x1, y1) in zip(link.points, link.points[1:]):
            if abs(x0 - x1) < 0.5 and abs(y1 - y0) > 1:
                near = [e for e in edges if abs(e - x0) < EDGE_CLEAR]
                assert not near, (link.link_id, x0, near)


@pytest.mark.parametrize("seed", range(6))
def test_random_links_over_the_templates_stay_clear(seed):
    """Links drawn between any stages of the templates (a fixed random sample) keep the same
    rules as the shipped ones."""
    import random

    from vscdesk.model import Link

    rng = random.Random(seed)
    for name in ("it4it", "itil4", "porter"):
        doc = read_document(ROOT / "resources" / "templates" / f"{name}.vsc.json")
        ids = [stage.id for stream in doc.streams for stage in stream.stages]
        doc.links = [Link(id=f"random-{i}", source=a, target=b, kind="integration")
                     for i, (a, b) in enumerate(rng.sample(ids, 2) for _ in range(6))]
        for view in (_chain, _stream):
            boxes, links, area = view(doc)
            for link in links:
                others = [box for sid, box in boxes.items()
                          if sid not in (link.source, link.target)]
                for a, b in _segments(link):
                    assert all(area.x <= p[0] <= area.right and area.y <= p[1] <= area.bottom
                               for p in (a, b)), (name, link)
                    assert not any(_crosses(a, b, box) for box in others), (name, link)
