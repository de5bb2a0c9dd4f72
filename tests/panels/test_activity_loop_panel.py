"""Activity loop panel: the picture selects stages and follows the selection; the route is
edited here (reorder, change a step's activity, insert a step) one command at a time."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.panels.conftest import pick, type_into
from vscdesk.panels.loop_view import disc_centre
from tests.windows import open_panel

RESTORE = ["report-problem", "diagnose-fix", "confirm-user", "review-root-cause"]


@pytest.fixture
def panel(window):
    return open_panel(window, "activity_loop", [], "restore-service")


def route(window, stream="restore-service"):
    return [s.id for s in window.document.stream(stream).stages]


def click_step(qtbot, panel, stage_id):
    group = next(g for g in panel.view.step_groups() if g.key == f"loop-step:{stage_id}")
    x, y = disc_centre(group)
    point = panel.view.to_widget(x, y).toPoint()
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=point)


def test_visits_and_loops_are_listed(panel, window):
    assert route(window) == RESTORE
    text = panel.facts.text()
    assert "Engage ×2" in text and "Deliver &amp; support ×1" in text and "Improve ×1" in text
    assert "step 3 “Confirm with the user”: Deliver &amp; support → Engage" in text
    window.selection.set([], "fulfil-request")
    assert panel.picker.currentText() == "Fulfil a service request"
    assert panel.route.steps.count() == 5


def test_clicking_a_step_selects_its_stage_on_the_canvas_and_back(window, panel, qtbot):
    click_step(qtbot, panel, "confirm-user")
    assert window.selection.stage_ids == ("confirm-user",)
    assert window.scene.items_by_key["stage:confirm-user"].isSelected()
    assert panel.route.steps.item(2).isSelected()
    assert panel.view.selected == {"confirm-user"}
    # and back: a selection made elsewhere (the canvas) shows in the panel
    window.scene.clearSelection()
    window.scene.items_by_key["stage:diagnose-fix"].setSelected(True)
    assert window.selection.stage_ids == ("diagnose-fix",)
    assert panel.view.selected == {"diagnose-fix"}
    assert [i.data(Qt.ItemDataRole.UserRole) for i in panel.route.steps.selectedItems()] == [
        "diagnose-fix"]


def test_clicking_an_activity_selects_its_stages(window, panel, qtbot):
    node = next(g for g in panel.view.drawing.groups if g.key == "loop-node:engage")
    _bx, _by, bw, bh = node.bounds
    point = panel.view.to_widget(node.x + bw / 2, node.y + bh / 2).toPoint()
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=point)
    assert window.selection.stage_ids == ("report-problem", "confirm-user")


def test_clicking_empty_space_selects_nothing(window, panel, qtbot):
    qtbot.mouseClick(panel.view, Qt.MouseButton.LeftButton, pos=QPoint(3, 3))
    assert window.selection.stage_ids == ()


def test_reorder_by_keyboard_is_one_move(window, panel, stack, qtbot):
    click_step(qtbot, panel, "diagnose-fix")
    steps = panel.route.steps
    steps.setFocus()
    before = stack.count()
    qtbot.keyClick(steps, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert route(window) == ["report-problem", "confirm-user", "diagnose-fix", "review-root-cause"]
    assert stack.count() == before + 1
    assert "3. " in steps.item(2).text() and "Diagnose" in steps.item(2).text()
    assert "loop-back" in panel.counts.text()
    stack.undo()
    assert route(window) == RESTORE
    assert "Diagnose" in steps.item(1).text()


def test_a_drop_in_the_list_moves_the_stage(window, panel, stack):
    before = stack.count()
    steps = panel.route.steps
    # what QListWidget does on an internal drop: move the row, which emits rowsMoved
    steps.model().moveRow(steps.rootIndex(), 3, steps.rootIndex(), 0)
    assert route(window) == ["review-root-cause", *RESTORE[:3]]
    assert stack.count() == before + 1
    assert "1. " in steps.item(0).text() and "Review" in steps.item(0).text()


def test_change_the_activity_of_a_step(window, panel, stack, qtbot):
    click_step(qtbot, panel, "confirm-user")
    before = stack.count()
    pick(qtbot, panel.route.activity, "Deliver & support")
    assert window.document.stage("confirm-user").lane == "deliver-support"
    assert stack.count() == before + 1
    assert "Engage ×1" in panel.facts.text() and "Deliver &amp; support ×1" in panel.facts.text()
    stack.undo()
    assert panel.route.activity.currentText() == "Engage"


def test_insert_a_step_that_visits_an_activity(window, panel, stack, qtbot):
    click_step(qtbot, panel, "diagnose-fix")
    pick(qtbot, panel.route.new_lane, "Improve")
    before = stack.count()
    type_into(qtbot, panel.route.new_name, "Write the workaround")
    ids = route(window)
    assert len(ids) == 5 and ids[2] not in RESTORE
    new = window.document.stage(ids[2])
    assert (new.name, new.lane) == ("Write the workaround", "improve")
    assert stack.count() == before + 1
    assert window.selection.stage_ids == (ids[2],)
    assert f"stage:{ids[2]}" in window.scene.items_by_key
    assert "Improve ×2" in panel.facts.text()
    stack.undo()
    assert route(window) == RESTORE and panel.route.steps.count() == 4
