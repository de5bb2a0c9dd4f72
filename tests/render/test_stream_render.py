"""Stream view drawing: keys the canvas animates by, text that stays inside its shapes."""

import math

from hypothesis import given, settings

from strategies import documents
from vscdesk.layout import stream as L
from vscdesk.layout.text import text_width
from vscdesk.model import Chain, DocumentModel, Lane, Sla, Stage, StakeholderRef, Stakeholder, Stream
from vscdesk.render import palette as P
from vscdesk.render.primitives import Ellipse, Group, Path, Rect, Text
from vscdesk.render.stream import stream_drawing

OWN_KINDS = {"stage", "row", "trigger", "value", "placeholder", "lane-key", "rule"}


def _text_box(t: Text) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) of a line's ink: cap height above, descenders below."""
    w = text_width(t.text, t.size, t.bold)
    left = t.x - {"start": 0, "middle": w / 2, "end": w}[t.anchor]
    return left, t.y - 0.73 * t.size, left + w, t.y + 0.24 * t.size


def _texts(group: Group) -> list[Text]:
    return [p for p in group.items if isinstance(p, Text)]


def _assert_texts_inside_bounds(drawing) -> None:
    for g in drawing.groups:
        if g.kind not in OWN_KINDS:
            continue
        bx, by, bw, bh = g.bounds
        for t in _texts(g):
            left, top, right, bottom = _text_box(t)
            assert bx <= left and right <= bx + bw and by <= top and bottom <= by + bh, (g.key, t)


def _inside_chevron(t: Text, w: float, h: float) -> bool:
    left, top, right, bottom = _text_box(t)
    nearest = min(abs(top - h / 2), abs(bottom - h / 2)) if not top <= h / 2 <= bottom else 0
    farthest = max(abs(top - h / 2), abs(bottom - h / 2))
    notch_x = L.CHEVRON_POINT * (1 - nearest / (h / 2))
    point_x = w - L.CHEVRON_POINT * farthest / (h / 2)
    return notch_x < left and right < point_x and top > 0 and bottom < h


def _inside_ellipse(t: Text, w: float, h: float) -> bool:
    left, top, right, bottom = _text_box(t)
    return all(((x - w / 2) / (w / 2)) ** 2 + ((y - h / 2) / (h / 2)) ** 2 < 1
               for x in (left, right) for y in (top, bottom))


def _inside_trigger(t: Text, w: float, h: float) -> bool:
    """Inside the notch and the rounded right end (corners of at most 30 px on tall ones)."""
    left, top, right, bottom = _text_box(t)
    r = min(h / 2, 30)
    far = max(r - top, bottom - (h - r), 0)  # how far into a corner's height the line reaches
    return (0.28 * min(h, 60) < left and top > 0 and bottom < h
            and right < w - r + math.sqrt(max(r * r - far * far, 0)))


def _assert_texts_inside_shapes(drawing, blocks=()) -> None:
    triggers = {b.stream_id: b.trigger for b in blocks}
    for g in drawing.groups:
        w, h = g.bounds[2], g.bounds[3]
        if g.kind == "stage":  # pills and badges stay inside the content area too
            for p in g.items[1:]:
                right = p.cx + p.rx if isinstance(p, Ellipse) else p.x + p.w if isinstance(p, Rect) else 0
                assert right <= w - L.CONTENT_RIGHT + 0.01, (g.key, p)
        for t in _texts(g):
            if g.kind == "stage":
                assert _inside_chevron(t, w, h), (g.key, t)
            elif g.kind == "trigger":
                box = triggers.get(g.ref)
                h = box.h if box is not None else L.TRIGGER_H
                assert _inside_trigger(t, L.TRIGGER_W, h), (g.key, t)


def _value_texts_inside(drawing, layout_blocks) -> None:
    values = {b.stream_id: b.value for b in layout_blocks}
    for g in drawing.groups:
        if g.kind == "value":
            box = values[g.ref]
            for t in _texts(g):
                assert _inside_ellipse(t, box.w, box.h), (g.key, t)


def test_every_stage_is_a_group_keyed_by_its_id_and_every_key_is_unique(example_model):
    doc = example_model
    drawing = stream_drawing(doc)
    keys = [g.key for g in drawing.groups]
    assert len(keys) == len(set(keys))
    stages = {g.key: g for g in drawing.groups if g.kind == "stage"}
    assert set(stages) == {f"stage:{s.id}" for st in doc.streams for s in st.stages}
    assert {g.key for g in drawing.groups if g.kind == "row"} == {f"row:{s.id}" for s in doc.streams}
    assert all(stages[f"stage:{s.id}"].ref == s.id for st in doc.streams for s in st.stages)


def test_example_texts_stay_inside_their_groups_and_shapes(example_model):
    from vscdesk.layout.stream import layout_stream

    doc = example_model
    drawing = stream_drawing(doc)
    _assert_texts_inside_bounds(drawing)
    blocks = layout_stream(doc).blocks
    _assert_texts_inside_shapes(drawing, blocks)
    _value_texts_inside(drawing, blocks)


