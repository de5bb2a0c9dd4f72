"""One graphics item per display-list group: dumb, it only syncs and paints."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from vscdesk.paint.painter import StripIndex, paint_group, paint_silhouette, silhouette_fill
from vscdesk.canvas.link_shape import link_shape
from vscdesk.paint.label_clamp import needs_clamp, paint_clamped_name
from vscdesk.paint.selection import (paint_header_picked, paint_link_selected,
                                     paint_stage_selected, stage_outline)
from vscdesk.render.primitives import Group

MIN_TEXT_PX = 4.0  # level of detail: text smaller than this on screen is not drawn (at 50 %
#                   the smallest text, 8.5 px tags and initials, still shows: 4.25 px)
MIN_DETAIL_PX = 8.0  # level of detail: a group smaller than this on screen is one rectangle
CULL_AT = 24  # groups of more primitives than this paint only those in the exposed area
SELECTION = QColor("#2B6CB0")  # not the accent: violet means only "return to an earlier activity"
SELECTABLE = {"stage", "link"}

_SELECTABLE_FLAGS = (QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
                     | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable)


class GroupItem(QGraphicsItem):
    """Draws one group (a card, a lane, an arrow...) and knows which model object it shows."""

    #: the display-list group drawn. It hides QGraphicsItem.group() (item groups), which
    #: vscdesk never uses; the name stays because every part of the canvas reads it.
    group: Group  # type: ignore[assignment]

    def __init__(self, group: Group) -> None:
        super().__init__()
        self._set_group(group)
        self._set_rect(group.bounds)
        if group.kind in SELECTABLE:
            self.setFlags(_SELECTABLE_FLAGS)
        self.setPos(group.x, group.y)
        if group.z:  # 0 is Qt's default: one call less for most of 20,000 new items
            self.setZValue(group.z)

    #: a header (stream label, lane header, title) the user picked: drawn with a ring
    picked = False

    def set_picked(self, picked: bool) -> None:
        if picked != self.picked:
            self.picked = picked
            self.update()

    @property
    def key(self) -> str:
        return self.group.key

    @property
    def ref(self) -> str | None:
        return self.group.ref

    def sync(self, group: Group) -> None:
        """Show a new version of the group; only what differs is touched."""
        if group == self.group:
            return
        if group.bounds != self.group.bounds:
            self.prepareGeometryChange()
            self._set_rect(group.bounds)
        if (group.x, group.y) != (self.group.x, self.group.y):
            self.setPos(group.x, group.y)
        if group.z != self.group.z:
            self.setZValue(group.z)
        self._set_group(group)
        self.update()

    def _set_group(self, group: Group) -> None:
        self.group = group
        self._fill: str | None = ""  # its silhouette colour, found when first needed
        self._strips: StripIndex | None = None  # for culled painting, made when first needed
        # A group of many shapes (a lane with a band per stream) paints only what is exposed.
        cull = len(group.items) > CULL_AT
        if cull != getattr(self, "_cull", False):  # one Qt call less per new item
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, cull)
        self._cull = cull

    def _set_rect(self, bounds: tuple[float, float, float, float]) -> None:
        # Qt asks for the bounding rect several times per paint: computed once per change.
        x, y, w, h = bounds
        self._bounds = QRectF(x - 3, y - 3, w + 6, h + 6)
        self._extent = max(w, h)
        self._exact: QRectF | None = None

    @property
    def _rect(self) -> QRectF:
        """The group's own bounds (without the margin for strokes), made when first needed."""
        if self._exact is None:
            self._exact = QRectF(*self.group.bounds)
        return self._exact

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        if self.group.kind == "link":
            return link_shape(self.group)
        if self.group.kind == "stage":
            return stage_outline(self.group)
        path = QPainterPath()
        path.addRect(self._rect)
        return path

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem,
              widget: QWidget | None = None) -> None:
        scale = option.levelOfDetailFromTransform(painter.worldTransform())
        if self._extent * scale < MIN_DETAIL_PX:  # zoomed far out: shapes that cannot be seen
            if self._fill == "":
                self._fill = silhouette_fill(self.group)
            paint_silhouette(painter, self.group, self._fill, self._rect)
        elif self._cull:
            r = option.exposedRect
            if self._strips is None:
                self._strips = StripIndex(self.group.items)
            paint_group(painter, self.group, MIN_TEXT_PX, scale,
                        visible=(r.left(), r.top(), r.right(), r.bottom()), index=self._strips)
        else:
            paint_group(painter, self.group, MIN_TEXT_PX, scale)
        if needs_clamp(self.group, scale, MIN_TEXT_PX):
            paint_clamped_name(painter, self.group)  # lane and stream names stay readable
        # isSelected() rather than option.state flags: Python enum arithmetic on every paint
        # of 20,000 items cost more than the drawing.
        if self.isSelected() and self.group.kind == "link":
            paint_link_selected(painter, self.group, SELECTION)
        elif self.isSelected():
            paint_stage_selected(painter, self.group, SELECTION)
        elif self.picked:
            paint_header_picked(painter, self.group, SELECTION)
