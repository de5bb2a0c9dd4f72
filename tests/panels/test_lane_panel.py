"""Lane panel: the picked lane's name, colour (palette first), description, place and
deletion, each one command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.panels.conftest import type_into
from vscdesk.app import dialogs
from vscdesk.panels import questions
from vscdesk.render.palette import LANE_INKS
from tests.windows import open_lane_panel


@pytest.fixture
def panel(window):
    return open_lane_panel(window, "engage")


def lane(window, ident="engage"):
    return window.document.lane(ident)


def test_follows_the_picked_lane_and_the_selected_stage(window, panel):
    assert panel.picker.currentText() == lane(window).name
    assert panel.name.text() == lane(window).name
    assert "stages in this lane" in panel.stages.text()
    window.selection.set(["approve"], "fulfil-request")
    assert panel.name.text() == lane(window, window.document.stage("approve").lane).name


def test_rename_and_description_are_one_step_each(window, panel, stack, qtbot):
    before = stack.count()
    type_into(qtbot, panel.name, "Engage customers")
    panel.description.setFocus()
    panel.description.selectAll()
    qtbot.keyClicks(panel.description, "Talks to users")
    qtbot.keyClick(panel.description, Qt.Key.Key_Tab)
    assert (lane(window).name, lane(window).description) == ("Engage customers", "Talks to users")
    assert stack.count() == before + 2
    assert window.scene.items_by_key["lane:engage"].group.items[-2].text == "Engage customers"
    stack.undo()
    stack.undo()
    assert panel.name.text() != "Engage customers"


def test_palette_colours_come_first_and_a_click_sets_one(window, panel, stack, qtbot):
    assert list(panel.color.swatches) == list(LANE_INKS)
    target = next(c for c in LANE_INKS if c != lane(window).color.upper())
    qtbot.mouseClick(panel.color.swatches[target], Qt.MouseButton.LeftButton)
    assert lane(window).color.upper() == target and stack.count() == 1
    assert panel.color.swatches[target].isChecked()
    qtbot.mouseClick(panel.color.swatches[target], Qt.MouseButton.LeftButton)  # same: no step
    assert stack.count() == 1
    stack.undo()
    assert not panel.color.swatches[target].isChecked()


def test_other_colour_asks(window, panel, stack, qtbot, monkeypatch):
    monkeypatch.setattr(questions, "ask_color", lambda *args: "#AA3366")
    qtbot.mouseClick(panel.color.other, Qt.MouseButton.LeftButton)
    assert lane(window).color == "#AA3366" and panel.color.code.text() == "#AA3366"
    monkeypatch.setattr(questions, "ask_color", lambda *args: None)  # cancelled
    qtbot.mouseClick(panel.color.other, Qt.MouseButton.LeftButton)
    assert lane(window).color == "#AA3366" and stack.count() == 1


def test_move_buttons_and_delete_asks_where_the_stages_go(window, panel, stack, qtbot,
                                                          monkeypatch):
    doc = window.document
    qtbot.mouseClick(panel.left_button, Qt.MouseButton.LeftButton)
    assert [x.id for x in doc.model.chain.lanes][1] == "engage"
    qtbot.mouseClick(panel.right_button, Qt.MouseButton.LeftButton)
    assert [x.id for x in doc.model.chain.lanes][2] == "engage"
    engage = [s.id for s in doc.stages() if s.lane == "engage"]
    monkeypatch.setattr(dialogs, "ask_lane_stages", lambda *a: (True, "plan"))
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "engage" not in doc and all(doc.stage(s).lane == "plan" for s in engage)
    assert panel.name.text() == doc.model.chain.lanes[0].name  # shows another lane now
    stack.undo()
    assert "engage" in doc and all(doc.stage(s).lane == "engage" for s in engage)


def test_a_blank_name_is_refused_inline(window, panel, stack, qtbot):
    type_into(qtbot, panel.name, "   ")
    assert not panel.errors.isHidden() and stack.count() == 0
