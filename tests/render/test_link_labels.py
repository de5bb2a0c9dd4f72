"""Link labels and routes: inside the drawing, clear of cards, SLA pills and each other; the
legend explains the three kinds of link when the document has links."""

import pytest

from vscdesk.layout.geometry import Box
from vscdesk.render.chain import chain_drawing
from vscdesk.render.primitives import Path, Rect, Text
from vscdesk.storage import load

from big_doc import big_document


def _pills(drawing):
    """Each link's label pill in drawing coordinates."""
    out = {}
    for g in drawing.groups:
        if g.kind == "link":
            r = next(p for p in g.items if isinstance(p, Rect))
            out[g.ref] = Box(g.x + r.x, g.y + r.y, r.w, r.h)
    return out


def _card_boxes(drawing):
    return [Box(g.x, g.y, g.bounds[2] - 2, g.bounds[3] - 3)
            for g in drawing.groups if g.kind == "stage"]


def _route_points(drawing):
    for g in drawing.groups:
        if g.kind == "link":
            for p in g.items:
                if isinstance(p, Path):
                    for op in p.ops:
                        for i in range(1, len(op), 2):
                            yield g.ref, g.x + op[i], g.y + op[i + 1]


@pytest.fixture(params=["example", "big"])
def drawing(request, example_file):
    model = load(example_file) if request.param == "example" else big_document()
    return chain_drawing(model)


def test_labels_stay_inside_the_lane_area_of_the_drawing(drawing):
    for ref, pill in _pills(drawing).items():
        assert pill.x >= 252 and pill.right <= drawing.width - 32, ref
        assert pill.y >= 148 and pill.bottom <= drawing.height - 32, ref


def test_routes_never_leave_the_drawing(drawing):
    for ref, x, y in _route_points(drawing):
        assert 32 <= x <= drawing.width - 32 and 100 <= y <= drawing.height - 32, ref


def test_labels_cover_no_card_and_no_other_label(drawing):
    pills = _pills(drawing)
    cards = _card_boxes(drawing)  # SLA pills sit inside their cards
    for ref, pill in pills.items():
        assert not any(pill.overlaps(c) for c in cards), ref
        assert not any(pill.overlaps(o) for r, o in pills.items() if r != ref), ref


def _legend_texts(drawing):
    legend = next(g for g in drawing.groups if g.key == "legend")
    return [p.text for p in legend.items if isinstance(p, Text)]


def test_the_legend_names_the_link_kinds_only_when_there_are_links(example_file):
    model = load(example_file)
    texts = _legend_texts(chain_drawing(model))
    assert "LINKS" in texts
    names = {"integration": "Integration", "handoff": "Hand-off", "rework": "Rework"}
    drawn = {names[link.kind] for link in model.links}
    # only the kinds the drawing has: the legend lists what the drawing shows
    assert drawn and set(names.values()) & set(texts) == drawn
    bare = model.model_copy(update={"links": []})
    assert "LINKS" not in _legend_texts(chain_drawing(bare))


@pytest.mark.parametrize("name", ["it4it", "porter"])
@pytest.mark.parametrize("view", ["chain", "stream"])
def test_template_link_labels_are_drawn_whole(name, view):
    """"Integration · Service in the catalogue" is a name too: never cut with an ellipsis."""
    from pathlib import Path

    from vscdesk.render.links import link_label
    from vscdesk.render.pages import view_drawing

    root = Path(__file__).resolve().parents[2]
    model = load(root / "resources" / "templates" / f"{name}.vsc.json")
    drawn = {g.ref: [p.text for p in g.items if isinstance(p, Text)]
             for g in view_drawing(model, view).groups if g.kind == "link"}
    assert drawn and set(drawn) == {link.id for link in model.links}
    for link in model.links:
        assert drawn[link.id] == [link_label(link)]
