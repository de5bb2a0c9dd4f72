"""Printed pages: one fitted page, or tiles that cover the whole drawing with an overlap."""

from vscdesk.render.primitives import Drawing, Path, Text
from vscdesk.render.print_layout import HEADER_H, OVERLAP, fit_pages, tile_pages

A4 = (841.89 - 56.7, 595.28 - 56.7)  # landscape, less 10 mm margins


def _headers(page):
    return [t.text for t in page.header if isinstance(t, Text)]


def test_fit_is_one_page_centred_under_its_header():
    page, = fit_pages(Drawing(1600, 852, ()), *A4, "IT services")
    assert _headers(page) == ["IT services", "page 1 of 1"]
    assert page.y >= HEADER_H and abs(page.x * 2 + 1600 * page.scale - A4[0]) < 0.01
    assert 1600 * page.scale <= A4[0] + 0.01 and page.y + 852 * page.scale <= A4[1] + 0.01


def test_tiles_cover_the_drawing_and_overlap():
    drawing = Drawing(1600, 852, ())
    pages = tile_pages(drawing, *A4, "IT services")
    assert len(pages) == 6  # 3 across, 2 down at full size
    assert [_headers(p)[1] for p in pages] == [f"page {n} of 6" for n in range(1, 7)]
    right = max(p.source[0] + p.source[2] for p in pages)
    bottom = max(p.source[1] + p.source[3] for p in pages)
    assert right >= 1600 and bottom >= 852
    first, second = pages[0], pages[1]
    assert abs(first.source[0] + first.source[2] - second.source[0] - OVERLAP) < 0.01
    ticks = [m for m in first.marks if isinstance(m, Path)]
    assert len(ticks) == 2  # where the page to the right and the one below start
    assert all(m.stroke.dash for m in ticks)


def test_a_small_drawing_tiles_on_one_page():
    pages = tile_pages(Drawing(300, 200, ()), *A4, "Small")
    assert len(pages) == 1 and not [m for m in pages[0].marks if isinstance(m, Path)]