@settings(max_examples=25, deadline=None)
@given(documents())
def test_random_documents_keep_their_text_inside(doc):
    from vscdesk.layout.stream import layout_stream

    drawing = stream_drawing(doc)
    _assert_texts_inside_bounds(drawing)
    blocks = layout_stream(doc).blocks
    _assert_texts_inside_shapes(drawing, blocks)
    _value_texts_inside(drawing, blocks)


def _has_return_icon(group: Group) -> bool:
    return any(isinstance(p, Path) and p.stroke is not None and p.stroke.color == P.ACCENT
               for p in group.items)


def test_return_icon_marks_exactly_the_returning_stages(example_model):
    drawing = stream_drawing(example_model)
    marked = {g.ref for g in drawing.groups if g.kind == "stage" and _has_return_icon(g)}
    assert marked == {"confirm-user", "review-root-cause", "approve", "confirm-receipt",
                      "transition-live", "review-outcomes"}
    accent_elsewhere = [g.key for g in drawing.groups
                        if g.kind in OWN_KINDS - {"stage"} and _has_return_icon(g)]
    assert accent_elsewhere == []


def test_chevrons_take_their_lane_head_colour_and_unassigned_ones_are_neutral(example_model):
    doc = example_model
    doc.streams[0].stages.append(Stage(id="loose", name="Loose end"))
    drawing = stream_drawing(doc)
    groups = {g.key: g for g in drawing.groups}
    engage = groups["stage:report-problem"]
    assert engage.items[0].fill == P.lane_colors("#8E5C22").head
    loose = groups["stage:loose"]
    assert loose.items[0].fill == P.UNASSIGNED_LANE.head
    assert "NO ACTIVITY" in [t.text for t in _texts(loose)]
    assert "ENGAGE" in [t.text for t in _texts(engage)]


def test_a_long_stream_name_never_runs_into_the_stats():
    name = "An extraordinarily long value stream name " * 4
    stream = Stream(id="s", name=name.strip(), stages=[Stage(id="a", name="A", lane="l")],
                    slas=[Sla(name="Lead", target=5, unit="d", actual=4)])
    doc = DocumentModel(chain={"lanes": [Lane(id="l", name="L")]}, streams=[stream])
    header = next(g for g in stream_drawing(doc).groups if g.key == "row:s")
    texts = _texts(header)
    assert " ".join(t.text for t in texts if t.size == 16) == name.strip()  # whole
    boxes = [_text_box(t) for t in texts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:  # apart across or down: never on top of each other
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1], (a, b)


def test_too_many_badges_end_in_a_count_instead_of_spilling():
    people = [Stakeholder(id=f"p{i}", name=f"Person {i}") for i in range(9)]
    stage = Stage(id="a", name="Crowded", lane="l",
                  slas=[Sla(name="Lead", target=15, unit="min")],
                  stakeholders=[StakeholderRef(stakeholder=p.id) for p in people])
    doc = DocumentModel(chain={"lanes": [Lane(id="l", name="L")]}, stakeholders=people,
                        streams=[Stream(id="s", name="S", stages=[stage])])
    chevron = next(g for g in stream_drawing(doc).groups if g.key == "stage:a")
    texts = [t.text for t in _texts(chevron)]
    assert any(t.startswith("+") for t in texts)
    assert _inside_chevron(next(t for t in _texts(chevron) if t.text.startswith("+")), 209, 104)


def test_step_numbers_of_any_length_stay_inside_their_marker():
    stages = [Stage(id=f"s{i}", name=f"Stage {i}", lane="l") for i in range(120)]
    doc = DocumentModel(chain={"lanes": [Lane(id="l", name="L")]},
                        streams=[Stream(id="s", name="S", stages=stages)])
    groups = {g.key: g for g in stream_drawing(doc).groups}
    for step in (1, 9, 10, 99, 100, 120):
        chevron = groups[f"stage:s{step - 1}"]
        number = next(t for t in _texts(chevron) if t.text == str(step))
        marker = chevron.items[1]  # the disc or pill drawn right after the chevron shape
        left, _, right, _ = _text_box(number)
        if isinstance(marker, Ellipse):
            assert marker.cx - marker.rx < left and right < marker.cx + marker.rx
        else:
            assert marker.x < left and right < marker.x + marker.w
        caption = next(t for t in _texts(chevron) if t.text == "L")
        assert _text_box(caption)[0] > right + 4


def test_a_document_without_activities_draws_no_empty_activities_key():
    """The legend lists only what the drawing shows: no lone "ACTIVITIES" heading."""
    drawing = stream_drawing(DocumentModel(title="Untitled"))
    texts = [t.text for g in drawing.groups for t in _texts(g)]
    assert "ACTIVITIES" not in texts
    with_lane = DocumentModel(title="x", chain=Chain(lanes=[Lane(id="plan", name="Plan")]))
    assert "ACTIVITIES" in [t.text for g in stream_drawing(with_lane).groups for t in _texts(g)]
