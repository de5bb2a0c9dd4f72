"""Numbers typed into panels: a point or a decimal comma, never a guess (no Qt needed)."""

from __future__ import annotations

import pytest

from vscdesk.panels.numbers import parse_number


@pytest.mark.parametrize("text, value", [
    ("4.5", 4.5), ("4,5", 4.5), (" -0,25 ", -0.25), ("0,125", 0.125), ("12", 12.0),
    ("1e3", 1000.0), ("1000", 1000.0),
])
def test_numbers_with_a_point_or_a_decimal_comma(text, value):
    assert parse_number(text, "the target") == value


@pytest.mark.parametrize("text, reason", [
    ("1,500", "could mean 1500 or 1.500"), ("1,000,000", "is not a number"),
    ("1.000,5", "is not a number"), ("abc", "“abc” is not a number"), ("nan", "finite"),
    ("", "required"),
])
def test_what_is_not_a_number_is_explained(text, reason):
    with pytest.raises(ValueError, match=reason):
        parse_number(text, "the target")


def test_blank_is_none_where_a_value_is_optional():
    assert parse_number("  ", "the actual", optional=True) is None
