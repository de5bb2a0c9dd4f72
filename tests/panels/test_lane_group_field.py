"""The Lane panel's group row: a lane put into a group, taken out, a new group started with it,
its group renamed, marked as support and deleted, with real clicks; one undo step each, drawn
at once over the lanes, and undone back to the start."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.panels.conftest import pick
from vscdesk.panels import questions
from tests.windows import open_lane_panel


@pytest.fixture
def panel(window):
    return open_lane_panel(window, "engage")


def _labels(window) -> list[str]:
    group = window.scene.items_by_key.get("lane-groups")
    return [] if group is None else [p.text for p in group.group.items if hasattr(p, "text")]


def _show(window, panel, lane_id: str) -> None:
    window.selection.pick("lane", lane_id)
    assert panel.name.text() == window.document.lane(lane_id).name


def test_a_group_is_made_joined_renamed_marked_left_and_deleted(window, panel, stack, qtbot,
                                                                monkeypatch):
    doc, field = window.document, panel.group
    assert field.combo.currentText() == "No group" and not field.delete_button.isEnabled()
    names, proposed = iter(["Customer facing", "Front office"]), []
    monkeypatch.setattr(questions, "ask_group_name",
                        lambda *a: proposed.append(a[2]) or next(names))

    pick(qtbot, field.combo, "New group…")
    group = doc.model.chain.groups[0]
    assert (group.name, doc.lane("engage").group) == ("Customer facing", group.id)
    assert field.combo.currentText() == "Customer facing" and stack.count() == 1
    assert proposed == ["Primary activities"]  # the first group's name, proposed as Porter's
    assert "CUSTOMER FACING" in _labels(window)

    _show(window, panel, "deliver-support")
    assert field.combo.currentText() == "No group"
    pick(qtbot, field.combo, "Customer facing")
    assert doc.lane("deliver-support").group == group.id and stack.count() == 2

    qtbot.mouseClick(field.rename_button, Qt.MouseButton.LeftButton)
    assert doc.model.chain.groups[0].name == "Front office" and stack.count() == 3
    assert field.combo.currentText() == "Front office" and "FRONT OFFICE" in _labels(window)

    qtbot.mouseClick(field.support, Qt.MouseButton.LeftButton)
    assert doc.model.chain.groups[0].support and stack.count() == 4

    pick(qtbot, field.combo, "No group")
    assert doc.lane("deliver-support").group is None and stack.count() == 5
    assert not field.delete_button.isEnabled()

    _show(window, panel, "engage")
    qtbot.mouseClick(field.delete_button, Qt.MouseButton.LeftButton)
    assert doc.model.chain.groups == [] and doc.lane("engage").group is None
    assert stack.count() == 6 and stack.undoText() == "Delete lane group “Front office”"
    assert _labels(window) == [] and field.combo.currentText() == "No group"

    stack.undo()
    assert doc.lane("engage").group == group.id and doc.model.chain.groups[0].support
    assert field.combo.currentText() == "Front office" and "FRONT OFFICE" in _labels(window)
    while stack.canUndo():
        stack.undo()
    assert doc.model.chain.groups == [] and doc.lane("deliver-support").group is None


def test_a_cancelled_new_group_changes_nothing_and_shows_the_group_again(window, panel, stack,
                                                                        qtbot, monkeypatch):
    monkeypatch.setattr(questions, "ask_group_name", lambda *a: None)
    pick(qtbot, panel.group.combo, "New group…")
    assert stack.count() == 0 and window.document.model.chain.groups == []
    assert panel.group.combo.currentText() == "No group"


def test_deleting_a_group_takes_every_lane_out_in_one_step(window, panel, stack, qtbot,
                                                           monkeypatch):
    doc = window.document
    monkeypatch.setattr(questions, "ask_group_name", lambda *a: "Support")
    pick(qtbot, panel.group.combo, "New group…")
    for lane_id in ("plan", "improve"):
        _show(window, panel, lane_id)
        pick(qtbot, panel.group.combo, "Support")
    assert stack.count() == 3
    qtbot.mouseClick(panel.group.delete_button, Qt.MouseButton.LeftButton)
    assert [lane.group for lane in doc.model.chain.lanes] == [None] * len(doc.model.chain.lanes)
    assert stack.count() == 4
    stack.undo()
    assert {lane.id for lane in doc.model.chain.lanes if lane.group} == {"engage", "plan",
                                                                       "improve"}
