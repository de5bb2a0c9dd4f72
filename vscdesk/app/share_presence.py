"""Who else is in the workshop: rings in their colour around the stages they have selected,
and a list of the participants (View ▸ Participants)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPen
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

#: participants' colours: distinct on light and dark themes, none the accent blue of selection
PALETTE = ("#e4572e", "#17a398", "#f3a712", "#a23b72", "#3bb273", "#7768ae", "#e15554",
           "#4d9de0")
RING_Z = 1000.0


def colour_of(state: dict[str, Any]) -> QColor:
    colour = QColor(str(state.get("color", "")))
    return colour if colour.isValid() else QColor(PALETTE[0])


def name_of(state: dict[str, Any]) -> str:
    name = state.get("name")
    return name[:40] if isinstance(name, str) and name.strip() else "Someone"


class PresenceRings:
    """Rings on a scene for the stages others have selected (redrawn after each rebuild)."""

    def __init__(self, scene: Any) -> None:
        self.scene = scene
        self.peers: list[dict[str, Any]] = []
        self.items: list[QGraphicsItem] = []
        scene.rebuilt.connect(self.draw)

    def show(self, peers: list[dict[str, Any]]) -> None:
        self.peers = [peer for peer in peers if not peer.get("me")]
        self.draw()

    def clear(self) -> None:
        scene: QGraphicsScene = self.scene
        for item in self.items:
            if item.scene() is scene:
                scene.removeItem(item)
        self.items = []

    def draw(self) -> None:
        self.clear()
        taken: dict[str, int] = {}  # stage -> rings already around it (nest, not overlap)
        label_x: dict[str, float] = {}  # stage -> where the next name goes (side by side)
        for peer in self.peers:
            selection = peer.get("selection")
            if not isinstance(selection, list):
                continue
            colour = colour_of(peer)
            for stage_id in selection[:500]:
                item = self.scene.item_for(stage_id) if isinstance(stage_id, str) else None
                if item is None:
                    continue
                inset = 3 + 4 * taken.get(stage_id, 0)
                taken[stage_id] = taken.get(stage_id, 0) + 1
                rect = item.sceneBoundingRect().adjusted(-inset, -inset, inset, inset)
                x = label_x.get(stage_id, item.sceneBoundingRect().left() - 3)
                label_x[stage_id] = self._ring(rect, colour, name_of(peer), x)

    def _ring(self, rect: Any, colour: QColor, name: str, x: float) -> float:
        """One ring with its name above it at ``x``; returns where a next name may start."""
        ring = QGraphicsRectItem(rect)
        pen = QPen(colour, 2.5)
        pen.setCosmetic(True)
        ring.setPen(pen)
        ring.setBrush(Qt.BrushStyle.NoBrush)
        ring.setZValue(RING_Z)
        ring.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        ring.setToolTip(f"{name} has this selected")
        label = QGraphicsSimpleTextItem(name, ring)
        font = QFont()
        font.setPointSizeF(8.5)
        font.setBold(True)
        label.setFont(font)
        label.setBrush(QBrush(colour))
        label.setPos(x, rect.top() - label.boundingRect().height())
        self.scene.addItem(ring)
        self.items.append(ring)
        return x + label.boundingRect().width() + 6


class ParticipantsDock(QDockWidget):
    """The list of who is connected, each in their colour; you are marked."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__("Participants", parent)
        self.setObjectName("workshop_participants")
        self.list = QListWidget(self)
        self.list.setObjectName("participants_list")
        self.setWidget(self.list)

    def show_peers(self, peers: list[dict[str, Any]]) -> None:
        self.list.clear()
        for peer in sorted(peers, key=lambda p: (not p.get("me"), name_of(p).lower())):
            text = f"● {name_of(peer)}" + (" (you)" if peer.get("me") else "")
            selection = peer.get("selection")
            if isinstance(selection, list) and selection:
                text += f" — {len(selection)} selected"
            item = QListWidgetItem(text)
            item.setForeground(colour_of(peer))
            self.list.addItem(item)
