"""Stakeholders panel: the registry (add, rename, kind, external, remove) and the RACI matrix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.panels.conftest import choose_cell, edit_cell
from vscdesk.panels import questions
from vscdesk.panels.stakeholders_panel import DESCRIPTION, EXTERNAL, INITIALS, KIND, NAME
from tests.windows import open_panel


@pytest.fixture
def panel(window):
    return open_panel(window, "stakeholders", [], "restore-service")


def row_of(panel, person_id):
    return next(r for r in range(panel.table.rowCount()) if panel.person_id(r) == person_id)


def test_rename_in_the_table_reaches_stage_cards(window, panel, stack, qtbot):
    before = stack.count()
    edit_cell(qtbot, panel.table, row_of(panel, "service-desk"), NAME, "IT help desk")
    assert window.document.stakeholder("service-desk").name == "IT help desk"
    assert stack.count() == before + 1
    stack.undo()
    assert panel.table.item(row_of(panel, "service-desk"), NAME).text() == "Service desk"
    assert stack.count() == before + 1


def test_blank_name_is_refused_and_the_cell_shows_the_old_name(window, panel, stack, qtbot):
    before = stack.count()
    edit_cell(qtbot, panel.table, 0, NAME, "")
    assert window.document.stakeholder("user").name == "User"
    assert stack.count() == before
    assert "blank" in panel.errors.text() and panel.errors.isVisible()
    assert panel.table.item(0, NAME).text() == "User"


def test_kind_and_external(window, panel, stack, qtbot):
    row = row_of(panel, "service-desk")
    choose_cell(qtbot, panel.table, row, KIND, "Partner")
    assert window.document.stakeholder("service-desk").kind == "partner"
    cell = panel.table.visualItemRect(panel.table.item(row, EXTERNAL))
    check = panel.table.style().subElementRect(  # click the check box itself
        panel.table.style().SubElement.SE_ItemViewItemCheckIndicator, _option(panel, row), panel.table)
    pos = check.center() if check.isValid() and cell.contains(check.center()) else cell.center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    assert window.document.stakeholder("service-desk").external is True
    stack.undo()
    assert panel.table.item(row, EXTERNAL).checkState() == Qt.CheckState.Unchecked


def _option(panel, row):
    from PySide6.QtWidgets import QStyleOptionViewItem

    option = QStyleOptionViewItem()
    index = panel.table.model().index(row, EXTERNAL)
    panel.table.itemDelegate().initStyleOption(option, index)
    option.rect = panel.table.visualRect(index)
    return option


def test_add_opens_the_new_name_for_typing(window, panel, stack, qtbot):
    before = stack.count()
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    assert stack.count() == before + 1
    assert window.document.model.stakeholders[-1].name == "New stakeholder"
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Auditor")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.table.state() != panel.table.State.EditingState)
    assert window.document.model.stakeholders[-1].name == "Auditor"


def test_removing_a_referenced_stakeholder_asks_and_removes_references_in_one_step(
        window, panel, stack, qtbot, monkeypatch):
    asked = []
    monkeypatch.setattr(questions, "confirm_remove_stakeholder",
                        lambda parent, name, refs: asked.append((name, refs)) or False)
    panel.table.selectRow(row_of(panel, "service-desk"))
    before = stack.count()
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert asked and asked[0][0] == "Service desk" and asked[0][1] > 1
    assert stack.count() == before and "service-desk" in window.document
    monkeypatch.setattr(questions, "confirm_remove_stakeholder", lambda *a: True)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    doc = window.document
    assert "service-desk" not in doc
    assert all(r.stakeholder != "service-desk" for s in doc.stages() for r in s.stakeholders)
    assert doc.stream("restore-service").owner is None
    assert stack.count() == before + 1
    stack.undo()
    assert doc.stream("restore-service").owner == "service-desk"
    assert "SD" in [panel.matrix.horizontalHeaderItem(c).text()
                    for c in range(panel.matrix.columnCount())]


def test_raci_matrix_letters_by_keyboard(window, panel, stack, qtbot):
    matrix = panel.matrix
    assert matrix.verticalHeaderItem(0).text() == "1. Report the problem"
    cols = {matrix.person_id(c): c for c in range(matrix.columnCount())}
    assert matrix.item(0, cols["service-desk"]).text() == "R"
    matrix.setFocus()
    matrix.setCurrentCell(0, cols["problem-manager"])
    before = stack.count()
    qtbot.keyClick(matrix, Qt.Key.Key_A)
    refs = {r.stakeholder: r for r in window.document.stage("report-problem").stakeholders}
    assert refs["problem-manager"].raci == "A" and refs["problem-manager"].role == "participating"
    assert stack.count() == before + 1
    matrix.setCurrentCell(1, cols["support-team"])
    qtbot.keyClick(matrix, Qt.Key.Key_Delete)
    assert all(r.stakeholder != "support-team"
               for r in window.document.stage("diagnose-fix").stakeholders)
    stack.undo()
    assert matrix.item(1, cols["support-team"]).text() == "R"


def test_raci_matrix_takes_the_upper_case_letters_of_its_legend(window, panel, stack, qtbot):
    matrix = panel.matrix
    cols = {matrix.person_id(c): c for c in range(matrix.columnCount())}
    matrix.setFocus()
    matrix.setCurrentCell(0, cols["problem-manager"])
    before = stack.count()
    for key, value in ((Qt.Key.Key_R, "R"), (Qt.Key.Key_A, "A"), (Qt.Key.Key_C, "C"),
                       (Qt.Key.Key_I, "I")):
        qtbot.keyClick(matrix, key, Qt.KeyboardModifier.ShiftModifier)
        refs = {r.stakeholder: r for r in window.document.stage("report-problem").stakeholders}
        assert refs["problem-manager"].raci == value
        assert matrix.item(0, cols["problem-manager"]).text() == value
    assert stack.count() > before


def test_raci_matrix_cell_choice_and_stream_choice(window, panel, stack, qtbot):
    matrix = panel.matrix
    cols = {matrix.person_id(c): c for c in range(matrix.columnCount())}
    choose_cell(qtbot, matrix, 0, cols["user"], "C · Consulted")
    assert window.document.stage("report-problem").stakeholders[0].raci == "C"
    from tests.panels.conftest import pick
    pick(qtbot, panel.picker, "Deliver a new service")
    assert window.selection.stream_id == "new-service"
    assert matrix.rowCount() == len(window.document.stream("new-service").stages)


def test_initials_and_description_cells(window, panel, stack, qtbot):
    row = row_of(panel, "service-desk")
    edit_cell(qtbot, panel.table, row, INITIALS, "HD")
    assert window.document.stakeholder("service-desk").initials == "HD"
    card = window.scene.items_by_key["stage:report-problem"].group
    assert "HD" in [p.text for p in card.items if hasattr(p, "text")]  # the badge follows
    edit_cell(qtbot, panel.table, row, INITIALS, "")  # empty: letters from the name again
    assert window.document.stakeholder("service-desk").initials == ""
    card = window.scene.items_by_key["stage:report-problem"].group
    assert "SD" in [p.text for p in card.items if hasattr(p, "text")]
    edit_cell(qtbot, panel.table, row, DESCRIPTION, "First line support")
    assert window.document.stakeholder("service-desk").description == "First line support"
    assert stack.count() == 2  # the two initials edits merge, like typing in one field
