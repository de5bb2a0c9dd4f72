"""Positions in the shared document: a reorder rewrites few positions and always sorts right."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vscdesk.workshop.order import new_positions, sort_key


@given(st.lists(st.one_of(st.none(), st.floats(-1e6, 1e6)), max_size=30), st.randoms())
def test_entries_sort_in_the_wanted_order_after_writing_the_new_positions(positions, rnd):
    keys = [f"k{n}" for n in range(len(positions))]
    current = [None if pos is None else sort_key(pos, key) for pos, key in zip(positions, keys)]
    moves = new_positions(current)
    final = [sort_key(moves[i], keys[i]) if i in moves else current[i]
             for i in range(len(current))]
    assert None not in final
    assert final == sorted(final)


def test_moving_one_entry_rewrites_only_its_position():
    current = [sort_key(float(n), f"k{n}") for n in range(10)]
    current.insert(2, current.pop(8))  # entry 8 moved to the third place
    assert list(new_positions(current)) == [2]
    assert 1.0 < new_positions(current)[2] < 2.0


def test_a_position_that_is_not_a_number_sorts_as_zero():
    assert sort_key("x", "b") == sort_key(float("nan"), "b") == (0.0, "b")
    assert sort_key(True, "b") == (0.0, "b")
