"""The scene presentation mode shows: one slide's drawing, themed, dimmed and called out.

It is read-only and separate from the editor's scene, so presenting never disturbs the
editor's selection, zoom or items, and a dark theme never leaks into the editor.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from vscdesk.canvas.glide import Glide, ghost_of, snapshot
from vscdesk.canvas.items import GroupItem
from vscdesk.render.slide_picture import SlidePicture

ROOM = 4000.0  # scene space around the drawing, so any framing can be centred


class PresentationScene(QGraphicsScene):
    """Holds the items of the slide on screen; nothing in it can be selected or moved."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items_by_key: dict[str, GroupItem] = {}
        self.picture: SlidePicture | None = None

    def show_picture(self, picture: SlidePicture, glide: Glide | None = None,
                     on_frame: Callable[[float], None] | None = None) -> None:
        """Bring the items to ``picture``: same keys are reused, so a glide can move them."""
        before = snapshot(self.items_by_key)
        wanted = {g.key: g for g in picture.drawing.groups}
        for key in [k for k in self.items_by_key if k not in wanted]:
            self.removeItem(self.items_by_key.pop(key))
        for key, group in wanted.items():
            item = self.items_by_key.get(key)
            if item is None:
                item = ghost_of(group)  # nothing on a slide is clicked, selected or moved
                self.items_by_key[key] = item
                self.addItem(item)
            else:
                item.sync(group)
        d = picture.drawing
        self.setSceneRect(QRectF(-ROOM, -ROOM, d.width + 2 * ROOM, d.height + 2 * ROOM))
        self.picture = picture
        if glide is not None:
            glide.start(self, before, self.items_by_key, picture.opacity, on_frame)
            return
        for key, item in self.items_by_key.items():
            item.setPos(item.group.x, item.group.y)
            item.setOpacity(picture.opacity.get(key, 1.0))
