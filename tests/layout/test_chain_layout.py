"""Chain layout: no overlaps, labels inside their boxes, loop-backs where streams go back."""

import itertools

from hypothesis import given, settings

from strategies import documents
from vscdesk.layout import metrics as M
from vscdesk.layout.chain import UNASSIGNED, layout_chain
from vscdesk.layout.channels import LOOP, NEXT, SKIP
from vscdesk.layout.text import text_width, wrap
from vscdesk.model import DocumentModel, Lane, Stage, Stream


def _assert_sound(doc: DocumentModel) -> None:
    layout = layout_chain(doc)
    doc_names = {stage.id: stage.name for s in doc.streams for stage in s.stages}
    boxes = [c.box for c in layout.cards.values()]
    for a, b in itertools.combinations(boxes, 2):
        assert not a.overlaps(b), (a, b)
    lanes = {lane.id: lane for lane in layout.lanes}
    rows = {row.stream_id: row for row in layout.rows}
    for card in layout.cards.values():
        assert lanes[card.lane_id].column.contains(card.box)
        assert rows[card.stream_id].band.contains(card.box)
        name = doc_names[card.stage_id]
        assert "".join(card.name_lines).replace(" ", "") == "".join(name.split())  # whole
        if len(card.name_lines) <= 6:
            assert card.name_size == M.CARD_NAME_SIZE
        assert card.box.h >= M.card_height(len(card.name_lines), card.name_size)
        for line in card.name_lines:
            assert text_width(line, card.name_size, True) <= M.CARD_W - 2 * M.CARD_PAD
    for lane in layout.lanes:  # the name whole, every line of it inside the header
        assert "".join(lane.name_lines).replace(" ", "") == "".join(lane.name.split())
        for line in lane.name_lines:
            assert text_width(line, lane.name_size, True) <= lane.header.w - 2 * M.LANE_INSET
        assert lane.header.h >= M.HEADER_H + M.lane_name_leading(lane.name_size) * (
            len(lane.name_lines) - 1)
    for row in layout.rows:
        for line in row.name_lines:
            assert text_width(line, row.name_size, True) <= M.ROW_TEXT_W
        cards = [c.box for c in layout.cards.values() if c.stream_id == row.stream_id]
        assert len({box.h for box in cards}) <= 1  # every card of a row equally tall


def test_example_layout_is_sound(example_model):
    _assert_sound(example_model)


@settings(max_examples=40, deadline=None)
@given(documents())
def test_random_documents_lay_out_soundly(doc):
    _assert_sound(doc)


def test_every_stage_sits_where_its_stream_crosses_its_lane(example_model):
    doc = example_model
    layout = layout_chain(doc)
    lanes = {lane.id: lane for lane in layout.lanes}
    for stream in doc.streams:
        for step, stage in enumerate(stream.stages, start=1):
            card = layout.cards[stage.id]
            assert card.step == step
            assert lanes[stage.lane].header.x <= card.box.x < lanes[stage.lane].header.right


def test_return_to_an_earlier_lane_is_a_loop_back_over_the_top(example_model):
    layout = layout_chain(example_model)
    arrows = {(a.source, a.target): a for a in layout.arrows}
    back = arrows[("diagnose-fix", "confirm-user")]  # Deliver & support -> Engage
    assert back.kind == LOOP
    assert back.points[1][1] < layout.cards["diagnose-fix"].box.y  # routed above the cards
    assert arrows[("report-problem", "diagnose-fix")].kind == SKIP  # cards lie between
    assert arrows[("procure-device", "prepare-deliver")].kind == NEXT
    assert len(layout.arrows) == sum(len(s.stages) - 1 for s in example_model.streams)


def test_nested_loop_backs_take_separate_tracks(example_model):
    layout = layout_chain(example_model)
    loops = [a for a in layout.arrows if a.stream_id == "new-service" and a.kind == LOOP]
    assert len({a.points[1][1] for a in loops}) == 2


def test_stage_without_lane_gets_a_no_activity_column():
    doc = DocumentModel(
        chain={"lanes": [Lane(id="a", name="A")]},
        streams=[Stream(id="s", name="S", stages=[Stage(id="x", name="X", lane="a"),
                                                  Stage(id="y", name="Y")])],
    )
    layout = layout_chain(doc)
    assert [lane.id for lane in layout.lanes] == ["a", UNASSIGNED]
    assert layout.cards["y"].lane_id == UNASSIGNED


def test_long_names_wrap_to_two_balanced_lines_and_elide():
    assert wrap("Restore service for a user", 14.5, True, 178) == ["Restore service", "for a user"]
    lines = wrap("Supercalifragilistic expialidocious " * 6, 12.5, True, 120)
    assert len(lines) == 2 and lines[1].endswith("…")
    assert all(text_width(line, 12.5, True) <= 120 for line in lines)


def test_busy_cell_widens_its_lane(example_model):
    layout = layout_chain(example_model)
    widths = {lane.id: lane.header.w for lane in layout.lanes}
    assert widths["engage"] > widths["plan"]  # Engage holds two cards in one cell


def test_lane_widens_for_its_name_instead_of_eliding():
    doc = DocumentModel(chain={"lanes": [Lane(id="t", name="Technology development"),
                                         Lane(id="h", name="Human resource management")]})
    names = [lane.name for lane in layout_chain(doc).lanes]
    assert names == ["Technology development", "Human resource management"]
