"""Lane and stream names stay readable when zoomed far out."""

from PySide6.QtGui import QColor, QImage, QPainter

from tests.render.big_doc import big_document
from vscdesk.canvas.items import MIN_TEXT_PX
from vscdesk.paint.label_clamp import needs_clamp, paint_clamped_name
from vscdesk.paint.painter import load_fonts, paint_group
from vscdesk.render.chain import ChainRenderer


def _render(group, scale: float, clamp: bool) -> QImage:
    image = QImage(400, 200, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    paint_group(painter, group, MIN_TEXT_PX, scale)
    if clamp:
        paint_clamped_name(painter, group)
    painter.end()
    return image


def _ink(image: QImage, right: float) -> tuple[int, int]:
    """Dark pixels (text; tiles and bands are pale) inside and right of ``right``."""
    inside = outside = 0
    for y in range(image.height()):
        for x in range(image.width()):
            if QColor(image.pixel(x, y)).lightness() < 140:
                if x <= right:
                    inside += 1
                else:
                    outside += 1
    return inside, outside


def test_lane_and_stream_names_are_drawn_where_the_level_of_detail_hides_text(qapp):
    load_fonts()
    drawing = ChainRenderer(big_document(streams=3, stages=4)).drawing()
    groups = {g.key: g for g in drawing.groups}
    for key in ("lane:engage", "row:st1"):
        group = groups[key]
        scale = 0.25
        assert needs_clamp(group, scale, MIN_TEXT_PX)
        assert not needs_clamp(group, 1.0, MIN_TEXT_PX)
        width = group.bounds[2] * scale
        plain = _ink(_render(group, scale, clamp=False), width)
        clamped = _ink(_render(group, scale, clamp=True), width)
        assert clamped[0] > plain[0] + 40, key  # the name shows up
        assert clamped[1] == plain[1] == 0, key  # and stays within its header
    assert not needs_clamp(groups["stage:s0-0"], 0.25, MIN_TEXT_PX)
