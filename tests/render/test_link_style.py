"""Links never look like stream arrows: lighter ink, a round tail and an open
head, where stream arrows are ink-700 with a filled head; the legend shows the same marks."""

from vscdesk.render import palette as P
from vscdesk.render.chain import FORWARD, chain_drawing
from vscdesk.render.primitives import Ellipse, Path
from vscdesk.storage import load


def _paths(group):
    return [p for p in group.items if isinstance(p, Path)]


def test_links_are_lighter_than_arrows_with_a_dot_and_an_open_head(example_file):
    drawing = chain_drawing(load(example_file))
    links = [g for g in drawing.groups if g.kind == "link"]
    arrows = [g for g in drawing.groups if g.key.startswith("arrow:")]
    assert links and arrows
    arrow_fills = {p.fill for g in arrows for p in _paths(g) if p.fill}
    assert P.INK_700 in {p.stroke.color for g in arrows for p in _paths(g) if p.stroke}
    for group in links:
        strokes = [p.stroke for p in _paths(group) if p.stroke and p.stroke.color != P.CANVAS]
        assert all(s.color != FORWARD.color and s.color != P.ACCENT for s in strokes)
        assert all(s.width < FORWARD.width for s in strokes if s.color == P.INK_400)
        assert not any(p.fill for p in _paths(group)), "no filled arrowhead on a link"
        assert not {p.fill for p in _paths(group)} & arrow_fills
        assert any(isinstance(p, Ellipse) for p in group.items)  # the tail dot


def test_the_legend_samples_draw_links_the_same_way(example_file):
    model = load(example_file)
    drawing = chain_drawing(model)
    legend = next(g for g in drawing.groups if g.key == "legend")
    dots = [p for p in legend.items if isinstance(p, Ellipse) and p.fill == P.INK_400]
    open_heads = [p for p in _paths(legend) if p.fill is None and p.stroke
                  and p.stroke.color == P.INK_500 and len(p.ops) == 3]
    kinds = {link.kind for link in model.links}  # one sample per kind the drawing has
    assert len(dots) == len(kinds) == len(open_heads) >= 1
