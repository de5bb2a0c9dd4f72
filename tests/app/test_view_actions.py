"""View ▸ Chain view / Stream view, Ctrl+T and the toolbar switch the window's canvas."""

import subprocess
import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton

from vscdesk.app.view_actions import ANIMATE_KEY, settings
from vscdesk.render.pages import view_drawing
from vscdesk.canvas.transition import ViewTransition


@pytest.fixture
def window(make_window):
    settings().setValue(ANIMATE_KEY, False)  # the glide has its own tests; here: the wiring
    win = make_window()
    win.activateWindow()
    return win


def _stage_keys(window):
    return {k for k in window.scene.items_by_key if k.startswith("stage:")}


def test_ctrl_t_toggles_between_the_views_and_keeps_the_selection(window, qtbot):
    window.scene.items_by_key["stage:approve"].setSelected(True)
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.view == "stream"
    assert window.actions["stream_view"].isChecked()
    assert not window.actions["chain_view"].isChecked()
    assert window.scene.selected_stage_ids() == ["approve"]
    assert window.selection.stage_ids == ("approve",)
    keys = {g.key for g in view_drawing(window.document.model, "stream").groups}
    assert set(window.scene.items_by_key) == keys
    qtbot.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert window.scene.view == "chain"
    assert window.actions["chain_view"].isChecked()
    assert window.scene.selected_stage_ids() == ["approve"]


def test_the_toolbar_buttons_switch_views(window, qtbot):
    bar = window.findChild(QToolBar, "view_toolbar")
    assert bar is not None and bar.isVisible()
    button = bar.widgetForAction(window.actions["stream_view"])
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert window.scene.view == "stream"
    assert "lane-key" in window.scene.items_by_key  # only the stream view has the lane key
    qtbot.mouseClick(bar.widgetForAction(window.actions["chain_view"]), Qt.MouseButton.LeftButton)
    assert window.scene.view == "chain"
    assert "lane-key" not in window.scene.items_by_key


def test_view_menu_lists_the_checkable_pair(window):
    texts = [a.text() for a in window.menus["view"].actions()]
    assert "&Chain view" in texts and "&Stream view" in texts
    assert window.actions["toggle_view"].shortcut().toString() == "Ctrl+T"
    assert window.actions["chain_view"].isChecked()


def test_animation_setting_is_remembered_and_used(window, qtbot):
    assert not window.actions["animate_views"].isChecked()
    window.actions["animate_views"].trigger()
    assert settings().value(ANIMATE_KEY) in (True, "true")
    transition = window.findChild(ViewTransition)
    with qtbot.waitSignal(transition.finished, timeout=5000):
        window.actions["toggle_view"].trigger()
        assert transition.is_running()  # animated: still gliding right after the trigger
    assert _stage_keys(window) == {f"stage:{s.id}" for st in window.document.model.streams
                                   for s in st.stages}


def test_export_stream_view_renders_stage_names(example_file, example_data, tmp_path):
    out = tmp_path / "stream.svg"
    result = subprocess.run([sys.executable, "-m", "vscdesk", "export", str(example_file), "-o",
                             str(out), "--view", "stream"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    svg = out.read_text(encoding="utf-8")
    assert "value streams end to end" in svg
    for stream in example_data["streams"]:
        assert stream["name"] in svg
        for stage in stream["stages"]:
            # long names wrap over two lines in a chevron: every word is there
            assert all(word in svg for word in stage["name"].split()), stage["name"]
