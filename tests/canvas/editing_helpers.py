"""A canvas with editing, and real mouse gestures on its viewport, for the editing tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt

from vscdesk.canvas.editing import CanvasEditing
from vscdesk.canvas.interaction import CanvasInteraction
from vscdesk.canvas.scene import DiagramScene
from vscdesk.canvas.view import DiagramView
from vscdesk.document import Document
from vscdesk.storage import load


@dataclass
class Canvas:
    doc: Document
    scene: DiagramScene
    view: DiagramView
    editing: CanvasEditing
    interaction: CanvasInteraction

    def at(self, x: float, y: float) -> QPoint:
        """The viewport point showing scene point (x, y)."""
        return self.view.mapFromScene(QPointF(x, y))

    def card_centre(self, stage_id: str) -> QPoint:
        rect = self.scene.item_for(stage_id).sceneBoundingRect()
        return self.at(rect.center().x(), rect.center().y())

    def drag(self, qtbot, start: QPoint, end: QPoint, modifier=Qt.KeyboardModifier.NoModifier,
             steps: int = 4) -> None:
        viewport = self.view.viewport()
        qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
        for k in range(1, steps + 1):
            p = start + (end - start) * (k / steps)
            qtbot.mouseMove(viewport, p)
        qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)

    def stack_count(self) -> int:
        return self.doc.undo_stack.count()


def make_canvas(qtbot, path, view: str = "chain") -> Canvas:
    doc = Document(load(path))
    scene = DiagramScene(doc, view=view)
    canvas_view = DiagramView(scene)
    qtbot.addWidget(canvas_view)
    canvas_view.resize(1300, 900)
    canvas_view.show()
    qtbot.waitExposed(canvas_view)
    canvas_view.set_zoom(0.8)
    editing = CanvasEditing(scene, canvas_view)
    interaction = CanvasInteraction(editing)
    canvas_view.setFocus()
    return Canvas(doc, scene, canvas_view, editing, interaction)


@pytest.fixture
def canvas(qtbot, example_file) -> Canvas:
    return make_canvas(qtbot, example_file)
