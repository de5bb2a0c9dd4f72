"""Lane headers and stream labels that stay on screen while the chain view scrolls.

When the real headers scroll out of the viewport, copies of them are pinned to its top edge
(lanes) and left edge (streams), over a white strip, like frozen panes in a spreadsheet. The
copies are ordinary group items with the lane's or stream's id, so they can be dragged and
double-clicked like the headers they stand for.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsView
from shiboken6 import isValid

from vscdesk.canvas.items import GroupItem
from vscdesk.canvas.scene import DiagramScene
from vscdesk.layout import metrics as M
from vscdesk.render.chain import lane_header_height
from vscdesk.render.primitives import Group, Text

PIN_Z = 60.0  # strips and copies stack: top strip, lanes, left strip, streams, corner
INSET = 4.0  # pinned headers sit this far inside the viewport edge


def lane_header(group: Group) -> Group:
    """Only the header tile and its text of a lane group (which spans the whole column)."""
    header_h = lane_header_height(group)
    items = tuple(p for p in group.items
                  if (isinstance(p, Text) and p.y <= header_h)
                  or (not isinstance(p, Text) and getattr(p, "y", 1) == 0))
    return Group(f"pin-{group.key}", "lane", group.x, group.y,
                 (0, 0, group.bounds[2], header_h), items, PIN_Z + 1, group.ref)


def _slide_text(group: Group, visible_left: float) -> Group:
    """Keep a pinned lane's name in sight when the lane is partly scrolled off to the left."""
    texts = [p for p in group.items if isinstance(p, Text)]
    if not texts:
        return group
    home = M.LANE_INSET
    wanted = min(max(home, visible_left - group.x + home), group.bounds[2] - 110)
    shift = max(wanted, home) - texts[0].x
    if abs(shift) < 0.5:
        return group
    items = tuple(replace(p, x=p.x + shift) if isinstance(p, Text) else p for p in group.items)
    return replace(group, items=items)


def _strip() -> QGraphicsRectItem:
    item = QGraphicsRectItem()
    item.setBrush(QBrush(QColor("#FFFFFF")))
    item.setPen(QPen(Qt.PenStyle.NoPen))
    item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
    item.hide()
    return item


class PinnedHeaders(QObject):
    """Keeps pinned copies of the headers in step with the drawing and the scroll position."""

    def __init__(self, scene: DiagramScene, view: QGraphicsView) -> None:
        super().__init__(view)
        self.scene, self.view = scene, view
        self.lanes: list[GroupItem] = []
        self.rows: list[GroupItem] = []
        self.top_strip, self.left_strip, self.corner = _strip(), _strip(), _strip()
        for z, item in ((PIN_Z, self.top_strip), (PIN_Z + 2, self.left_strip),
                        (PIN_Z + 4, self.corner)):
            item.setZValue(z)
            scene.addItem(item)
        view.horizontalScrollBar().valueChanged.connect(self.place)
        view.verticalScrollBar().valueChanged.connect(self.place)
        view.horizontalScrollBar().rangeChanged.connect(self.place)
        view.verticalScrollBar().rangeChanged.connect(self.place)
        # A zoom moves the scroll bars; a resize may not (a diagram that fits across stays at
        # 0..0), yet the strips must span the new viewport.
        view.viewport().installEventFilter(self)
        scene.rebuilt.connect(self.refresh)
        scene.selection.changed.connect(self._follow_pick)
        self.refresh()

    def _follow_pick(self) -> None:
        """A picked lane header or stream label is ringed on its pinned copy too (the one the
        user clicked, when the original is scrolled under it)."""
        header = self.scene.selection.header
        keys = {"lane": "pin-lane:{}", "stream": "pin-row:{}"}
        picked = keys[header[0]].format(header[1]) if header and header[0] in keys else None
        for item in self.lanes + self.rows:
            item.set_picked(item.group.key == picked)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.place()
        return False

    def refresh(self) -> None:
        """Copy the current headers (after any edit or view change)."""
        if not self._alive():
            return
        if self._refresh_changed_rows():
            return
        for item in self.lanes + self.rows:
            self.scene.removeItem(item)
        self.lanes, self.rows = [], []
        if self.scene.view == "chain":
            for key, item in self.scene.items_by_key.items():
                if key.startswith("lane:"):
                    self.lanes.append(GroupItem(lane_header(item.group)))
                elif key.startswith("row:"):
                    group = item.group
                    self.rows.append(GroupItem(Group(
                        f"pin-{key}", "row", group.x, group.y, group.bounds, group.items,
                        PIN_Z + 3, group.ref)))
        for item in self.lanes + self.rows:
            item.hide()
            self.scene.addItem(item)
        self._follow_pick()
        self.place()

    def _refresh_changed_rows(self) -> bool:
        """After an in-place edit only the edited stream's label can differ: update that copy
        instead of rebuilding every pin (which walked all 20,000 items of a large map)."""
        changed = self.scene.changed_keys
        if changed is None or self.scene.view != "chain":
            return False
        pins = {item.group.key: item for item in self.rows}
        for key in changed:
            pin = pins.get(f"pin-{key}")
            if pin is not None:
                group = self.scene.items_by_key[key].group
                pin.sync(Group(pin.group.key, "row", group.x, group.y, group.bounds, group.items,
                               PIN_Z + 3, group.ref))
                if getattr(self, "_row_left", None) is None:
                    self.place()
                else:  # where place() last put the pinned labels; the others stay as they are
                    pin.setVisible(self._pin_left)
                    pin.setPos(self._row_left, pin.group.y)
        return True

    def _alive(self) -> bool:
        """False while the scene is being torn down (its items go before the view lets go)."""
        return all(isValid(i) for i in (self.top_strip, *self.lanes[:1], *self.rows[:1]))

    def place(self) -> None:
        """Show the pinned copies whose originals have scrolled out of sight."""
        if not self._alive():
            return
        seen = self.view.mapToScene(self.view.viewport().rect()).boundingRect()
        pin_top = bool(self.lanes) and seen.top() > self.lanes[0].group.y - INSET
        pin_left = bool(self.rows) and seen.left() > M.MARGIN - INSET
        top, left = seen.top() + INSET, seen.left() + INSET
        text_left = seen.left() + (M.ROW_HEADER_W + INSET + M.GUTTER if pin_left else 0)
        for item in self.lanes:
            item.setVisible(pin_top)
            if pin_top:
                item.sync(_slide_text(item.group, text_left))
                item.setPos(item.group.x, top)
        for item in self.rows:
            item.setVisible(pin_left)
            item.setPos(left, item.group.y)
        self._row_left, self._pin_left = left, pin_left
        header_h = lane_header_height(self.lanes[0].group) if self.lanes else M.HEADER_H
        strip_h = header_h + INSET + M.GUTTER
        strip_w = M.ROW_HEADER_W + INSET + M.GUTTER
        self.top_strip.setRect(QRectF(seen.left(), seen.top(), seen.width(), strip_h))
        self.top_strip.setVisible(pin_top)
        self.left_strip.setRect(QRectF(seen.left(), seen.top(), strip_w, seen.height()))
        self.left_strip.setVisible(pin_left)
        self.corner.setRect(QRectF(seen.left(), seen.top(), strip_w, strip_h))
        self.corner.setVisible(pin_top and pin_left)
