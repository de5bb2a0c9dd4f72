"""Stage panel fields no other test types into: the description and the four name lists."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from tests.windows import open_panel


@pytest.fixture
def panel(window):
    return open_panel(window, "stage", ["approve"], "fulfil-request")


def test_description_commits_on_tab(window, panel, stack, qtbot):
    field = panel.details.description
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "The line manager approves the request")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert window.document.stage("approve").description == "The line manager approves the request"
    assert stack.count() == 1


@pytest.mark.parametrize("field", ["value_items", "entrance_criteria", "exit_criteria",
                                   "capabilities"])
def test_each_list_takes_a_typed_item_as_one_step(window, panel, stack, qtbot, field):
    panel.tabs.setCurrentIndex(1)
    editor = panel.lists.editors[field]
    before = list(getattr(window.document.stage("approve"), field))
    editor.add_field.setFocus()
    qtbot.keyClicks(editor.add_field, "Budget checked")
    qtbot.keyClick(editor.add_field, Qt.Key.Key_Return)
    assert getattr(window.document.stage("approve"), field) == before + ["Budget checked"]
    assert stack.count() == 1
    stack.undo()
    assert getattr(window.document.stage("approve"), field) == before
