"""Stream layout: chevrons in strict order, step n at the same x in every stream, no overlaps."""

import itertools

from hypothesis import given, settings

from strategies import documents
from vscdesk.layout import stream as L
from vscdesk.layout.stream import UNASSIGNED, layout_stream
from vscdesk.layout.text import ELLIPSIS, text_width
from vscdesk.model import DocumentModel, Lane, Stage, Stream

CONTENT_W = L.CHEVRON_W - L.CONTENT_LEFT - L.CONTENT_RIGHT


def _doc(*streams: Stream, lanes: int = 3) -> DocumentModel:
    chain = {"lanes": [Lane(id=f"l{i}", name=f"Lane {i}") for i in range(lanes)]}
    return DocumentModel(title="T", chain=chain, streams=list(streams))


def _stream(sid: str, lanes: list[str | None], name: str = "Stream") -> Stream:
    stages = [Stage(id=f"{sid}-{i}", name=f"Stage {i}", lane=lane) for i, lane in enumerate(lanes)]
    return Stream(id=sid, name=name, trigger="Need", value="Done", stages=stages)


def _edges(box, y: float) -> tuple[float, float]:
    """Left and right edge of a chevron's shape at height ``y``."""
    off_centre = abs(y - box.cy) / (box.h / 2)
    return (box.x + L.CHEVRON_POINT * (1 - off_centre),
            box.right - L.CHEVRON_POINT * off_centre)


def _shapes_apart(a, b) -> bool:
    """Chevron shapes do not touch: other rows, or a white gap at every height."""
    if not a.overlaps(b):
        return True
    a, b = sorted((a, b), key=lambda box: box.x)
    ys = [a.y + a.h * i / 20 for i in range(21)]
    return a.y == b.y and all(_edges(b, y)[0] - _edges(a, y)[1] >= 6 for y in ys)


def _assert_sound(doc: DocumentModel) -> None:
    layout = layout_stream(doc)
    boxes = [c.box for c in layout.chevrons.values()]
    for a, b in itertools.combinations(boxes, 2):
        assert _shapes_apart(a, b), (a, b)
    for block in layout.blocks:
        row = [layout.chevrons[sid].box for sid in block.stages]
        row += [block.placeholder] if block.placeholder else []
        assert [b.x for b in row] == sorted(b.x for b in row)
        for box in row:
            assert block.trigger.right < box.x and box.right < block.value.x
            assert block.header.bottom < box.y
        assert block.value.right <= layout.width - 32
        if block.rule_y is not None:
            assert block.row.bottom < block.rule_y
    for a, b in zip(layout.blocks, layout.blocks[1:]):
        assert a.row.bottom < a.rule_y < b.header.y
    for chevron in layout.chevrons.values():
        assert len(chevron.name_lines) >= 1
        for line in chevron.name_lines:
            assert text_width(line, chevron.name_size, True) <= CONTENT_W
        assert chevron.box.h >= chevron.needs
    if layout.blocks:
        assert layout.blocks[-1].row.bottom < layout.legend_y


def test_example_layout_is_sound(example_model):
    _assert_sound(example_model)


@settings(max_examples=25, deadline=None)
@given(documents())
def test_random_documents_lay_out_soundly(doc):
    _assert_sound(doc)


def test_step_n_lines_up_across_streams(example_model):
    layout = layout_stream(example_model)
    by_step: dict[int, set[float]] = {}
    for chevron in layout.chevrons.values():
        by_step.setdefault(chevron.step, set()).add(chevron.box.x)
    assert len(by_step[1]) == 1 and len(by_step[4]) == 1
    xs = [next(iter(by_step[n])) for n in sorted(by_step)]
    assert all(b - a == L.CHEVRON_PITCH for a, b in zip(xs, xs[1:]))


def test_stages_keep_strict_order_and_their_lane(example_model):
    doc = example_model
    layout = layout_stream(doc)
    for stream in doc.streams:
        chevrons = [layout.chevrons[s.id] for s in stream.stages]
        assert [c.step for c in chevrons] == list(range(1, len(chevrons) + 1))
        assert [c.lane_id for c in chevrons] == [s.lane for s in stream.stages]


