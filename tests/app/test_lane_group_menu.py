"""Lane groups edited in the window from a lane header's menu: a new group with its first
lane, renamed, marked as support, lanes put in and taken out; each one undo step, drawn at
once (group names over the lanes, support lanes hatched)."""

from __future__ import annotations

from vscdesk.app import dialogs
from vscdesk.canvas.interaction import Target


def _submenu(window, lane_id: str):
    menu = window.features.edit_actions.context_menu(Target("lane", lane_id))
    entry = next(a for a in menu.actions() if a.text() == "Lane &group")
    return {a.text(): a for a in entry.menu().actions() if a.text()}


def _labels(window) -> list[str]:
    group = window.scene.items_by_key.get("lane-groups")
    return [] if group is None else [p.text for p in group.group.items if hasattr(p, "text")]


def test_groups_are_created_renamed_marked_and_assigned_one_step_each(window, monkeypatch):
    doc, stack = window.document, window.document.undo_stack
    answers = iter(["Primary activities", "Core activities"])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: next(answers))
    start = stack.count()

    _submenu(window, "plan")["New group with this lane…"].trigger()
    group = doc.model.chain.groups[0]
    assert (group.name, doc.lane("plan").group) == ("Primary activities", group.id)
    assert stack.count() == start + 1 and "PRIMARY ACTIVITIES" in _labels(window)

    _submenu(window, "improve")["Primary activities"].trigger()
    assert doc.lane("improve").group == group.id and stack.count() == start + 2

    _submenu(window, "plan")["Rename “Primary activities”…"].trigger()
    assert doc.model.chain.groups[0].name == "Core activities"
    assert "CORE ACTIVITIES" in _labels(window) and stack.count() == start + 3

    support = _submenu(window, "plan")["Support activities (drawn hatched)"]
    assert not support.isChecked()
    support.trigger()
    assert doc.model.chain.groups[0].support and stack.count() == start + 4
    assert _submenu(window, "plan")["Support activities (drawn hatched)"].isChecked()

    _submenu(window, "improve")["No group"].trigger()
    assert doc.lane("improve").group is None and stack.count() == start + 5

    for _ in range(5):
        stack.undo()
    assert doc.model.chain.groups == [] and doc.lane("plan").group is None
    assert _labels(window) == []


def test_a_cancelled_name_changes_nothing(window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: None)
    count = window.document.undo_stack.count()
    _submenu(window, "plan")["New group with this lane…"].trigger()
    assert window.document.undo_stack.count() == count
    assert window.document.model.chain.groups == []


def test_the_margin_is_set_and_removed_from_the_lane_menu(window, monkeypatch):
    doc, stack = window.document, window.document.undo_stack
    answers = iter(["Margin", ""])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: next(answers))
    _submenu(window, "plan")["Margin at the end of the chain…"].trigger()
    assert doc.model.chain.margin == "Margin" and "margin" in window.scene.items_by_key
    _submenu(window, "plan")["Margin at the end of the chain…"].trigger()
    assert doc.model.chain.margin == "" and "margin" not in window.scene.items_by_key
    stack.undo()
    assert doc.model.chain.margin == "Margin" and "margin" in window.scene.items_by_key


def test_a_new_lane_never_takes_a_groups_id(window, monkeypatch):
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "New lane")
    _submenu(window, "plan")["New group with this lane…"].trigger()
    group = window.document.model.chain.groups[0]
    assert group.id in window.document
    assert window.document.new_id("New lane", "lane") != group.id


def test_a_group_is_deleted_from_the_lane_menu_in_one_step(window, monkeypatch):
    doc, stack = window.document, window.document.undo_stack
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "Primary activities")
    _submenu(window, "plan")["New group with this lane…"].trigger()
    _submenu(window, "improve")["Primary activities"].trigger()
    start = stack.count()
    _submenu(window, "improve")["Delete group “Primary activities”"].trigger()
    assert doc.model.chain.groups == [] and stack.count() == start + 1
    assert doc.lane("plan").group is None and doc.lane("improve").group is None
    assert _labels(window) == []
    stack.undo()
    assert [lane.group for lane in doc.model.chain.lanes][:2] == [doc.model.chain.groups[0].id] * 2
    assert "PRIMARY ACTIVITIES" in _labels(window)
