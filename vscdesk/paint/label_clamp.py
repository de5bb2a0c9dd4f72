"""Lane and stream names stay readable when zoomed far out.

The level-of-detail cut hides text under 4 px on screen, so on a 300-stage map at fit or fit
width every lane header and stream label went blank and the map could not be read at all.
Lane ("lane") and stream-label ("row") groups, and their pinned copies, draw
their name at a fixed screen size instead, wrapped and elided to the header they belong to
with the same text measures as the layout (layout/text.py), so a name breaks where it would
on the page.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter

from vscdesk.layout.text import SMALLEST, text_width, wrap
from vscdesk.render.chain import lane_header_height
from vscdesk.render.primitives import Group, Text

LABEL_PX = 10.0  # screen size of a clamped name
MIN_CHARS = 3  # a header too small for three letters draws nothing
# lane names are 13 px and stream names 14.5 px, stepped down to 84 % at most for a name of
# more than six lines; counts and tags are smaller
NAME_MIN_SIZE = 13.0 * SMALLEST


def _font() -> QFont:
    font = QFont("DejaVu Sans")
    font.setPixelSize(round(LABEL_PX))
    font.setBold(True)
    return font


def name_lines(group: Group) -> list[Text]:
    """The name of a lane or stream label: its big bold text lines."""
    return [p for p in group.items if isinstance(p, Text) and p.bold and p.size >= NAME_MIN_SIZE]


def needs_clamp(group: Group, scale: float, min_text_px: float) -> bool:
    """True when the level of detail would hide this header's name."""
    if group.kind not in ("lane", "row"):
        return False
    names = name_lines(group)
    return bool(names) and names[0].size * scale < min_text_px


def _area(group: Group, first: Text) -> QRectF:
    """Local box the name may use: the header tile of a lane, the label of a stream."""
    x, y, w, h = group.bounds
    inset = max(first.x - x, 2.0)
    top = first.y - first.size
    bottom = lane_header_height(group) if group.kind == "lane" else y + h - inset
    return QRectF(x + inset, top, max(w - 2 * inset, 1.0), max(bottom - top, 1.0))


def paint_clamped_name(painter: QPainter, group: Group) -> None:
    """Draw the header's name at LABEL_PX on screen, whatever the zoom."""
    names = name_lines(group)
    if not names:
        return
    device = painter.worldTransform().mapRect(_area(group, names[0]))
    if device.width() < text_width("M" * MIN_CHARS, LABEL_PX, True):
        return
    font = _font()
    metrics = QFontMetricsF(font)  # the line height and baseline of the font drawn with
    height = metrics.lineSpacing()
    count = 1 if group.kind == "lane" else max(1, int(device.height() // height))
    lines = wrap(" ".join(t.text for t in names), LABEL_PX, True, device.width(), count)
    painter.save()
    painter.resetTransform()
    painter.setFont(font)
    painter.setPen(QColor(names[0].color))
    y = device.top() + metrics.ascent()
    for line in lines:
        painter.drawText(QPointF(device.left(), y), line)
        y += height
    painter.restore()
