"""The chain <-> stream glide: ends on exactly the target drawing, keeps selection and focus."""

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QGraphicsView

from vscdesk.canvas.scene import DiagramScene
from vscdesk.render.pages import view_drawing
from vscdesk.canvas.transition import ViewTransition, scene_centre
from vscdesk.canvas.view import DiagramView
from vscdesk.document import Document, SetStageFields
from vscdesk.storage import load


@pytest.fixture
def shown(qtbot, example_file):
    doc = Document(load(example_file))
    scene = DiagramScene(doc)
    view = DiagramView(scene)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitExposed(view)
    return scene, view, ViewTransition(scene, view)


def _assert_is_drawing_of(scene, view_kind):
    """The scene holds one item per group of the target drawing, where the drawing puts it."""
    target = view_drawing(scene.document.model, view_kind)
    assert set(scene.items_by_key) == {g.key for g in target.groups}
    top_level = [i for i in scene.items() if i.parentItem() is None]
    assert len(top_level) == len(target.groups)  # no ghost left behind
    for group in target.groups:
        item = scene.items_by_key[group.key]
        assert item.pos().x() == pytest.approx(group.x) and item.pos().y() == pytest.approx(group.y)
        assert item.opacity() == 1.0
        assert item.group == group


def test_animated_toggle_ends_on_the_stream_drawing(shown, qtbot):
    scene, _view, transition = shown
    with qtbot.waitSignal(transition.finished, timeout=5000):
        transition.run("stream")
    assert scene.view == "stream"
    _assert_is_drawing_of(scene, "stream")
    with qtbot.waitSignal(transition.finished, timeout=5000):
        transition.run("chain")
    _assert_is_drawing_of(scene, "chain")


def test_mid_glide_stages_are_between_their_two_places(shown, qtbot):
    scene, _view, transition = shown
    chain = {g.key: g for g in scene.current_drawing().groups}
    stream = {g.key: g for g in view_drawing(scene.document.model, "stream").groups}
    transition.run("stream")
    assert transition.is_running()
    transition.glide.frame(0.5)  # the animation's own frame function, at half way
    item = scene.items_by_key["stage:approve"]
    middle = item.pos() + QPointF(stream["stage:approve"].bounds[2] / 2,
                                  stream["stage:approve"].bounds[3] / 2)
    expected = (scene_centre(chain["stage:approve"]) + scene_centre(stream["stage:approve"])) / 2
    assert abs(middle.x() - expected.x()) < 0.5 and abs(middle.y() - expected.y()) < 0.5
    lane_ghosts = [i for i in scene.items() if i not in scene.items_by_key.values()]
    assert lane_ghosts and all(0 < g.opacity() < 1 for g in lane_ghosts)
    with qtbot.waitSignal(transition.finished, timeout=5000):
        pass
    _assert_is_drawing_of(scene, "stream")


def test_selection_is_kept_across_the_toggle(shown, qtbot):
    scene, _view, transition = shown
    scene.items_by_key["stage:approve"].setSelected(True)
    scene.items_by_key["stage:operate"].setSelected(True)
    with qtbot.waitSignal(transition.finished, timeout=5000):
        transition.run("stream")
    assert set(scene.selected_stage_ids()) == {"approve", "operate"}
    assert set(scene.selection.stage_ids) == {"approve", "operate"}


def test_the_selected_stage_stays_under_the_same_viewport_point(shown, qtbot):
    scene, view, transition = shown
    view.set_zoom(1.5)
    item = scene.items_by_key["stage:approve"]
    view.centerOn(scene_centre(item.group))
    item.setSelected(True)
    before = view.mapFromScene(scene_centre(item.group))
    transition.run("stream", animate=False)
    after = view.mapFromScene(scene_centre(scene.items_by_key["stage:approve"].group))
    assert (after - before).manhattanLength() <= 2
    assert view.zoom() == pytest.approx(1.5)


def test_without_selection_the_stage_nearest_the_middle_is_kept_in_place(shown, qtbot):
    scene, view, transition = shown
    view.set_zoom(2.0)
    view.centerOn(scene_centre(scene.items_by_key["stage:confirm-receipt"].group) + QPointF(20, 10))
    before = view.mapFromScene(scene_centre(scene.items_by_key["stage:confirm-receipt"].group))
    with qtbot.waitSignal(transition.finished, timeout=5000):
        transition.run("stream")
    after = view.mapFromScene(scene_centre(scene.items_by_key["stage:confirm-receipt"].group))
    assert (after - before).manhattanLength() <= 2


def test_a_fitted_view_is_fitted_to_the_new_drawing(shown, qtbot):
    _scene, view, transition = shown
    view.fit()
    transition.run("stream", animate=False)
    rect = view.mapFromScene(view.sceneRect()).boundingRect()
    assert view.fitting
    assert rect.width() <= view.viewport().width() + 1
    assert rect.height() <= view.viewport().height() + 1


def test_an_edit_during_the_glide_lands_at_once_on_the_edited_drawing(shown, qtbot):
    scene, _view, transition = shown
    transition.run("stream")
    assert transition.is_running()
    with qtbot.waitSignal(transition.finished, timeout=5000):
        scene.document.push(SetStageFields(scene.document, "approve", name="Approve budget"))
    assert not transition.is_running()
    _assert_is_drawing_of(scene, "stream")


def test_works_without_a_view(qapp, example_file, qtbot):
    scene = DiagramScene(Document(load(example_file)))
    transition = ViewTransition(scene, None)
    with qtbot.waitSignal(transition.finished, timeout=5000):
        transition.run("stream")
    _assert_is_drawing_of(scene, "stream")
    assert isinstance(QGraphicsView(scene), QGraphicsView)
