"""Activity loop drawing: readable labels inside the panel, accent only on returns."""

import random

import pytest

from vscdesk.layout.text import text_width
from vscdesk.model import DocumentModel, Lane, Stage, Stream
from vscdesk.render import palette as P
from vscdesk.render.activity_loop import activity_loop_drawing
from vscdesk.render.primitives import Ellipse, Path, Rect, Text
from vscdesk.render.svg import to_svg

COLORS = ["#44618F", "#357568", "#8E5C22", "#5F6B33", "#94503F", "#366A83", "#7A4F9A",
          "#2E7D7D", "#A0522D", "#556B2F", "#4682B4", "#8B4513"]


def _text_box(t: Text, dx: float = 0, dy: float = 0) -> tuple[float, float, float, float]:
    w = text_width(t.text, t.size, t.bold)
    left = t.x + dx - {"start": 0, "middle": w / 2, "end": w}[t.anchor]
    return left, t.y + dy - 0.73 * t.size, left + w, t.y + dy + 0.24 * t.size


def _assert_labels_inside(drawing) -> None:
    """Every text inside the panel's padding and inside its own group."""
    for g in drawing.groups:
        bx, by, bw, bh = g.bounds
        for t in (p for p in g.items if isinstance(p, Text)):
            left, top, right, bottom = _text_box(t)
            assert bx <= left and right <= bx + bw and by <= top and bottom <= by + bh, (g.key, t)
            left, top, right, bottom = _text_box(t, g.x, g.y)
            assert left >= 16 and right <= drawing.width - 16, (g.key, t)
            assert top >= 0 and bottom <= drawing.height - 8, (g.key, t)


def _random_doc(n: int, seed: int) -> DocumentModel:
    rng = random.Random(seed)
    names = ["Plan", "Improve", "Engage", "Design & transition", "Obtain/build",
             "Deliver & support", "Human resource management", "Technology development",
             "Procurement", "Firm infrastructure", "Marketing & sales", "Outbound logistics"]
    lanes = [Lane(id=f"l{i}", name=names[i], color=COLORS[i]) for i in range(n)]
    route = [rng.choice([f"l{rng.randrange(n)}", None]) if rng.random() < 0.1
             else f"l{rng.randrange(n)}" for _ in range(rng.randrange(1, 10))]
    stages = [Stage(id=f"s{i}", name=f"S{i}", lane=lane) for i, lane in enumerate(route)]
    return DocumentModel(chain={"lanes": lanes},
                         streams=[Stream(id="x", name="A stream " * 8, stages=stages)])


@pytest.mark.parametrize("size", [360, 400])
def test_example_labels_stay_inside_the_panel(example_model, size):
    doc = example_model
    for stream in doc.streams:
        drawing = activity_loop_drawing(doc, stream.id, size)
        # square, and taller by the lines a wrapped route takes (it is never cut)
        assert drawing.width == size and size <= drawing.height <= size + 30
        _assert_labels_inside(drawing)


@pytest.mark.parametrize("n", range(1, 13))
@pytest.mark.parametrize("size", [360, 400])
def test_any_chain_from_1_to_12_lanes_keeps_labels_inside(n, size):
    for seed in range(3):
        drawing = activity_loop_drawing(_random_doc(n, seed), "x", size)
        _assert_labels_inside(drawing)
        for g in drawing.groups:  # node names fit their node
            if g.kind == "loop-node":
                box = g.items[0]
                for t in (p for p in g.items[1:] if isinstance(p, Text) and "×" not in p.text):
                    left, top, right, bottom = _text_box(t)
                    assert box.x < left and right < box.x + box.w, (g.key, t)
                    assert box.y < top and bottom < box.y + box.h, (g.key, t)


def _strokes(group) -> set[str]:
    return {p.stroke.color for p in group.items if isinstance(p, Path) and p.stroke is not None}


def test_accent_marks_only_the_returns_and_the_revisit(example_model):
    drawing = activity_loop_drawing(example_model, "restore-service")
    groups = {g.key: g for g in drawing.groups}
    assert _strokes(groups["loop-step:report-problem"]) == {P.INK_700}  # from Start
    assert _strokes(groups["loop-step:diagnose-fix"]) == {P.INK_700}
    assert _strokes(groups["loop-step:confirm-user"]) == {P.ACCENT}
    assert _strokes(groups["loop-step:review-root-cause"]) == {P.ACCENT}
    dashed = [p for p in groups["loop-step:confirm-user"].items
              if isinstance(p, Path) and p.stroke is not None]
    assert dashed and all(p.stroke.dash for p in dashed)
    engage = groups["loop-node:engage"]
    assert any(isinstance(p, Rect) and p.fill == P.ACCENT for p in engage.items)
    assert "×2" in [p.text for p in engage.items if isinstance(p, Text)]
    improve = groups["loop-node:improve"]
    assert not any(getattr(p, "fill", None) == P.ACCENT for p in improve.items)
    for key in ("loop-node:plan", "loop-exit", "loop-ring", "loop-title"):
        group = groups[key]
        assert P.ACCENT not in _strokes(group) | {getattr(p, "fill", None) for p in group.items}


def test_every_step_is_one_selectable_group_keyed_by_its_stage(example_model):
    doc = example_model
    drawing = activity_loop_drawing(doc, "restore-service")
    keys = [g.key for g in drawing.groups]
    assert len(keys) == len(set(keys))
    steps = {g.ref for g in drawing.groups if g.kind == "loop-step"}
    assert steps == {s.id for s in doc.streams[0].stages}
    discs = [p for g in drawing.groups if g.kind == "loop-step" for p in g.items
             if isinstance(p, Ellipse) and p.rx == 9]
    assert len(discs) == 4
    assert 'text-anchor="middle"' in to_svg(drawing)
