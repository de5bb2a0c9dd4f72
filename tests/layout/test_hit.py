"""Drop targets: which move a release at a point makes, computed from the layout alone."""


from vscdesk.layout.chain import layout_chain
from vscdesk.layout.hit import (
    chain_lane_drop,
    chain_stage_drop,
    chain_stream_drop,
    stream_stage_drop,
)
from vscdesk.layout.stream import layout_stream


def _lane(layout, lane_id):
    return next(g for g in layout.lanes if g.id == lane_id)


def _row(layout, stream_id):
    return next(r for r in layout.rows if r.stream_id == stream_id)


def test_empty_cell_of_own_stream_changes_only_the_lane(doc):
    layout = layout_chain(doc)
    row = _row(layout, "fulfil-request")
    drop = chain_stage_drop(doc, layout, "approve", _lane(layout, "improve").column.cx, row.band.cy)
    assert (drop.stream_id, drop.index, drop.lane_id, drop.slot) == ("fulfil-request", 1, "improve", True)


def test_cell_with_cards_inserts_before_or_after_by_x(doc):
    layout = layout_chain(doc)
    # fulfil-request: request-portal (engage, 0) ... confirm-receipt (engage, 4)
    card = layout.cards["request-portal"].box
    left = chain_stage_drop(doc, layout, "approve", card.x + 5, card.cy)
    right = chain_stage_drop(doc, layout, "approve", card.right - 5, card.cy)
    assert (left.lane_id, left.index) == ("engage", 0)
    assert right.index == 1  # between request-portal (0) and confirm-receipt (4): keeps its place
    other = chain_stage_drop(doc, layout, "operate", card.right - 5, card.cy)
    assert (other.stream_id, other.index) == ("fulfil-request", 1)  # right after request-portal
    assert not left.slot and left.marker.w < 10


def test_moving_back_within_a_cell_counts_without_the_stage(doc):
    layout = layout_chain(doc)
    # restore-service: report-problem (engage, 0), confirm-user (engage, 2)
    first = layout.cards["report-problem"].box
    drop = chain_stage_drop(doc, layout, "confirm-user", first.x + 3, first.cy)
    assert (drop.stream_id, drop.index) == ("restore-service", 0)
    later = layout.cards["confirm-user"].box
    drop = chain_stage_drop(doc, layout, "report-problem", later.right - 3, later.cy)
    assert drop.index == 2  # after confirm-user (position 2), without report-problem itself


def test_empty_cell_of_another_stream_follows_chain_order(doc):
    layout = layout_chain(doc)
    row = _row(layout, "new-service")
    drop = chain_stage_drop(doc, layout, "approve", _lane(layout, "engage").column.cx, row.band.cy)
    # new-service: plan, design-transition, obtain-build, design-transition, deliver, improve
    assert (drop.stream_id, drop.index, drop.lane_id) == ("new-service", 1, "engage")


def test_pointer_over_row_headers_is_no_drop(doc):
    layout = layout_chain(doc)
    assert chain_stage_drop(doc, layout, "approve", 100, layout.rows[0].band.cy) is None


def test_stream_view_orders_by_x(doc):
    layout = layout_stream(doc)
    target = layout.chevrons["diagnose-fix"].box
    drop = stream_stage_drop(doc, layout, "approve", target.x + 5, target.cy)
    assert (drop.stream_id, drop.index, drop.lane_id) == ("restore-service", 1, "plan")
    end = stream_stage_drop(doc, layout, "report-problem", 10_000, target.cy)
    assert end.index == 3


def test_lane_and_stream_reorder_targets(doc):
    layout = layout_chain(doc)
    last = _lane(layout, "deliver-support").column
    drop = chain_lane_drop(layout, "plan", last.right - 5)
    assert drop.index == 5 and drop.marker.h > 100
    assert chain_lane_drop(layout, "plan", _lane(layout, "plan").column.cx).index == 0
    drop = chain_stream_drop(layout, "restore-service", layout.rows[-1].header.bottom - 2)
    assert drop.index == 2 and drop.marker.w > 1000
