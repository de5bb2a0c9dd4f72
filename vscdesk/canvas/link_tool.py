"""Drawing a link: Shift-drag from a card (or any drag in link mode) to another card.

While dragging, a dashed line follows the pointer from the source card; releasing over another
stage adds a link of the current default kind, releasing anywhere else adds nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from vscdesk.canvas.drag import INDICATOR_Z
from vscdesk.canvas.items import SELECTION
from vscdesk.canvas.scene import DiagramScene


class LinkDrag:
    """One link being drawn from ``source``; ``finish`` names the target stage (or None)."""

    def __init__(self, scene: DiagramScene, source: str) -> None:
        self.scene = scene
        self.source = source
        item = scene.item_for(source)
        self.origin = item.sceneBoundingRect().center() if item is not None else QPointF()
        pen = QPen(SELECTION, 2.0, Qt.PenStyle.DashLine)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        self.line = QGraphicsLineItem(QLineF(self.origin, self.origin))
        self.line.setPen(pen)
        self.line.setZValue(INDICATOR_Z)
        self.line.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        scene.addItem(self.line)

    def move(self, pos: QPointF) -> None:
        self.line.setLine(QLineF(self.origin, pos))

    def finish(self, target: str | None) -> str | None:
        """Remove the rubber line; the target stage if it is another stage."""
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)
        if target is None or target == self.source or target not in self.scene.document:
            return None
        return target
