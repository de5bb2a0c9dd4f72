"""A press while the view switch glides lands on nothing: items are in flight, ghosts among them."""

from PySide6.QtCore import QPointF, Qt

from vscdesk.app.main_window import MainWindow
from vscdesk.app.view_actions import ANIMATE_KEY, settings
from vscdesk.canvas.glide import ghost_of
from vscdesk.canvas.interaction import Target, target_at
from vscdesk.canvas.items import GroupItem
from vscdesk.canvas.transition import ViewTransition
from vscdesk.storage import load


def test_a_press_during_the_view_glide_selects_and_moves_nothing(qtbot, example_file):
    settings().setValue(ANIMATE_KEY, True)
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_model(load(example_file), None, "IT services (example)")
    window.show()
    qtbot.waitExposed(window)
    transition = window.findChild(ViewTransition)
    scene, view = window.scene, window.view
    transition.run("stream", animate=True)
    assert transition.is_running()
    transition.glide.frame(0.3)
    ghosts = [i for i in scene.items() if isinstance(i, GroupItem)
              and i.group.kind == "stage" and scene.items_by_key.get(i.key) is not i]
    assert ghosts, "the glide shows fading copies of the cards"
    at = view.mapFromScene(ghosts[0].sceneBoundingRect().center())
    count = window.document.undo_stack.count()
    viewport = view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=at)
    qtbot.mouseMove(viewport, at + at / 4)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=at + at / 4)
    assert window.selection.stage_ids == ()
    assert scene.selectedItems() == []
    assert window.document.undo_stack.count() == count
    transition.glide.finish()
    settings().setValue(ANIMATE_KEY, False)


def test_a_ghost_card_is_never_a_press_target(qtbot, example_file):
    from vscdesk.canvas.scene import DiagramScene
    from vscdesk.document import Document

    scene = DiagramScene(Document(load(example_file)))
    ghost = ghost_of(scene.items_by_key["stage:approve"].group)
    ghost.setPos(-500, -500)  # alone, away from the drawing
    scene.addItem(ghost)
    assert target_at(scene, QPointF(-500 + 20, -500 + 20)) == Target("")
    real = scene.items_by_key["stage:approve"].sceneBoundingRect().center()
    assert target_at(scene, real) == Target("stage", "approve")
