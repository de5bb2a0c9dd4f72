"""Handout sheets: the drawing fits inside the margins above a footer."""

import pytest

from vscdesk.render.pages import PAGE_MARGIN, PAPERS, paper_page
from vscdesk.render.primitives import Drawing


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("size", [(1600, 456), (1600, 2400), (300, 200)])
def test_a_drawing_fits_its_sheet_with_margins_and_a_footer(paper, size):
    drawing = Drawing(size[0], size[1], (), "IT services")
    sheet = paper_page(drawing, paper, "IT services", 2, 3)
    assert (sheet.width, sheet.height) == PAPERS[paper] and sheet.width > sheet.height
    right, bottom = sheet.x + size[0] * sheet.scale, sheet.y + size[1] * sheet.scale
    left_text, number = sheet.footer
    assert sheet.x >= PAGE_MARGIN - 0.01 and right <= sheet.width - PAGE_MARGIN + 0.01
    assert sheet.y >= PAGE_MARGIN - 0.01 and bottom < left_text.y - left_text.size
    assert sheet.scale <= 1.0  # a small drawing is not blown up
    assert left_text.text == "IT services" and number.text == "page 2 / 3"
    assert number.anchor == "end" and number.x == sheet.width - PAGE_MARGIN


def test_a_long_title_is_elided_before_the_page_number():
    sheet = paper_page(Drawing(100, 100, ()), "a4", "word " * 200, 1, 1)
    assert sheet.footer[0].text.endswith("…") and len(sheet.footer[0].text) < 200
