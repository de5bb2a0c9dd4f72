"""A read-only document refuses every edit a user can make: no undo step, no '*', no change.

Each gesture runs three ways on the bundled example in a real window: editable (the gesture
must edit, else the test proves nothing), read-only only in the Document (actions and panels
stay enabled, so the gesture reaches ``Document`` and its one check must refuse it) and
read-only as the app sets it (greyed-out actions and panels).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication


from vscdesk.layout.chain import layout_chain
from tests.panels.conftest import edit_cell, type_into

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def _at(window, x: float, y: float) -> QPoint:
    return window.view.mapFromScene(QPointF(x, y))


def _card(window, stage_id: str) -> QPoint:
    centre = window.scene.item_for(stage_id).sceneBoundingRect().center()
    return _at(window, centre.x(), centre.y())


def _drag(window, qtbot, start: QPoint, end: QPoint, modifier=NONE) -> None:
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, start)
    for k in range(1, 5):
        qtbot.mouseMove(viewport, start + (end - start) * (k / 4))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, end)


def _click_select(window, qtbot, *ids: str) -> None:
    viewport = window.view.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=_card(window, ids[0]))
    for sid in ids[1:]:
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, CTRL, _card(window, sid))


def _select(window, *ids: str) -> None:
    window.selection.set(ids, window.document.stream_of(ids[-1]).id)
    window.view.setFocus()


def _key(window, qtbot, key, modifier=NONE, *ids: str) -> None:
    if ids:
        _select(window, *ids)
    window.view.setFocus()
    qtbot.keyClick(window.view, key, modifier)


def _name_in_place(window, qtbot, text: str) -> None:
    """Type into the inline editor if the gesture opened it (an edit refused opens nothing)."""
    line = window.features.edit_actions.editing.editor.line
    if line.isVisible():
        line.selectAll()
        qtbot.keyClicks(line, text)
        qtbot.keyClick(line, Qt.Key.Key_Return)


def _lane(window, lane_id):
    return next(g for g in layout_chain(window.document.model).lanes if g.id == lane_id)


def _row(window, stream_id):
    return next(r for r in layout_chain(window.document.model).rows if r.stream_id == stream_id)


def group_drag(window, qtbot):
    _click_select(window, qtbot, "approve", "procure-device")
    plan, row = _lane(window, "plan").column, _row(window, "restore-service").band
    _drag(window, qtbot, _card(window, "approve"), _at(window, plan.cx, row.cy))


def card_drag(window, qtbot):
    improve, row = _lane(window, "improve").column, _row(window, "fulfil-request").band
    _drag(window, qtbot, _card(window, "approve"), _at(window, improve.cx, row.cy))


def lane_header_drag(window, qtbot):
    plan, engage = _lane(window, "plan").header, _lane(window, "engage").column
    _drag(window, qtbot, _at(window, plan.cx, plan.cy), _at(window, engage.right - 10, plan.cy))


def stream_label_drag(window, qtbot):
    first, last = _row(window, "restore-service").header, _row(window, "new-service").header
    _drag(window, qtbot, _at(window, first.cx, first.cy), _at(window, first.cx, last.bottom - 5))


def shift_drag_link(window, qtbot):
    _drag(window, qtbot, _card(window, "approve"), _card(window, "build-test"), SHIFT)


def delete_key(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_Delete, NONE, "approve")


def duplicate_key(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_D, CTRL, "approve")


def move_keys(window, qtbot):
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_PageDown):
        _key(window, qtbot, key, ALT, "approve")


def link_key(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_L, CTRL, "approve", "operate")


def insert_and_name(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_Insert, NONE, "approve")
    _name_in_place(window, qtbot, "Check budget")


def rename_key(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_F2, NONE, "approve")
    _name_in_place(window, qtbot, "Approve budget")


def double_click_rename(window, qtbot):
    qtbot.mouseDClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=_card(window, "operate"))
    _name_in_place(window, qtbot, "Run it")


def add_stream_and_lane(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_R, CTRL | SHIFT)
    _name_in_place(window, qtbot, "Partner onboarding")
    _key(window, qtbot, Qt.Key.Key_L, CTRL | SHIFT)
    _name_in_place(window, qtbot, "Partners")


def cut_and_paste(window, qtbot):
    _key(window, qtbot, Qt.Key.Key_C, CTRL, "approve")
    _key(window, qtbot, Qt.Key.Key_V, CTRL, "report-problem")
    _key(window, qtbot, Qt.Key.Key_X, CTRL, "operate")


def link_kind_from_context_menu(window, qtbot):
    from vscdesk.canvas.interaction import Target

    menu = window.features.edit_actions.context_menu(Target("link", "fix-rework"))
    next(a for a in menu.actions() if a.text() == "Hand-off").trigger()


def stage_panel_name(window, qtbot):
    window.features.docks["stage"].raise_()
    window.selection.set(["report-problem"], "restore-service")
    type_into(qtbot, window.features.docks["stage"].widget().details.name, "Log the incident")


def stream_panel_trigger(window, qtbot):
    window.features.docks["stream"].raise_()
    window.selection.set(["approve"], "fulfil-request")
    type_into(qtbot, window.features.docks["stream"].widget().trigger, "Employee starts a new job")


def stakeholder_cell(window, qtbot):
    from vscdesk.panels.stakeholders_panel import NAME

    window.features.docks["stakeholders"].raise_()
    panel = window.features.docks["stakeholders"].widget()
    edit_cell(qtbot, panel.table, 0, NAME, "Colleague")


def header_moves(window, qtbot):
    window.selection.pick("stream", "restore-service")
    window.actions["stream_down"].trigger()
    window.selection.pick("lane", "engage")
    window.actions["lane_right"].trigger()


def lane_panel_name(window, qtbot):
    window.selection.pick("lane", "engage")
    window.features.structure.show_lane_panel()
    type_into(qtbot, window.features.docks["lane"].widget().name, "Engage customers")


def link_panel_delete(window, qtbot):
    from tests.panels.test_link_panel import click_link

    window.view.fit()
    click_link(window, qtbot, "fix-rework")
    window.features.structure.show_link_panel()
    qtbot.mouseClick(window.features.docks["link"].widget().delete_button, Qt.MouseButton.LeftButton)
    window.view.set_zoom(1.0)


CANVAS = [group_drag, card_drag, lane_header_drag, stream_label_drag, shift_drag_link,
          delete_key, duplicate_key, move_keys, link_key, insert_and_name, rename_key,
          double_click_rename, add_stream_and_lane, cut_and_paste, link_kind_from_context_menu,
          header_moves]
#: panels are greyed out while the app holds the document read-only: not typed into then
PANELS = [stage_panel_name, stream_panel_trigger, stakeholder_cell, lane_panel_name,
          link_panel_delete]


@pytest.fixture
def window(make_window):
    win = make_window(name=None, focused=True)
    QApplication.clipboard().clear()
    return win


def _run(window, qtbot, gestures, expect_edit: bool) -> None:
    doc = window.document
    before = doc.model.model_dump()
    for gesture in gestures:
        gesture(window, qtbot)
        if expect_edit:
            assert doc.is_modified(), f"{gesture.__name__} made no edit: the test proves nothing"
            doc.undo_stack.setIndex(0)
            doc.undo_stack.clear()
        else:
            assert doc.undo_stack.count() == 0, (gesture.__name__, doc.undo_stack.text(0))
            assert not doc.is_modified() and not window.isWindowModified(), gesture.__name__
        window.selection.clear()
    assert doc.model.model_dump() == before


def test_every_gesture_edits_an_editable_document(window, qtbot):
    _run(window, qtbot, CANVAS + PANELS, expect_edit=True)


def test_the_document_alone_refuses_every_gesture(window, qtbot):
    window.document.read_only = True  # actions and panels stay enabled: only the door checks
    _run(window, qtbot, CANVAS + PANELS, expect_edit=False)


def test_a_document_opened_read_only_refuses_every_gesture(window, qtbot):
    window.features.locking.set_read_only(True)
    _run(window, qtbot, CANVAS, expect_edit=False)