def test_returns_are_exactly_the_moves_to_a_lane_further_left(example_model):
    layout = layout_stream(example_model)
    returning = {c.stage_id for c in layout.chevrons.values() if c.returns}
    # The mockup's ↩ chevrons: Confirm with the user, Review the root cause, Approve,
    # Confirm receipt, Transition to live, Review outcomes.
    assert returning == {"confirm-user", "review-root-cause", "approve", "confirm-receipt",
                         "transition-live", "review-outcomes"}


def test_sixty_stages_make_the_drawing_wider_not_cramped():
    short, long = _stream("a", ["l0", "l1"]), _stream("b", [f"l{i % 3}" for i in range(60)])
    layout = layout_stream(_doc(short, long))
    last = layout.chevrons["b-59"]
    assert last.step == 60
    assert last.box.x == layout.chevrons["b-0"].box.x + 59 * L.CHEVRON_PITCH
    assert layout.width > 60 * L.CHEVRON_PITCH
    assert layout.blocks[1].value.right <= layout.width - 32
    _assert_sound(_doc(short, long))


def test_an_empty_stream_gets_a_placeholder_between_its_markers():
    layout = layout_stream(_doc(_stream("e", []), _stream("f", ["l0"])))
    empty, full = layout.blocks
    assert empty.stages == () and empty.placeholder is not None
    assert empty.trigger.right < empty.placeholder.x < empty.placeholder.right < empty.value.x
    assert full.placeholder is None
    assert empty.placeholder.x == layout.chevrons["f-0"].box.x


def test_long_names_wrap_whole_and_the_row_grows():
    name = "Reconcile the configuration management database against every discovered asset"
    trigger = "A trigger that is far too long to fit in the marker at all"
    value = "A value outcome that is far longer than any ellipse should be"
    stream = Stream(id="s", name="S", stages=[Stage(id="x", name=name, lane="l0"),
                                              Stage(id="y", name="Short", lane="l1")],
                    trigger=trigger, value=value)
    layout = layout_stream(_doc(stream))
    lines = layout.chevrons["x"].name_lines
    assert len(lines) > 2 and " ".join(lines) == name and ELLIPSIS not in name
    assert layout.chevrons["x"].box.h > L.CHEVRON_H
    assert layout.chevrons["y"].box.h == layout.chevrons["x"].box.h  # one height per row
    block = layout.blocks[0]
    assert " ".join(block.trigger_lines) == trigger and " ".join(block.value_lines) == value
    assert block.trigger.h >= L.marker_height(L.TRIGGER_H, len(block.trigger_lines))
    for line in block.trigger_lines:
        assert text_width(line, L.MARKER_SIZE, True) <= L.TRIGGER_TEXT_W
    for line in block.value_lines:
        assert text_width(line, L.MARKER_SIZE, True) <= block.value.w - 2 * L.VALUE_PAD


def test_stages_without_a_lane_are_keyed_and_listed_as_no_activity():
    layout = layout_stream(_doc(_stream("s", ["l0", None, "l2"])))
    assert layout.chevrons["s-1"].lane_id == UNASSIGNED
    assert not layout.chevrons["s-1"].returns and not layout.chevrons["s-2"].returns
    assert [k.name for k in layout.keys] == ["Lane 0", "Lane 1", "Lane 2", L.NO_ACTIVITY]


def test_many_lanes_wrap_the_key_row_and_push_the_streams_down():
    lanes = [Lane(id=f"l{i}", name=f"A rather long activity name {i}") for i in range(12)]
    doc = DocumentModel(title="T", chain={"lanes": lanes}, streams=[_stream("s", ["l0"])])
    layout = layout_stream(doc)
    rows = sorted({k.cy for k in layout.keys})
    assert len(rows) >= 2
    for k in layout.keys:
        assert k.text_x + text_width(k.name, L.KEY_SIZE, True) <= layout.width - 32
    assert layout.blocks[0].header.y > rows[-1] + 12
    assert layout.blocks[0].header.y - rows[-1] == layout_stream(_doc(_stream("s", ["l0"]))
                                                                 ).blocks[0].header.y - L.KEY_CY
