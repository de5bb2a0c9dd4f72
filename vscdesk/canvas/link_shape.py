"""How a link item is hit: along its line and label, not its whole box.

A link's bounding box can cover half the diagram; clicks inside it but away from the line
must still reach the cards and lanes underneath. (How a selected link is drawn:
paint/selection.py.)
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker

from vscdesk.paint.painter import qpath
from vscdesk.render.primitives import Group, Path, Rect

HIT_WIDTH = 10.0


@lru_cache(maxsize=2048)
def link_shape(group: Group) -> QPainterPath:
    """The line widened to a comfortable click target, plus the label pill."""
    stroker = QPainterPathStroker()
    stroker.setWidth(HIT_WIDTH)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    shape = QPainterPath()
    shape.setFillRule(Qt.FillRule.WindingFill)
    for p in group.items:
        if isinstance(p, Path) and p.stroke is not None:
            shape.addPath(stroker.createStroke(qpath(p)))
            break  # the halo and the line share one route
    for p in group.items:
        if isinstance(p, Rect):
            shape.addRoundedRect(QRectF(p.x, p.y, p.w, p.h), p.radius, p.radius)
    return shape
