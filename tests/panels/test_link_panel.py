"""Link panel: the link clicked on the canvas, its kind, label and SLAs, and deleting it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from tests.panels.conftest import pick, type_into
from tests.panels.sla_helpers import EDITED, edit_every_column, values


def click_link(window, qtbot, link_id):
    """A real click on the link's line (its shape, where the scene's hit test finds it)."""
    item = window.scene.items_by_key[f"link:{link_id}"]
    path, rect = item.shape(), item.shape().boundingRect()
    for k in range(1, 40):
        local = rect.topLeft() + (rect.bottomRight() - rect.topLeft()) * (k / 40)
        for dy in range(-8, 9, 2):
            probe = local + QPointF(0, dy)
            point = item.mapToScene(probe)
            if path.contains(probe) and window.scene.items(point)[0] is item:
                qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton,
                                 pos=window.view.mapFromScene(point))
                return
    raise AssertionError("no point on the link's line")


@pytest.fixture
def panel(window, qtbot):
    window.view.fit()
    click_link(window, qtbot, "fix-rework")
    window.features.structure.show_link_panel()
    return window.features.docks["link"].widget()


def link(window):
    return window.document.link("fix-rework")


def test_shows_the_clicked_link(window, panel):
    assert window.selection.link_ids == ("fix-rework",)
    assert panel.kind.currentData() == link(window).kind
    doc = window.document
    assert panel.ends.text() == (f"{doc.stage(link(window).source).name} → "
                                 f"{doc.stage(link(window).target).name}")


def test_kind_and_label_are_one_step_each(window, panel, stack, qtbot):
    pick(qtbot, panel.kind, "Hand-off")
    type_into(qtbot, panel.label, "ticket reopened")
    assert (link(window).kind, link(window).label) == ("handoff", "ticket reopened")
    assert stack.count() == 2
    stack.undo()
    stack.undo()
    assert panel.kind.currentText() == "Rework"


def test_sla_rows_are_added_and_every_column_edited(window, panel, stack, qtbot):
    qtbot.mouseClick(panel.slas.add_button, Qt.MouseButton.LeftButton)
    assert len(link(window).slas) == 1
    edit_every_column(qtbot, panel.slas.table)
    assert values(link(window).slas[0]) == EDITED
    assert stack.count() == 7  # the new row, then one step per committed cell
    qtbot.mouseClick(panel.slas.remove_button, Qt.MouseButton.LeftButton)
    assert link(window).slas == []


def test_delete_button_and_undo(window, panel, stack, qtbot):
    qtbot.mouseClick(panel.delete_button, Qt.MouseButton.LeftButton)
    assert "fix-rework" not in window.document
    assert panel.body.isHidden() and not panel.empty.isHidden()
    stack.undo()
    assert "fix-rework" in window.document


def test_without_a_link_it_says_how_to_pick_one(window, qtbot):
    window.features.structure.show_link_panel()
    panel = window.features.docks["link"].widget()
    assert not panel.empty.isHidden() and panel.body.isHidden()
