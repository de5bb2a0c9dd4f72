"""The presentation window, driven with real key and mouse events."""

import pytest
from PySide6.QtCore import Qt

from vscdesk.canvas.presentation import PresentationWindow
from vscdesk.document import AddSlide, MoveSlide, SetStageFields
from vscdesk.render.primitives import Text
from vscdesk.render.theme import DARK_BACKGROUND


@pytest.fixture
def shown(qtbot, document):
    win = PresentationWindow(document)
    qtbot.addWidget(win)
    win.start(full_screen=True)
    qtbot.waitExposed(win)
    return win


def _press(qtbot, win, key):
    qtbot.keyClick(win.view, key)


def _callout_text(win):
    item = win.scene.items_by_key.get("callout")
    return "" if item is None else " ".join(p.text for p in item.group.items if isinstance(p, Text))


def test_starts_full_screen_on_the_whole_chain(shown):
    assert shown.isFullScreen()
    assert shown.index == 0
    assert "lane:engage" in shown.scene.items_by_key
    assert all(item.opacity() == 1.0 for item in shown.scene.items_by_key.values())


def test_keys_step_through_the_default_sequence(shown, qtbot):
    _press(qtbot, shown, Qt.Key.Key_Right)  # Restore service highlighted in the chain
    assert shown.index == 1 and shown.current().view == "chain"
    items = shown.scene.items_by_key
    assert items["stage:report-problem"].opacity() == 1.0
    assert items["stage:approve"].opacity() < 0.3
    _press(qtbot, shown, Qt.Key.Key_Space)  # its stream view
    assert "lane-key" in shown.scene.items_by_key
    assert "stage:approve" not in shown.scene.items_by_key
    _press(qtbot, shown, Qt.Key.Key_PageDown)  # first stage, with its callout
    assert "Report the problem" in _callout_text(shown)
    _press(qtbot, shown, Qt.Key.Key_Down)
    assert "Diagnose and fix" in _callout_text(shown)
    _press(qtbot, shown, Qt.Key.Key_Left)
    _press(qtbot, shown, Qt.Key.Key_PageUp)
    assert shown.index == 2 and "callout" not in shown.scene.items_by_key
    _press(qtbot, shown, Qt.Key.Key_End)
    assert shown.index == len(shown.slides) - 1
    assert "Review outcomes" in _callout_text(shown)
    _press(qtbot, shown, Qt.Key.Key_Right)  # past the end: stays on the last slide
    assert shown.index == len(shown.slides) - 1
    _press(qtbot, shown, Qt.Key.Key_Home)
    assert shown.index == 0


def test_a_click_steps_forward_and_a_right_click_back(shown, qtbot):
    qtbot.mouseClick(shown.view.viewport(), Qt.MouseButton.LeftButton)
    assert shown.index == 1
    qtbot.mouseClick(shown.view.viewport(), Qt.MouseButton.RightButton)
    assert shown.index == 0


def test_escape_leaves(shown, qtbot):
    with qtbot.waitSignal(shown.finished, timeout=2000) as blocker:
        _press(qtbot, shown, Qt.Key.Key_Right)
        _press(qtbot, shown, Qt.Key.Key_Escape)
    assert blocker.args == [1]
    assert not shown.isVisible()


def test_saved_slides_are_shown_in_their_order(qtbot, document):
    document.push(AddSlide(document, {"id": "one", "name": "Approve up close", "view": "stream",
                                      "stage": "approve", "zoom": 1.5}))
    document.push(AddSlide(document, {"id": "two", "name": "All of it", "view": "chain"}))
    document.push(MoveSlide(document, "two", 0))
    win = PresentationWindow(document)
    qtbot.addWidget(win)
    win.start(full_screen=False)
    assert [s.title for s in win.slides] == ["All of it", "Approve up close"]
    assert "callout" not in win.scene.items_by_key
    qtbot.keyClick(win.view, Qt.Key.Key_Right)
    assert "Approve" in _callout_text(win)
    assert win.view.transform().m11() > 0  # framed
    qtbot.keyClick(win.view, Qt.Key.Key_Right)
    assert win.index == 1


def test_t_switches_to_the_dark_theme(shown, qtbot):
    light_fill = shown.scene.items_by_key["lane:engage"].group.items[0].fill
    _press(qtbot, shown, Qt.Key.Key_T)
    assert shown.theme == "dark"
    assert shown.view.backgroundBrush().color().name().upper() == DARK_BACKGROUND
    dark_fill = shown.scene.items_by_key["lane:engage"].group.items[0].fill
    assert dark_fill != light_fill
    image = shown.grab().toImage()
    corner = image.pixelColor(5, 5)
    assert corner.lightness() < 40  # the screen is dark, not just the model


def test_an_edit_in_the_editor_shows_up_on_the_current_slide(shown, qtbot, document):
    _press(qtbot, shown, Qt.Key.Key_End)
    index = shown.index
    document.push(SetStageFields(document, "review-outcomes", name="Review the outcomes"))
    assert shown.index == index
    assert "Review the outcomes" in _callout_text(shown)


def test_the_counter_and_title_are_painted(shown, qtbot):
    """The footer strip is painted over the diagram: its pixels are not the canvas white."""
    _press(qtbot, shown, Qt.Key.Key_End)
    image = shown.grab().toImage()
    h, w = image.height(), image.width()
    dark_pixels = sum(1 for x in range(w - 120, w - 10) for y in range(h - 40, h - 5)
                      if image.pixelColor(x, y).lightness() < 160)
    assert dark_pixels > 20  # "22 / 22" drawn in the bottom right corner


def test_with_animation_the_slides_glide_and_land_exactly(qtbot, document):
    from vscdesk.render.slide_picture import slide_picture

    win = PresentationWindow(document, animate=True)
    qtbot.addWidget(win)
    win.start(full_screen=False)
    qtbot.waitExposed(win)
    for _ in range(3):  # chain -> chain with a stream highlighted -> that stream alone -> stage
        with qtbot.waitSignal(win.glide.finished, timeout=5000):
            qtbot.keyClick(win.view, Qt.Key.Key_Right)
            assert win.glide.is_running()
        picture = slide_picture(document.model, win.current())
        assert set(win.scene.items_by_key) == {g.key for g in picture.drawing.groups}
        assert len(win.scene.items()) == len(picture.drawing.groups)  # no ghosts left
        for group in picture.drawing.groups:
            item = win.scene.items_by_key[group.key]
            assert (item.pos().x(), item.pos().y()) == pytest.approx((group.x, group.y))
            assert item.opacity() == pytest.approx(picture.opacity[group.key])
    assert "callout" in win.scene.items_by_key


def test_a_key_during_a_glide_lands_it_and_moves_on(qtbot, document):
    win = PresentationWindow(document, animate=True)
    qtbot.addWidget(win)
    win.start(full_screen=False)
    qtbot.keyClick(win.view, Qt.Key.Key_Right)
    qtbot.keyClick(win.view, Qt.Key.Key_Right)  # before the first glide ended
    assert win.index == 2
    with qtbot.waitSignal(win.glide.finished, timeout=5000):
        pass
    assert "stage:approve" not in win.scene.items_by_key
